import type { DeliveryWindow } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';
import type { ReadPlan } from '../ports.js';
import { describePlanIssues, PlanFile } from './plan-file.js';

export type PlanReading = { ok: true; plan: ReadPlan } | { ok: false; errors: string[] };

/**
 * Validates a plan file and reads every delivery phrase as of the plan's own date, so that
 * "With immediate effect" in a plan of 4 October 2017 means 4 October 2017, whenever it is loaded.
 * Any problem rejects the whole file: the messages name the record and the field.
 */
export function readPlan(input: unknown, options: { keepUnreadable?: boolean } = {}): PlanReading {
  const parsed = PlanFile.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describePlanIssues(input, parsed.error) };
  const file = parsed.data;
  const errors: string[] = [];
  const delivery = new Map<string, { current: DeliveryWindow; baseline: DeliveryWindow | null }>();
  const ref = { today: file.asOf, timeZone: file.timeZone };
  // Large plans repeat a few dozen phrases thousands of times; each is read once.
  const readings = new Map<string, ReturnType<typeof readDelivery>>();
  const read = (phrase: string) => {
    let reading = readings.get(phrase);
    if (!reading) readings.set(phrase, (reading = readDelivery(phrase, ref)));
    return reading;
  };
  file.recommendations.forEach((rec, i) => {
    let current = read(rec.delivery);
    // A document's date the reader cannot read is kept exactly as written, with no window (the preview flagged it).
    if (!current.ok && options.keepUnreadable) current = { ok: true, window: { text: rec.delivery, start: null, end: null, precision: 'none' } };
    let baseline = rec.baseline !== null ? read(rec.baseline) : null;
    if (baseline && !baseline.ok && options.keepUnreadable) baseline = { ok: true, window: { text: rec.baseline!, start: null, end: null, precision: 'none' } };
    if (!current.ok) errors.push(`recommendation ${rec.id} (#${i + 1}), delivery: ${current.error}`);
    if (baseline && !baseline.ok) errors.push(`recommendation ${rec.id} (#${i + 1}), baseline: ${baseline.error}`);
    if (current.ok && (!baseline || baseline.ok)) delivery.set(rec.id, { current: current.window, baseline: baseline?.ok ? baseline.window : null });
  });
  return errors.length ? { ok: false, errors } : { ok: true, plan: { file, delivery } };
}
