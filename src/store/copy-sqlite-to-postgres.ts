import Database from 'better-sqlite3';
import { applyMigrations, SCHEMA_VERSION } from './migrations.ts';
import { PostgresDriver } from './postgres-driver.ts';
import type { SqlExecutor, SqlValue } from './sql-driver.ts';

export interface StoreCopyOptions {
  /** The SQLite file to copy from; opened read-only, never written. */
  from: string;
  /** The `postgres://` URL to copy into (its `search_path`, if the URL sets one, picks the schema). */
  to: string;
  /**
   * Replace progress the target already holds. Without it a target with any row (outside `meta`) is refused.
   *
   * @defaultValue false
   */
  force?: boolean;
  /**
   * Rows per INSERT statement.
   *
   * @defaultValue 500
   */
  batchRows?: number;
}

/** What a copy did: rows per table (in copy order), the schema version, and the sequences it moved on. */
export interface StoreCopyReport {
  schemaVersion: number;
  tables: { table: string; rows: number }[];
  /** Whether rows the target held were replaced (`force`). */
  replaced: boolean;
  /** Sequences behind serial columns set past the copied rows; the schema has none today. */
  sequences: string[];
}

/** A copy that cannot be made or did not verify; nothing was written to the target. One line for a person. */
export class StoreCopyError extends Error {
  override name = 'StoreCopyError';
}

/** The table that records migrations: the target's own, written by `applyMigrations`, never copied. */
const MIGRATIONS_TABLE = 'schema_migrations';
/** Holds the digest secret: it must follow the digests made with it, so it is copied even into a used target. */
const META_TABLE = 'meta';

/**
 * Copies every table of a Stevedore SQLite database into PostgreSQL, for moving an installation without losing
 * progress. The SQLite file is opened read-only and read in one transaction (a consistent snapshot); the target
 * is brought to the same schema version by the ordinary migrations, then filled inside one PostgreSQL
 * transaction that locks the tables, refuses a target holding progress unless `force` (then replaces it),
 * copies the tables parents first, compares every table's row count with the source, and sets any serial
 * sequence past the copied rows. Any failure rolls the whole copy back, so a run can simply be repeated.
 * Integers are read as BigInt and written as text, so none loses precision. Meant for a stopped bot: writes the
 * bot makes to SQLite after the snapshot are not copied. Rejects with `StoreCopyError` (one line) for an
 * expected problem: a file that is not a Stevedore database, a schema version other than this release's,
 * tables that differ, a target in use, counts that differ.
 */
export async function copySqliteToPostgres(options: StoreCopyOptions): Promise<StoreCopyReport> {
  const { from, to, force = false, batchRows = 500 } = options;
  let source: Database.Database;
  try {
    source = new Database(from, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new StoreCopyError(`Could not open the SQLite file ${from} read-only: ${describe(error)}.`, { cause: error });
  }
  const target = new PostgresDriver(to, { max: 1 });
  try {
    source.exec('BEGIN');
    const version = sourceVersion(source, from);
    try {
      await applyMigrations(target);
    } catch (error) {
      throw new StoreCopyError(`Could not prepare the PostgreSQL database: ${describe(error)}.`, { cause: error });
    }
    const tables = copyOrder(source);
    return await target.transaction(async (tx) => {
      await checkSameTables(source, tx, tables);
      // Nobody else writes while the copy runs (a bot started too early waits for the commit).
      await tx.run(`LOCK TABLE ${tables.map(quote).join(', ')} IN EXCLUSIVE MODE`);
      const used: string[] = [];
      for (const table of tables) if (table !== META_TABLE && (await tx.all(`SELECT 1 FROM ${quote(table)} LIMIT 1`)).length > 0) used.push(table);
      if (used.length > 0 && !force) {
        throw new StoreCopyError(`The PostgreSQL database already holds progress (in ${used.join(', ')}): nothing was copied. Pass --force to replace it.`);
      }
      await tx.run(`TRUNCATE ${tables.map(quote).join(', ')}`);
      const copied: { table: string; rows: number }[] = [];
      for (const table of tables) copied.push({ table, rows: await copyTable(source, tx, table, batchRows) });
      for (const { table, rows } of copied) {
        const expected = Number((source.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
        if (rows !== expected || Number((await tx.all(`SELECT COUNT(*) AS n FROM ${quote(table)}`))[0]!['n']) !== expected) {
          throw new StoreCopyError(`The copy of ${table} does not have the source's ${expected} rows: nothing was copied.`);
        }
      }
      const sequences = await resetSequences(tx);
      return { schemaVersion: version, tables: copied, replaced: used.length > 0, sequences };
    });
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    await target.close();
  }
}

/** The source's schema version, which must be this release's. */
function sourceVersion(source: Database.Database, from: string): number {
  let version: number;
  try {
    version = Number((source.prepare(`SELECT MAX(version) AS version FROM ${MIGRATIONS_TABLE}`).get() as { version: number | null }).version ?? 0);
  } catch (error) {
    throw new StoreCopyError(`${from} is not a Stevedore database (${describe(error)}).`, { cause: error });
  }
  if (version < SCHEMA_VERSION) {
    throw new StoreCopyError(
      `${from} is at schema version ${version}, older than this release's ${SCHEMA_VERSION}: start this release once with DATABASE_PATH=${from} (and no DATABASE_URL) to migrate it, stop it, then copy.`,
    );
  }
  if (version > SCHEMA_VERSION) throw new StoreCopyError(`${from} is at schema version ${version}, newer than this release knows (${SCHEMA_VERSION}): copy with the release that wrote it.`);
  return version;
}

/** The source's tables, every referenced table before the tables that reference it. */
function copyOrder(source: Database.Database): string[] {
  const names = (source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => name !== MIGRATIONS_TABLE);
  const parents = new Map(names.map((name) => [name, (source.pragma(`foreign_key_list(${quote(name)})`) as { table: string }[]).map((fk) => fk.table)]));
  const ordered: string[] = [];
  const visit = (name: string, path: readonly string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new StoreCopyError(`The tables' foreign keys form a cycle (${[...path, name].join(' → ')}).`);
    for (const parent of parents.get(name) ?? []) if (parent !== name) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

/** The target must have the same tables and columns as the source (the same migrations made both). */
async function checkSameTables(source: Database.Database, tx: SqlExecutor, tables: readonly string[]): Promise<void> {
  const rows = await tx.all(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> ? ORDER BY table_name, column_name`,
    [MIGRATIONS_TABLE],
  );
  const targetColumns = new Map<string, string[]>();
  for (const row of rows) targetColumns.set(String(row['table_name']), [...(targetColumns.get(String(row['table_name'])) ?? []), String(row['column_name'])]);
  const sourceColumns = new Map(tables.map((table) => [table, columnsOf(source, table).toSorted()]));
  const describeTables = (map: Map<string, string[]>) => [...map].map(([table, columns]) => `${table}(${columns.join(',')})`).toSorted().join(' ');
  if (describeTables(sourceColumns) !== describeTables(targetColumns)) {
    throw new StoreCopyError('The PostgreSQL schema does not match the SQLite one (tables or columns differ): nothing was copied.');
  }
}

function columnsOf(source: Database.Database, table: string): string[] {
  return (source.pragma(`table_info(${quote(table)})`) as { name: string }[]).map((column) => column.name);
}

/**
 * Copies one table in multi-row INSERTs of `batchRows`, read from SQLite in the same slices by rowid (every table
 * has one), so memory stays bounded at any size; resolves to the rows written.
 */
async function copyTable(source: Database.Database, tx: SqlExecutor, table: string, batchRows: number): Promise<number> {
  const columns = columnsOf(source, table);
  const select = source
    .prepare(`SELECT rowid, ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
    .raw(true)
    .safeIntegers(true);
  const row = `(${columns.map(() => '?').join(', ')})`;
  let written = 0;
  for (let after: bigint = -(2n ** 63n); ; ) {
    const slice = select.all(after, batchRows) as [bigint, ...unknown[]][];
    if (slice.length === 0) return written;
    after = slice.at(-1)![0];
    const values = slice.flatMap(([, ...fields]) => fields.map(toParameter));
    written += await tx.run(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${slice.map(() => row).join(', ')}`, values);
  }
}

/** A SQLite value as a `pg` parameter: BigInt as its decimal text (exact), everything else as it is. */
function toParameter(value: unknown): SqlValue {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new StoreCopyError(`Unexpected value of type ${typeof value} in the SQLite file.`);
}

/** Sets every sequence behind a serial or identity column past the largest copied value; resolves to their names. */
async function resetSequences(tx: SqlExecutor): Promise<string[]> {
  const rows = await tx.all(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns WHERE table_schema = current_schema()
       AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const row of rows) {
    const [table, column, sequence] = [String(row['table_name']), String(row['column_name']), String(row['sequence'])];
    await tx.all(`SELECT setval(?, COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [sequence]);
  }
  return rows.map((row) => String(row['sequence']));
}

/** An identifier quoted for SQL (both dialects): the names come from the databases' own catalogues. */
function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
