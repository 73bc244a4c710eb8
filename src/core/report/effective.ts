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
      const asOf = (e.after as { asOf?: unknown } | null)?.asOf;
      imported = { at: e.at, asOf: isIsoDay(asOf) ? asOf : planAsOf };
      claimed.set(e.id, imported.asOf);
    } else if (e.source === 'import') {
      claimed.set(e.id, imported && imported.at === e.at ? imported.asOf : planAsOf);
    }
  }
  const days = new Map<number, IsoDate>();
  const latest = new Map<string, IsoDate>();
  for (const e of events) {
    let day = claimed.get(e.id) ?? todayIn(new Date(e.at), timeZone);
    if (e.recId !== null) {
      const before = latest.get(e.recId);
      if (before && before > day) day = before;
      latest.set(e.recId, day);
    }
    days.set(e.id, day);
  }
  return days;
}
