import type { IsoDate } from '../../dates/delivery-window.js';
import { readDelivery } from '../../dates/read-delivery.js';
import { addSpan, type ShiftUnit } from '../../dates/shift-window.js';
import { mute, resume, snooze, snoozeUntil } from '../../reminders/preferences.js';
import { addDaysIso } from '../../reminders/local-time.js';
import { cleanText } from '../clean-text.js';
import type { Turn } from '../context.js';
import { formatDate } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';

/** The longest a typed snooze may run: past it, "stop nudging me about …" is what is meant. */
const MAX_SNOOZE_DAYS = 366;

/**
 * "snooze 4.2.1 for two weeks", "stop nudging me about 4.2.1", "resume reminders for 4.2.1": the speaker's own
 * nudges about an item they own, kept as the nudge's buttons keep them. Nudges go to people in Slack, so only
 * there is there anyone to snooze for.
 */
export async function setNudgePreference(
  turn: Turn,
  id: string,
  action: 'snooze' | 'mute' | 'resume',
  until: string | null,
  span: { amount: number; unit: ShiftUnit } | null,
): Promise<Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const items = [itemView(rec, turn.today)];
  if (!turn.nudges || turn.actor.source !== 'slack') {
    return say(`Nudges go to owners in Slack by direct message, so they are snoozed or stopped there: type \`snooze ${id}\` to Concerto in Slack, or use the buttons on a nudge.`, {
      error: 'invalid',
      items,
    });
  }
  if (!rec.owners.some((o) => turn.actor.owns.includes(o))) {
    return say(`You aren't nudged about ${id}: only its owners (${rec.owners.join(', ') || 'nobody yet'}) are, so there is nothing to ${action === 'resume' ? 'resume' : action}.`, { items });
  }
  let chosen;
  if (action === 'mute') chosen = mute(rec.id, turn.actor.id, turn.now);
  else if (action === 'resume') chosen = resume(rec.id, turn.actor.id, turn.now);
  else if (until === null && span === null) chosen = snooze(rec.id, turn.actor.id, turn.today, turn.now);
  else {
    const day = span ? addSpan(turn.today, span.amount, span.unit) : untilDay(turn, until!);
    if (typeof day !== 'string') return say(day.error, { error: 'unreadable_date', items });
    if (day <= turn.today) return say(`${formatDate(day)} is not after today; snooze until a later day, e.g. \`snooze ${id} for two weeks\`.`, { error: 'invalid', items });
    if (day > addDaysIso(turn.today, MAX_SNOOZE_DAYS)) {
      return say(`That is more than a year away; to stop nudges about ${id} altogether, type \`stop nudging me about ${id}\`.`, { error: 'invalid', items });
    }
    chosen = snoozeUntil(rec.id, turn.actor.id, day, turn.now);
  }
  await turn.nudges.setPreference(turn.plan.id, chosen.preference);
  return say(turn.manyPlans ? `[${turn.plan.key}] ${chosen.message}` : chosen.message, { items });
}

/** "until 1 March", "until next month": the first day of what it names, when nudges may start again. */
function untilDay(turn: Turn, phrase: string): IsoDate | { error: string } {
  const read = readDelivery(cleanText(phrase), { today: turn.today, timeZone: turn.timeZone });
  if (!read.ok || !read.window.start) return { error: `I can't read "${phrase}" as a day; try \`snooze 4.2.1 until 1 March\` or \`snooze 4.2.1 for two weeks\`.` };
  return read.window.start;
}
