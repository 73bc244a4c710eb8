import { readDelivery } from '../../dates/read-delivery.js';
import { canTransition, isClosed, STATUS_LABELS, type Status } from '../../plan/status.js';
import { canChange, refusal } from '../actor.js';
import { cleanText, tooLong } from '../clean-text.js';
import type { Turn } from '../context.js';
import { describeDelivery, describeWindow, formatDate } from '../format.js';
import { itemView, say, type Reply } from '../reply.js';
import { meta } from './change.js';

/** An update submitted as a form (the Slack modal): all fields at once, every problem reported by field. */
export interface UpdateForm {
  recId: string;
  text: string;
  /** null keeps the current status. */
  status: Status | null;
  /** The delivery date as typed; unchanged text keeps the current date. */
  delivery: string;
  evidence: string;
}

export type FormField = 'text' | 'status' | 'delivery' | 'evidence';
export type FormResult = { ok: true; reply: Reply; dateReading: string | null } | { ok: false; errors: Partial<Record<FormField, string>> };

export async function submitUpdateForm(turn: Turn, form: UpdateForm): Promise<FormResult> {
  if (!form.recId) return { ok: false, errors: { text: 'This form has lost track of its recommendation. Close it and open it again with `/concerto update <number>`.' } };
  const rec = await turn.store.get(form.recId);
  if (!rec) return { ok: false, errors: { text: `${form.recId} is no longer in the plan.` } };
  if (!canChange(turn.actor, rec)) return { ok: false, errors: { text: refusal(turn.actor, rec) } };

  const errors: Partial<Record<FormField, string>> = {};
  const text = cleanText(form.text);
  if (!text) errors.text = 'Write what has happened since the last update.';
  else if (tooLong(text)) errors.text = tooLong(text)!;

  const status = form.status && form.status !== rec.status ? form.status : null;
  if (status && !canTransition(rec.status, status)) errors.status = `${rec.id} cannot go from ${STATUS_LABELS[rec.status]} to ${STATUS_LABELS[status]}; reopen it first.`;

  const typedDate = cleanText(form.delivery);
  let delivery = null;
  if (typedDate !== rec.delivery.text.trim() && !(status && isClosed(status) && !typedDate)) {
    const read = readDelivery(typedDate, { today: turn.today, timeZone: turn.timeZone });
    if (read.ok) delivery = read.window;
    else errors.delivery = read.error;
  }

  const evidence = cleanText(form.evidence);
  if (evidence && !/^https?:\/\/\S+$/i.test(evidence)) errors.evidence = 'Paste a link starting with https:// (or leave it empty).';

  if (Object.keys(errors).length) return { ok: false, errors };
  const saved = await turn.store.change({
    ...meta(turn),
    recId: rec.id,
    update: { date: turn.today, text, author: turn.actor.name, evidence: evidence || null },
    ...(status ? { status } : {}),
    ...(delivery ? { delivery } : {}),
  });
  const lines = [`Saved your update on ${rec.id}, dated ${formatDate(turn.today)}.`];
  if (status) lines.push(`Status: ${STATUS_LABELS[rec.status]} → ${STATUS_LABELS[status]}.`);
  const dateReading = delivery ? `${delivery.text} → ${describeWindow(delivery)}` : null;
  if (delivery) lines.push(`Delivery date: ${dateReading}. Baseline kept: ${describeDelivery(saved.baseline)}.`);
  return { ok: true, reply: say(lines.join('\n'), { items: [itemView(saved, turn.today)], changed: true }), dateReading };
}
