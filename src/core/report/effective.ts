import type { IsoDate } from '../dates/delivery-window.js';
import { todayIn } from '../dates/today.js';
import type { AuditEvent } from '../plan/audit.js';
import { isIsoDay } from './dates.js';

/**
 * The day each audit event took effect, in the plan's timezone.
 *
 * An import describes its file as of the file's own date, not the moment it was loaded: the bundled
 * plan, loaded today, is the plan as at 4 October 2017. Each import ends with a `plan_imported` event
 * (same instant) naming that date; without one, the plan's own as-of date stands in.
 *
 * Within one recommendation the days never go backwards in trail order: an import cannot take effect
 * before a change it overwrote, so rolling back "everything after day D" always undoes a suffix of
 * each item's trail and the before/after pairs stay consistent.
 */
export function effectiveDays(events: readonly AuditEvent[], planAsOf: IsoDate, timeZone: string): Map<number, IsoDate> {
  const claimed = new Map<number, IsoDate>();
  let imported: { at: string; asOf: IsoDate } | null = null;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.action === 'plan_imported') {
      imported = { at: e.at, asOf: importedAsOf(e, planAsOf) };
      claimed.set(e.id, imported.asOf);
    } else if (e.source === 'import') {
      claimed.set(e.id, imported && imported.at === e.at ? imported.asOf : planAsOf);
    }
  }
  const days = new Map<number, IsoDate>();
  const latest = new Map<string, IsoDate>();
  const dayOf = dayReader(timeZone);
  for (const e of events) {
    let day = claimed.get(e.id) ?? dayOf(e.at);
    if (e.recId !== null) {
      const before = latest.get(e.recId);
      if (before && before > day) day = before;
      latest.set(e.recId, day);
    }
    days.set(e.id, day);
  }
  return days;
}

/**
 * The day a record written by an import took effect, by the instant it was written: the as-of date of
 * the import that wrote at that instant (a plan and the governance its document records are loaded
 * together), else the plan's own as-of date — as `effectiveDays` dates an import's audit events.
 */
export function importDayReader(events: readonly AuditEvent[], planAsOf: IsoDate): (at: string) => IsoDate {
  const byInstant = new Map<number, IsoDate>();
  for (const e of events) if (e.action === 'plan_imported') byInstant.set(Date.parse(e.at), importedAsOf(e, planAsOf));
  return (at) => byInstant.get(Date.parse(at)) ?? planAsOf;
}

function importedAsOf(e: AuditEvent, planAsOf: IsoDate): IsoDate {
  const asOf = (e.after as { asOf?: unknown } | null)?.asOf;
  return isIsoDay(asOf) ? asOf : planAsOf;
}

const HOUR = 3_600_000;

/**
 * `todayIn` for many instants: a trail of 100,000 events spans a few thousand hours, so the day is
 * worked out once per hour and reused when the hour starts and ends on the same day in the timezone
 * (an offset changes at most once an hour, so the day cannot differ in between). An hour that
 * crosses midnight there is read instant by instant.
 */
function dayReader(timeZone: string): (at: string) => IsoDate {
  const hours = new Map<number, IsoDate | null>();
  return (at) => {
    const t = Date.parse(at);
    const hour = Math.floor(t / HOUR);
    let day = hours.get(hour);
    if (day === undefined) {
      const first = todayIn(new Date(hour * HOUR), timeZone);
      day = first === todayIn(new Date(hour * HOUR + HOUR - 1), timeZone) ? first : null;
      hours.set(hour, day);
    }
    return day ?? todayIn(new Date(t), timeZone);
  };
}
