import type { IsoDate } from '../dates/delivery-window.js';
import type { AuditEvent } from '../plan/audit.js';
import type { Recommendation, UpdateEntry } from '../plan/recommendation.js';
import { effectiveDays } from './effective.js';
import { asProposal } from './proposals-section.js';
import { asNames, asStatus, asUpdateKey, asWaiting, asWindow, asWording } from './trail-values.js';

/**
 * The plan as it stood at the end of `asAt` (a day in the plan's timezone): every audit event that
 * took effect after that day is rolled back, newest first, from the current state. Items added later
 * are absent; an update appears only when it is dated on or before `asAt` and had been recorded by then.
 * `current` must carry every update, in log order.
 */
export function planAsAt(current: readonly Recommendation[], events: readonly AuditEvent[], planAsOf: IsoDate, asAt: IsoDate, timeZone: string): Recommendation[] {
  const days = effectiveDays(events, planAsOf, timeZone);
  const state = new Map(current.map((r) => [r.id, { ...r, owners: [...r.owners], updates: [...r.updates] }]));
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.recId === null || days.get(e.id)! <= asAt) continue;
    const rec = state.get(e.recId);
    if (!rec) continue;
    switch (e.action) {
      case 'recommendation_added':
        state.delete(e.recId);
        break;
      case 'status_changed':
        rec.status = asStatus(e.before) ?? rec.status;
        break;
      case 'date_revised': {
        const before = asWindow(e.before);
        if (before) {
          rec.delivery = before;
          rec.revisions -= 1;
        }
        break;
      }
      case 'owners_changed':
        rec.owners = asNames(e.before) ?? rec.owners;
        break;
      case 'recommendation_changed':
        Object.assign(rec, asWording(e.before) ?? {});
        break;
      case 'priority_changed':
        rec.priority = typeof e.before === 'string' ? e.before : null;
        break;
      case 'waiting_changed':
        rec.waiting = asWaiting(e.before);
        break;
      case 'completion_proposed':
      case 'completion_signed_off':
      case 'completion_returned':
      case 'completion_withdrawn':
        // Each carries the proposal that stood before it (null before a first proposal).
        rec.proposal = asProposal(e.before);
        break;
      case 'update_posted':
        rec.updates = withoutLast(rec.updates, asUpdateKey(e.after));
        break;
      default:
        break;
    }
  }
  return current.flatMap((r) => {
    const rec = state.get(r.id);
    if (!rec) return [];
    const revisions = Math.max(rec.revisions, 0);
    return [{ ...rec, revisions, baseline: revisions === 0 ? rec.delivery : rec.baseline, updates: rec.updates.filter((u) => u.date <= asAt) }];
  });
}

/** Drops the latest entry with this date and text: the one the rolled-back event appended. */
function withoutLast(updates: UpdateEntry[], key: { date: string; text: string } | null): UpdateEntry[] {
  if (!key) return updates;
  for (let i = updates.length - 1; i >= 0; i--) {
    if (updates[i]!.date === key.date && updates[i]!.text === key.text) return [...updates.slice(0, i), ...updates.slice(i + 1)];
  }
  return updates;
}
