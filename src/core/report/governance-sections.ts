import type { IsoDate } from '../dates/delivery-window.js';
import { todayIn } from '../dates/today.js';
import { decisionsBetween, standingDecisions, type Decision } from '../governance/decision.js';
import { meetingLabel } from '../governance/meeting.js';
import type { Waiting } from '../governance/waiting.js';
import { titleOf, type Recommendation } from '../plan/recommendation.js';
import { addDaysIso } from '../reminders/local-time.js';
import { longDate } from './dates.js';

/** One entry of a paper's decision log: a standing decision, with the one it corrects when it is a correction. */
export interface PaperDecision {
  id: number;
  board: string;
  /** "SAS 2017-10-12" when taken at a meeting of the board, else null. */
  meeting: string | null;
  decidedOn: IsoDate;
  text: string;
  /** Item ids, in plan order. */
  affects: string[];
  /** The decision this one corrects (superseded, so not listed on its own). */
  corrects: { id: number; decidedOn: IsoDate; text: string } | null;
}

export interface WaitingItem {
  id: string;
  title: string;
  owners: string[];
  /** What it waits on, in words; null when the item says only "Awaiting decision". */
  what: string | null;
}

/** Items at Awaiting decision that wait on one board; `board` null for those naming no board. */
export interface WaitingGroup {
  board: string | null;
  items: WaitingItem[];
}

/** When the records an import wrote take effect: see `importDayReader`. */
export type ImportDays = (at: string) => IsoDate;

/**
 * Whether a decision was part of the record at the end of `asAt`: decided by then, and recorded by the
 * end of that day in the plan's timezone. A decision written down later (even about an earlier day)
 * is not in a paper as at an earlier day, so a paper at any date is rebuilt exactly as it was. One that
 * came with an imported plan (the bundled plan's JCOB decision of 4 May 2017) is part of that plan as at
 * its document's date, as the plan's items are, however long after it was loaded.
 */
export function decisionKnownAt(d: Pick<Decision, 'decidedOn' | 'recordedAt' | 'source'>, asAt: IsoDate, timeZone: string, importDays?: ImportDays): boolean {
  const known = d.source === 'import' && importDays ? importDays(d.recordedAt) : todayIn(new Date(d.recordedAt), timeZone);
  return d.decidedOn <= asAt && known <= asAt;
}

/**
 * The paper's decision log: decisions known at `asAt` (see decisionKnownAt) that still stand then, taken
 * in (after, asAt] (all up to asAt when `after` is null), of one board or all, oldest first. A correction
 * recorded by then replaces the decision it corrects and carries it in `corrects`; a correction recorded
 * after `asAt` does not change an earlier paper.
 */
export function paperDecisions(
  decisions: readonly Decision[],
  opts: { asAt: IsoDate; after: IsoDate | null; timeZone: string; board?: string | null; order?: readonly string[]; importDays?: ImportDays },
): PaperDecision[] {
  const known = decisions.filter((d) => decisionKnownAt(d, opts.asAt, opts.timeZone, opts.importDays));
  const byId = new Map(known.map((d) => [d.id, d]));
  const rank = new Map((opts.order ?? []).map((id, i) => [id, i]));
  const inPlanOrder = (ids: readonly string[]) => [...ids].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  return decisionsBetween(standingDecisions(known), opts.after, opts.asAt, opts.board ?? undefined)
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id - b.id)
    .map((d) => {
      const old = d.supersedes === null ? undefined : byId.get(d.supersedes);
      return {
        id: d.id,
        board: d.board,
        meeting: d.meetingDate ? meetingLabel({ board: d.board, date: d.meetingDate }) : null,
        decidedOn: d.decidedOn,
        text: d.text,
        affects: rank.size ? inPlanOrder(d.affects) : [...d.affects],
        corrects: old ? { id: old.id, decidedOn: old.decidedOn, text: old.text } : null,
      };
    });
}

/**
 * Items at Awaiting decision, grouped by the board that must decide: `first` (the paper's own board)
 * leads, other boards follow by name, and items naming no board come last. Items keep plan order.
 */
export function waitingGroups(recs: readonly Recommendation[], first?: string | null): WaitingGroup[] {
  const groups = new Map<string | null, WaitingItem[]>();
  for (const r of recs) {
    if (r.status !== 'awaiting_decision') continue;
    const w: Waiting | null = r.waiting ?? null;
    const board = w?.board ?? null;
    const list = groups.get(board) ?? [];
    list.push({ id: r.id, title: titleOf(r.text), owners: r.owners, what: w?.what ?? null });
    groups.set(board, list);
  }
  const rank = (b: string | null) => (b === null ? 2 : b === first ? 0 : 1);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? ''))
    .map(([board, items]) => ({ board, items }));
}

/** Words shared by every format. */
export function decisionLogHeading(paper: { meeting: { board: string } | null; decisionsAfter: IsoDate | null; asAt: IsoDate }): string {
  const whose = paper.meeting ? `${paper.meeting.board} decision log` : 'Decision log';
  return paper.decisionsAfter ? `${whose} since ${longDate(addDaysIso(paper.decisionsAfter, 1))}` : whose;
}

export function noDecisionsLine(paper: { meeting: { board: string } | null; decisionsAfter: IsoDate | null; asAt: IsoDate }): string {
  const who = paper.meeting ? paper.meeting.board : 'any board';
  return paper.decisionsAfter
    ? `No decision of ${who} recorded between ${longDate(addDaysIso(paper.decisionsAfter, 1))} and ${longDate(paper.asAt)}.`
    : `No decision of ${who} recorded up to ${longDate(paper.asAt)}.`;
}

/** "SAS 2017-10-12 (12/10/2017)" or "SAS, 3 October 2017": where and when a decision was taken. */
export function decisionWhere(d: Pick<PaperDecision, 'board' | 'meeting' | 'decidedOn'>): string {
  return d.meeting ? `${d.board} meeting of ${longDate(d.decidedOn)}` : `${d.board}, ${longDate(d.decidedOn)}`;
}

export function correctsLine(d: PaperDecision): string | null {
  return d.corrects ? `Corrects the entry of ${longDate(d.corrects.decidedOn)}, which read: “${d.corrects.text}”` : null;
}

export function waitingGroupHeading(g: WaitingGroup): string {
  return g.board ? `Waiting on ${g.board}` : 'Waiting on no named board';
}

export function waitingItemLine(i: WaitingItem): string {
  return i.what ? `${i.title} — waits on ${i.what}` : `${i.title} — awaiting a decision (none named)`;
}

/** "Paper for SAS 12 October 2017 · papers due 5 October 2017 · since SAS 14 September 2017" */
export function meetingLine(m: { board: string; date: IsoDate; papersBy: IsoDate; previous: IsoDate | null }): string {
  const since = m.previous ? ` · changes and decisions since ${m.board} ${longDate(m.previous)}` : ` · the first ${m.board} meeting on record`;
  return `Paper for ${m.board} ${longDate(m.date)} · papers due ${longDate(m.papersBy)}${since}`;
}

export const WAITING_HEADING = 'Waiting on a decision';
export const NO_WAITING_LINE = 'No item is awaiting a decision.';
