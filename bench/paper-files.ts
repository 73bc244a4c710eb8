import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, type BenchTarget } from './bench-databases.js';

export interface PaperFileFigures {
  format: 'pdf' | 'xlsx';
  /** The whole command, from the process starting to its exit. */
  ms: number;
  peakMb: number;
  bytes: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * The board paper of the whole benchmark plan as PDF and as Excel, each made by `concerto export` run
 * as a person runs it: bin/concerto.mjs executed as installed (its first line's Node flags included) on
 * the bundle run.ts has just built. The time is the whole command (start, opening the database, reading
 * the history, building, rendering, writing); the peak memory is the process's maximum resident set,
 * from GNU time (else the process is refused: a figure without it would not be comparable).
 */
export async function paperFiles(target: BenchTarget, dir: string, asOf: string): Promise<PaperFileFigures[]> {
  if (!existsSync(GNU_TIME)) throw new Error(`The paper's peak memory is read with GNU time (${GNU_TIME}); install it (Debian: apt-get install time).`);
  const out: PaperFileFigures[] = [];
  for (const format of ['pdf', 'xlsx'] as const) {
    const file = path.join(dir, `paper.${format}`);
    const env: NodeJS.ProcessEnv = { ...process.env, ...target.env, CONCERTO_NOW: asOf, LOG_LEVEL: 'error' };
    delete env.NODE_OPTIONS;
    const started = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME, ['-f', '%M', path.join(ROOT, 'bin', 'concerto.mjs'), 'export', '--format', format, '--as-of', asOf, '--output', file], { cwd: ROOT, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new Error(`concerto export --format ${format} failed: ${r.stderr}`);
    const kb = Number(r.stderr.trim().split('\n').at(-1));
    out.push({ format, ms, peakMb: kb / 1024, bytes: statSync(file).size });
  }
  return out;
}
