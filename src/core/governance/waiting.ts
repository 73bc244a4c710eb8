import type { IsoDate } from '../dates/delivery-window.js';
import type { Recommendation } from '../plan/recommendation.js';
import { previousMeeting, type Meeting } from './meeting.js';

/** What an item waits on: a decision, in words, and the board that must take it (when one is named). */
export interface Waiting {
  what: string;
  board: string | null;
}

/** "agreement of new governance framework (SAS)" */
export const describeWaiting = (w: Waiting) => (w.board ? `${w.what} (${w.board})` : w.what);

/**
 * Items still waiting on a board after it met: at Awaiting decision on a named board that has had a
 * meeting before `today` and on or after the day the item began to wait (`waitingSince`; an item with no
 * recorded start, such as one imported waiting, has waited since before any meeting). The board's latest
 * such meeting comes with each, for the digest to name.
 */
export function stillWaitingAfterMeeting<R extends Pick<Recommendation, 'id' | 'status' | 'waiting'>>(
  recs: readonly R[],
  meetings: readonly Pick<Meeting, 'board' | 'date'>[],
  waitingSince: ReadonlyMap<string, IsoDate>,
  today: IsoDate,
): Array<{ rec: R; met: IsoDate }> {
  const out: Array<{ rec: R; met: IsoDate }> = [];
  for (const rec of recs) {
    const board = rec.status === 'awaiting_decision' ? rec.waiting?.board : null;
    if (!board) continue;
    const met = previousMeeting(meetings, board, today);
    const since = waitingSince.get(rec.id);
    if (met && (!since || since <= met.date)) out.push({ rec, met: met.date });
  }
  return out;
}
