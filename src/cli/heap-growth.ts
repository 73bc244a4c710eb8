import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what was live at its last full collection before collecting again.
 * Left to itself, V8 grows a busy heap three- or fourfold: under 50 concurrent requests `concerto serve`
 * on PostgreSQL peaked at 349 MB while its live heap (with the 10,000-item read model) stayed near 100 MB,
 * and the PDF paper's process reached 500 MB for a live set under 40 MB. At 75% the same load peaks at
 * about 225 MB with the same latency; at 50% it peaked at 210 MB but the extra full collections showed
 * in the slowest "what's overdue?" answers (bench/NOTES.md). Unlike a heap cap this never refuses memory
 * that is really needed: a large import still gets all it uses, only collected sooner.
 */
export const HEAP_GROWING_PERCENT = 75;

const FLAG = /heap[-_]growing[-_]percent/;

/**
 * Sets the growth for this process, unless the operator chose their own (in NODE_OPTIONS or on node's
 * command line). V8 reads it at each full collection, so setting it as the process starts takes effect.
 */
export function collectGarbageSooner(execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): boolean {
  if (execArgv.some((a) => FLAG.test(a)) || FLAG.test(nodeOptions)) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
