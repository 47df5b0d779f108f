/**
 * `npm run kb:check [folder]`: validates every knowledge file, then the docker flag inventory (`docker-cli/`), and
 * prints each problem with its file and field, in two separate reports.
 */
import { checkFlagInventoryDir } from '../explain/index.ts';
import { checkKnowledgeDir, formatKnowledgeProblem, type KnowledgeProblem } from '../knowledge/index.ts';
import { settingsOrExit } from './settings-or-exit.ts';

// A folder given on the command line wins over KNOWLEDGE_DIR, which wins over the shipped knowledge/.
const dir = process.argv[2] ?? settingsOrExit().KNOWLEDGE_DIR;
const { topics, problems } = await checkKnowledgeDir(dir);
report(problems, 'the knowledge base', `Knowledge base OK: ${topics.length} topics.`);

const inventory = await checkFlagInventoryDir(undefined, new Set(topics.map((t) => t.id)));
const flagCount = inventory.files.reduce((n, f) => n + f.flags.length, 0);
report(inventory.problems, 'the flag inventory', `Flag inventory OK: ${inventory.files.length} commands, ${flagCount} flags.`);

function report(found: readonly KnowledgeProblem[], what: string, success: string): void {
  for (const problem of found) console.error(formatKnowledgeProblem(problem));
  if (found.length > 0) {
    console.error(`\n${found.length} problem${found.length === 1 ? '' : 's'} in ${what}.`);
    process.exitCode = 1;
  } else {
    console.log(success);
  }
}
