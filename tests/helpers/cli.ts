import { expect } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the CLI runs from here so the migrations resolve. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = path.join(ROOT, 'src', 'main.ts');
/** The installed command: the bundled dist/ (built before the suite, tests/helpers/build-dist.ts) while it is current. */
export const BIN = path.join(ROOT, 'bin', 'concerto.mjs');

/** Generous: the first run on a data directory creates PGlite, migrates and seeds. */
export const CLI_TIMEOUT = 60_000;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  dataDir?: string;
  /** Extra variables; `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

/** A fresh data directory; `cleanup` removes every directory made so far. */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(prefix = 'concerto-e2e-'): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The environment a spawned CLI sees: this process's, minus anything Concerto reads (so a
 * developer's DATABASE_URL or CONCERTO_ADMINS cannot leak in), plus the pinned clock.
 */
function cliEnv(opts: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'DATABASE_URL' || k.startsWith('CONCERTO_') || k === 'NODE_OPTIONS' || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  env.CONCERTO_NOW = '2017-10-04';
  if (opts.dataDir) env.CONCERTO_DATA_DIR = opts.dataDir;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function spawnCli(args: string[], opts: CliOptions = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(opts), stdio: 'pipe' });
}

/** Runs `concerto <args>` to completion. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, opts);
  return collect(child, opts.timeoutMs ?? CLI_TIMEOUT, opts.input);
}

function collect(child: ChildProcessWithoutNullStreams, timeoutMs: number, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI timed out after ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
  });
}

/** A long-running `concerto chat`: send lines, wait for reply lines, then close stdin and wait. */
export interface ChatProcess {
  child: ChildProcessWithoutNullStreams;
  send(line: string): void;
  /** Resolves with the next complete stdout line. */
  nextLine(timeoutMs?: number): Promise<string>;
  /** Lines received and not yet taken with nextLine. */
  pending(): string[];
  /** Closes stdin and waits for the process to exit. */
  end(timeoutMs?: number): Promise<CliResult>;
  /** Kills the process if it is still running (for afterAll). */
  kill(): void;
}

export function startChat(args: string[], opts: CliOptions = {}): ChatProcess {
  const child = spawnCli(['chat', ...args], opts);
  let stdout = '';
  let stderr = '';
  let buffer = '';
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  let exited: CliResult | null = null;
  const exitWaiters: Array<(r: CliResult) => void> = [];

  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    buffer += d;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.on('close', (code, signal) => {
    exited = { code, signal, stdout, stderr };
    for (const w of exitWaiters.splice(0)) w(exited);
  });

  return {
    child,
    send(line) {
      child.stdin.write(`${line}\n`);
    },
    nextLine(timeoutMs = CLI_TIMEOUT) {
      const ready = lines.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`No reply line within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const waiter = (line: string) => {
          clearTimeout(timer);
          resolve(line);
        };
        waiters.push(waiter);
      });
    },
    pending: () => [...lines],
    end(timeoutMs = CLI_TIMEOUT) {
      child.stdin.end();
      if (exited) return Promise.resolve(exited);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`chat did not exit within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        }, timeoutMs);
        exitWaiters.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
    },
    kill() {
      if (!exited && child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Non-empty stdout lines parsed as JSON. */
export function jsonLines<T = unknown>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A test's named CLI steps, run once in beforeAll: `step` finds one's result, `ok` also expects it to have exited 0. */
export function namedSteps(results: Record<string, CliResult>): { step: (name: string) => CliResult; ok: (name: string) => string } {
  const step = (name: string): CliResult => {
    const r = results[name];
    if (!r) throw new Error(`step ${name} did not run`);
    return r;
  };
  const ok = (name: string): string => {
    const r = step(name);
    expect(r.code, `${name}: ${r.stderr}`).toBe(0);
    return r.stdout;
  };
  return { step, ok };
}
