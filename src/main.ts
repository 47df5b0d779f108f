/** `npm start`: loads the settings and the knowledge, then starts the front ends that are configured. */
import { dirname, join } from 'node:path';
import { runConsole } from './adapters/console/run-console.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { KnowledgeLoadError } from './knowledge/index.ts';
import { SchemaTooNewError, StoreOpenError } from './store/index.ts';

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(loaded.message);
  process.exit(1);
}

try {
  const app = await createApp(loaded.config);
  console.error(
    'No chat platform is configured, so this is the console chat. Discord and Slack connections are on the way: see README.md.',
  );
  // Diagrams are saved beside the database, where the user's data already lives.
  const imageDir = join(dirname(loaded.config.DATABASE_PATH), 'diagrams');
  await runConsole(app, { input: process.stdin, output: process.stdout }, { imageDir });
  await app.close();
} catch (error) {
  if (error instanceof KnowledgeLoadError || error instanceof SchemaTooNewError || error instanceof StoreOpenError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
