import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeSlack, FakeUser } from '../tests/helpers/fake-slack.js';
import { ROOT } from './bench-databases.js';
import { peakMemoryMb } from './measure.js';
import { transformSync } from 'esbuild';

export const SIGNING_SECRET = 'concerto-bench-signing-secret';

/** Fifty people asking; none owns anything, so every request is a read. */
export const BENCH_USERS: FakeUser[] = Array.from({ length: 50 }, (_, i) => ({ id: `UBENCH${i}`, name: `bench${i}`, real_name: `Bench Reader ${i}`, tz: 'Europe/London' }));

export interface ServedApp {
  pid: number;
  port: number;
  /** Spawn → first 200 from /healthz. */
  coldStartMs: number;
  peakMemoryMb(): Promise<number | null>;
  /** Stops and continues the process (SIGSTOP, SIGCONT), so that it takes no share of the machine while another server is measured. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

/**
 * Starts Concerto (`concerto serve`) or the bare Bolt floor in a child process of its own, so that
 * its latency and memory are its own and not the load generator's.
 */
export async function startServed(which: 'concerto' | 'floor', port: number, fake: FakeSlack, env: Record<string, string>, nodeArgs: string[] = []): Promise<ServedApp> {
  // Both as JavaScript, as they would run: Concerto through its installed command, executed as npm's link runs it
  // (its first line's Node flags included; the bundle in dist/, built by the bench first), the floor transpiled
  // once beside it and loading Bolt from node_modules as a plain Bolt app does, so neither pays for TypeScript at start.
  // BENCH_CONCERTO_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles every Concerto server of a run
  // (Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line).
  const profiled = which === 'concerto' ? process.env.BENCH_CONCERTO_NODE_ARGS?.split(/\s+/).filter(Boolean) : undefined;
  const bin = path.join(ROOT, 'bin', 'concerto.mjs');
  const [command, args] = which === 'floor' ? [process.execPath, [compiledFloor()]] : profiled?.length ? [process.execPath, [...profiled, bin, 'serve']] : [bin, ['serve']];
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    PORT: String(port),
    LOG_LEVEL: 'error',
    CONCERTO_NOW: '2017-10-04T10:00',
    // A profile's or a trace's flags, for either server.
    ...(nodeArgs.length ? { NODE_OPTIONS: nodeArgs.join(' ') } : {}),
    ...env,
  };
  const start = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${which} exited (${code}) before it was healthy:\n${stderr}`))));
  const healthy = (async () => {
    while (child.exitCode === null && child.signalCode === null) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${which} was not healthy within 180 s:\n${stderr}`)), 180_000);
  });
  // The timer is cleared either way, so it cannot hold the benchmark open after its last server.
  await Promise.race([healthy, exited, late]).finally(() => clearTimeout(timer));
  const coldStartMs = performance.now() - start;
  exited.catch(() => {});
  if (child.exitCode !== null) throw new Error(`${which} exited before it was healthy:\n${stderr}`);
  // Steady state is what is measured: Concerto builds its read model in the background after it is healthy.
  for (let waited = 0; which === 'concerto' && waited < 120_000; waited += 20) {
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { model?: string };
    if (health.model !== 'building') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    pid: child.pid!,
    port,
    coldStartMs,
    peakMemoryMb: () => peakMemoryMb(child.pid!),
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  child.kill('SIGCONT');
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export type Scenario = 'status' | 'overdue';

export interface LatencyFigures {
  p50: number;
  p99: number;
  requests: number;
  /** A median of rounds: the lowest and highest round's p99. */
  spread?: { p99: [number, number] };
}

/** bench/floor-app.ts as JavaScript, in the project (so its imports resolve), written once per run. */
let floorFile: string | null = null;
function compiledFloor(): string {
  if (floorFile) return floorFile;
  const out = path.join(ROOT, 'bench', `.floor-app-${process.pid}.mjs`);
  const { code } = transformSync(readFileSync(path.join(ROOT, 'bench', 'floor-app.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'node20' });
  writeFileSync(out, code);
  process.once('exit', () => rmSync(out, { force: true }));
  floorFile = out;
  return out;
}
