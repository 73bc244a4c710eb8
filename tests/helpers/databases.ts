import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';

/**
 * The storage suites run on both drivers: embedded PGlite always, and real PostgreSQL when
 * TEST_DATABASE_URL is set (.ci/run starts one). CONCERTO_REQUIRE_POSTGRES makes a missing
 * server a failure instead of a skip, so CI can never pass without the PostgreSQL suite.
 */
export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; `onQuery` hears every statement sent through drizzle. */
  open(options?: { onQuery?: (sql: string) => void }): Promise<Database>;
  /** Another connection to the database `open` made last (PostgreSQL only: another process's view). */
  openAnother?(database: Database, options?: { onQuery?: (sql: string) => void }): Promise<Database>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL;

if (process.env.CONCERTO_REQUIRE_POSTGRES && !postgresUrl) {
  throw new Error('CONCERTO_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not: the PostgreSQL suite would be skipped.');
}

export const testDatabases: TestDatabase[] = [
  {
    name: 'pglite',
    async open(options = {}) {
      const db = await openDatabase({ memory: true, ...options });
      await migrate(db);
      return db;
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres' as const,
          async open(options: { onQuery?: (sql: string) => void } = {}) {
            const url = await createScratchDatabase(postgresUrl);
            const db = await openDatabase({ url, ...options });
            await migrate(db);
            return db;
          },
          openAnother: (database: Database, options: { onQuery?: (sql: string) => void } = {}) => openDatabase({ url: database.url!, ...options }),
        },
      ]
    : []),
];

/** A new database on the test server, so suites never see each other's rows. */
export async function createScratchDatabase(serverUrl: string): Promise<string> {
  const name = `concerto_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
