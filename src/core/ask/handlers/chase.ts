import { isClosed, STATUS_LABELS } from '../../plan/status.js';
import { cleanText, tooLong } from '../clean-text.js';
import type { Turn } from '../context.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { notAdmin } from './admin.js';
import { joinAnd } from './query-reading.js';

/**
 * `chase 4.1.1 [note]`: the portfolio office asks an item's owners for an update now, as a nudge of its
 * own carrying the sender's name and note. Admins only (as assigning is): an owner's inbox is not
 * everyone's to fill. A closed item, or one whose completion awaits sign-off, is not chased.
 */
export async function chase(turn: Turn, id: string, note: string | null): Promise<Reply> {
  const refused = notAdmin(turn, 'chase owners for an update');
  if (refused) return refused;
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const items = [itemView(rec, turn.today)];
  if (isClosed(rec.status)) return say(`${rec.id} is ${STATUS_LABELS[rec.status]}: there is nothing to chase.`, { error: 'invalid', items });
  if (rec.proposal) return say(`${rec.id}'s completion was proposed by ${rec.proposal.by} and awaits sign-off: sign it off (\`sign off ${rec.id}\`) or return it, rather than chase it.`, { error: 'invalid', items });
  if (!rec.owners.length) return say(`${rec.id} has no owner to chase. Give it one first: \`assign ${rec.id} <owner>\`.`, { error: 'invalid', items });
  const text = note === null ? null : cleanText(note) || null;
  const long = text === null ? null : tooLong(text);
  if (long) return say(long, { error: 'invalid' });
  if (!turn.chases) return say('Chasing sends Slack messages, and nothing here can queue them: ask in Slack, or from a terminal on the database the app runs on.', { error: 'unavailable' });
  const { reached, unreached, alreadyChased, lastChasedAt } = await turn.chases.chase(turn.plan, rec, { from: turn.actor.name, note: text, on: turn.today, at: turn.now.toISOString() });
  const ago = lastChasedAt === null ? '' : minutesAgo(turn.now, lastChasedAt);
  if (!reached.length && alreadyChased.length) {
    return say(
      `${joinAnd(alreadyChased)} ${alreadyChased.length === 1 ? 'was' : 'were'} asked about ${rec.id} ${ago}, so I have not asked again: one chase an hour per item reaches them. Ask again after the hour, or \`status ${rec.id}\` to see whether they have answered.`,
      { error: 'invalid', items },
    );
  }
  if (!reached.length) {
    return say(`No one in Slack is linked to ${joinAnd(rec.owners)}, so nobody was chased about ${rec.id}. An admin links them with \`link @person ${rec.owners[0]}\`.`, { error: 'invalid', items });
  }
  const missed = unreached.length ? ` ${joinAnd(unreached)} ${unreached.length === 1 ? 'is' : 'are'} linked to no one in Slack, so not chased.` : '';
  const skipped = alreadyChased.length ? ` ${joinAnd(alreadyChased)} ${alreadyChased.length === 1 ? 'was' : 'were'} asked ${ago}, so not again.` : '';
  return say(`Asked ${joinAnd(reached)} for an update on ${rec.id}; the message goes out from the running app within a minute.${skipped}${missed}`, { items });
}

function minutesAgo(now: Date, at: string): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 60_000));
  return minutes === 0 ? 'just now' : minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
}
