import { readDelivery } from '../../dates/read-delivery.js';
import { shiftedPhrase, type ShiftUnit } from '../../dates/shift-window.js';
import type { PlanChange } from '../../ports.js';
import type { Recommendation } from '../../plan/recommendation.js';
import { allowedTransitions, canTransition, isClosed, STATUS_LABELS, type Status } from '../../plan/status.js';
import { canChange, refusal } from '../actor.js';
import { cleanText, tooLong, URL_IN_TEXT } from '../clean-text.js';
import type { AskContext, Turn } from '../context.js';
import { describeDelivery, describeWindow, formatDate } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { completionChange, needsSignOff, proposalNotice, proposedSentence } from './sign-off.js';
import { actionableReply } from '../actionable.js';
import { whenDone } from './when-done.js';

/** One-shot changes to an item: each checks permission, then commits one audited change. */

export async function changeable(turn: Turn, id: string): Promise<Recommendation | Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  if (!canChange(turn.actor, rec)) return say(refusal(turn.actor, rec), { error: 'not_permitted', items: [itemView(rec, turn.today)] });
  const archived = archivedRefusal(turn);
  return archived ?? rec;
}

/** Archived plans answer questions and papers but take no changes. */
export function archivedRefusal(turn: Turn): Reply | null {
  if (turn.plan.state !== 'archived') return null;
  return say(`The plan ${turn.plan.key} is archived, so it takes no changes. An admin can \`plan restore ${turn.plan.key}\` to change it again.`, { error: 'not_permitted' });
}

/** Who made a change, through which door, and when: every audited change from a conversation carries this. */
export function meta(turn: Pick<AskContext, 'actor' | 'now'>): Pick<PlanChange, 'actor' | 'actorId' | 'source' | 'at'> {
  return { actor: turn.actor.name, actorId: turn.actor.source === 'slack' ? turn.actor.id : null, source: turn.actor.source, at: turn.now.toISOString() };
}

export async function postUpdate(turn: Turn, id: string, raw: string): Promise<Reply> {
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  const text = cleanText(raw);
  if (!text) return say(`The update for ${id} is empty. Type \`update ${id} <what has happened>\`, or just \`update ${id}\` and I'll ask.`, { error: 'invalid' });
  const long = tooLong(text);
  if (long) return say(long, { error: 'invalid' });
  const saved = await turn.store.change({ ...meta(turn), recId: id, update: { date: turn.today, text, author: turn.actor.name, evidence: text.match(URL_IN_TEXT)?.[0] ?? null } });
  return say(`Recorded your update on ${id}, dated ${formatDate(turn.today)}.`, { items: [itemView(saved, turn.today)], changed: true });
}

export async function complete(turn: Turn, id: string, evidence: string | null, done?: string): Promise<Reply> {
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  if (rec.status === 'complete') return say(`${id} is already complete.`, { items: [itemView(rec, turn.today)] });
  if (!canTransition(rec.status, 'complete')) return say(`${id} is ${STATUS_LABELS[rec.status].toLowerCase()}; \`reopen ${id}\` first.`, { error: 'invalid' });
  const text = cleanText(evidence ?? '');
  const long = tooLong(text);
  if (long) return say(long, { error: 'invalid' });
  const when = done === undefined ? undefined : whenDone(done, turn.today);
  if (when && 'ahead' in when) return say(`${id} can't be marked complete ${done}: that day hasn't come yet. Say \`complete ${id}\` once it is done.`, { error: 'invalid' });
  const evidenceOf = text.match(URL_IN_TEXT)?.[0] ?? (text || null);
  const change = completionChange(
    turn,
    {
      ...meta(turn),
      recId: id,
      status: 'complete',
      update: { date: turn.today, text: completionText(needsSignOff(turn) ? 'Proposed complete' : text ? 'Complete' : 'Marked complete', text, when?.words), author: turn.actor.name, evidence: evidenceOf },
    },
    text || null,
  );
  // A proposal that lost a race to an admin's answer is refused by the store; ask() turns that into its sentence.
  const saved = await turn.store.change(change);
  if (change.proposal) return say(proposedSentence(saved), { items: [itemView(saved, turn.today)], changed: true, proposed: proposalNotice(turn, saved) });
  const tip = text ? ' Your evidence is recorded.' : ` Next time, \`complete ${id} <evidence or link>\` records what shows it is done.`;
  return say(`${id} is now complete${when ? ` (done ${when.words})` : ''}.${tip}`, { items: [itemView(saved, turn.today)], changed: true });
}

/** "Complete: minutes of 12 October", "Marked complete (done on 5 December).": the update a completion writes. */
function completionText(head: string, evidence: string, done: string | undefined): string {
  const when = done ? ` (done ${done})` : '';
  return evidence ? `${head}${when}: ${evidence}` : `${head}${when}.`;
}

export async function reopen(turn: Turn, id: string, reason: string | null): Promise<Reply> {
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  if (!isClosed(rec.status) && rec.proposal) {
    // An open item whose completion is proposed: reopening it withdraws the proposal, before anyone signs it off.
    const text = cleanText(reason ?? '');
    // An admin may have signed it off or returned it a moment ago: the store decides under the row lock.
    const saved = await turn.store
      .change({
        ...meta(turn),
        recId: id,
        proposal: null,
        update: { date: turn.today, text: text ? `Completion withdrawn: ${text}` : 'Completion withdrawn.', author: turn.actor.name, evidence: null },
      })
      .catch((err: unknown) => actionableReply(err) ?? Promise.reject(err));
    if (isReply(saved)) return saved;
    return say(`${id}'s proposed completion is withdrawn; it stays ${STATUS_LABELS[saved.status]}.`, { items: [itemView(saved, turn.today)], changed: true });
  }
  if (!isClosed(rec.status)) return say(`${id} is not closed (it is ${STATUS_LABELS[rec.status].toLowerCase()}), so there is nothing to reopen.`, { items: [itemView(rec, turn.today)] });
  const text = cleanText(reason ?? '');
  const saved = await turn.store.change({
    ...meta(turn),
    recId: id,
    status: 'on_going',
    update: { date: turn.today, text: text ? `Reopened: ${text}` : 'Reopened.', author: turn.actor.name, evidence: null },
  });
  return say(`${id} is open again (On-going).`, { items: [itemView(saved, turn.today)], changed: true });
}

export async function setStatus(turn: Turn, id: string, status: Status): Promise<Reply> {
  if (status === 'complete') return complete(turn, id, null);
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  if (rec.status === status) return say(`${id} is already ${STATUS_LABELS[status].toLowerCase()}.`, { items: [itemView(rec, turn.today)] });
  // Reopening is a deliberate act with its reason on record, never a side effect of a status word.
  if (isClosed(rec.status)) {
    return say(`${id} is ${STATUS_LABELS[rec.status].toLowerCase()}. A closed item reopens only with \`reopen ${id} <why>\`, so the reason is on record.`, { error: 'invalid' });
  }
  if (!canTransition(rec.status, status)) {
    const options = allowedTransitions(rec.status).map((s) => STATUS_LABELS[s].toLowerCase());
    return say(`${id} is ${STATUS_LABELS[rec.status].toLowerCase()}; from there it can become ${options.join(' or ')}.`, { error: 'invalid' });
  }
  const saved = await turn.store.change({ ...meta(turn), recId: id, status });
  return say(`${id}: ${STATUS_LABELS[rec.status]} → ${STATUS_LABELS[status]}.`, { items: [itemView(saved, turn.today)], changed: true });
}

export async function redate(turn: Turn, id: string, phrase: string, shift?: { amount: number; unit: ShiftUnit }): Promise<Reply> {
  const rec = await changeable(turn, id);
  if (isReply(rec)) return rec;
  // "extend 4.2.1 by two months": its present date moved on, written as a date the board would write.
  const written = shift ? shiftedPhrase(rec.delivery, shift.amount, shift.unit) : cleanText(phrase);
  if (written === null) {
    return say(`${id} has no delivery date to move on ("${rec.delivery.text || 'none given'}"). Give it a date instead, for example \`date ${id} June 2018\`.`, {
      error: 'invalid',
      items: [itemView(rec, turn.today)],
    });
  }
  const read = readDelivery(written, { today: turn.today, timeZone: turn.timeZone });
  if (!read.ok) return say(read.error, { error: 'unreadable_date' });
  if (read.window.text === rec.delivery.text) return say(`${id} is already due "${rec.delivery.text}".`, { items: [itemView(rec, turn.today)] });
  const saved = await turn.store.change({ ...meta(turn), recId: id, delivery: read.window });
  return say(
    `${id} is now due "${read.window.text}" → ${describeWindow(read.window)} (was ${describeDelivery(rec.delivery)}). The baseline, ${describeDelivery(saved.baseline)}, is kept.`,
    { items: [itemView(saved, turn.today)], changed: true },
  );
}
