import { editDistance } from '../../plan/edit-distance.js';
import { normaliseName } from '../../plan/owners.js';


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
      const best = Math.min(...parts.map((p) => editDistance(w, p.slice(0, Math.max(w.length, Math.min(p.length, w.length + 1))))));
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
