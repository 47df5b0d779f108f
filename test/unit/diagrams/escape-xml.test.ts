import { describe, expect, test } from 'vitest';
import { escapeXml } from '../../../src/diagrams/drawing/escape-xml.ts';

describe('escapeXml', () => {
  test('GIVEN every character XML reserves THEN each becomes its entity', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  test('GIVEN text that is already escaped THEN its ampersands are escaped again, not trusted', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  test('GIVEN plain text and typographic marks THEN they pass through unchanged', () => {
    expect(escapeXml('Layer 3 · your app’s code → docker run')).toBe('Layer 3 · your app’s code → docker run');
  });
});
