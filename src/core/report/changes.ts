import type { DeliveryWindow, IsoDate } from '../dates/delivery-window.js';
import type { AuditEvent } from '../plan/audit.js';
import type { Recommendation, UpdateEntry } from '../plan/recommendation.js';
import { isClosed, type Status } from '../plan/status.js';
import { planAsAt } from './as-at.js';
import { effectiveDays } from './effective.js';
import { asNames, asStatus, asWindow, asWording } from './trail-values.js';

/** One audited change: which item, the day it took effect, who made it. */
interface Change<T> {
  id: string;
  day: IsoDate;
  actor: string;
  before: T;
  after: T;
}

export interface PlanChanges {
  since: IsoDate;
  asAt: IsoDate;
  added: Array<{ id: string; day: IsoDate; actor: string }>;
  /** Updates in the paper as at `asAt` that were not in it as at `since`. */
  updates: Array<{ id: string; update: UpdateEntry }>;
  statusChanges: Change<Status>[];
  /** The status changes that closed an item (complete, not being implemented). */
  closed: Change<Status>[];
  dateRevisions: Change<DeliveryWindow>[];
  ownersChanges: Change<string[]>[];
  rewordings: Change<{ text: string; theme: string }>[];
}

export interface PlanClock {
  planAsOf: IsoDate;
  timeZone: string;
}

/** Exactly what changed after the end of `since` up to the end of `asAt`, in plan order. */
export function changesSince(events: readonly AuditEvent[], current: readonly Recommendation[], since: IsoDate, asAt: IsoDate, plan: PlanClock): PlanChanges {
  const days = effectiveDays(events, plan.planAsOf, plan.timeZone);
  const order = new Map(current.map((r, i) => [r.id, i]));
  const inWindow = events
    .filter((e) => e.recId !== null && order.has(e.recId) && days.get(e.id)! > since && days.get(e.id)! <= asAt)
    .sort((a, b) => order.get(a.recId!)! - order.get(b.recId!)! || a.id - b.id);
  const pick = <T>(action: AuditEvent['action'], read: (v: unknown) => T | null): Change<T>[] =>
    inWindow.flatMap((e) => {
      const before = read(e.before);
      const after = read(e.after);
      return e.action === action && before !== null && after !== null ? [{ id: e.recId!, day: days.get(e.id)!, actor: e.actor, before, after }] : [];
    });
  const statusChanges = pick('status_changed', asStatus);
  return {
    since,
    asAt,
    added: inWindow.filter((e) => e.action === 'recommendation_added').map((e) => ({ id: e.recId!, day: days.get(e.id)!, actor: e.actor })),
    updates: newUpdates(planAsAt(current, events, plan.planAsOf, since, plan.timeZone), planAsAt(current, events, plan.planAsOf, asAt, plan.timeZone)),
    statusChanges,
    closed: statusChanges.filter((c) => isClosed(c.after)),
    dateRevisions: pick('date_revised', asWindow),
    ownersChanges: pick('owners_changed', asNames),
    rewordings: pick('recommendation_changed', asWording),
  };
}

/** Updates in the later paper and not in the earlier, counted so two identical entries are two. */
function newUpdates(then: Recommendation[], now: Recommendation[]): PlanChanges['updates'] {
  const known = new Map(then.map((r) => [r.id, r.updates.map((u) => `${u.date}\n${u.text}`)]));
  return now.flatMap((r) => {
    const left = [...(known.get(r.id) ?? [])];
    return r.updates.flatMap((update) => {
      const i = left.indexOf(`${update.date}\n${update.text}`);
      if (i >= 0) {
        left.splice(i, 1);
        return [];
      }
      return [{ id: r.id, update }];
    });
  });
}

export function hasChanges(c: PlanChanges): boolean {
  return [c.added, c.updates, c.statusChanges, c.dateRevisions, c.ownersChanges, c.rewordings].some((list) => list.length > 0);
}
