import type { DeliveryWindow } from '../dates/delivery-window.js';
import { PRECISIONS } from '../dates/delivery-window.js';
import type { Waiting } from '../governance/waiting.js';
import { STATUSES, type Status } from '../plan/status.js';

/** The audit trail stores before/after as JSON; these read them back without trusting their shape. */

export function asStatus(v: unknown): Status | null {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v) ? (v as Status) : null;
}

export function asWindow(v: unknown): DeliveryWindow | null {
  const w = v as Partial<DeliveryWindow> | null;
  if (!w || typeof w !== 'object' || typeof w.text !== 'string') return null;
  if (!(PRECISIONS as readonly string[]).includes(w.precision as string)) return null;
  const day = (d: unknown) => (typeof d === 'string' ? d : null);
  return { text: w.text, start: day(w.start), end: day(w.end), precision: w.precision! };
}

export function asNames(v: unknown): string[] | null {
  return Array.isArray(v) && v.every((n) => typeof n === 'string') ? [...(v as string[])] : null;
}

export function asWording(v: unknown): { text: string; theme: string } | null {
  const w = v as { text?: unknown; theme?: unknown } | null;
  return w && typeof w.text === 'string' && typeof w.theme === 'string' ? { text: w.text, theme: w.theme } : null;
}

export function asUpdateKey(v: unknown): { date: string; text: string } | null {
  const u = v as { date?: unknown; text?: unknown } | null;
  return u && typeof u.date === 'string' && typeof u.text === 'string' ? { date: u.date, text: u.text } : null;
}

/** What an item waited on, from a `waiting_changed` event's before/after (null when it waited on nothing named). */
export function asWaiting(v: unknown): Waiting | null {
  const w = v as { what?: unknown; board?: unknown } | null;
  return w && typeof w === 'object' && typeof w.what === 'string' ? { what: w.what, board: typeof w.board === 'string' ? w.board : null } : null;
}
