import { normaliseName } from '../../plan/owners.js';

/** Edit distance where swapping two neighbours counts once ("Shakleton" for "Shackleton" is one). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Names one typo away from what was typed ("Karan" → Karen Georgiou, "Shakleton" → … Shackleton): every
 * typed word is within one edit (two for long words) of a word of the name, in order of closeness. For
 * "did you mean", never for answering: a near name is asked about, not assumed.
 */
export function nearNames(typed: string, known: readonly string[], limit = 3): string[] {
  const words = normaliseName(typed).split(' ').filter((w) => w.length >= 3);
  if (!words.length) return [];
  const scored: Array<{ name: string; d: number }> = [];
  for (const name of known) {
    const parts = normaliseName(name).split(' ');
    let total = 0;
    let ok = true;
    for (const w of words) {
      const best = Math.min(...parts.map((p) => distance(w, p.slice(0, Math.max(w.length, Math.min(p.length, w.length + 1))))));
      if (best > (w.length >= 8 ? 2 : 1)) {
        ok = false;
        break;
      }
      total += best;
    }
    if (ok && total > 0) scored.push({ name, d: total });
  }
  return scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}
