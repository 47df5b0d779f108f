/**
 * Signatures of the well-known injection probes: path traversal, SQL injection, script injection and
 * template or JNDI lookups. Each is a string no learner types while asking about Docker, yet each is made
 * of words the knowledge base knows ("etc", "drop", "users"), so word matching alone would answer them.
 * Docker's own syntax is kept out: `{{.State.Status}}` (a Go template) and `${VAR}` (Compose) are fine.
 */
const PROBES: readonly RegExp[] = [
  /(?:\.\.[/\\]){2,}/,
  /'\s*;\s*(?:--|(?:drop|delete|insert|update|select|truncate|shutdown)\b)|'\s*or\s+'?\d+'?\s*=|\b(?:drop|truncate)\s+(?:table|database)\b|\bunion\s+(?:all\s+)?select\b/i,
  /<\s*script\b|\bjavascript:|\bon(?:error|load)\s*=/i,
  /\$\{\s*jndi:|\{\{\s*\d+\s*[*+]\s*\d+\s*\}\}/i,
];

/** True when the text carries a known injection probe; the engine then answers no topic at all. */
export function looksLikeProbe(text: string): boolean {
  return PROBES.some((probe) => probe.test(text));
}
