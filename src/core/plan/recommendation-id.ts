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

/** Ids that look like a mistyped one: same parent, one digit off, or the same digits. */
export function suggestIds(wanted: string, known: readonly string[], limit = 3): string[] {
  const score = (id: string): number => {
    if (id.startsWith(`${wanted}.`)) return 0;
    const w = wanted.split('.');
    const k = id.split('.');
    let s = Math.abs(w.length - k.length) * 2;
    for (let i = 0; i < Math.max(w.length, k.length); i++) if (w[i] !== k[i]) s += i < w.length - 1 ? 3 : 1;
    return s;
  };
  return [...known]
    .map((id) => ({ id, s: score(id) }))
    .filter((x) => x.s <= 3)
    .sort((a, b) => a.s - b.s || compareIds(a.id, b.id))
    .slice(0, limit)
    .map((x) => x.id);
}
