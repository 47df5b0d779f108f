import { describe, expect, test } from 'vitest';
import { consoleExample, readReadme, withConsoleExample } from '../../scripts/readme-examples.ts';
import { createApp } from '../../src/app.ts';

describe('README examples', () => {
  test('GIVEN the README console example THEN it is exactly what the console prints (npm run docs:examples regenerates it)', async () => {
    const readme = await readReadme();
    expect(readme).toBe(withConsoleExample(readme, await consoleExample()));
  });
});

describe('README Discord example', () => {
  test('GIVEN the embed sketched in the README THEN its title, text, commands and buttons are the real reply to /ask', async () => {
    const readme = await readReadme();
    const start = readme.indexOf('```\n', readme.indexOf('`/ask question: image vs container?` in a channel shows this embed'));
    const block = readme.slice(start + 4, readme.indexOf('```', start + 4)).trimEnd().split('\n');
    const app = await createApp({ DATABASE_PATH: ':memory:' });
    const reply = await app.registry.execute('ask', { question: 'image vs container?' }, { platform: 'discord', user: { id: 'u', name: 'u' }, now: new Date() }, app.services);
    await app.close();

    const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '').replace(/^- /gm, '• ').replace(/\s+/g, ' ').trim();
    const embed = block.filter((l) => l.startsWith('┃')).map((l) => l.replace(/^┃ ?/, '').replace(/\s+←.*$/, ''));
    const commandsAt = embed.indexOf('Commands');
    expect(embed[0]).toBe(reply.title);
    expect(plain(embed.slice(1, commandsAt).join('\n'))).toBe(plain(reply.text));
    expect(embed.slice(commandsAt + 1)).toEqual(plain(reply.fields![0]!.value).split(/ (?=docker )/));
    const rows = block.filter((l) => l.startsWith('[ ')).map((l) => [...l.matchAll(/\[ ([^\]]+?) \]/g)].map((m) => m[1]));
    expect(rows).toEqual(reply.actions!.map((row) => row.map((a) => a.label)));
  });
});
