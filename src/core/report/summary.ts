import type { IsoDate } from '../dates/delivery-window.js';
import { rateRag, type Rag, type RagRules } from '../plan/rag.js';
import { isOverdue, type Recommendation } from '../plan/recommendation.js';
import { STATUSES, type Status } from '../plan/status.js';

export interface Counts {
  total: number;
  byStatus: Record<Status, number>;
  byRag: Record<Rag, number>;
  overdue: number;
}

export interface PaperSummary extends Counts {
  byTheme: Array<{ theme: string } & Counts>;
}

/** Counts by status, RAG and theme (themes in plan order), and how many items are overdue as at the date. */
export function summarise(recs: readonly Recommendation[], asAt: IsoDate, rules: RagRules): PaperSummary {
  const themes = [...new Set(recs.map((r) => r.theme))];
  return {
    ...countItems(recs, asAt, rules),
    byTheme: themes.map((theme) => ({ theme, ...countItems(recs.filter((r) => r.theme === theme), asAt, rules) })),
  };
}

/** Counts by status and RAG, and how many are overdue, for any set of items (a summary in chat, a paper's theme). */
export function countItems(recs: readonly Recommendation[], asAt: IsoDate, rules: RagRules): Counts {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byRag: Record<Rag, number> = { red: 0, amber: 0, green: 0, grey: 0 };
  let overdue = 0;
  for (const r of recs) {
    byStatus[r.status]++;
    byRag[rateRag(r, asAt, rules).rag]++;
    if (isOverdue(r, asAt)) overdue++;
  }
  return { total: recs.length, byStatus, byRag, overdue };
}
