import type { Recommendation } from '../plan/recommendation.js';
import type { RecQuery } from '../ports.js';

const CLOSED = new Set(['complete', 'not_being_implemented']);

/** `find`'s narrowing, for items already in memory (the plan as it stood at a past date). */
export function matchesQuery(rec: Recommendation, q: RecQuery): boolean {
  if (q.openOnly && CLOSED.has(rec.status)) return false;
  if (q.status && rec.status !== q.status) return false;
  if (q.themes && !q.themes.includes(rec.theme)) return false;
  if (q.owners && !rec.owners.some((o) => q.owners!.includes(o))) return false;
  const end = rec.delivery.end;
  if (q.endBefore && !(end !== null && end < q.endBefore)) return false;
  if (q.endFrom && !(end !== null && end >= q.endFrom)) return false;
  if (q.endTo && !(end !== null && end <= q.endTo)) return false;
  return true;
}
