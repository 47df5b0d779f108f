/** A value a query parameter may take. */
export type SqlValue = string | number | null;

/**
 * What `SqlStore` needs from a database: queries with `?` placeholders, and transactions. One driver per
 * database (`SqliteDriver`, `PostgresDriver`), so the store's SQL is written once.
 */
export interface SqlExecutor {
  /** Rows of a query, with column names as keys. */
  all(sql: string, params?: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDriver extends SqlExecutor {
  /** `sqlite` or `postgres`, for messages and the few statements that differ. */
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction that holds the write lock from its start, committing when it resolves
   * and rolling back when it throws.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** A statement that makes concurrent migrations wait for each other, where the write lock does not. */
  readonly migrationLock?: string;
  close(): Promise<void>;
}
