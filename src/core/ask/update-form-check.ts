import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';
import { canTransition, isClosed, STATUS_LABELS, type Status } from '../plan/status.js';
import { cleanText, tooLong } from './clean-text.js';

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
export type FormErrors = Partial<Record<FormField, string>>;

/** The item as the form showed it: enough to check a move of status and to tell a new date from the old one. */
export interface FormItem {
  id: string;
  status: Status;
  deliveryText: string;
}

export interface CheckedForm {
  text: string;
  /** Only when it differs from the item's. */
  status: Status | null;
  /** Only when the date was changed. */
  delivery: DeliveryWindow | null;
  evidence: string | null;
}

/**
 * Checks a submitted form with no I/O, so Slack's modal can be answered with field errors inside
 * its 3 seconds. Without the item (its state did not fit in the modal), only what the form says
 * alone is checked; the save checks the rest against the plan.
 */
export function checkUpdateForm(form: UpdateForm, item: FormItem | null, today: IsoDate, timeZone: string): { ok: true; form: CheckedForm } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const text = cleanText(form.text);
  if (!text) errors.text = 'Write what has happened since the last update.';
  else if (tooLong(text)) errors.text = tooLong(text)!;

  const status = item && form.status && form.status !== item.status ? form.status : null;
  if (item && status && !canTransition(item.status, status)) errors.status = `${item.id} cannot go from ${STATUS_LABELS[item.status]} to ${STATUS_LABELS[status]}; reopen it first.`;

  const typedDate = cleanText(form.delivery);
  let delivery: DeliveryWindow | null = null;
  if (item && typedDate !== item.deliveryText.trim() && !(status && isClosed(status) && !typedDate)) {
    const read = readDelivery(typedDate, { today, timeZone });
    if (read.ok) delivery = read.window;
    else errors.delivery = read.error;
  }

  const evidence = cleanText(form.evidence);
  if (evidence && !/^https?:\/\/\S+$/i.test(evidence)) errors.evidence = 'Paste a link starting with https:// (or leave it empty).';

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, form: { text, status, delivery, evidence: evidence || null } };
}
