import { describe, expect, test } from 'vitest';
import { parseDockerCommand } from '../../../../src/adapters/slack/docker-command.ts';
import { commandLineOf, mentionedText, typedText } from '../../../../src/adapters/slack/mention-text.ts';
import { createCommandRegistry } from '../../../../src/core/index.ts';

const registry = createCommandRegistry();

describe('what a mention asks', () => {
  test.each([
    ['a mention before the question', "<@UBOT> what's a dangling image?", "what's a dangling image?"],
    ['a mention after it', 'image vs container <@UBOT>', 'image vs container'],
    ['a mention with a label', '<@UBOT|stevedore> help', 'help'],
    ['a mention alone', '<@UBOT>', ''],
  ])('GIVEN %s THEN the bot is addressed and its mention removed', (_, text, asked) => {
    expect(mentionedText(text, 'UBOT')).toBe(asked);
  });

  test.each([
    ['inside a code block', 'look: ```<@UBOT> what is a layer```'],
    ['inside inline code', 'type `<@UBOT> help` to get help'],
    ['inside a quote', '&gt; <@UBOT> what is a volume\nthat is what I asked'],
    ['of another user', '<@UOTHER> what is a volume'],
  ])('GIVEN a mention %s THEN the bot is not addressed', (_, text) => {
    expect(mentionedText(text, 'UBOT')).toBeUndefined();
  });

  test.each([
    ['help', 'help'],
    ['quiz', 'quiz'],
    ['/quiz mcq volumes', 'quiz mcq volumes'],
    ['', 'help'],
    ['\u0000\u0000 ', 'help'],
    ['what is a volume', 'ask what is a volume'],
    ['quiz me on volumes please', 'ask quiz me on volumes please'],
  ])('GIVEN %j THEN the command line is %j', (text, line) => {
    expect(commandLineOf(registry, text)).toBe(line);
  });

  test('Slack\'s escapes and links read as typed; mentions stay for the core to quote', () => {
    expect(typedText('a &lt;none&gt; image &amp;&amp; <https://docs.docker.com|the docs> <@U1>')).toBe('a <none> image && the docs <@U1>');
  });
});

describe('/docker subcommands from the registry', () => {
  test('GIVEN nothing after /docker THEN it is help', () => {
    expect(parseDockerCommand(registry, '  ')).toEqual({ ok: true, name: 'help', args: {} });
  });

  test('GIVEN a subcommand with free text THEN the text reaches the argument exactly as typed', () => {
    expect(parseDockerCommand(registry, 'ask why does  "latest"\nmove?')).toEqual({ ok: true, name: 'ask', args: { question: 'why does  "latest"\nmove?' } });
    expect(parseDockerCommand(registry, 'quiz mcq volumes')).toMatchObject({ ok: true, name: 'quiz', args: { mode: 'mcq' } });
  });

  test('GIVEN an unknown subcommand THEN the answer says did you mean, and lists the commands', () => {
    const parsed = parseDockerCommand(registry, 'qiuz volumes');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reply.text).toContain('Did you mean `/quiz`?');
    expect(parsed.reply.fields?.[0]?.value).toContain('`/ask`');
    expect(parsed.reply.ephemeral).toBe(true);
  });
});
