import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import lockfile from 'proper-lockfile';
import type postgres from 'postgres';
import { StoreError } from './store-error.js';

export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory or a redacted URL. */
  location: string;
  /** The connection string, for opening the single-connection migration client. */
  url?: string;
  /** Whether the database answers a trivial query within a few seconds (for the health check); never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * The embedded database only: calls `onNotify` for each NOTIFY on the channel, before the query that
   * committed it returns (PGlite runs in this process). Resolves to a function that stops listening.
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
}

/**
 * `lean`: the embedded database with a 32 MB buffer pool instead of PostgreSQL's 128 MB, which PGlite
 * touches as it opens: about 100 MB less. Every command opens it so: a one-shot command reads each page
 * once, and a server answers from its read model. Given on the command line, never written to the data directory.
 */
export type DatabaseOptions = ({ url: string; maxConnections?: number } | { dataDir: string; copy?: boolean; lean?: boolean } | { memory: true }) & {
  /** Called with every statement drizzle sends: how tests and the benchmark count round trips per request. */
  onQuery?: (sql: string) => void;
};

const loggerFor = (onQuery: ((sql: string) => void) | undefined) => (onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {});

const LEAN_BUFFERS = '32MB';
const pgliteOptions = (Pglite: typeof PGlite, lean: boolean) => (lean ? { startParams: [...(Pglite as unknown as { defaultStartParams: string[] }).defaultStartParams, '-c', `shared_buffers=${LEAN_BUFFERS}`] } : {});

/** Each driver loads only when a database of its kind is opened: a one-shot command on PGlite never loads postgres.js, and back. */
async function pgliteDriver() {
  const [{ PGlite: Pglite }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  return { Pglite, drizzle };
}
async function postgresDriver() {
  const [{ default: connect }, { drizzle }] = await Promise.all([import('postgres'), import('drizzle-orm/postgres-js')]);
  return { connect, drizzle };
}
type PgliteDriver = Awaited<ReturnType<typeof pgliteDriver>>;

/** Opens PGlite (embedded, the default) or PostgreSQL (`DATABASE_URL`) behind one drizzle API. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const onQuery = options.onQuery;
  if ('url' in options) return openPostgres(await postgresDriver(), options.url, options.maxConnections ?? 10, onQuery);
  const driver = await pgliteDriver();
  if ('memory' in options) return wrapPglite(driver, new driver.Pglite(), 'memory', async () => {}, onQuery);
  return options.copy ? openPgliteCopy(driver, options.dataDir, options.lean ?? false, onQuery) : openPgliteDir(driver, options.dataDir, options.lean ?? false, onQuery);
}

/**
 * A throwaway copy of the embedded database, for commands that must leave the data directory exactly as
 * it was (a dry run): PGlite writes a checkpoint (pg_control, the WAL) whenever it closes, and hint bits
 * on the pages it reads, so even a read-only session changes files. The copy is taken under the lock.
 */
async function openPgliteCopy(driver: PgliteDriver, dataDir: string, lean: boolean, onQuery?: (sql: string) => void): Promise<Database> {
  const dir = path.resolve(dataDir);
  const scratch = mkdtempSync(path.join(tmpdir(), 'concerto-copy-'));
  if (existsSync(path.join(dir, 'pgdata'))) {
    const release = await lockDataDir(dir);
    try {
      cpSync(path.join(dir, 'pgdata'), path.join(scratch, 'pgdata'), { recursive: true });
    } finally {
      await release();
    }
  }
  const client = new driver.Pglite(path.join(scratch, 'pgdata'), pgliteOptions(driver.Pglite, lean));
  await client.waitReady;
  return wrapPglite(driver, client, dir, async () => rmSync(scratch, { recursive: true, force: true }), onQuery);
}

/**
 * PostgreSQL through postgres.js, made to carry on by itself when the server goes away and comes back.
 * postgres.js 3.4.9 does not (porsager/postgres#1154, #1208; the fixes are not released): a transaction
 * cut off mid-way writes its ROLLBACK to the dead socket from a timer — an uncaught TypeError that ends
 * the process — and a connection that closes with a write pending never flushes again, so it fails every
 * reconnect until the process restarts. Two guards, until a release fixes them:
 * - a transaction whose connection is lost is left to the rejection postgres.js gives it when that
 *   connection closes, instead of being rolled back over the dead socket (the server has rolled it back);
 * - the first connection of a pool to close retires the whole pool: the next query gets a fresh one, and
 *   the old one is ended once its in-flight work settles. (So connections have no maximum lifetime: a
 *   close is always worth a fresh pool.)
 */
function openPostgres(driver: Awaited<ReturnType<typeof postgresDriver>>, url: string, max: number, onQuery?: (sql: string) => void): Database {
  let closing = false;
  let current = pool();
  /** drizzle sets its type parsers on the first pool's options; later pools copy them. */
  const options = current.options;
  function pool(): postgres.Sql {
    const client: postgres.Sql = driver.connect(url, { max, onnotice: () => {}, connect_timeout: 10, max_lifetime: 0, onclose: () => retire(client) });
    return client;
  }
  function retire(client: postgres.Sql): void {
    if (client !== current || closing) return;
    current = pool();
    Object.assign(current.options.parsers, options.parsers);
    Object.assign(current.options.serializers, options.serializers);
    void client.end({ timeout: RETIRED_POOL_GRACE_S }).catch(() => {});
  }
  // What drizzle uses of a postgres.js client, always on the current pool.
  const client = {
    options,
    unsafe: (...args: Parameters<postgres.Sql['unsafe']>) => current.unsafe(...args),
    begin: (...args: unknown[]) => {
      const work = args.pop() as (tx: postgres.TransactionSql) => Promise<unknown>;
      return current.begin(...(args as [string]), (tx) => work(tx).catch((err: unknown) => (connectionLost(err) ? untilClosed(err) : Promise.reject(err))));
    },
  };
  return {
    db: driver.drizzle(client as unknown as postgres.Sql, loggerFor(onQuery)) as unknown as Db,
    kind: 'postgres',
    location: redactUrl(url),
    url,
    ping: pinger(() => current`select 1`),
    close: () => {
      closing = true;
      return current.end({ timeout: 5 });
    },
  };
}

/** Seconds a retired pool's in-flight queries get to finish before its connections are cut. */
const RETIRED_POOL_GRACE_S = 30;

/** Waits for postgres.js to reject the transaction as its connection closes; gives the error back if that never comes. */
function untilClosed(err: unknown): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(err), 60_000).unref());
}

/** The connection under a query went away (server shut down or crashed, socket reset): the server has rolled back. */
function connectionLost(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code ?? ((err as { cause?: { code?: unknown } })?.cause?.code);
  return ['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03'].includes(String(code));
}

/**
 * PGlite has no lock of its own and two processes on one directory corrupt it, so the
 * directory is guarded by a lock file that proper-lockfile keeps fresh while we run.
 */
async function openPgliteDir(driver: PgliteDriver, dataDir: string, lean: boolean, onQuery?: (sql: string) => void): Promise<Database> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = await lockDataDir(dir);
  try {
    const client = new driver.Pglite(path.join(dir, 'pgdata'), pgliteOptions(driver.Pglite, lean));
    await client.waitReady;
    return wrapPglite(driver, client, dir, release, onQuery);
  } catch (err) {
    await release();
    throw new StoreError('data_dir_unreadable', `Could not open the embedded database in ${dir}: ${(err as Error).message}. Move the directory aside to start afresh, or set CONCERTO_DATA_DIR.`);
  }
}

/** A lock not refreshed for this long belongs to a process that has gone; proper-lockfile then takes it over. */
const LOCK_STALE_MS = 10_000;

/**
 * Takes the data directory's lock, noting beside it which process holds it. A process that was killed
 * (or lost power) cannot release its lock: when the note names a process that no longer runs on this
 * machine, we wait the few seconds until the lock goes stale and take it over, rather than tell the
 * person that another Concerto process is using a directory nobody is using.
 */
async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const holderFile = path.join(dir, 'concerto.pid');
  const lock = (retries: number) =>
    lockfile.lock(dir, { lockfilePath: path.join(dir, 'concerto.lock'), stale: LOCK_STALE_MS, retries: { retries, factor: 1, minTimeout: 1000, maxTimeout: 1000 } });
  let release: () => Promise<void>;
  try {
    release = await lock(0).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ELOCKED' || holderRuns(holderFile)) throw err;
      return lock(Math.ceil(LOCK_STALE_MS / 1000) + 5);
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StoreError(
        'data_dir_locked',
        `Another Concerto process is using the data directory ${dir}. Stop it first, or point CONCERTO_DATA_DIR at another directory (or set DATABASE_URL to share a PostgreSQL server between processes).`,
      );
    }
    throw err;
  }
  writeFileSync(holderFile, `${process.pid} ${hostname()}\n`);
  return async () => {
    rmSync(holderFile, { force: true });
    await release();
  };
}

/** Whether the process named in the holder note may still be running; when we cannot tell, it may. */
function holderRuns(holderFile: string): boolean {
  let pid: number;
  let host: string | undefined;
  try {
    const [p, h] = readFileSync(holderFile, 'utf8').trim().split(' ');
    pid = Number(p);
    host = h;
  } catch {
    return true;
  }
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function wrapPglite(driver: PgliteDriver, client: PGlite, location: string, release: () => Promise<void>, onQuery?: (sql: string) => void): Database {
  let closed = false;
  return {
    db: driver.drizzle(client, loggerFor(onQuery)) as unknown as Db,
    kind: 'pglite',
    location,
    // In-process: it answers for as long as it is open.
    ping: async () => !closed,
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await release();
    },
  };
}

const PING_TIMEOUT_MS = 3_000;

function pinger(query: () => PromiseLike<unknown>): () => Promise<boolean> {
  return () =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
      Promise.resolve(query()).then(
        () => resolve(true),
        () => resolve(false),
      ).finally(() => clearTimeout(timer));
    });
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
