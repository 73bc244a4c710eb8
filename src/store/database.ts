import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import lockfile from 'proper-lockfile';
import postgres from 'postgres';
import { StoreError } from './store-error.js';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a redacted URL. */
  location: string;
  /** The connection string, for opening the single-connection migration client. */
  url?: string;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string; maxConnections?: number } | { dataDir: string } | { memory: true };

/** Opens PGlite (embedded, the default) or PostgreSQL (`DATABASE_URL`) behind one drizzle API. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) return openPostgres(options.url, options.maxConnections ?? 10);
  if ('memory' in options) return wrapPglite(new PGlite(), 'memory', async () => {});
  return openPgliteDir(options.dataDir);
}

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  return {
    db: drizzlePostgres(client) as unknown as Db,
    kind: 'postgres',
    location: redactUrl(url),
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite has no lock of its own and two processes on one directory corrupt it, so the
 * directory is guarded by a lock file that proper-lockfile keeps fresh while we run.
 */
async function openPgliteDir(dataDir: string): Promise<Database> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, { lockfilePath: path.join(dir, 'concerto.lock'), stale: 10_000, retries: 0 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreError(
        'data_dir_locked',
        `Another Concerto process is using the data directory ${dir}. Stop it first, or point CONCERTO_DATA_DIR at another directory (or set DATABASE_URL to share a PostgreSQL server between processes).`,
      );
    }
    throw err;
  }
  try {
    const client = new PGlite(path.join(dir, 'pgdata'));
    await client.waitReady;
    return wrapPglite(client, dir, release);
  } catch (err) {
    await release();
    throw new StoreError('data_dir_unreadable', `Could not open the embedded database in ${dir}: ${(err as Error).message}. Move the directory aside to start afresh, or set CONCERTO_DATA_DIR.`);
  }
}

function wrapPglite(client: PGlite, location: string, release: () => Promise<void>): Database {
  let closed = false;
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    location,
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await release();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
