import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/store/database.js';
import { migrate } from '../src/store/migrate.js';
import { createScratchDatabase } from '../tests/helpers/databases.js';

/**
 * Where a benchmark runs: an embedded data directory, or a fresh database on a PostgreSQL server.
 * Each target can be opened through Concerto's own store (`open`), handed to a child process as
 * environment (`env`), and reached raw for the COPY floor.
 */
export interface BenchTarget {
  kind: 'pglite' | 'postgres';
  open(): Promise<Database>;
  env: Record<string, string>;
  /** Bulk-loads table dumps with COPY in one transaction; returns milliseconds. */
  copyIn(dumps: TableDump[]): Promise<number>;
  /** Each table's rows as COPY text. */
  dump(tables: readonly string[]): Promise<TableDump[]>;
  /** A second target holding a copy of this one's data (nothing may have it open meanwhile). */
  clone(): Promise<BenchTarget>;
  dispose(): Promise<void>;
}

export interface TableDump {
  table: string;
  data: Buffer;
}

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function pgliteTarget(): Promise<BenchTarget> {
  const dir = mkdtempSync(path.join(tmpdir(), 'concerto-bench-'));
  const migrated = await openDatabase({ dataDir: dir });
  await migrate(migrated);
  await migrated.close();
  return pgliteAt(dir);
}

function pgliteAt(dir: string): BenchTarget {
  const raw = async <T>(fn: (pg: PGlite) => Promise<T>): Promise<T> => {
    const pg = new PGlite(path.join(dir, 'pgdata'));
    try {
      return await fn(pg);
    } finally {
      await pg.close();
    }
  };
  return {
    kind: 'pglite',
    open: () => openDatabase({ dataDir: dir }),
    env: { CONCERTO_DATA_DIR: dir },
    copyIn: (dumps) =>
      raw(async (pg) => {
        const start = performance.now();
        await pg.transaction(async (tx) => {
          for (const d of dumps) await tx.query(`copy ${d.table} from '/dev/blob'`, [], { blob: new Blob([new Uint8Array(d.data)]) });
        });
        return performance.now() - start;
      }),
    dump: (tables) =>
      raw(async (pg) => {
        const out: TableDump[] = [];
        for (const table of tables) {
          const res = await pg.query(`copy ${table} to '/dev/blob'`);
          out.push({ table, data: Buffer.from(await res.blob!.arrayBuffer()) });
        }
        return out;
      }),
    async clone() {
      const copy = mkdtempSync(path.join(tmpdir(), 'concerto-bench-'));
      cpSync(dir, copy, { recursive: true });
      return pgliteAt(copy);
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresTarget(serverUrl: string): Promise<BenchTarget> {
  const url = await createScratchDatabase(serverUrl);
  const migrated = await openDatabase({ url });
  await migrate(migrated);
  await migrated.close();
  return postgresAt(serverUrl, url);
}

function postgresAt(serverUrl: string, url: string): BenchTarget {
  const client = () => postgres(url, { max: 1, onnotice: () => {} });
  return {
    kind: 'postgres',
    open: () => openDatabase({ url }),
    env: { DATABASE_URL: url },
    async copyIn(dumps) {
      const sql = client();
      try {
        const start = performance.now();
        await sql.begin(async (tx) => {
          for (const d of dumps) {
            const stream = await tx.unsafe(`copy ${d.table} from stdin`).writable();
            await new Promise<void>((resolve, reject) => {
              stream.on('error', reject);
              stream.on('finish', resolve);
              stream.end(d.data);
            });
          }
        });
        return performance.now() - start;
      } finally {
        await sql.end();
      }
    },
    async dump(tables) {
      const sql = client();
      try {
        const out: TableDump[] = [];
        for (const table of tables) {
          // Rows read as text and written in COPY's text format; the dump is setup, not timed.
          const columns = await sql<Array<{ name: string }>>`select attname as name from pg_attribute where attrelid = ${table}::regclass and attnum > 0 and not attisdropped order by attnum`;
          const list = columns.map((c) => `"${c.name}"::text`).join(', ');
          const rows = await sql.unsafe(`select ${list} from ${table}`).values();
          const text = rows.map((r) => (r as Array<string | null>).map(copyField).join('\t')).join('\n');
          out.push({ table, data: Buffer.from(rows.length ? `${text}\n` : '') });
        }
        return out;
      } finally {
        await sql.end();
      }
    },
    async clone() {
      const name = `${new URL(url).pathname.slice(1)}_${randomBytes(3).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name}" template "${new URL(url).pathname.slice(1)}"`);
      } finally {
        await admin.end();
      }
      const copy = new URL(url);
      copy.pathname = `/${name}`;
      return postgresAt(serverUrl, copy.toString());
    },
    async dispose() {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** A throwaway PostgreSQL server for the run (scripts/throwaway-postgres.sh), or null when it cannot start. */
export function startThrowawayPostgres(): { url: string; stop(): void } | null {
  try {
    const out = execFileSync('bash', [path.join(ROOT, 'scripts/throwaway-postgres.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const [url, dir] = out.split(/\s+/) as [string, string];
    return { url, stop: () => execFileSync('bash', [path.join(ROOT, 'scripts/throwaway-postgres.sh'), 'stop', dir], { stdio: 'ignore' }) };
  } catch {
    return null;
  }
}

/** One value in COPY's text format. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
}
