/**
 * Recommendation numbers are hierarchical ("4.2.1", "5.1", "9.3.1"), never dates.
 * They sort part by part, so 4.10 comes after 4.9.
 */
const ID = /^\d{1,3}(?:\.\d{1,3}){0,4}$/;

export function isRecommendationId(s: string): boolean {
  return ID.test(s);
}

/** Finds ids written in free text: "4.2.1", "rec 4.2.1", "4.2.1:" — also "4.2.1." at a sentence end. */
export const ID_IN_TEXT = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){1,4})(?![\d]|\.\d)/g;

export function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
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
