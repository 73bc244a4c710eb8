import { readFileSync } from 'node:fs';
import { readDelivery } from '../../src/core/dates/read-delivery.js';
import type { Status } from '../../src/core/plan/status.js';

/**
 * An answer key for questions about many items, worked out from the bundled plan file itself.
 *
 * It shares nothing with the code it checks: no `src/core/ask`, no `src/store`, no owner or theme
 * matcher of the app's. Only the date reader is borrowed, because "what does 'November 2017' mean"
 * is not what these tests are about. Everything else (open, overdue, who owns what, which theme,
 * how stale, how far slipped) is a few lines here that can be read and checked by hand.
 */

export type IsoDate = string;

/** One item as the oracle sees it: the plan's words, its delivery window read once, its update days. */
export interface OracleItem {
  id: string;
  theme: string;
  owners: string[];
  status: Status;
  /** The delivery date as written ("" when none). */
  delivery: string;
  /** Its window: null ends when the phrase carries no date ("Completed", ""). */
  window: { start: IsoDate | null; end: IsoDate | null };
  /** The delivery date first written, when it has been revised since. */
  baseline: { text: string; start: IsoDate | null; end: IsoDate | null } | null;
  /** How many times the delivery date was revised. */
  revisions: number;
  /** Days of the updates, in any order. */
  updates: IsoDate[];
}

interface PlanJson {
  asOf: IsoDate;
  timeZone: string;
  recommendations: Array<{ id: string; theme: string; owners: string[]; status: Status; delivery: string; updates: Array<{ date: IsoDate }> }>;
}

const BUNDLED = new URL('../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url);

/** The bundled plan file, parsed as plain JSON. */
export function bundledPlanJson(): PlanJson {
  return JSON.parse(readFileSync(BUNDLED, 'utf8')) as PlanJson;
}

/** A delivery phrase as a window, read as of `today` (throws on an unreadable phrase: the plan has none). */
export function windowOf(phrase: string, today: IsoDate, timeZone = 'Europe/London'): { start: IsoDate | null; end: IsoDate | null } {
  const read = readDelivery(phrase, { today, timeZone });
  if (!read.ok) throw new Error(`oracle: cannot read "${phrase}" as of ${today}: ${read.error}`);
  return { start: read.window.start, end: read.window.end };
}

/** The bundled plan's items, each delivery phrase read as of the plan's own date (as the plan was written). */
export function bundledItems(): OracleItem[] {
  const plan = bundledPlanJson();
  return plan.recommendations.map((r) => ({
    id: r.id,
    theme: r.theme,
    owners: [...r.owners],
    status: r.status,
    delivery: r.delivery,
    window: windowOf(r.delivery, plan.asOf, plan.timeZone),
    baseline: null,
    revisions: 0,
    updates: r.updates.map((u) => u.date),
  }));
}

/** A copy of `items` with one item re-dated on `day` (the new phrase read as of that day). */
export function redated(items: readonly OracleItem[], id: string, phrase: string, day: IsoDate): OracleItem[] {
  return items.map((it) => {
    if (it.id !== id) return it;
    return {
      ...it,
      delivery: phrase,
      window: windowOf(phrase, day),
      baseline: it.baseline ?? { text: it.delivery, ...it.window },
      revisions: it.revisions + 1,
    };
  });
}

/** A copy of `items` with an update dated `day` added to one item. */
export function updated(items: readonly OracleItem[], id: string, day: IsoDate): OracleItem[] {
  return items.map((it) => (it.id === id ? { ...it, updates: [...it.updates, day] } : it));
}

// ---------------------------------------------------------------------------------------------
// The rules, one line each.

const CLOSED: ReadonlySet<Status> = new Set<Status>(['complete', 'not_being_implemented']);

/** Open: not complete and not "not being implemented". */
export const isOpen = (it: OracleItem) => !CLOSED.has(it.status);

/** Overdue on `day`: open, and the whole delivery window ended before that day. No date, never late. */
export const isOverdueOn = (it: OracleItem, day: IsoDate) => isOpen(it) && it.window.end !== null && it.window.end < day;

/** The latest update's day, or null when the item has none. */
export const lastUpdate = (it: OracleItem): IsoDate | null => (it.updates.length ? [...it.updates].sort().at(-1)! : null);

/** Words of a name, lower case, apostrophes dropped ("CC’s" → "ccs"), other punctuation a space. */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[’‘'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * Which of `known` a typed name means: an exact match (case, punctuation and a leading "the" aside)
 * wins; otherwise every typed word must start a word of the name ("karen", "roome gifford",
 * "organisational support"). Returns every best match, so an ambiguous word returns several.
 */
export function matchNames(typed: string, known: readonly string[]): string[] {
  const t = nameWords(typed);
  if (t[0] === 'the') t.shift();
  if (!t.length) return [];
  const exact = known.filter((k) => nameWords(k).join(' ') === t.join(' '));
  if (exact.length) return exact;
  return known.filter((k) => {
    const words = nameWords(k);
    return t.every((w) => words.some((kw) => kw.startsWith(w)));
  });
}

export const allOwners = (items: readonly OracleItem[]) => [...new Set(items.flatMap((it) => it.owners))];
export const allThemes = (items: readonly OracleItem[]) => [...new Set(items.map((it) => it.theme))];

// ---------------------------------------------------------------------------------------------
// Questions as filters.

export interface DueWindow {
  /** The phrase, read as of the question's day. */
  phrase: string;
  mode: 'within' | 'before' | 'by' | 'after' | 'between';
  /** The second phrase of "between … and …". */
  until?: string;
}

export interface OracleQuery {
  open?: boolean;
  overdue?: boolean;
  /** A typed owner name (matched with `matchNames`), or exact owner names (e.g. the asker's own, for "me"). */
  owner?: string | { names: string[] };
  theme?: string;
  status?: Status;
  due?: DueWindow;
  not?: { owner?: string | { names: string[] }; theme?: string; status?: Status };
  /** No update after this day (an item with no update at all counts as stale). */
  staleAfter?: IsoDate;
  /** Delivery date revised at least this many times. */
  slipped?: number;
}

function namesFor(sel: string | { names: string[] }, known: readonly string[]): string[] {
  if (typeof sel !== 'string') return sel.names;
  const found = matchNames(sel, known);
  if (!found.length) throw new Error(`oracle: no name matches "${sel}"`);
  return found;
}

function addDays(day: IsoDate, n: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Items due in a window: the window's end day is what counts ("November 2017" is due by 30 Nov). */
function dueTest(q: DueWindow, day: IsoDate): (end: IsoDate) => boolean {
  const w = windowOf(q.phrase, day);
  if (!w.start || !w.end) throw new Error(`oracle: "${q.phrase}" has no date`);
  switch (q.mode) {
    case 'within':
      return (end) => end >= w.start! && end <= w.end!;
    case 'before': // from today up to the day before the window starts
      return (end) => end >= day && end < w.start!;
    case 'by': // from today up to the window's last day
      return (end) => end >= day && end <= w.end!;
    case 'after': // after the window's last day
      return (end) => end > w.end!;
    case 'between': {
      const u = windowOf(q.until!, day);
      return (end) => end >= w.start! && end <= u.end!;
    }
  }
}

/** The ids that answer `q` on `day`, in plan order. Every field narrows. */
export function answer(items: readonly OracleItem[], day: IsoDate, q: OracleQuery): string[] {
  const owners = allOwners(items);
  const themes = allThemes(items);
  const ownerNames = q.owner === undefined ? null : namesFor(q.owner, owners);
  const themeNames = q.theme === undefined ? null : namesFor(q.theme, themes);
  const notOwners = q.not?.owner === undefined ? null : namesFor(q.not.owner, owners);
  const notThemes = q.not?.theme === undefined ? null : namesFor(q.not.theme, themes);
  const due = q.due ? dueTest(q.due, day) : null;
  return items
    .filter((it) => {
      if (q.open && !isOpen(it)) return false;
      if (q.overdue && !isOverdueOn(it, day)) return false;
      if (ownerNames && !it.owners.some((o) => ownerNames.includes(o))) return false;
      if (themeNames && !themeNames.includes(it.theme)) return false;
      if (q.status && it.status !== q.status) return false;
      if (due && !(isOpen(it) && it.window.end !== null && due(it.window.end))) return false;
      if (notOwners && it.owners.some((o) => notOwners.includes(o))) return false;
      if (notThemes && notThemes.includes(it.theme)) return false;
      if (q.not?.status && it.status === q.not.status) return false;
      if (q.staleAfter !== undefined) {
        const last = lastUpdate(it);
        if (last !== null && last > q.staleAfter) return false;
      }
      if (q.slipped !== undefined && it.revisions < q.slipped) return false;
      return true;
    })
    .map((it) => it.id);
}

/** "No update for N days" on `day`: no update after the day N days before. */
export const noUpdateForDays = (day: IsoDate, days: number): IsoDate => addDays(day, -days);

/** How late an open item is on `day`, in days (0 when not overdue); for "most overdue" orderings. */
export function daysLate(it: OracleItem, day: IsoDate): number {
  if (!isOverdueOn(it, day)) return 0;
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${it.window.end}T00:00:00Z`)) / 86_400_000);
}

/** Plan order of ids, for sorting answers that come from elsewhere (a board paper's sections). */
export function inPlanOrder(items: readonly OracleItem[], ids: Iterable<string>): string[] {
  const order = new Map(items.map((it, i) => [it.id, i]));
  return [...new Set(ids)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}
