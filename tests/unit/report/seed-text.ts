import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The seed: the text of the original board paper, "Concerto Action Plan, 04/10/2017", as extracted
 * from its PDF. It lives in shared/ beside the repository (the work tree or CI's clone), not in it.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NAME = 'concerto-action-plan-2017-10-04.txt';

export function seedText(): string | null {
  const file = [path.join('/work/shared/seed', NAME), path.join(ROOT, '..', 'shared', 'seed', NAME)].find((f) => existsSync(f));
  return file ? readFileSync(file, 'utf8') : null;
}

/** Words without layout: PDF bullets (U+F0B7 in the extract, • in the plan) and line breaks do not count. */
export function words(text: string): string[] {
  return text.normalize('NFKC').replace(/[•\uf0b7]/g, ' ').split(/\s+/).filter(Boolean);
}

/**
 * True when the text is in the seed word for word. A long cell can be cut by a page break, where the
 * extract interleaves the page header and other columns, so the text may come in several runs, each
 * at least `minRun` words long (or the whole remainder), in order.
 */
export function inSeed(text: string, seed: readonly string[], minRun = 4): boolean {
  const want = words(text);
  let i = 0;
  let from = 0;
  while (i < want.length) {
    let best = 0;
    let bestAt = -1;
    for (let k = from; k < seed.length; k++) {
      let n = 0;
      while (i + n < want.length && k + n < seed.length && seed[k + n] === want[i + n]) n++;
      if (n > best) {
        best = n;
        bestAt = k;
      }
    }
    if (best === 0 || best < Math.min(minRun, want.length - i)) return false;
    i += best;
    from = bestAt + best;
  }
  return true;
}
