import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import type { Status } from './status.js';
import type { Waiting } from '../governance/waiting.js';

/** Where a change came from; recorded on every audit event. */
export const SOURCES = ['cli', 'slack', 'scheduler', 'import'] as const;
export type Source = (typeof SOURCES)[number];

export interface UpdateEntry {
  date: IsoDate;
  author: string | null;
  text: string;
  evidence: string | null;
  source: Source;
}

/** A recommendation as the questions see it: current state plus the update log. */
export interface Recommendation {
  id: string;
  theme: string;
  text: string;
  owners: string[];
  status: Status;
  /** The delivery date now in force. */
  delivery: DeliveryWindow;
  /** The first delivery date the plan gave; equal to `delivery` until it is revised. */
  baseline: DeliveryWindow;
  /** How many times the delivery date has been revised since the baseline. */
  revisions: number;
  /** The update log in the plan's order (oldest first). Lists may carry only the latest entry. */
  updates: UpdateEntry[];
  /** The priority the plan gives it, as written ("High", "Priority 1"), when it gives one. */
  priority?: string | null;
  /** What it waits on, while it waits: a decision in words, and the board that must take it. */
  waiting?: Waiting | null;
  /** A completion an owner proposed, awaiting a plan admin's sign-off (plans with sign-off on); the status is unchanged meanwhile. */
  proposal?: Proposal | null;
}

/** An owner's "complete" on a plan with sign-off on: who proposed it, when (an ISO instant), and their evidence. */
export interface Proposal {
  by: string;
  /** The Slack user id behind the name, when it came through Slack. */
  byId: string | null;
  at: string;
  evidence: string | null;
}

/** A one-line title for lists: the text's first sentence, cut at a word boundary. */
export function titleOf(text: string, max = 90): string {
  const firstLine = text.split('\n')[0] ?? '';
  const sentence = firstLine.split(/(?<=[.;])\s/)[0] ?? firstLine;
  if (sentence.length <= max) return sentence.replace(/[.;:]$/, '');
  return cutAtWord(sentence, max, 15);
}

/** Text longer than `max` cut at its last space (no more than `slack` characters back), with "…". */
export function cutAtWord(text: string, max: number, slack: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - slack))}…`;
}

/** Late means the whole delivery window has passed and the item is still open. */
export function isOverdue(rec: Pick<Recommendation, 'status' | 'delivery'>, today: IsoDate): boolean {
  if (rec.status === 'complete' || rec.status === 'not_being_implemented') return false;
  return rec.delivery.end !== null && rec.delivery.end < today;
}

export function latestUpdate(rec: Pick<Recommendation, 'updates'>): UpdateEntry | null {
  return rec.updates.at(-1) ?? null;
}
