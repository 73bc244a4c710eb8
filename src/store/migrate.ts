import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './database.js';
import { queryRows } from './query-rows.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** Arbitrary but fixed: serialises migrations when several instances start at once. */
const MIGRATION_LOCK = 7_291_001;

/**
 * Applies the drizzle-kit migrations under db/migrations; running it again is a no-op. A database that
 * already has the newest one (drizzle applies only migrations newer than the last it recorded) is
 * recognised with one query, without the migrator reading and hashing every migration: most starts.
 */
export async function migrate(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  // Only the migrator of the database in use is loaded.
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // One connection, so the session-level advisory lock covers every statement the migrator runs.
  const [{ default: postgres }, { drizzle }, { migrate: migratePostgres }] = await Promise.all([import('postgres'), import('drizzle-orm/postgres-js'), import('drizzle-orm/postgres-js/migrator')]);
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The newest migration's timestamp, from the journal drizzle-kit keeps beside them. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return Math.max(...journal.entries.map((e) => e.when));
}

async function upToDate(database: Database): Promise<boolean> {
  try {
    const [row] = await queryRows<{ at: string | number | null }>(database.db, sql`select max(created_at) as at from drizzle.__drizzle_migrations`);
    return row?.at != null && Number(row.at) === newestMigration();
  } catch {
    // No migrations table yet: a new database.
    return false;
  }
}
