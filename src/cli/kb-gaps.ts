/**
 * `npm run kb:gaps`: the questions the bot abstained on (Docker questions it has no topic for apart),
 * answered with low confidence or explaining little of the question, or had voted down,
 * grouped by similarity, most asked first. `--json` prints the groups as JSON instead.
 */
import { cacheDirOf } from '../config.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { openStore } from '../store/index.ts';
import { formatGapReport, GAP_CONFIDENCE, GAP_EXPLAINED_SHARE, summariseGaps } from './gap-report.ts';
import { orExit, settingsOrExit } from './settings-or-exit.ts';

const config = settingsOrExit();
const store = await orExit(openStore(config));
try {
  const summaries = summariseGaps(await store.knowledgeGaps(GAP_CONFIDENCE, GAP_EXPLAINED_SHARE));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summaries, null, 2));
  } else {
    const knowledge = await orExit(loadKnowledge(config.KNOWLEDGE_DIR, { cacheDir: cacheDirOf(config) }));
    const where = config.DATABASE_URL ? 'PostgreSQL' : config.DATABASE_PATH;
    console.log(`Knowledge gaps in ${where}\n`);
    console.log(formatGapReport(summaries, (id) => knowledge.get(id)?.title));
  }
} finally {
  await store.close();
}
