import type { IsoDate } from '../dates/delivery-window.js';
import type { Recommendation } from './recommendation.js';
import { daysFrom } from '../reminders/local-time.js';

/**
 * Red/amber/green, with the rule that gave the colour so a reader can check it.
 * Grey marks items the board has decided not to implement: there is nothing to deliver.
 */
export type Rag = 'red' | 'amber' | 'green' | 'grey';

export interface RagRules {
  /** Open items due within this many days are amber. */
  amberWithinDays: number;
  /** Items whose delivery date has been revised more than this many times are amber. */
  amberAfterRevisions: number;
}

export const DEFAULT_RAG_RULES: RagRules = { amberWithinDays: 30, amberAfterRevisions: 1 };

export interface RagRating {
  rag: Rag;
  reason: string;
}

export function rateRag(rec: Pick<Recommendation, 'status' | 'delivery' | 'revisions'>, today: IsoDate, rules: RagRules = DEFAULT_RAG_RULES): RagRating {
  if (rec.status === 'not_being_implemented') return { rag: 'grey', reason: 'not being implemented' };
  if (rec.status === 'complete') return { rag: 'green', reason: 'complete' };
  const end = rec.delivery.end;
  if (end && end < today) {
    return { rag: 'red', reason: rec.status === 'awaiting_decision' ? 'awaiting a decision past its delivery date' : 'overdue' };
  }
  if (end && daysFrom(today, end) <= rules.amberWithinDays) return { rag: 'amber', reason: `due within ${rules.amberWithinDays} days` };
  if (rec.revisions > rules.amberAfterRevisions) return { rag: 'amber', reason: `delivery date revised ${rec.revisions} times` };
  return { rag: 'green', reason: end ? 'on track' : 'on track (no delivery date set)' };
}

/** The key printed beside a RAG column, generated from the same rules. */
export function ragKey(rules: RagRules = DEFAULT_RAG_RULES): Record<Rag, string> {
  return {
    red: 'overdue, or awaiting a decision past its delivery date',
    amber: `due within ${rules.amberWithinDays} days, or delivery date revised more than ${rules.amberAfterRevisions === 1 ? 'once' : `${rules.amberAfterRevisions} times`}`,
    green: 'on track, or complete',
    grey: 'not being implemented',
  };
}
