/** `npm run kb:check [folder]`: validates every knowledge file and prints each problem with its file and field. */
import { checkKnowledgeDir, formatKnowledgeProblem } from '../knowledge/index.ts';
import { settingsOrExit } from './settings-or-exit.ts';

// A folder given on the command line wins over KNOWLEDGE_DIR, which wins over the shipped knowledge/.
const dir = process.argv[2] ?? settingsOrExit().KNOWLEDGE_DIR;
const { topics, problems } = await checkKnowledgeDir(dir);
for (const problem of problems) console.error(formatKnowledgeProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the knowledge base.`);
  process.exitCode = 1;
} else {
  console.log(`Knowledge base OK: ${topics.length} topics.`);
}
