/** A shell word as it could be typed again: quoted when it holds spaces, unless it is a substitution kept as written. */
export function quoteWord(word: string): string {
  return /\s/.test(word) && !/^(\$\(|`)/.test(word) ? `"${word.replace(/"/g, '\\"')}"` : word;
}
