import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { copySqliteToPostgres, StoreCopyError } from '../../../src/store/copy-sqlite-to-postgres.ts';
import { openStore, SCHEMA_VERSION } from '../../../src/store/index.ts';
import { CHILD_PROCESS_TEST_TIMEOUT_MS } from '../../fixtures/child-process-budget.ts';

/** The PostgreSQL these tests use; set STEVEDORE_TEST_DATABASE_URL to point elsewhere. */
const url = process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
const available = await admin.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`Skipping the SQLite-to-PostgreSQL copy tests: no PostgreSQL answered at ${url.replace(/:[^:@/]*@/, ':***@')} (${error.message}).`);
    return false;
  },
);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'stevedore-copy-'));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (!available) return;
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

/** The address of a new, empty schema of its own. */
async function emptySchemaUrl(): Promise<string> {
  const schema = `stevedore_copy_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return scoped.toString();
}

/** A value no double holds exactly: a BIGINT read as a JavaScript number would come out as …992. */
const BEYOND_DOUBLE = '9007199254740993';

/**
 * A SQLite store made by the real migrations and the Store, then given rows in every table (so a table added by a
 * later migration is covered without touching this test): foreign keys point at rows that exist, nullable columns
 * are null in every other row, one BIGINT is beyond a double's precision, and text carries quotes and emoji.
 */
async function filledSqlite(rowsPerTable: number): Promise<string> {
  const path = join(work, `${randomBytes(4).toString('hex')}.db`);
  const store = await openStore({ DATABASE_PATH: path });
  await store.saveLearnerSettings('discord:ada', { timeZone: 'Europe/Berlin', newCardsPerDay: 7 }, new Date('2026-11-01T10:00:00Z'));
  await store.close();
  const db = new Database(path);
  db.defaultSafeIntegers(true);
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`).all() as { name: string }[]).map((t) => t.name);
  const keyOf = (table: string, column: string, i: number) => `${table}.${column}-${i} 'quoted' 🐳`;
  const ordered = [...tables].sort((a, b) => foreignKeys(db, a).length - foreignKeys(db, b).length);
  for (const table of ordered) {
    const columns = db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number }[];
    const references = new Map(foreignKeys(db, table).map((fk) => [fk.from, fk]));
    const insert = db.prepare(`INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    for (let i = 0; i < rowsPerTable; i++) {
      insert.run(
        columns.map((column) => {
          const fk = references.get(column.name);
          if (fk) return keyOf(fk.table, fk.to, i % 3);
          if (column.notnull === 0 && i % 2 === 1) return null;
          if (column.name === 'vote') return i % 2 === 0 ? 'up' : 'down';
          if (column.type === 'BIGINT') return i === 0 ? BigInt(BEYOND_DOUBLE) : BigInt(1_764_000_000_000 + i);
          if (column.type === 'INTEGER') return BigInt(i);
          if (/DOUBLE/.test(column.type)) return 0.1 * (i + 1);
          return keyOf(table, column.name, i);
        }),
      );
    }
  }
  db.close();
  return path;
}

function foreignKeys(db: Database.Database, table: string): { table: string; from: string; to: string }[] {
  return db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string }[];
}

/** Every table's rows as sorted lines of text, from either database: what "the same progress" means. */
function sqliteContents(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const contents = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).map(line).sort()]));
  db.close();
  return contents;
}

async function postgresContents(target: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' ORDER BY table_name`)).rows.map((r: { table_name: string }) => r.table_name);
    const contents: Record<string, string[]> = {};
    for (const table of tables) contents[table] = (await client.query(`SELECT * FROM ${table}`)).rows.map(line).sort();
    return contents;
  } finally {
    await client.end();
  }
}

/** A row as `column=value` pairs in column order; numbers in their shortest exact text in both databases. */
function line(row: Record<string, unknown>): string {
  return Object.keys(row)
    .sort()
    .map((column) => `${column}=${row[column] === null ? 'NULL' : String(row[column])}`)
    .join(' ');
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe.skipIf(!available)('copySqliteToPostgres, SQLite file to PostgreSQL', () => {
  let source: string;
  let target: string;
  beforeEach(async () => {
    source = await filledSqlite(12);
    target = await emptySchemaUrl();
  });

  test('GIVEN a filled SQLite store and an empty PostgreSQL THEN every table arrives with the same rows, exactly, and the SQLite file is not written', async () => {
    const before = sha256(source);
    const report = await copySqliteToPostgres({ from: source, to: target, batchRows: 5 });
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.replaced).toBe(false);
    expect(report.sequences).toEqual([]);
    // Parents first: quizzes before the answers to them, answers before the votes on them.
    const order = report.tables.map((t) => t.table);
    expect(order.indexOf('quizzes')).toBeLessThan(order.indexOf('quiz_answers'));
    expect(order.indexOf('answers')).toBeLessThan(order.indexOf('votes'));
    const expected = sqliteContents(source);
    expect(Object.fromEntries(report.tables.map((t) => [t.table, t.rows]))).toEqual(Object.fromEntries(Object.entries(expected).map(([t, rows]) => [t, rows.length])));
    expect(await postgresContents(target)).toEqual(expected);
    expect(JSON.stringify(await postgresContents(target))).toContain(`=${BEYOND_DOUBLE}`);
    expect(sha256(source)).toBe(before);
    // A read-only connection to a WAL database may leave an empty -wal file behind (SQLite's own doing): no page in it.
    const wal = `${source}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

    // The bot on PostgreSQL reads the same progress, and keeps the copied digest secret.
    const store = await openStore({ DATABASE_URL: target });
    try {
      expect(await store.learnerSettings('discord:ada')).toEqual({ timeZone: 'Europe/Berlin', newCardsPerDay: 7 });
    } finally {
      await store.close();
    }
    expect((await postgresContents(target))['meta']).toEqual(expected['meta']);
  });

  test('GIVEN a target that holds progress THEN it is refused untouched; with force it is replaced, and a second forced run gives the same result', async () => {
    await copySqliteToPostgres({ from: source, to: target });
    const other = await filledSqlite(4);
    const first = await postgresContents(target);
    await expect(copySqliteToPostgres({ from: other, to: target })).rejects.toThrow(
      /^The PostgreSQL database already holds progress \(in .*quizzes.*\): nothing was copied\. Pass --force to replace it\.$/,
    );
    expect(await postgresContents(target)).toEqual(first);
    const replaced = await copySqliteToPostgres({ from: other, to: target, force: true });
    expect(replaced.replaced).toBe(true);
    expect(await postgresContents(target)).toEqual(sqliteContents(other));
    await copySqliteToPostgres({ from: other, to: target, force: true });
    expect(await postgresContents(target)).toEqual(sqliteContents(other));
  });

  test('GIVEN a row PostgreSQL refuses midway THEN the whole copy is rolled back and the target keeps what it had', async () => {
    await copySqliteToPostgres({ from: source, to: target });
    const kept = await postgresContents(target);
    const broken = await filledSqlite(6);
    // SQLite keeps text in an INTEGER column; PostgreSQL refuses it, after other tables were copied.
    const db = new Database(broken);
    db.prepare(`UPDATE votes SET voted_at = 'yesterday' WHERE rowid = (SELECT MAX(rowid) FROM votes)`).run();
    db.close();
    const failed = copySqliteToPostgres({ from: broken, to: target, force: true, batchRows: 2 });
    await expect(failed).rejects.toThrow(/invalid input syntax for type bigint: "yesterday"/);
    expect(await postgresContents(target)).toEqual(kept);
  });

  test('GIVEN a SQLite file at another schema version, or not a Stevedore database THEN one line says what to do, and nothing is copied', async () => {
    const db = new Database(source);
    db.prepare(`DELETE FROM schema_migrations WHERE version = ?`).run(SCHEMA_VERSION);
    db.close();
    await expect(copySqliteToPostgres({ from: source, to: target })).rejects.toThrow(
      new StoreCopyError(
        `${source} is at schema version ${SCHEMA_VERSION - 1}, older than this release's ${SCHEMA_VERSION}: start this release once with DATABASE_PATH=${source} (and no DATABASE_URL) to migrate it, stop it, then copy.`,
      ),
    );
    const stranger = join(work, 'stranger.db');
    new Database(stranger).exec('CREATE TABLE notes (body TEXT)');
    await expect(copySqliteToPostgres({ from: stranger, to: target })).rejects.toThrow(/^.*stranger\.db is not a Stevedore database \(no such table: schema_migrations\)\.$/);
    await expect(copySqliteToPostgres({ from: join(work, 'missing.db'), to: target })).rejects.toThrow(/^Could not open the SQLite file .*missing\.db read-only: /);
    expect(Object.values(await postgresContents(target)).flat()).toEqual([]);
  });

  test(
    'GIVEN npm run store:copy THEN it copies with exit code 0 and a summary, and refuses a used target with exit code 1 and one line',
    async () => {
      const run = (...args: string[]) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/store-copy.ts', ...args], { cwd: root, env: { PATH: process.env['PATH'] } }).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
      const copied = await run('--from', source, '--to', target);
      expect(copied.code).toBe(0);
      const total = Object.values(sqliteContents(source)).flat().length;
      expect(copied.stdout.trimEnd().split('\n').at(-1)).toMatch(
        new RegExp(`^Copied ${total} rows in \\d+ tables from .+ to .+ \\(schema version ${SCHEMA_VERSION}\\), every count verified\\.$`),
      );
      const refused = await run('--from', source, '--to', target);
      expect([refused.code, refused.stdout, refused.stderr]).toEqual([1, '', expect.stringMatching(/^The PostgreSQL database already holds progress \(in [^)]+\): nothing was copied\. Pass --force to replace it\.\n$/)]);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
