import { readFileSync } from 'node:fs';
import { readDelivery } from '../../src/core/dates/read-delivery.js';
import type { Status } from '../../src/core/plan/status.js';
import { readPastDay } from '../../src/core/report/paper-request.js';

/**
 * An answer key for questions about many items, worked out from the bundled plan file itself.
 *
 * It shares nothing with the code it checks: no `src/core/ask`, no `src/store`, no owner or theme
 * matcher of the app's. Only the date reader is borrowed (`src/core/dates`, and `readPastDay`, which
 * reads a phrase looking back: "October" asked in December is October just gone), because "what does
 * 'November 2017' mean" is not what these tests are about. Everything else (open, overdue, who owns
 * what, which theme, how stale, how far slipped, in what order, what a question about the past or
 * about changes covers) is a few lines here that can be read and checked by hand.
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

/** A copy of `items` with one item's status set. */
export function withStatus(items: readonly OracleItem[], id: string, status: Status): OracleItem[] {
  return items.map((it) => (it.id === id ? { ...it, status } : it));
}

/** A copy of `items` with one item's owners replaced. */
export function withOwners(items: readonly OracleItem[], id: string, owners: readonly string[]): OracleItem[] {
  return items.map((it) => (it.id === id ? { ...it, owners: [...owners] } : it));
}

/** Item numbers in plan order: "4.1.5" after "4.1.4", "4.10" after "4.9". */
export function byNumber(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** A copy of `items` with a new item added on `day` (its delivery phrase read as of that day), in number order. */
export function added(items: readonly OracleItem[], item: NewOracleItem, day: IsoDate): OracleItem[] {
  const it: OracleItem = { ...item, owners: [...item.owners], window: windowOf(item.delivery, day), baseline: null, revisions: 0, updates: [] };
  return [...items, it].sort((a, b) => byNumber(a.id, b.id));
}

export interface NewOracleItem {
  id: string;
  theme: string;
  owners: string[];
  status: Status;
  delivery: string;
}

/**
 * One change made to the plan after it began, as the oracle applies it: on `day`, item `id` got an
 * update dated that day, a new delivery phrase (read as of that day), a status, new owners — or was added.
 */
export interface OracleChange {
  day: IsoDate;
  id: string;
  update?: boolean;
  delivery?: string;
  status?: Status;
  owners?: string[];
  add?: Omit<NewOracleItem, 'id'>;
}

/** The items as they stood at the end of `day`: the changes made on or before it, in the order made. */
export function asStood(items: readonly OracleItem[], changes: readonly OracleChange[], day: IsoDate): OracleItem[] {
  let now = [...items];
  for (const c of changes) {
    if (c.day > day) continue;
    if (c.add) now = added(now, { id: c.id, ...c.add }, c.day);
    if (c.update) now = updated(now, c.id, c.day);
    if (c.delivery !== undefined) now = redated(now, c.id, c.delivery, c.day);
    if (c.status) now = withStatus(now, c.id, c.status);
    if (c.owners) now = withOwners(now, c.id, c.owners);
  }
  return now;
}

/** The items with any change made after the end of `after` and up to the end of `upTo`, in plan order. */
export function changedBetween(items: readonly OracleItem[], changes: readonly OracleChange[], after: IsoDate, upTo: IsoDate): string[] {
  return inPlanOrder(asStood(items, changes, upTo), changes.filter((c) => c.day > after && c.day <= upTo).map((c) => c.id));
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

/** Whether `w` spells the first letters of consecutive words of a name ("bau": Business As Usual). */
function initialsOf(w: string, words: readonly string[]): boolean {
  if (w.length < 2) return false;
  return words.some((_, i) => words.slice(i, i + w.length).map((x) => x[0]).join('') === w);
}

/**
 * Which of `known` a typed name means: an exact match (case, punctuation and a leading "the" aside)
 * wins; otherwise every typed word must start a word of the name ("karen", "roome gifford",
 * "organisational support") or, two letters or more, spell the initials of words that follow each
 * other in it ("managing BAU": Managing Business as Usual). Returns every match, so an ambiguous word
 * returns several.
 */
export function matchNames(typed: string, known: readonly string[]): string[] {
  const t = nameWords(typed);
  if (t[0] === 'the') t.shift();
  if (!t.length) return [];
  const exact = known.filter((k) => nameWords(k).join(' ') === t.join(' '));
  if (exact.length) return exact;
  return known.filter((k) => {
    const words = nameWords(k);
    return t.every((w) => words.some((kw) => kw.startsWith(w)) || initialsOf(w, words));
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

export type OracleOrder = 'most_overdue' | 'soonest_due' | 'latest_due' | 'by_due_date' | 'oldest_update' | 'newest_update';

export interface OracleQuery {
  open?: boolean;
  overdue?: boolean;
  /** A typed owner name (matched with `matchNames`), or exact owner names (e.g. the asker's own, for "me"). */
  owner?: string | { names: string[] };
  theme?: string;
  status?: Status;
  /** A bare word the question does not say is a theme or an owner: see `resolveAbout`. */
  about?: string;
  due?: DueWindow;
  /** What to leave out. `about` here comes from "not for X", "not with X": see `resolveNotAbout`. */
  not?: { owner?: string | { names: string[] }; theme?: string; status?: Status; about?: string };
  /** Open, with no update after this day (an item with no update at all counts as stale). */
  staleAfter?: IsoDate;
  /** Delivery date revised at least this many times. */
  slipped?: number;
  /**
   * most_overdue: the overdue items, the earliest delivery end first; soonest_due: the open items not
   * yet overdue, the earliest delivery end first and those with no date last; latest_due: every item the
   * other filters leave, the latest delivery end first and those with no date last; by_due_date: every item
   * the other filters leave, the earliest delivery end first and those with no date last; oldest_update /
   * newest_update: by the day of the latest update, an item with none the oldest. Ties keep plan order.
   */
  order?: OracleOrder;
  /** The first this many, after ordering. */
  limit?: number;
}

/** A typed name that names nothing in the plan: the engine should say so (or ask), not list anything. */
export class UnknownName extends Error {}

function namesFor(sel: string | { names: string[] }, known: readonly string[]): string[] {
  if (typeof sel !== 'string') return sel.names;
  const found = matchNames(sel, known);
  if (!found.length) throw new UnknownName(`oracle: no name matches "${sel}"`);
  return found;
}

/** Status words, the few a question uses for a status on its own ("the complete ones"). */
const STATUS_WORDS: Array<[RegExp, Status]> = [
  [/^(?:complete|completed|done|finished|closed)$/, 'complete'],
  [/^(?:on ?-?going|in progress|under ?way)$/, 'on_going'],
  [/^not (?:yet )?started$/, 'not_started'],
  [/^awaiting (?:a )?decision$/, 'awaiting_decision'],
  [/^(?:dropped|cancell?ed|not being implemented)$/, 'not_being_implemented'],
];
const statusWord = (w: string): Status | null => STATUS_WORDS.find(([re]) => re.test(w.trim().toLowerCase()))?.[1] ?? null;

/** A bare word ("show me the ICT actions", "Portfolio Office actions"): a theme if it names one, else an owner, else a status. */
export function resolveAbout(word: string, items: readonly OracleItem[]): Pick<OracleQuery, 'theme' | 'owner' | 'status'> {
  if (matchNames(word, allThemes(items)).length) return { theme: word };
  if (matchNames(word, allOwners(items)).length) return { owner: word };
  const status = statusWord(word);
  if (status) return { status };
  throw new UnknownName(`oracle: "${word}" is no theme, owner or status`);
}

/**
 * A word left out with "not for X" or "not with X" (the only way the suite's questions leave out a bare
 * word): whose the items are, so an owner if it names one, else a theme, else a status.
 */
export function resolveNotAbout(word: string, items: readonly OracleItem[]): NonNullable<OracleQuery['not']> {
  if (matchNames(word, allOwners(items)).length) return { owner: word };
  if (matchNames(word, allThemes(items)).length) return { theme: word };
  const status = statusWord(word);
  if (status) return { status };
  throw new UnknownName(`oracle: "${word}" is no owner, theme or status`);
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

/**
 * The ids that answer `q` on `day`: every field narrows; in plan order unless `q.order` says otherwise,
 * then cut to `q.limit`. Throws `UnknownName` when a typed name names nothing in the plan.
 */
export function answer(items: readonly OracleItem[], day: IsoDate, query: OracleQuery): string[] {
  const q: OracleQuery = { ...query, ...(query.about !== undefined ? resolveAbout(query.about, items) : {}) };
  const not = q.not?.about !== undefined ? { ...q.not, ...resolveNotAbout(q.not.about, items) } : q.not;
  if (q.order === 'most_overdue') q.overdue = true;
  if (q.order === 'soonest_due') q.open = true;
  const owners = allOwners(items);
  const themes = allThemes(items);
  const ownerNames = q.owner === undefined ? null : namesFor(q.owner, owners);
  const themeNames = q.theme === undefined ? null : namesFor(q.theme, themes);
  const notOwners = not?.owner === undefined ? null : namesFor(not.owner, owners);
  const notThemes = not?.theme === undefined ? null : namesFor(not.theme, themes);
  const due = q.due ? dueTest(q.due, day) : null;
  const found = items.filter((it) => {
    if (q.open && !isOpen(it)) return false;
    if (q.overdue && !isOverdueOn(it, day)) return false;
    if (ownerNames && !it.owners.some((o) => ownerNames.includes(o))) return false;
    if (themeNames && !themeNames.includes(it.theme)) return false;
    if (q.status && it.status !== q.status) return false;
    if (due && !(isOpen(it) && it.window.end !== null && due(it.window.end))) return false;
    if (notOwners && it.owners.some((o) => notOwners.includes(o))) return false;
    if (notThemes && notThemes.includes(it.theme)) return false;
    if (not?.status && it.status === not.status) return false;
    if (q.staleAfter !== undefined) {
      const last = lastUpdate(it);
      if (!isOpen(it) || (last !== null && last > q.staleAfter)) return false;
    }
    if (q.slipped !== undefined && it.revisions < q.slipped) return false;
    if (q.order === 'soonest_due' && isOverdueOn(it, day)) return false;
    return true;
  });
  const ordered = q.order ? ordering(found, q.order) : found;
  return (q.limit === undefined ? ordered : ordered.slice(0, q.limit)).map((it) => it.id);
}

/** A stable sort by a key (ties keep plan order); `null` keys go where `nulls` says. */
function sortBy(items: readonly OracleItem[], key: (it: OracleItem) => string | null, dir: 1 | -1, nulls: 'first' | 'last'): OracleItem[] {
  return items
    .map((it, i) => ({ it, i, k: key(it) }))
    .sort((a, b) => {
      if (a.k === b.k) return a.i - b.i;
      if (a.k === null) return nulls === 'first' ? -1 : 1;
      if (b.k === null) return nulls === 'first' ? 1 : -1;
      return (a.k < b.k ? -1 : 1) * dir;
    })
    .map((x) => x.it);
}

function ordering(items: readonly OracleItem[], order: OracleOrder): OracleItem[] {
  switch (order) {
    case 'most_overdue': // the longest overdue first: the earliest end
    case 'soonest_due':
    case 'by_due_date':
      return sortBy(items, (it) => it.window.end, 1, 'last');
    case 'latest_due':
      return sortBy(items, (it) => it.window.end, -1, 'last');
    case 'oldest_update':
      return sortBy(items, lastUpdate, 1, 'first');
    case 'newest_update':
      return sortBy(items, lastUpdate, -1, 'last');
  }
}

// ---------------------------------------------------------------------------------------------
// Days named in questions that look back.

/** The day a question "as at …" is about: the phrase's last day, looking back from `today` (a period still running: today). */
export function asAtDay(phrase: string, today: IsoDate): IsoDate {
  const read = readPastDay(phrase, today, 'end');
  if (!read.ok) throw new Error(`oracle: cannot read "${phrase}" as a past day: ${read.error}`);
  return read.day ?? today;
}

/**
 * "No update since August", "nothing heard since 1 September": no update after the last day of what
 * is named (an item last updated on 20 August has not been updated since August). The day to give
 * `staleAfter`.
 */
export function staleAfterSince(phrase: string, today: IsoDate): IsoDate {
  const read = readPastDay(phrase, today, 'end');
  if (!read.ok || !read.day) throw new Error(`oracle: cannot read "${phrase}" as a past day`);
  return read.day;
}

/**
 * "What changed since …": the changes made after the end of the day returned, up to today.
 * A day or a date ("since 4 October", "since September") counts from after that day (its first day,
 * for a period); a period named from today ("this week", "the past week", "last week", "last Monday",
 * "today") and "the start of the month" count from their first day itself, so from the end of the day before it.
 */
export function changesAfter(phrase: string, today: IsoDate): IsoDate {
  const read = readPastDay(phrase, today, 'start');
  if (!read.ok) throw new Error(`oracle: cannot read "${phrase}" as a past day: ${read.error}`);
  const first = read.day ?? today;
  return /^(?:the\s+)?(?:this|last|past|today|yesterday|(?:start|beginning) of)\b/i.test(phrase.trim()) ? addDays(first, -1) : first;
}

/**
 * "What changed in January", "last week", "between 1 and 31 October": the changes after the end of the
 * day before the window's first day, up to the end of `until`'s last day (today while it runs).
 */
export function changesWithin(since: string, until: string, today: IsoDate): { after: IsoDate; upTo: IsoDate } {
  const first = readPastDay(since, today, 'start');
  if (!first.ok) throw new Error(`oracle: cannot read "${since}" as a past day: ${first.error}`);
  return { after: addDays(first.day ?? today, -1), upTo: asAtDay(until, today) };
}

/** "No update for N days" on `day`: no update after the day N days before (one exactly N days ago is N days without one). */
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
