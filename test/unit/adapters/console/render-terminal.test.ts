import { describe, expect, test } from 'vitest';
import { inlineToTerminal, markdownToTerminal, renderReplyForTerminal } from '../../../../src/adapters/console/render-terminal.ts';
import { quoteUserText } from '../../../../src/core/index.ts';

describe('inlineToTerminal', () => {
  test('GIVEN emphasis without colour THEN the words stay and the asterisks go', () => {
    expect(inlineToTerminal('stay out of *every* layer, **really** _all_', false)).toBe('stay out of every layer, really all');
  });

  test('GIVEN emphasis with colour THEN it becomes ANSI italic and bold', () => {
    expect(inlineToTerminal('*every* **one**', true)).toBe('\x1b[3mevery\x1b[0m \x1b[1mone\x1b[0m');
  });

  test('GIVEN code spans THEN their contents stay verbatim, asterisks and underscores included', () => {
    expect(inlineToTerminal('run `rm *.log my_file` now', false)).toBe('run rm *.log my_file now');
  });

  test('GIVEN user text escaped by the core THEN the terminal shows exactly what the user typed', () => {
    const name = '**boss** _x_ [a](b)';
    expect(inlineToTerminal(`Hi ${quoteUserText(name)}`, false)).toBe(`Hi ${name}`);
  });
});

describe('renderReplyForTerminal', () => {
  test('GIVEN a title with a user name marked as user text THEN it shows the name as typed, without backslashes', () => {
    const { text } = renderReplyForTerminal({ tone: 'info', title: `Progress for ${quoteUserText('*me*')}`, text: '' });
    expect(text).toBe('Progress for *me*');
  });
});

describe('layout at the terminal width', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

  test('GIVEN buttons wider than the terminal THEN they wrap between labels, never inside one', () => {
    const labels = ['Quiz me on this', 'Show diagram', '👍 Helpful', '👎 Not helpful', 'Read: Image vs container'];
    const reply = { tone: 'info' as const, title: 't', text: '', actions: [labels.map((label, i) => ({ id: `v1:x:${i}`, label, style: 'secondary' as const }))] };
    const { text } = renderReplyForTerminal(reply, { width: 30 });
    const lines = text.split('\n').filter((l) => l.includes('['));
    expect(lines.length).toBeGreaterThan(1);
    for (const [i, label] of labels.entries()) expect(lines.some((l) => l.includes(`[${i + 1}] ${label}`))).toBe(true);
    expect(widest(lines.join('\n'))).toBeLessThanOrEqual(30);
  });

  test('GIVEN a list of titles joined by " · " THEN it wraps between titles', () => {
    const titles = ['Image vs container', 'Docker image', 'Container lifecycle', 'Publishing ports', 'Bind mounts'];
    const out = markdownToTerminal(titles.join(' · '), { width: 45 });
    expect(out.split('\n').flatMap((l) => l.split(' · '))).toEqual(titles);
    expect(widest(out)).toBeLessThanOrEqual(45);
  });
});
