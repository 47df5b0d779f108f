/** `npm run kb:check`: validates every knowledge file and prints each problem with its file and field. */
import { checkKnowledgeDir, formatKnowledgeProblem } from '../knowledge/index.ts';

const dir = process.argv[2];
const { topics, problems } = await checkKnowledgeDir(dir);
for (const problem of problems) console.error(formatKnowledgeProblem(problem));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the knowledge base.`);
  process.exitCode = 1;
} else {
  console.log(`Knowledge base OK: ${topics.length} topics.`);
}
