import type { IsoDate } from '../dates/delivery-window.js';
import type { AuditEvent } from '../plan/audit.js';
import { isClosed, STATUSES, type Status } from '../plan/status.js';
import { effectiveDays } from './effective.js';
import type { PlanHistory } from './history.js';
import { asStatus, asWindow } from './trail-values.js';

/** The plan at the end of one week (a Sunday in the plan's timezone, or the as-at day for the last point). */
export interface TrendWeek {
  weekEnding: IsoDate;
  total: number;
  byStatus: Record<Status, number>;
  overdue: number;
}

export interface PaperTrends {
  weeks: TrendWeek[];
}

/** Only what the counts need: whether the item existed yet, its status and the end of its delivery window. */
interface ItemState {
  present: boolean;
  status: Status;
  end: IsoDate | null;
}

/**
 * How the plan moved, week by week: one point for every Sunday from the plan's own date up to (not
 * including) the as-at day, then the as-at day itself. Each point counts the plan exactly as `planAsAt`
 * rebuilds it for that day, but all points come from one backward sweep over the trail: the events are
 * rolled back newest-effect first and the counts taken each time the sweep passes a week's end, so a
 * year of weeks over a 100,000-event trail costs one sort, not fifty rebuilds.
 */
export function planTrends(history: PlanHistory, asAt: IsoDate): PaperTrends {
  const { plan, recommendations, events } = history;
  const ends = weekEnds(plan.asOf, asAt);
  const days = effectiveDays(events, plan.asOf, plan.timeZone);
  const state = new Map<string, ItemState>(recommendations.map((r) => [r.id, { present: true, status: r.status, end: r.delivery.end }]));

  // Within one item, effective days never go backwards in trail order (see effectiveDays), so undoing in
  // order of day (latest first), then trail position (latest first), undoes each item's trail from its end,
  // as planAsAt does. Items are independent of one another, so how their events interleave does not matter.
  const undo: Array<{ day: IsoDate; at: number; event: AuditEvent }> = [];
  events.forEach((event, at) => {
    if (event.recId === null || !COUNTED.has(event.action) || !state.has(event.recId)) return;
    const day = days.get(event.id)!;
    if (day > ends[0]!) undo.push({ day, at, event });
  });
  undo.sort((a, b) => (a.day === b.day ? b.at - a.at : a.day < b.day ? 1 : -1));

  const weeks: TrendWeek[] = [];
  let next = 0;
  for (let w = ends.length - 1; w >= 0; w--) {
    const end = ends[w]!;
    for (; next < undo.length && undo[next]!.day > end; next++) rollBack(state.get(undo[next]!.event.recId!)!, undo[next]!.event);
    weeks.push(count(state.values(), end));
  }
  return { weeks: weeks.reverse() };
}

/** The actions that change what is counted: existence, status, delivery date. */
const COUNTED = new Set<AuditEvent['action']>(['recommendation_added', 'status_changed', 'date_revised']);

function rollBack(item: ItemState, e: AuditEvent): void {
  // Once an item's addition is undone, its earlier events are too (planAsAt drops the item at that point).
  if (!item.present) return;
  switch (e.action) {
    case 'recommendation_added':
      item.present = false;
      break;
    case 'status_changed':
      item.status = asStatus(e.before) ?? item.status;
      break;
    case 'date_revised': {
      const before = asWindow(e.before);
      if (before) item.end = before.end;
      break;
    }
    default:
      break;
  }
}

function count(items: Iterable<ItemState>, day: IsoDate): TrendWeek {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0;
  let overdue = 0;
  for (const item of items) {
    if (!item.present) continue;
    total++;
    byStatus[item.status]++;
    // As isOverdue: open, and the whole delivery window has passed.
    if (!isClosed(item.status) && item.end !== null && item.end < day) overdue++;
  }
  return { weekEnding: day, total, byStatus, overdue };
}

/** Every Sunday on or after `from` and before `asAt`, then `asAt`: calendar days, so no timezone arithmetic. */
export function weekEnds(from: IsoDate, asAt: IsoDate): IsoDate[] {
  const day = new Date(`${from}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((7 - day.getUTCDay()) % 7));
  const out: IsoDate[] = [];
  for (let iso = day.toISOString().slice(0, 10); iso < asAt; iso = day.toISOString().slice(0, 10)) {
    out.push(iso);
    day.setUTCDate(day.getUTCDate() + 7);
  }
  out.push(asAt);
  return out;
}
