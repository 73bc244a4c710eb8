import type { UpdateEntry } from '../core/plan/recommendation.js';
import { STATUS_LABELS, type Status } from '../core/plan/status.js';
import type { Rag, RagRating } from '../core/plan/rag.js';
import { boardDate, opensWithItsDay } from '../core/report/dates.js';

/** Cell texts shared by the paper's formats. Words are the board's own: nothing is reworded. */

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', grey: 'Grey' };

/** "04/10/2017: Awaits agreement of new governance framework"; "14.06.17 COMPLETE – SAS and JCOB Decision Logs…" dates itself. */
export function datedUpdate(u: UpdateEntry): string {
  return opensWithItsDay(u) ? u.text : `${boardDate(u.date)}: ${u.text}`;
}

export function statusLabel(s: Status): string {
  return STATUS_LABELS[s];
}

/** "Red: overdue" */
export function ragLabel(r: RagRating): string {
  return `${RAG_LABELS[r.rag]}: ${r.reason}`;
}

/** A baseline of "" means the plan first gave no date. */
export function baselineLabel(baseline: string | null): string {
  if (baseline === null) return '';
  return baseline.trim() ? baseline : '(no delivery date given)';
}
