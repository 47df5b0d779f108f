/** Where the SQLite database is kept when DATABASE_PATH is not set, relative to the working directory. */
export const DEFAULT_DATABASE_PATH = './data/stevedore.db';
