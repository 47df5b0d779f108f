/** How much a finding matters: `error` means Docker would refuse it or it is broken; CI fails on errors only. */
export type Severity = 'error' | 'warning' | 'info';

/** One piece of what was pasted (a flag, an operand, an instruction) and what it does there. */
export interface ExplanationItem {
  /** The 1-based line it starts on in what was pasted; null where lines do not apply (a one-line command). */
  line: number | null;
  /** The piece as written (`-p 8080:80`, `COPY . .`). */
  text: string;
  explanation: string;
  /** The knowledge topic id that teaches it, or null. */
  topic: string | null;
}

/** Something worth changing, with the line it is on, why it matters and how to fix it. */
export interface Finding {
  /** What the rule checks, in kebab-case: `shell-form-cmd`, `privileged-container`. */
  rule: string;
  /** The 1-based line. */
  line: number;
  severity: Severity;
  /** What was found, one sentence. */
  message: string;
  /** Why it matters. */
  why: string;
  /** What to do instead. */
  fix: string;
  topic: string | null;
}

/** What the explainer made of a paste: items in order, then findings, most severe first. */
export interface Explanation {
  kind: 'command' | 'dockerfile';
  /** A one-line summary: "docker run: creates a new container from an image and starts it". */
  summary: string;
  items: ExplanationItem[];
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings most severe first, then by line, so the ones that matter survive a cut to a platform's limits. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line);
}
