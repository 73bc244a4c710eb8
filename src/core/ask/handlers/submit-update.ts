import { STATUS_LABELS } from '../../plan/status.js';
import { canChange, refusal } from '../actor.js';
import type { Turn } from '../context.js';
import { describeDelivery, describeWindow, formatDate } from '../format.js';
import { itemView, say, type Reply } from '../reply.js';
import { checkUpdateForm, type FormErrors, type UpdateForm } from '../update-form-check.js';
import { meta } from './change.js';
import { completionChange, proposalNotice, proposedSentence } from './sign-off.js';

export type FormResult = { ok: true; reply: Reply; dateReading: string | null } | { ok: false; errors: FormErrors };

/** Saves a submitted form against the plan as it is now: the item, who may change it and its current status. */
export async function submitUpdateForm(turn: Turn, form: UpdateForm): Promise<FormResult> {
  if (!form.recId) return { ok: false, errors: { text: 'This form has lost track of its recommendation. Close it and open it again with `/concerto update <number>`.' } };
  const rec = await turn.store.get(form.recId);
  if (!rec) return { ok: false, errors: { text: `${form.recId} is no longer in the plan.` } };
  if (!canChange(turn.actor, rec)) return { ok: false, errors: { text: refusal(turn.actor, rec) } };
  const checked = checkUpdateForm(form, { id: rec.id, status: rec.status, deliveryText: rec.delivery.text }, turn.today, turn.timeZone);
  if (!checked.ok) return checked;
  const { text, status, delivery, evidence } = checked.form;
  const change = completionChange(
    turn,
    {
      ...meta(turn),
      recId: rec.id,
      update: { date: turn.today, text, author: turn.actor.name, evidence },
      ...(status ? { status } : {}),
      ...(delivery ? { delivery } : {}),
    },
    evidence ?? text,
  );
  const saved = await turn.store.change(change);
  const lines = [`Saved your update on ${rec.id}, dated ${formatDate(turn.today)}.`];
  if (change.proposal) lines.push(proposedSentence(saved));
  else if (status) lines.push(`Status: ${STATUS_LABELS[rec.status]} → ${STATUS_LABELS[status]}.`);
  const dateReading = delivery ? `${delivery.text} → ${describeWindow(delivery)}` : null;
  if (delivery) lines.push(`Delivery date: ${dateReading}. Baseline kept: ${describeDelivery(saved.baseline)}.`);
  return { ok: true, reply: say(lines.join('\n'), { items: [itemView(saved, turn.today)], changed: true, ...(change.proposal ? { proposed: proposalNotice(turn, saved) } : {}) }), dateReading };
}
