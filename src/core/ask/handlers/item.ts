import { isOverdue, titleOf, type Recommendation, type UpdateEntry } from '../../plan/recommendation.js';
import { rateRag, type RagRating } from '../../plan/rag.js';
import { describeProposal } from './sign-off.js';
import { ownerKind } from '../../plan/owners.js';
import { STATUS_LABELS } from '../../plan/status.js';
import type { Turn } from '../context.js';
import { describeDelivery, describeWindow, formatDate, plural } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { daysFrom } from '../../reminders/local-time.js';

/** Questions about one item: its status card and who owns it. */

const RECENT_UPDATES = 3;

export async function answerStatus(turn: Turn, id: string): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  return say(statusCard(rec, turn.today), { items: [itemView(rec, turn.today)] });
}

/**
 * "when is 4.2.1 due?": the date as written beside the window it was read as, how it stands on the day
 * asked, and the baseline when it was revised. "Has 4.2.1 slipped?" says so too when it has not.
 */
export async function answerDue(turn: Turn, id: string, ask: 'due' | 'slipped' = 'due'): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const view = { items: [itemView(rec, turn.today)] };
  const baseline =
    rec.revisions > 0 ? ` Its baseline was ${describeDelivery(rec.baseline)}, revised ${plural(rec.revisions, 'time')}.` : ask === 'slipped' ? ' Its date has not moved: it is the one first given.' : '';
  if (!rec.delivery.text.trim() || rec.delivery.end === null) {
    const written = rec.delivery.text.trim() ? `"${rec.delivery.text.trim()}", which gives no date` : 'no delivery date';
    return say(`${rec.id} has ${written}.${baseline} Its owner or an admin can set one with \`date ${rec.id} <when>\`, e.g. \`date ${rec.id} Q2 2018\`.`, view);
  }
  const end = rec.delivery.end;
  const stands =
    rec.status === 'complete' || rec.status === 'not_being_implemented'
      ? `It is ${STATUS_LABELS[rec.status].toLowerCase()}.`
      : isOverdue(rec, turn.today)
        ? `It is overdue: ${plural(daysFrom(end, turn.today), 'day')} past the end of its window.`
        : `${end === turn.today ? 'That is today' : `That is ${plural(daysFrom(turn.today, end), 'day')} from ${formatDate(turn.today)}`}; it is ${STATUS_LABELS[rec.status].toLowerCase()}.`;
  return say(`${rec.id} is due "${rec.delivery.text.trim()}" (${describeWindow(rec.delivery)}). ${stands}${baseline}`, view);
}

/** "all updates on 4.2.1", "show the update log for 4.2.1": every update, oldest first, as the board's log reads. */
export async function answerUpdates(turn: Turn, id: string): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const view = { items: [itemView(rec, turn.today)] };
  if (!rec.updates.length) return say(`${rec.id} has no updates yet. Its owner posts one with \`update ${rec.id} <what happened>\`.`, view);
  const lines = [`${plural(rec.updates.length, 'update')} on ${rec.id} (${titleOf(rec.text, 60)}), oldest first:`];
  for (const u of rec.updates) lines.push(updateLine(u));
  return say(lines.join('\n'), view);
}

function updateLine(u: UpdateEntry): string {
  return `— ${formatDate(u.date)}${u.author ? `, ${u.author}` : ''}: ${u.text}${u.evidence ? ` (evidence: ${u.evidence})` : ''}`;
}

export function statusCard(rec: Recommendation, today: string): string {
  const lines = [
    `${rec.id} (${rec.theme}): ${rec.text}`,
    `Owners: ${rec.owners.length ? rec.owners.join(', ') : 'none yet'}`,
    `Status: ${STATUS_LABELS[rec.status]}${isOverdue(rec, today) ? ` — OVERDUE (the delivery window ended ${formatDate(rec.delivery.end!)})` : ''}`,
    `Delivery: ${describeDelivery(rec.delivery)}`,
    `RAG: ${ragLine(rateRag(rec, today))}`,
    ...(rec.priority ? [`Priority: ${rec.priority}`] : []),
  ];
  if (rec.proposal) lines.splice(3, 0, `Proposed: ${describeProposal(rec.proposal)} — by ${rec.proposal.by}, ${formatDate(rec.proposal.at.slice(0, 10))}`);
  if (rec.revisions > 0) lines.push(`Baseline delivery: ${describeDelivery(rec.baseline)} — revised ${plural(rec.revisions, 'time')}`);
  const recent = rec.updates.slice(-RECENT_UPDATES);
  if (!recent.length) lines.push('No updates yet.');
  else {
    lines.push(rec.updates.length > recent.length ? `Latest ${recent.length} of ${rec.updates.length} updates:` : 'Updates:');
    for (const u of recent) lines.push(updateLine(u));
  }
  return lines.join('\n');
}

/** "Red — overdue": the colour and the rule that gave it, so the reader can check it. */
function ragLine({ rag, reason }: RagRating): string {
  return `${rag.charAt(0).toUpperCase()}${rag.slice(1)} — ${reason}`;
}

export async function answerWhoOwns(turn: Turn, id: string): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  if (!rec.owners.length) return say(`${rec.id} has no owner yet. An admin can \`assign ${rec.id} <owner>\`.`, { items: [itemView(rec, turn.today)] });
  const who = rec.owners.map((o) => `${o} (${ownerKind(o)})`).join(' and ');
  return say(`${rec.id} is owned by ${who}.`, { items: [itemView(rec, turn.today)] });
}
