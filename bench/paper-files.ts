import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, type BenchTarget } from './bench-databases.js';

export interface PaperFileFigures {
  format: 'pdf' | 'xlsx';
  ms: number;
  peakMb: number;
  bytes: number;
}

/**
 * The board paper of the whole benchmark plan as PDF and as Excel, each exported by a process of its
 * own (bench/paper-file-child.ts) through `concerto export`'s code: the time of the export itself
 * (reading the history, building the paper, rendering, writing) and the process's peak memory.
 */
export async function paperFiles(target: BenchTarget, dir: string, asOf: string): Promise<PaperFileFigures[]> {
  const out: PaperFileFigures[] = [];
  for (const format of ['pdf', 'xlsx'] as const) {
    const file = path.join(dir, `paper.${format}`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'paper-file-child.ts'), format, file, asOf], {
      cwd: ROOT,
      env: { ...process.env, ...target.env, CONCERTO_NOW: asOf, LOG_LEVEL: 'error' },
      maxBuffer: 1 << 20,
    });
    const { ms, peakMb } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; peakMb: number };
    out.push({ format, ms, peakMb, bytes: statSync(file).size });
  }
  return out;
}
