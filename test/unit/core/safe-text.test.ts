import { describe, expect, test } from 'vitest';
import { quoteUserText } from '../../../src/core/index.ts';
import { quoteUserCode } from '../../../src/core/safe-text.ts';

describe('quoteUserText', () => {
  test('GIVEN @everyone, @here and mention syntax THEN none of them can ping', () => {
    const quoted = quoteUserText('@everyone @here <@123> <@&456> <#789> <!channel>');
    expect(quoted).not.toMatch(/@(everyone|here)\b/);
    expect(quoted).not.toMatch(/<[@#!]/);
  });

  test('GIVEN Markdown THEN every formatting character is escaped', () => {
    expect(quoteUserText('**a** _b_ `c` ~d~ |e| > f # g [h](i)')).toBe(
      '\\*\\*a\\*\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\> f \\# g \\[h\\]\\(i\\)',
    );
  });

  test('GIVEN a long text with line breaks THEN it becomes one line cut with an ellipsis', () => {
    const quoted = quoteUserText(`line one\nline two ${'x'.repeat(200)}`, 20);
    expect(quoted).toBe('line one line two x…');
  });
});

describe('quoteUserCode', () => {
  test('GIVEN text for a code span THEN Markdown characters stay as typed, and only a backtick is replaced', () => {
    expect(quoteUserCode('my_cmd **x** `y`')).toBe('my_cmd **x** ˋyˋ');
    expect(quoteUserCode('@everyone')).not.toMatch(/@everyone/);
  });
});
