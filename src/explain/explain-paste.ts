import { explainCommand, type ExplainOptions } from './explain-command.ts';
import { explainDockerfile } from './explain-dockerfile.ts';
import type { ExplainProblem } from './explain-problem.ts';
import type { Explanation } from './explanation.ts';

/** Whether a paste is a docker command (it starts with `docker`, `sudo docker` or `docker-compose`) or a Dockerfile. */
export function pasteKind(text: string): 'command' | 'dockerfile' {
  return /^\s*([$>#%]\s+)?(sudo\s+)?(\S*\/)?docker(-compose)?(\.exe)?(\s|$)/.test(text) ? 'command' : 'dockerfile';
}

/** Explains a paste as whichever it is, a docker command or a Dockerfile (see `pasteKind`). */
export function explainPaste(text: string, options: ExplainOptions): { ok: true; value: Explanation } | { ok: false; problem: ExplainProblem } {
  return pasteKind(text) === 'command' ? explainCommand(text, options) : explainDockerfile(text, options);
}

/**
 * The `npm run explain -- --json` contract: exactly these fields, nothing else. A finding's message carries
 * its why and its fix, since the contract has one text field for it.
 */
export interface ExplanationJson {
  kind: 'command' | 'dockerfile';
  items: { line: number | null; text: string; explanation: string; topic: string | null }[];
  findings: { rule: string; line: number; severity: 'error' | 'warning' | 'info'; message: string; topic: string | null }[];
}

export function explanationJson(explanation: Explanation): ExplanationJson {
  return {
    kind: explanation.kind,
    items: explanation.items.map(({ line, text, explanation: said, topic }) => ({ line, text, explanation: said, topic })),
    findings: explanation.findings.map(({ rule, line, severity, message, why, fix, topic }) => ({ rule, line, severity, message: `${message} ${why} Fix: ${fix}`, topic })),
  };
}
