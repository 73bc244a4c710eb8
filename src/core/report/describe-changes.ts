import { describeDelivery } from '../ask/format.js';
import { STATUS_LABELS } from '../plan/status.js';
import type { PlanChanges } from './changes.js';
import { boardDate, longDate } from './dates.js';

/** The "changed since" section in words, shared by every format. Update texts stay exactly as written. */
export interface ChangeLine {
  id: string;
  text: string;
}

export interface ChangeSection {
  heading: string;
  lines: ChangeLine[];
}

/** The section of date revisions, which "what slipped last month?" lists alone. */
export const DATES_REVISED_HEADING = 'Delivery dates revised';

export function changesHeading(c: PlanChanges): string {
  return `Changed since ${longDate(c.since)}`;
}

export function describeChanges(c: PlanChanges): ChangeSection[] {
  const by = (day: string, actor: string) => ` (${boardDate(day)}, ${actor})`;
  const sections: ChangeSection[] = [
    { heading: 'New items', lines: c.added.map((a) => ({ id: a.id, text: `added to the plan${by(a.day, a.actor)}` })) },
    {
      heading: 'New updates',
      lines: c.updates.map(({ id, update: u }) => ({ id, text: `${boardDate(u.date)}${u.author ? ` (${u.author})` : ''}: ${u.text}` })),
    },
    {
      heading: 'Status changes',
      lines: c.statusChanges.map((s) => ({ id: s.id, text: `${STATUS_LABELS[s.before]} → ${STATUS_LABELS[s.after]}${by(s.day, s.actor)}` })),
    },
    { heading: 'Closed', lines: c.closed.map((s) => ({ id: s.id, text: `${STATUS_LABELS[s.after]}${by(s.day, s.actor)}` })) },
    {
      heading: DATES_REVISED_HEADING,
      lines: c.dateRevisions.map((d) => ({ id: d.id, text: `${describeDelivery(d.before)} → ${describeDelivery(d.after)}${by(d.day, d.actor)}` })),
    },
    {
      heading: 'Owners changed',
      lines: c.ownersChanges.map((o) => ({ id: o.id, text: `${names(o.before)} → ${names(o.after)}${by(o.day, o.actor)}` })),
    },
    {
      heading: 'Recommendations reworded or moved',
      lines: c.rewordings.map((w) => {
        const what = [w.before.text !== w.after.text && 'wording changed', w.before.theme !== w.after.theme && `moved from “${w.before.theme}” to “${w.after.theme}”`];
        return { id: w.id, text: `${what.filter(Boolean).join(' and ')}${by(w.day, w.actor)}` };
      }),
    },
  ];
  return sections.filter((s) => s.lines.length > 0);
}

export function noChangesLine(c: PlanChanges): string {
  return `Nothing changed between ${longDate(c.since)} and ${longDate(c.asAt)}.`;
}

function names(list: string[]): string {
  return list.length ? list.join(', ') : '(no owner)';
}
