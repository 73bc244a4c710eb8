import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../helpers/slack-app.js';

/**
 * A PostgreSQL server of one test file's own, which it may stop and start again on the same data
 * directory and port (like scripts/throwaway-postgres.sh, whose conventions it follows: trust auth on
 * loopback, a socket in the directory, and run as the `postgres` user when we are root).
 */

const run = promisify(execFile);

/** The directory holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(path.join(dir, 'initdb'))) return dir;
  return null;
}

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Starts the server on its data directory and port, and waits until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop`: `fast` rolls back open transactions and closes connections; `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it (if running) and removes its directory. */
  destroy(): Promise<void>;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb and postgres refuse to run as root). */
function pg(bin: string, tool: string, args: string[]) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
}

export async function createPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL binaries were not found (looked in /usr/lib/postgresql/*/bin and PATH): install Debian\'s postgresql package.');
  if (asRoot) {
    const known = await run('id', ['-u', 'postgres']).then(() => true, () => false);
    if (!known) await run('useradd', ['--system', '--no-create-home', 'postgres']);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'concerto-fault-pg-'));
  chmodSync(dir, 0o755);
  if (asRoot) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  await pg(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  let running = false;

  const server: PostgresServer = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async start() {
      try {
        await pg(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=100`, 'start']);
      } catch (err) {
        throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
      }
      running = true;
    },
    async stop(mode = 'fast') {
      await pg(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    async destroy() {
      if (running) await server.stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
