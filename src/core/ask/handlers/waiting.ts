import { describeWaiting, type Waiting } from '../../governance/waiting.js';
import { canTransition, isClosed, STATUS_LABELS } from '../../plan/status.js';
import { cleanText, tooLong } from '../clean-text.js';
import type { Turn } from '../context.js';
import { isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { changeable, meta } from './change.js';
import { knownBoard } from './governance.js';

/**
 * `awaiting 1.1 "agreement of new governance framework" from SAS`: the status and what it waits on in
 * one change (one transaction), so an item is never Awaiting decision without its reason.
 */
export async function setAwaiting(turn: Turn, id: string, typedWhat: string, typedBoard: string | null): Promise<Reply> {
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  const what = cleanText(typedWhat);
  if (!what) return say(`Say what ${id} waits on, e.g. \`awaiting ${id} "agreement of new governance framework" from SAS\`.`, { error: 'invalid' });
  const long = tooLong(what);
  if (long) return say(long, { error: 'invalid' });
  let board: string | null = null;
  if (typedBoard !== null) {
    const found = await knownBoard(turn, typedBoard);
    if (isReply(found)) return found;
    board = found.name;
  }
  if (isClosed(rec.status)) {
    return say(`${id} is ${STATUS_LABELS[rec.status].toLowerCase()}; reopen it first with \`reopen ${id} <why>\`, then say what it waits on.`, { error: 'invalid', items: [itemView(rec, turn.today)] });
  }
  if (!canTransition(rec.status, 'awaiting_decision')) return say(`${id} cannot become awaiting decision from ${STATUS_LABELS[rec.status].toLowerCase()}.`, { error: 'invalid' });
  const waiting: Waiting = { what, board };
  if (rec.status === 'awaiting_decision' && rec.waiting && describeWaiting(rec.waiting) === describeWaiting(waiting)) {
    return say(`${id} is already awaiting ${describeWaiting(waiting)}.`, { items: [itemView(rec, turn.today)] });
  }
  const saved = await turn.store.change({ ...meta(turn), recId: id, status: 'awaiting_decision', waiting });
  const was = rec.status === 'awaiting_decision' ? (rec.waiting ? ` (was waiting on ${describeWaiting(rec.waiting)})` : '') : ` (was ${STATUS_LABELS[rec.status]})`;
  return say(`${id} is awaiting decision: ${describeWaiting(waiting)}${was}.`, { items: [itemView(saved, turn.today)], changed: true });
}
