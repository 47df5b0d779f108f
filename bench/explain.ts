/**
 * Section e: how long explaining a paste takes on the one shared thread. A 200-line Dockerfile (three stages,
 * continuations, a heredoc, mounts, every kind of instruction) and a long `docker run` (60 flags over
 * continuation lines, with a substitution and a pipe), each explained and rendered into a reply, timed one call
 * at a time after a warm-up. The bar (issue 14): under 20 ms p99 for either.
 */
import { renderExplanation } from '../src/core/render-explanation.ts';
import { explainCommand, explainDockerfile, loadFlagInventory } from '../src/explain/index.ts';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { hrtime } from 'node:process';
import { consume, median, microsSince, percentile } from './measure.ts';

export const EXPLAIN_METHOD = { repetitions: 1_000, budgetMs: 20_000 } as const;

export interface ExplainTiming {
  what: string;
  size: string;
  explainP50Ms: number;
  explainP99Ms: number;
  withReplyP50Ms: number;
  withReplyP99Ms: number;
  /** CPU time of one explain-and-reply call (user + system), p99: the work itself, without time the OS gave others. */
  withReplyCpuP99Ms: number;
}

/** Wall time and CPU time of each call, in milliseconds, after one untimed warm-up pass of the same size. */
function sample(work: () => unknown, repetitions: number, budgetMs: number): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < Math.min(repetitions, 100); i++) consume(work());
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = hrtime.bigint();
  for (let i = 0; i < repetitions && microsSince(start) < budgetMs * 1_000; i++) {
    const cpuBefore = process.cpuUsage();
    const before = hrtime.bigint();
    consume(work());
    wall.push(microsSince(before) / 1_000);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1_000);
  }
  return { wall, cpu };
}

/** A 200-line Dockerfile in the style learners paste, every line a real instruction or part of one. */
export function longDockerfile(): string {
  const lines = ['# syntax=docker/dockerfile:1', 'ARG NODE_VERSION=20', 'FROM node:${NODE_VERSION}-bookworm-slim AS deps', 'WORKDIR /app'];
  for (let i = 0; lines.length < 60; i++) lines.push(`COPY packages/p${i}/package.json packages/p${i}/`);
  lines.push('RUN --mount=type=cache,target=/root/.npm \\', '    npm ci --omit=dev', 'FROM deps AS build', 'COPY . .');
  for (let i = 0; lines.length < 120; i++) lines.push(i % 2 === 0 ? `RUN npm run build --workspace=packages/p${i}` : `ENV BUILD_STEP_${i}=done`);
  lines.push('RUN <<EOF', 'set -e', 'npm test', 'npm prune --omit=dev', 'EOF', 'FROM debian:bookworm-slim', 'RUN apt-get update \\', '    && apt-get install -y --no-install-recommends ca-certificates curl \\', '    && rm -rf /var/lib/apt/lists/*');
  for (let i = 0; lines.length < 190; i++) lines.push(i % 3 === 0 ? `COPY --from=build /app/packages/p${i}/dist /srv/p${i}` : i % 3 === 1 ? `LABEL org.example.part${i}="p${i}"` : `EXPOSE ${3000 + i}`);
  lines.push('RUN useradd -r -u 10001 app', 'USER app', 'WORKDIR /srv', 'ENV NODE_ENV=production', 'HEALTHCHECK CMD ["curl", "-f", "http://localhost:3000/health"]', 'STOPSIGNAL SIGTERM', 'VOLUME /srv/data', 'ENTRYPOINT ["node"]', 'CMD ["p0/server.js"]', 'ONBUILD RUN echo child');
  return lines.slice(0, 200).join('\n');
}

/** A long `docker run` over continuation lines, with 60 flags, a substitution and a pipe. */
export function longCommand(): string {
  const flags: string[] = [];
  for (let i = 0; i < 15; i++) flags.push(`-e VAR_${i}=value_${i}`, `-p 127.0.0.1:${8000 + i}:${80 + i}`, `-v data${i}:/var/lib/data${i}:ro`, `--label part=${i}`);
  return `docker run -d --name web --restart unless-stopped \\\n  ${flags.join(' \\\n  ')} \\\n  -v "$(pwd)":/app -w /app node:20-alpine npm start | tee run.log`;
}

export async function benchmarkExplain(options: typeof EXPLAIN_METHOD = EXPLAIN_METHOD): Promise<ExplainTiming[]> {
  const [knowledge, inventory] = await Promise.all([loadKnowledge(), loadFlagInventory()]);
  const dockerfile = longDockerfile();
  const command = longCommand();
  const explainFile = () => explainDockerfile(dockerfile);
  const explainLine = () => explainCommand(command, { inventory });
  const withReply = <T extends { ok: boolean }>(explain: () => T) => () => {
    const result = explain() as { ok: true; value: Parameters<typeof renderExplanation>[0] } | { ok: false };
    return result.ok ? renderExplanation(result.value, knowledge) : result;
  };
  const rows: [string, string, () => unknown, () => unknown][] = [
    ['a Dockerfile', `${dockerfile.split('\n').length} lines, ${dockerfile.length.toLocaleString('en')} characters`, explainFile, withReply(explainFile)],
    ['a `docker run` command', `60 flags, ${command.length.toLocaleString('en')} characters`, explainLine, withReply(explainLine)],
  ];
  return rows.map(([what, size, explain, reply]) => {
    const alone = sample(explain, options.repetitions, options.budgetMs).wall;
    const rendered = sample(reply, options.repetitions, options.budgetMs);
    return {
      what,
      size,
      explainP50Ms: median(alone),
      explainP99Ms: percentile(alone, 99),
      withReplyP50Ms: median(rendered.wall),
      withReplyP99Ms: percentile(rendered.wall, 99),
      withReplyCpuP99Ms: percentile(rendered.cpu, 99),
    };
  });
}

export function renderExplain(rows: readonly ExplainTiming[], options: typeof EXPLAIN_METHOD = EXPLAIN_METHOD): string[] {
  const f = (n: number) => n.toFixed(2);
  return [
    '### Explaining a paste',
    '',
    `Each paste explained ${options.repetitions.toLocaleString('en')} times, one call at a time, after a warm-up pass (\`bench/explain.ts\`): "explain" is the pure function (parse, flag lookups, rules), "with reply" adds rendering the reply with its cut and its attached report. Wall time, and the CPU time of the same calls (\`process.cpuUsage\`), which leaves out the time the operating system gave other processes on a busy machine. Milliseconds. The bar is 20 ms p99.`,
    '',
    '| paste | size | explain p50 | p99 | with reply p50 | p99 | with reply, CPU p99 |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map((r) => `| ${r.what} | ${r.size} | ${f(r.explainP50Ms)} | ${f(r.explainP99Ms)} | ${f(r.withReplyP50Ms)} | ${f(r.withReplyP99Ms)} | ${f(r.withReplyCpuP99Ms)} |`),
  ];
}
