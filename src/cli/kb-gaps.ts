/**
 * `npm run kb:gaps`: the questions the bot abstained on, answered with low confidence, or had voted down,
 * grouped by similarity, most asked first. `--json` prints the groups as JSON instead.
 */
import { loadConfig } from '../config.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { openStore } from '../store/index.ts';
import { formatGapReport, GAP_CONFIDENCE, summariseGaps } from './gap-report.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}
const store = await openStore(loaded.config).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
try {
  const summaries = summariseGaps(await store.knowledgeGaps(GAP_CONFIDENCE));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summaries, null, 2));
  } else {
    const knowledge = await loadKnowledge(loaded.config.KNOWLEDGE_DIR);
    const where = loaded.config.DATABASE_URL ? 'PostgreSQL' : loaded.config.DATABASE_PATH;
    console.log(`Knowledge gaps in ${where}\n`);
    console.log(formatGapReport(summaries, (id) => knowledge.get(id)?.title));
  }
} finally {
  await store.close();
}
