/**
 * Recommendation numbers are hierarchical ("4.2.1", "5.1", "9.3.1"), never dates. Trackers of audits and
 * inspections also number with a few letters in front ("IA-01", "R1", "REC-3.2"); letters that name a
 * period instead ("Q1", "H2", "FY18", "Mar-18", "W/C") never start an id. Ids sort part by part, so 4.10
 * comes after 4.9, numbers before lettered ids, and lettered ids by their letters first.
 */
const ID = /^\d{1,3}(?:\.\d{1,3}){0,4}$/;
const LETTERED = /^([A-Z]{1,4})(-?)(\d{1,3}(?:\.\d{1,3}){0,3})$/;
const PERIOD_LETTERS = /^(?:Q|H|FY|FYE|W|WK|WC|P|T|AM|PM|NO|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)$/;

export function isRecommendationId(s: string): boolean {
  if (ID.test(s)) return true;
  const m = LETTERED.exec(s);
  return m !== null && !PERIOD_LETTERS.test(m[1]!);
}

/** An id as typed, as the plan holds it: a lettered id's letters in capitals ("ia-01" → "IA-01"). */
export function canonicalId(s: string): string {
  return /^[A-Za-z]{1,4}-?\d/.test(s) ? s.toUpperCase() : s;
}

/**
 * Finds ids written in free text: "4.2.1", "rec 4.2.1", "4.2.1:" — also "4.2.1." at a sentence end — and
 * lettered ids written in capitals ("IA-01", "R1"); period letters ("Q1", "FY18") are left to the date readers.
 */
export const ID_IN_TEXT = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){1,4})(?![\d]|\.\d)|(?<![\w.-])([A-Z]{1,4}-?\d{1,3}(?:\.\d{1,3}){0,3})(?![\w-]|\.\d)/g;

/** The letters (none for a plain number) and the numbers of an id. */
function idParts(id: string): { letters: string; numbers: number[] } {
  const m = LETTERED.exec(id);
  return m ? { letters: m[1]!, numbers: m[3]!.split('.').map(Number) } : { letters: '', numbers: id.split('.').map(Number) };
}

export function compareIds(a: string, b: string): number {
  const pa = idParts(a);
  const pb = idParts(b);
  if (pa.letters !== pb.letters) return pa.letters < pb.letters ? -1 : 1;
  for (let i = 0; i < Math.max(pa.numbers.length, pb.numbers.length); i++) {
    const d = (pa.numbers[i] ?? -1) - (pb.numbers[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Ids that look like a mistyped one: the fewest changed characters, then the longest shared prefix. */
export function suggestIds(wanted: string, known: readonly string[], limit = 3): string[] {
  const shared = (id: string) => {
    const a = wanted.split('.');
    const b = id.split('.');
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return n;
  };
  return known
    // A parent number ("4.2") suggests its children first.
    .map((id) => ({ id, d: id.startsWith(`${wanted}.`) ? 0 : editDistance(wanted, id), p: shared(id) }))
    .filter((x) => x.d <= 1 || (x.d <= 2 && x.p >= 1))
    .sort((a, b) => a.d - b.d || b.p - a.p || compareIds(a.id, b.id))
    .slice(0, limit)
    .map((x) => x.id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
