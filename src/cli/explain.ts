/**
 * `npm run -s explain -- [--json] [FILE | -]`: explains a Dockerfile, or a file holding one docker command, the
 * way hadolint runs in CI. With no FILE or `-`, reads stdin whole. Exit code: 0, or 1 when a finding of severity
 * `error` exists, or 2 when the input cannot be read or explained. With `--json`, stdout is exactly one object
 * (see docs/explainer.md); otherwise it is the Markdown report. Topics come from KNOWLEDGE_DIR like every entry
 * point's; a bad setting or knowledge that cannot be loaded is exit code 2 with its one-line message.
 */
import { readFile } from 'node:fs/promises';
import { fullReport } from '../core/render-explanation.ts';
import { INPUT_LIMITS } from '../core/index.ts';
import { cacheDirOf, loadConfig } from '../config.ts';
import { describeExplainProblem, explainPaste, explanationJson, loadFlagInventory, type FlagInventory } from '../explain/index.ts';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/index.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');

function fail(message: string): never {
  if (json) process.stdout.write(`${JSON.stringify({ kind: 'error', message })}\n`);
  else process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Reads stdin whole, stopping a little past the paste limit: longer input is refused by its size anyway. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > INPUT_LIMITS.paste * 4) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

if (files.length > 1 || files.some((f) => f.startsWith('--'))) fail('Usage: npm run -s explain -- [--json] [FILE | -]');
const file = files[0] ?? '-';
let text: string;
try {
  text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
} catch (error) {
  fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}

const settings = loadConfig();
if (!settings.ok) fail(settings.message);
const cacheDir = cacheDirOf(settings.config);
let knowledge: KnowledgeBase;
let inventory: FlagInventory;
try {
  [knowledge, inventory] = await Promise.all([loadKnowledge(settings.config.KNOWLEDGE_DIR, { cacheDir }), loadFlagInventory(undefined, { cacheDir })]);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const result = explainPaste(text, { inventory, hasTopic: (id) => knowledge.has(id) });
if (!result.ok) fail(describeExplainProblem(result.problem));
process.stdout.write(json ? `${JSON.stringify(explanationJson(result.value))}\n` : fullReport(result.value, knowledge));
process.exitCode = result.value.findings.some((f) => f.severity === 'error') ? 1 : 0;
