import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Small measuring tools: percentiles, a bounded-concurrency load loop, and a process's peak memory. */

export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs `total` calls of `fn`, at most `concurrency` at a time; returns each call's milliseconds. */
export async function load(total: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const start = performance.now();
      await fn(i);
      samples.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return samples;
}

/**
 * This process's own peak resident memory, in MB: VmHWM. Not `process.resourceUsage().maxRSS`: on Linux a
 * child's ru_maxrss starts at its parent's resident size when it was forked (kept across exec), so a child
 * of a bench run holding 400 MB reports at least 400 MB whatever it does itself.
 */
export function ownPeakMemoryMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // No /proc (not Linux): maxRSS, which elsewhere is the process's own.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Peak resident memory (VmHWM) of a Linux process, in MB; null where /proc is not there. */
export async function peakMemoryMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

export const ms = (n: number) => (Number.isNaN(n) ? '–' : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
export const ratio = (n: number, floor: number) => (Number.isFinite(n / floor) ? `${(n / floor).toFixed(2)}×` : '–');
