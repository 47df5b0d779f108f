import type { TopicRef } from '../search/index.ts';

/**
 * Expected failures, as values. Each has a code; `describeProblem` is the one place that turns them into
 * words, so every front end says the same thing.
 */
import type { ExplainProblem } from '../explain/index.ts';

export type Problem =
  | { code: 'unknown-command'; name: string; suggestion?: string }
  | { code: 'missing-argument'; command: string; argument: string; usage: string }
  | { code: 'invalid-argument'; command: string; argument: string; reason: string; usage: string }
  | { code: 'unknown-topic'; query: string; closeMatches: TopicRef[] }
  | { code: 'invalid-action' }
  | { code: 'stale-action' }
  | { code: 'not-your-card' }
  | { code: 'card-not-revealed' }
  | { code: 'already-graded' }
  | { code: 'needs-server'; command: string }
  | { code: 'needs-permission'; command: string; permission: 'manage-server' }
  /** Slack: a workspace admin or owner, or whoever set the channel's daily schedule. */
  | { code: 'needs-permission'; command: string; permission: 'workspace-admin-or-setter' }
  | { code: 'unknown-diagram'; query: string; closeMatches: string[] }
  | { code: 'rate-limited'; retryAfterSeconds: number }
  | { code: 'cannot-explain'; kind: 'command' | 'dockerfile'; problem: ExplainProblem }
  | { code: 'paste-file-too-large'; bytes: number; limit: number }
  | { code: 'paste-file-unreadable'; name: string };

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (problem: Problem): Result<never> => ({ ok: false, problem });
