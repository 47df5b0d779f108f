import { INPUT_LIMITS } from '../core/input-limits.ts';

/** Why a paste could not be explained; `describeExplainProblem` says it in words. */
export type ExplainProblem =
  | { code: 'empty' }
  | { code: 'too-long'; length: number }
  | { code: 'binary' }
  | { code: 'unterminated-quote'; quote: '"' | "'" | '`'; line: number }
  | { code: 'unterminated-substitution'; line: number }
  | { code: 'not-a-docker-command'; first: string }
  | { code: 'no-from'; }
  | { code: 'not-a-dockerfile' };

/** The words for each problem, the same in every front end and in `npm run explain`. */
export function describeExplainProblem(problem: ExplainProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'There is nothing to explain: paste a docker command or a Dockerfile.';
    case 'too-long':
      return `That paste is ${problem.length.toLocaleString('en')} characters; I read at most ${INPUT_LIMITS.paste.toLocaleString('en')} (64 KiB). Paste one command or one Dockerfile.`;
    case 'binary':
      return 'That looks like binary data, not text. Paste a docker command or a Dockerfile as plain text.';
    case 'unterminated-quote':
      return `The ${problem.quote === '`' ? 'backtick' : problem.quote === '"' ? 'double quote' : 'single quote'} (${problem.quote}) opened on line ${problem.line} is never closed, so I cannot tell where its words end. Close it and paste again.`;
    case 'unterminated-substitution':
      return `The \`$(\` on line ${problem.line} is never closed with \`)\`. Close it and paste again.`;
    case 'not-a-docker-command':
      return `\`${problem.first.slice(0, 40).replace(/`/g, "'")}\` is not a docker command. I explain commands that start with \`docker\` (and \`docker compose\`); for a Dockerfile use /explain-dockerfile.`;
    case 'no-from':
      return 'That Dockerfile has no FROM instruction, so it builds nothing: every Dockerfile starts (after ARG and parser directives) with FROM and a base image.';
    case 'not-a-dockerfile':
      return 'That does not look like a Dockerfile: no line starts with an instruction such as FROM, RUN or COPY.';
  }
}
