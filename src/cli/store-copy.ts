/**
 * `npm run store:copy -- [--from <SQLite file>] [--to <postgres:// URL>] [--force]`: copies every table of a
 * SQLite store into PostgreSQL, in one transaction, verified by row counts (`copySqliteToPostgres`). `--from`
 * defaults to DATABASE_PATH and `--to` to DATABASE_URL. Run it with the bot stopped. Exit code 0 when copied,
 * 1 with one line when not (nothing is written then). docs/deployment.md, "From SQLite to PostgreSQL".
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { copySqliteToPostgres, StoreCopyError } from '../store/copy-sqlite-to-postgres.ts';

const USAGE = 'Usage: npm run store:copy -- [--from <SQLite file>] [--to <postgres:// URL>] [--force]';

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

let values: { from?: string; to?: string; force?: boolean };
try {
  values = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean' } } }).values;
} catch {
  fail(USAGE);
}
const loaded = loadConfig();
if (!loaded.ok) fail(loaded.message);
const from = values.from ?? loaded.config.DATABASE_PATH;
const to = values.to ?? loaded.config.DATABASE_URL;
if (!to) fail(`Name the PostgreSQL database: --to postgres://… or DATABASE_URL. ${USAGE}`);
if (!/^postgres(ql)?:\/\//.test(to)) fail(`--to wants a postgres:// URL. ${USAGE}`);
const where = to.replace(/:[^:@/]*@/, ':***@');

try {
  const report = await copySqliteToPostgres({ from, to, force: values.force === true });
  for (const { table, rows } of report.tables) console.log(`${table.padEnd(20)} ${String(rows).padStart(9)} rows`);
  const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Copied ${total} rows in ${report.tables.length} tables from ${from} to ${where} (schema version ${report.schemaVersion}), every count verified${report.replaced ? '; the progress it held before was replaced' : ''}.`,
  );
} catch (error) {
  if (error instanceof StoreCopyError) fail(error.message);
  fail(`The copy failed and nothing was written: ${error instanceof Error ? error.message : String(error)}`);
}
