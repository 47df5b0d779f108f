import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { openStore } from '../../../src/store/index.ts';
import { describeItemIdMigration } from './item-id-migration.ts';
import { describeStoreContract } from './store-contract.ts';

/** The PostgreSQL these tests use; set STEVEDORE_TEST_DATABASE_URL to point elsewhere. */
const url = process.env['STEVEDORE_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
const available = await admin.connect().then(
  () => true,
  (error: Error) => {
    console.warn(`Skipping the PostgreSQL store tests: no PostgreSQL answered at ${url.replace(/:[^:@/]*@/, ':***@')} (${error.message}).`);
    return false;
  },
);

// Each test gets its own schema, so tests never see each other's rows and leave nothing behind.
const schemas: string[] = [];
afterAll(async () => {
  if (!available) return;
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

/** The address of a new, empty schema of its own. */
async function emptySchemaUrl(): Promise<string> {
  const schema = `stevedore_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return scoped.toString();
}

async function openEmptyStore() {
  return openStore({ DATABASE_URL: await emptySchemaUrl() });
}

describe.skipIf(!available)('PostgreSQL', () => {
  describeStoreContract('PostgreSQL', openEmptyStore);
  describeItemIdMigration('PostgreSQL', async () => {
    const scoped = await emptySchemaUrl();
    const client = new pg.Client({ connectionString: scoped });
    await client.connect();
    const numbered = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      run: async (sql, params = []) => void (await client.query(numbered(sql), [...params])),
      all: async (sql) => (await client.query(sql)).rows,
      open: () => openStore({ DATABASE_URL: scoped }),
      close: () => client.end(),
    };
  });
});
