/**
 * Recommendation numbers are hierarchical ("4.2.1", "5.1", "9.3.1"), never dates. Trackers of audits and
 * inspections also number with a few letters in front ("IA-01", "R1", "REC-3.2"), and split a
 * recommendation into parts with a letter after the number ("1a", "4.2.1b", "R3c"); letters that name a
 * period instead ("Q1", "H2", "FY18", "Mar-18", "W/C") never start an id. Ids sort part by part, so 4.10
 * comes after 4.9 and 1a after 1 and before 2, numbers before lettered ids, and lettered ids by their
 * letters first.
 */
const ID = /^\d{1,3}(?:\.\d{1,3}){0,4}[a-z]?$/;
const LETTERED = /^([A-Z]{1,4})(-?)(\d{1,3}(?:\.\d{1,3}){0,3})([a-z]?)$/;
const PERIOD_LETTERS = /^(?:Q|H|FY|FYE|W|WK|WC|AM|PM|NO|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)$/;

/**
 * An id as people type it, for patterns that read one inside a command (use with the `i` flag; the match
 * goes through `canonicalId`, then `isRecommendationId`): "4.2.1", "ia-01", "1a", "1(a)", "IA-01A".
 */
export const TYPED_ID = String.raw`(?:\d{1,3}(?:\.\d{1,3}){0,4}|[A-Za-z]{1,4}-?\d{1,3}(?:\.\d{1,3}){0,3})(?:[a-z]|\([a-z]\))?`;

export function isRecommendationId(s: string): boolean {
  if (ID.test(s)) return true;
  const m = LETTERED.exec(s);
  return m !== null && !PERIOD_LETTERS.test(m[1]!);
}

/**
 * An id as typed, as the plan holds it: a lettered id's letters in capitals ("ia-01" → "IA-01"), a part's
 * letter in lower case and without brackets ("1A", "1(a)" → "1a").
 */
export function canonicalId(s: string): string {
  const parted = s.replace(/(\d)\(?([A-Za-z])\)?$/, (_, d: string, part: string) => `${d}${part.toLowerCase()}`);
  return parted.replace(/^([A-Za-z]{1,4})(?=-?\d)/, (letters: string) => letters.toUpperCase());
}

/**
 * Finds ids written in free text: "4.2.1", "rec 4.2.1", "4.2.1:", "4.2.1b" — also "4.2.1." at a sentence
 * end — lettered ids written in capitals ("IA-01", "R1", "R3c"), and a number with a part's letter from a
 * to f ("1a", "12c"); period letters ("Q1", "FY18") are left to the date readers. A part's letter is one
 * letter, never the start of a word ("4.2.1st"), and amounts ("£5m", "10k") are no ids.
 */
export const ID_IN_TEXT =
  /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){1,4}(?:[a-z](?![A-Za-z]))?)(?![\d]|\.\d)|(?<![\w.-])([A-Z]{1,4}-?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\w-]|\.\d)|(?<![\w.£$€-])(\d{1,3}[a-f])(?![\w-]|\.\d)/g;

/** The letters in front (none for a plain number), the numbers, and the part's letter after them (none for most). */
function idParts(id: string): { letters: string; numbers: number[]; part: string } {
  const m = LETTERED.exec(id);
  if (m) return { letters: m[1]!, numbers: m[3]!.split('.').map(Number), part: m[4]! };
  const part = /[a-z]$/.test(id) ? id.slice(-1) : '';
  return { letters: '', numbers: id.slice(0, id.length - part.length).split('.').map(Number), part };
}

export function compareIds(a: string, b: string): number {
  const pa = idParts(a);
  const pb = idParts(b);
  if (pa.letters !== pb.letters) return pa.letters < pb.letters ? -1 : 1;
  for (let i = 0; i < Math.max(pa.numbers.length, pb.numbers.length); i++) {
    const d = (pa.numbers[i] ?? -1) - (pb.numbers[i] ?? -1);
    if (d !== 0) return d;
  }
  return pa.part === pb.part ? 0 : pa.part < pb.part ? -1 : 1;
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

/**
 * Whether an item falls under a section number: the section's own item, the items numbered below it
 * ("4.2" holds 4.2.1 and 4.2.1.3) and its parts ("4.2.1" holds 4.2.1b). "4" holds neither 40 nor 4a's sibling 41.
 */
export function inSection(id: string, section: string): boolean {
  if (id === section) return true;
  if (!id.startsWith(section)) return false;
  const rest = id.slice(section.length);
  return /^\.\d/.test(rest) || /^[a-z]$/.test(rest);
}

/** Whether any of these ids falls under the section without being it: "4.2" is a heading over 4.2.1 in the seed. */
export function headsSection(ids: readonly string[], section: string): boolean {
  return ids.some((id) => id !== section && inSection(id, section));
}
