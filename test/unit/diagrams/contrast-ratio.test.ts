import { describe, expect, test } from 'vitest';
import { contrastRatio, relativeLuminance } from '../../../src/diagrams/drawing/contrast-ratio.ts';
import { type BoxStyle, PALETTE } from '../../../src/diagrams/drawing/palette.ts';

describe('contrastRatio', () => {
  test('GIVEN black on white THEN it is 21:1, either way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
  });

  test('GIVEN the same colour twice THEN it is 1:1', () => {
    expect(contrastRatio('#1d63ed', '#1d63ed')).toBe(1);
  });

  test('GIVEN #777777 on white, the classic near miss THEN it falls just short of 4.5:1', () => {
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  test('GIVEN a colour that is not #rrggbb THEN it throws, because the palette has a typo', () => {
    expect(() => relativeLuminance('red')).toThrow(/#rrggbb/);
  });
});

describe('PALETTE', () => {
  const styles = Object.entries(PALETTE as Record<string, BoxStyle | string>).filter(
    (entry): entry is [string, BoxStyle] => typeof entry[1] === 'object',
  );

  test.each(styles)('GIVEN the %s style THEN its text meets WCAG AA (4.5:1) on its fill', (_name, style) => {
    expect(contrastRatio(style.text, style.fill)).toBeGreaterThanOrEqual(4.5);
  });

  test('GIVEN the muted text used for notes and arrow labels THEN it meets AA on the card and on panels', () => {
    expect(contrastRatio(PALETTE.mutedText, PALETTE.card.fill)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(PALETTE.mutedText, PALETTE.panel.fill)).toBeGreaterThanOrEqual(4.5);
  });
});
