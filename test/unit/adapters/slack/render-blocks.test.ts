import { describe, expect, test } from 'vitest';
import { markdownToMrkdwn, escapeMrkdwn } from '../../../../src/adapters/slack/mrkdwn.ts';
import { renderBlocks, splitMrkdwn, cutMrkdwn } from '../../../../src/adapters/slack/render-blocks.ts';
import { describeProblem, quoteUserText, type Reply } from '../../../../src/core/index.ts';
import { HOSTILE_INPUTS, couldPing } from '../../../fixtures/hostile-inputs.ts';
import { createTestApp } from '../../../fixtures/test-app.ts';
import { blockProblems, unescapedProblems } from '../../../e2e/slack/slack-payload-limits.ts';

const NAMES = ['ask', 'quiz', 'help', 'topics'];

describe('the Markdown subset as Slack mrkdwn', () => {
  test.each([
    ['bold', 'a **layer** is', 'a *layer* is'],
    ['italics', 'an *image* is a template', 'an _image_ is a template'],
    ['bold and italics together', '**Class and object**: *one class*', '*Class and object*: _one class_'],
    ['inline code keeps its text, escaped', 'run `docker run -p 8080:80 <image>`', 'run `docker run -p 8080:80 &lt;image&gt;`'],
    ['a link', 'see [the docs](https://docs.docker.com/a?b=1&c=2)', 'see <https://docs.docker.com/a?b=1&amp;c=2|the docs>'],
    ['a list', '- one\n* two', '• one\n• two'],
    ['a heading', '## Why it matters', '*Why it matters*'],
    ['a code block', '```dockerfile\nFROM alpine\nRUN a && b > c\n```', '```\nFROM alpine\nRUN a &amp;&amp; b &gt; c\n```'],
    ['angle brackets and ampersands', 'a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['a control sequence typed as text', '<!channel> <@U123> <#C1|general> <!subteam^S1>', '&lt;!channel&gt; &lt;@U123&gt; &lt;#C1|general&gt; &lt;!subteam^S1&gt;'],
    ['a link that is not http', '[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['escaped Markdown from quoteUserText', '\\*\\*bold\\*\\* \\`code\\` \\[link\\]', '*\u200B*\u200Bbold*\u200B*\u200B `\u200Bcode`\u200B [link]'],
  ])('%s', (_, markdown, mrkdwn) => {
    const rendered = markdownToMrkdwn(markdown);
    console.log(`${JSON.stringify(markdown)}\n  → ${JSON.stringify(rendered)}`);
    expect(rendered).toBe(mrkdwn);
    expect(unescapedProblems(rendered)).toEqual([]);
  });

  test('GIVEN any hostile input, quoted by the core or not THEN the mrkdwn can never form a control sequence', () => {
    for (const [, input] of HOSTILE_INPUTS) {
      for (const text of [input, quoteUserText(input), `**${input}**`, `[${input}](https://x.example)`, `\`${input}\``]) {
        expect(unescapedProblems(markdownToMrkdwn(text)), JSON.stringify(text)).toEqual([]);
      }
    }
  });

  test('escapeMrkdwn escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & <b> "c"')).toBe('a &amp; &lt;b&gt; "c"');
  });
});

describe('a reply as Block Kit', () => {
  test('GIVEN a titled answer with a field, buttons and a footer THEN it is a header, sections, actions and a context', () => {
    const reply: Reply = {
      tone: 'answer',
      title: 'Images and containers',
      text: 'An **image** is a template; see `/topics`.',
      fields: [{ name: 'Commands', value: '`docker run <image>`' }],
      actions: [[{ id: 'v1:quiz:cards:images', label: 'Quiz me on this', style: 'primary' }, { id: 'v1:vote:up:abcdefgh', label: '👍 Helpful', style: 'secondary' }]],
      footer: 'Type /help for more.',
    };
    const message = renderBlocks(reply, { commandNames: NAMES });
    console.log(JSON.stringify(message, null, 2));
    expect(message).toEqual({
      text: 'Images and containers',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Images and containers', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'An *image* is a template; see `/docker topics`.', verbatim: true } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Commands*\n`docker run &lt;image&gt;`', verbatim: true } },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'v1:quiz:cards:images', text: { type: 'plain_text', text: 'Quiz me on this', emoji: true }, style: 'primary' },
            { type: 'button', action_id: 'v1:vote:up:abcdefgh', text: { type: 'plain_text', text: '👍 Helpful', emoji: true } },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Type /docker help for more.', verbatim: true }] },
      ],
    });
  });

  test('GIVEN an error THEN its title is marked, and the message fits', () => {
    const message = renderBlocks(describeProblem({ code: 'unknown-command', name: 'qiz', suggestion: 'quiz' }), { commandNames: NAMES });
    console.log(JSON.stringify(message, null, 2));
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '⚠️ Unknown command', emoji: true } });
    expect(JSON.stringify(message.blocks[1])).toContain('Did you mean `/docker quiz`?');
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  test('GIVEN a picture that could not be uploaded THEN its text drawing and the hint take its place', () => {
    const reply: Reply = { tone: 'answer', title: 'Layers', text: 'Caption', image: { name: 'l.png', png: new Uint8Array([1]), alt: 'alt', fallbackText: '┌─┐\n│<│\n└─┘' } };
    expect(renderBlocks(reply).blocks).toHaveLength(2);
    const withText = renderBlocks(reply, { imageAsText: 'Could not upload.' });
    expect(withText.blocks.slice(2)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '```\n┌─┐\n│&lt;│\n└─┘\n```', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Could not upload.', verbatim: true }] },
    ]);
  });

  test('GIVEN a file that could not be attached THEN a one-line note comes before the buttons and footer, and the text stays', () => {
    const reply: Reply = {
      tone: 'answer',
      title: 'Explained',
      text: 'Summary\n…and 3 more (all in the attached report).',
      file: { name: 'r.md', data: new Uint8Array([35]), mediaType: 'text/markdown; charset=utf-8', description: 'The full report' },
      actions: [[{ id: 'v1:explain:volumes', label: 'Volumes', style: 'secondary' }]],
      footer: 'Findings: 1 warning.',
    };
    expect(renderBlocks(reply).blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions', 'context']);
    const noted = renderBlocks(reply, { fileHint: 'Could not attach <it>.' });
    expect(noted.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions', 'context']);
    expect(noted.blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Could not attach &lt;it&gt;.', verbatim: true }] });
    expect(JSON.stringify(noted.blocks[1])).toContain('…and 3 more');
  });

  test('GIVEN a text far over one section THEN it is split at line breaks into sections of at most 3,000, code blocks kept closed', () => {
    const long = ['Intro line.', '```', ...Array.from({ length: 400 }, (_, i) => `RUN step ${i} && echo <done>`), '```', 'Outro.'].join('\n');
    const message = renderBlocks({ tone: 'answer', text: long });
    expect(message.blocks.length).toBeGreaterThan(3);
    for (const block of message.blocks) {
      const text = (block as { text: { text: string } }).text.text;
      expect(text.length).toBeLessThanOrEqual(3000);
      expect((text.match(/```/g)?.length ?? 0) % 2).toBe(0);
    }
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  test('GIVEN more content than 50 blocks hold THEN the text gives way and the buttons stay', () => {
    const reply: Reply = {
      tone: 'info',
      text: 'x',
      fields: Array.from({ length: 60 }, (_, i) => ({ name: `Field ${i}`, value: 'value' })),
      actions: [[{ id: 'v1:review', label: 'Review', style: 'primary' }]],
    };
    const message = renderBlocks(reply);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(blockProblems(message.blocks)).toEqual([]);
  });

  test('GIVEN long titles, labels and ids THEN each is cut to Slack\'s limit, and a button whose id Slack would refuse is left out', () => {
    const message = renderBlocks({
      tone: 'info',
      title: 'T'.repeat(400),
      text: 'x',
      actions: [[{ id: 'v1:review', label: 'L'.repeat(200), style: 'secondary' }, { id: 'x'.repeat(300), label: 'Too long an id', style: 'secondary' }]],
    });
    expect(blockProblems(message.blocks)).toEqual([]);
    const actions = message.blocks.find((b) => b.type === 'actions') as { elements: unknown[] };
    expect(actions.elements).toHaveLength(1);
  });

  test('cuts never split an escape, a link or an emoji', () => {
    expect(cutMrkdwn(`${'a'.repeat(95)}&amp;bbbbbbbbbb`, 100)).toBe(`${'a'.repeat(95)}…`);
    expect(cutMrkdwn(`${'a'.repeat(90)}<https://x.example|label>`, 100)).toBe(`${'a'.repeat(90)}…`);
    expect(cutMrkdwn(`${'a'.repeat(94)}🐳🐳🐳`, 100)).not.toMatch(/[\uD800-\uDBFF]…$/);
    expect(splitMrkdwn('', 10)).toEqual([]);
  });

  test('GIVEN every reply the shipped commands give for every topic and every hostile question THEN each fits and cannot ping', async () => {
    const app = await createTestApp();
    const request = { platform: 'slack' as const, user: { id: 'U1', name: 'Ada' }, serverId: 'T1', channelId: 'C1', now: new Date('2026-11-23T09:00:00Z') };
    const replies: Reply[] = [];
    for (const topic of app.services.knowledge.topics) replies.push(await app.registry.execute('explain', { topic: topic.id }, request, app.services));
    for (const [, input] of HOSTILE_INPUTS) replies.push(await app.registry.execute('ask', { question: input }, request, app.services));
    for (const name of ['help', 'topics', 'stats', 'leaderboard', 'diagram', 'quiz', 'review']) replies.push(await app.registry.execute(name, {}, request, app.services));
    expect(replies.filter((r) => r.tone === 'answer').length).toBeGreaterThanOrEqual(app.services.knowledge.topics.length);
    for (const reply of replies) {
      const message = renderBlocks(reply, { commandNames: app.registry.list().map((e) => e.command.name) });
      expect(blockProblems(message.blocks), reply.title).toEqual([]);
      expect(unescapedProblems(message.text)).toEqual([]);
      expect(couldPing(JSON.stringify(message)), reply.title).toBe(false);
    }
    await app.close();
  });
});
