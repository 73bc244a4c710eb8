import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import { isOverdue, titleOf, type Recommendation } from '../plan/recommendation.js';
import { STATUS_LABELS } from '../plan/status.js';

/** Plain-text wording shared by every reply; the Slack and terminal adapters only decorate it. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2017-11-30" → "30 Nov 2017" */
export function formatDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** How a window was read: "by 30 Nov 2017", "1 Sep – 30 Nov 2017", "no date". */
export function describeWindow(w: DeliveryWindow): string {
  if (w.precision === 'none' || !w.start || !w.end) return 'no date';
  if (w.precision === 'immediate') return `immediately, from ${formatDate(w.start)}`;
  if (w.start === w.end) return `by ${formatDate(w.end)}`;
  const [sy] = w.start.split('-');
  const [ey] = w.end.split('-');
  const start = sy === ey ? formatDate(w.start).replace(/ \d{4}$/, '') : formatDate(w.start);
  return `${start} – ${formatDate(w.end)}`;
}

/** "By end 2017 (by 31 Dec 2017)" or "(no delivery date given)". */
export function describeDelivery(w: DeliveryWindow): string {
  if (!w.text.trim()) return '(no delivery date given)';
  return w.precision === 'none' ? `${w.text} (no date)` : `${w.text} (${describeWindow(w)})`;
}

/** One line per item in lists. */
export function itemLine(rec: Recommendation, today: IsoDate): string {
  const late = isOverdue(rec, today) && rec.delivery.end ? ` — OVERDUE (was due by ${formatDate(rec.delivery.end)})` : '';
  const owners = rec.owners.length ? rec.owners.join(', ') : 'no owner';
  const due = rec.delivery.text.trim() ? rec.delivery.text : 'no date';
  const priority = rec.priority ? ` — ${priorityWords(rec.priority)}` : '';
  return `• ${rec.id} ${titleOf(rec.text, 70)} — ${owners} — ${due} — ${STATUS_LABELS[rec.status]}${rec.proposal ? ' (complete — awaiting sign-off)' : ''}${priority}${late}`;
}

/** "High" → "High priority"; "Priority 1" and "P1" say it already. */
export function priorityWords(priority: string): string {
  return /priority|^p\d/i.test(priority) ? priority : `${priority} priority`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
