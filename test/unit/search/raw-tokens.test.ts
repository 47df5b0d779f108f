import { describe, expect, test } from 'vitest';
import { forEachRawToken, RAW_TOKEN, RawTokenMemo } from '../../../src/search/raw-tokens.ts';
import { seededRandom } from '../../../src/quiz/index.ts';

const tokensOf = (text: string): string[] => {
  const tokens: string[] = [];
  forEachRawToken(text, (start, end) => tokens.push(text.slice(start, end)));
  return tokens;
};
const byRegex = (text: string): string[] => [...text.matchAll(RAW_TOKEN)].map(([raw]) => raw);

describe('forEachRawToken', () => {
  test('GIVEN flags, words and numbers THEN each is one token, a flag where no letter or number comes just before its hyphen', () => {
    expect(tokensOf('docker run -it --rm -p 8080:80 nginx-alpine --publish-all x--y ---a --1')).toEqual([
      'docker', 'run', '-it', '--rm', '-p', '8080', '80', 'nginx', 'alpine', '--publish-all', 'x', '-y', '--a', '1',
    ]);
  });

  test('GIVEN letters and numbers beyond ASCII THEN they are word characters, as in the regular expression', () => {
    expect(tokensOf('ｃ café 𝐀𝐁 naïve—mañana ²')).toEqual(byRegex('ｃ café 𝐀𝐁 naïve—mañana ²'));
    expect(tokensOf('𝐀-rm é-p')).toEqual(['𝐀', 'rm', 'é', 'p']);
  });

  test('GIVEN random text of flag, word and other characters THEN the tokens are exactly the regular expression’s', () => {
    const random = seededRandom(7);
    const alphabet = ['a', 'z', 'q', 'A', '0', '9', '-', '-', ' ', '.', ':', '_', 'é', '²', '𝐀', '\uD835', '\uDC00', '—', '\u0301'];
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
      expect(tokensOf(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});

describe('RawTokenMemo', () => {
  test('GIVEN many tokens, each several times THEN each is computed once and every lookup gives its own value', () => {
    const computed: string[] = [];
    const memo = new RawTokenMemo((raw) => (computed.push(raw), raw.toUpperCase()), 100_000);
    const words = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}`);
    const text = ` ${words.join(' ')} `;
    for (let round = 0; round < 3; round++) {
      forEachRawToken(text, (start, end) => expect(memo.get(text, start, end)).toBe(text.slice(start, end).toUpperCase()));
    }
    expect(computed).toEqual(words);
  });

  test('GIVEN more distinct tokens than it may hold THEN it starts again and still answers right', () => {
    let calls = 0;
    const memo = new RawTokenMemo((raw) => (calls++, raw.length), 10);
    const text = Array.from({ length: 25 }, (_, i) => 'x'.repeat(i + 1)).join(' ');
    forEachRawToken(text, (start, end) => expect(memo.get(text, start, end)).toBe(end - start));
    expect(calls).toBe(25);
    forEachRawToken('xxxxx', (start, end) => expect(memo.get('xxxxx', start, end)).toBe(5));
  });
});
