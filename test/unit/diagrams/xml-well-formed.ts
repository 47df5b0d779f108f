/**
 * A small well-formedness check for the SVG the diagrams produce: every tag closes in order, attributes are
 * quoted and unique, and `&` only starts a known entity. Returns the problems found (none for good XML).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const text = (chunk: string): void => {
    if (/[<>]/.test(chunk)) problems.push(`raw < or > in text: ${chunk.slice(0, 40)}`);
    for (const entity of chunk.match(/&[^;\s]*;?/g) ?? []) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(entity)) problems.push(`bad entity ${entity}`);
    }
  };
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    text(xml.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, name, attributes, selfClosing] = match as unknown as [string, string, string, string, string];
    const names = [...attributes.matchAll(/([\w:.-]+)\s*=/g)].map((m) => m[1]!);
    if (new Set(names).size !== names.length) problems.push(`repeated attribute in <${name}>`);
    for (const value of attributes.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) text(value[1] ?? value[2] ?? '');
    if (closing === '/') {
      const expected = open.pop();
      if (expected !== name) problems.push(`</${name}> closes <${expected ?? 'nothing'}>`);
    } else if (selfClosing !== '/') {
      open.push(name);
    }
  }
  text(xml.slice(last));
  if (open.length > 0) problems.push(`unclosed: ${open.join(', ')}`);
  if (!xml.trimStart().startsWith('<svg')) problems.push('does not start with <svg');
  return problems;
}
