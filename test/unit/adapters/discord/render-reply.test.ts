import { MessageFlags } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { cutText } from '../../../../src/adapters/discord/discord-limits.ts';
import { renderReply, TONE_COLOURS } from '../../../../src/adapters/discord/render-reply.ts';
import type { Reply } from '../../../../src/core/index.ts';

const reply = (extra: Partial<Reply> = {}): Reply => ({ tone: 'answer', title: 'Volumes', text: 'Data that outlives a container.', ...extra });
const totalOf = (embed: ReturnType<typeof renderReply>['embeds'][number]) =>
  (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length +
  (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

describe('renderReply', () => {
  test('GIVEN a reply THEN one embed in the tone colour with fields and footer, buttons in rows, and no pings', () => {
    const message = renderReply(
      reply({
        fields: [{ name: 'Commands', value: '`docker volume ls`', inline: true }],
        footer: 'Related: Bind mounts',
        actions: [[{ id: 'v1:quiz:cards:volumes', label: 'Quiz me on this', style: 'primary' }], [{ id: 'v1:explain:bind-mounts', label: 'Bind mounts', style: 'secondary' }]],
      }),
    );
    expect(message).toEqual({
      embeds: [
        {
          color: 0x5865f2,
          title: 'Volumes',
          description: 'Data that outlives a container.',
          fields: [{ name: 'Commands', value: '`docker volume ls`', inline: true }],
          footer: { text: 'Related: Bind mounts' },
        },
      ],
      components: [
        { type: 1, components: [{ type: 2, custom_id: 'v1:quiz:cards:volumes', label: 'Quiz me on this', style: 1 }] },
        { type: 1, components: [{ type: 2, custom_id: 'v1:explain:bind-mounts', label: 'Bind mounts', style: 2 }] },
      ],
      files: [],
      allowedMentions: { parse: [] },
    });
  });

  test.each([
    ['answer', 0x5865f2],
    ['info', 0x99aab5],
    ['unsure', 0xfee75c],
    ['error', 0xed4245],
    ['success', 0x57f287],
  ] as const)('GIVEN the tone %s THEN the colour is Discord\'s %s', (tone, colour) => {
    expect(TONE_COLOURS[tone]).toBe(colour);
    expect(renderReply(reply({ tone })).embeds[0]!.color).toBe(colour);
  });

  test('GIVEN button styles THEN each maps to its Discord style', () => {
    const styles = (['primary', 'secondary', 'success', 'danger'] as const).map((style, i) => ({ id: `v1:review:${i}`, label: style, style }));
    expect(renderReply(reply({ actions: [styles] })).components[0]!.components.map((b) => b.style)).toEqual([1, 2, 3, 4]);
  });

  test('GIVEN an ephemeral reply THEN the ephemeral flag', () => {
    expect(renderReply(reply({ ephemeral: true })).flags).toBe(MessageFlags.Ephemeral);
    expect(renderReply(reply()).flags).toBeUndefined();
  });

  test('GIVEN an image THEN it is attached under a plain name, with its alt text, and shown in the embed', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const message = renderReply(reply({ image: { name: 'VM vs container!.png', png, alt: 'Two stacks side by side.', fallbackText: 'vm | container' } }));
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://VM-vs-container-.png' });
    expect(message.files).toHaveLength(1);
    expect(message.files[0]!.name).toBe('VM-vs-container-.png');
    expect(message.files[0]!.description).toBe('Two stacks side by side.');
    expect(Buffer.from(message.files[0]!.attachment as Buffer)).toEqual(Buffer.from(png));
  });

  test('GIVEN text past every limit THEN the embed is cut to fit: title, description, fields, footer, 6,000 in all', () => {
    const message = renderReply(
      reply({
        title: 't'.repeat(300),
        text: 'd'.repeat(5000),
        fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(2000) })),
        footer: 'f'.repeat(3000),
      }),
    );
    const embed = message.embeds[0]!;
    expect(embed.title).toHaveLength(256);
    expect(embed.title!.endsWith('…')).toBe(true);
    expect(embed.footer!.text).toHaveLength(2048);
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(totalOf(embed)).toBeLessThanOrEqual(6000);
  });

  test('GIVEN too many buttons, long labels and an over-long id THEN 5 rows of 5, labels cut to 80, that button left out', () => {
    const row = (r: number) => Array.from({ length: 7 }, (_, i) => ({ id: `v1:review:${r}-${i}`, label: 'L'.repeat(90), style: 'secondary' as const }));
    const rows = [...Array.from({ length: 7 }, (_, r) => row(r))];
    rows[0]![0] = { id: `v1:explain:${'x'.repeat(100)}`, label: 'Too long an id', style: 'secondary' };
    const components = renderReply(reply({ actions: rows })).components;
    expect(components).toHaveLength(5);
    expect(components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    expect(components[0]!.components[0]!.custom_id).toBe('v1:review:0-1');
    expect(components.flatMap((r) => r.components).every((b) => b.label!.length <= 80)).toBe(true);
  });
});

describe('cutText', () => {
  test('GIVEN text within the limit THEN it is unchanged', () => {
    expect(cutText('short', 10)).toBe('short');
  });

  test('GIVEN a cut inside a code block THEN the block is closed within the limit', () => {
    const cut = cutText(`Intro\n\`\`\`\n${'docker run hello\n'.repeat(20)}\`\`\``, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…\n```')).toBe(true);
  });

  test('GIVEN a cut through an emoji THEN no half of it is left', () => {
    const cut = cutText('ab🐳🐳🐳', 4);
    expect(cut).toBe('ab…');
  });
});
