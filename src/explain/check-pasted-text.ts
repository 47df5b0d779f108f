import { INPUT_LIMITS } from '../core/input-limits.ts';
import type { ExplainProblem } from './explain-problem.ts';

/**
 * The checks every paste passes before any parser sees it: not over `INPUT_LIMITS.paste` UTF-16 units (checked
 * first, so 10,000 lines are refused without being read), not empty, not binary (a NUL, or more than one
 * character in ten unprintable). Returns the text with Windows line ends made plain and a byte-order mark removed.
 */
export function checkPastedText(text: string): { ok: true; text: string } | { ok: false; problem: ExplainProblem } {
  if (text.length > INPUT_LIMITS.paste) return { ok: false, problem: { code: 'too-long', length: text.length } };
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { ok: false, problem: { code: 'empty' } };
  let unprintable = 0;
  for (let i = 0; i < clean.length; i++) {
    const unit = clean.charCodeAt(i);
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0b) || unit === 0x7f || unit === 0xfffd) unprintable++;
  }
  if (clean.includes('\u0000') || unprintable * 10 > clean.length) return { ok: false, problem: { code: 'binary' } };
  return { ok: true, text: clean };
}
