import type { DeliveryWindow, IsoDate } from '../../core/dates/delivery-window.js';
import { deepFreeze } from '../../core/deep-freeze.js';
import type { Recommendation, UpdateEntry } from '../../core/plan/recommendation.js';
import type { Status } from '../../core/plan/status.js';
import type { RecQuery } from '../../core/ports.js';
import { sortKeyOf } from '../rec-rows.js';

/** Distinct queries remembered between changes: the questions a day's traffic asks, many times each. */
const MAX_ANSWERS = 256;

const CLOSED: ReadonlySet<Status> = new Set<Status>(['complete', 'not_being_implemented']);

/** One item as the model holds it: frozen, so what a request is handed can never change under it or be changed by it. */
interface Entry {
  sortKey: string;
  /** With the whole update log: what `get` returns. */
  full: Recommendation;
  /** With only the latest update, as lists carry it (the same objects every time). */
  listed: Recommendation;
}

/**
 * One plan's items in memory, with the indexes lists need: by owner, by status, by theme and by
 * delivery end (a sorted array walked by binary search). `find` starts from the smallest index that
 * applies and filters only that, so its cost follows what a question names, not the plan's size.
 * Maintained item by item as changes arrive. Plain data in, frozen data out: no SQL here.
 */
export class PlanModel {
  private readonly entries = new Map<string, Entry>();
  /** Every id in plan order; rebuilt lazily after an item is added or removed (rare: imports). */
  private order: string[] | null = [];
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly byStatus = new Map<Status, Set<string>>();
  private readonly byTheme = new Map<string, Set<string>>();
  /** [end, id] for every item with an end date, sorted by end then id. */
  private readonly byEnd: Array<[IsoDate, string]> = [];
  /**
   * Answers to queries since the last change: a busy channel asks "what's overdue?" over and over, and
   * between changes the answer is the same. Emptied by every put and remove, so it is never stale.
   */
  private readonly answers = new Map<string, readonly Recommendation[]>();
  /** Each distinct short value once (shareStrings); never emptied, as there are only so many dates and names. */
  private readonly strings = new Map<string, string>();

  constructor(
    public themes: readonly string[],
    public owners: readonly string[],
    items: Iterable<Recommendation> = [],
  ) {
    for (const rec of items) this.put(rec);
  }

  get size(): number {
    return this.entries.size;
  }

  get(id: string): Recommendation | null {
    return this.entries.get(id)?.full ?? null;
  }

  ids(): readonly string[] {
    return this.ordered();
  }

  /** Every item with its latest update only, in plan order. */
  all(): Recommendation[] {
    return this.ordered().map((id) => this.entries.get(id)!.listed);
  }

  /**
   * Adds or replaces an item (the whole update log is expected), keeping every index in step. `owned`:
   * the caller made this object for the model and keeps no reference, so it is frozen as it is, not copied.
   */
  put(rec: Recommendation, options: { owned?: boolean } = {}): void {
    this.answers.clear();
    const old = this.entries.get(rec.id);
    if (old) this.unindex(old.full);
    else this.order = null;
    // Otherwise a copy: the caller keeps its object, and nothing it does later reaches the model.
    const full = deepFreeze(this.shareStrings(options.owned ? rec : structuredClone(rec)));
    const latest = latestOf(full.updates);
    const listed = Object.freeze({ ...full, updates: Object.freeze(latest ? [latest] : []) as UpdateEntry[] });
    this.entries.set(rec.id, { sortKey: sortKeyOf(rec.id), full, listed });
    this.index(full);
  }

  /**
   * The short values that repeat across a plan's items and their logs (dates, authors, owners, sources,
   * themes, statuses, delivery phrases) held once each rather than once per item: a 10,000-item plan with
   * 100,000 updates read them from the database as that many separate strings. Takes an object the model owns.
   */
  private shareStrings(rec: Recommendation): Recommendation {
    const share = <T extends string | null | undefined>(v: T): T => {
      if (typeof v !== 'string') return v;
      const held = this.strings.get(v);
      if (held !== undefined) return held as T;
      this.strings.set(v, v);
      return v;
    };
    const shareWindow = (w: DeliveryWindow): DeliveryWindow => ({ text: share(w.text), start: share(w.start), end: share(w.end), precision: share(w.precision) });
    rec.theme = share(rec.theme);
    rec.status = share(rec.status);
    rec.owners = rec.owners.map(share);
    const sameBaseline = rec.baseline === rec.delivery;
    rec.delivery = shareWindow(rec.delivery);
    rec.baseline = sameBaseline ? rec.delivery : shareWindow(rec.baseline);
    for (const u of rec.updates) {
      u.date = share(u.date);
      u.author = share(u.author);
      u.source = share(u.source);
    }
    return rec;
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.answers.clear();
    this.unindex(old.full);
    this.entries.delete(id);
    this.order = null;
  }

  /** The items a query selects, each with its latest update, in plan order: as DrizzlePlanStore.find answers. */
  find(q: RecQuery): Recommendation[] {
    const key = JSON.stringify(q);
    let answer = this.answers.get(key);
    if (!answer) {
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(key, (answer = Object.freeze(this.select(q))));
    }
    // The caller's own array; the items in it are frozen and shared.
    return answer.slice();
  }

  private select(q: RecQuery): Recommendation[] {
    const candidates = this.candidates(q);
    const matched: Entry[] = [];
    if (candidates === null) {
      for (const id of this.ordered()) {
        const e = this.entries.get(id)!;
        if (matches(e.full, q)) matched.push(e);
      }
      return matched.map((e) => e.listed);
    }
    for (const id of candidates) {
      const e = this.entries.get(id);
      if (e && matches(e.full, q)) matched.push(e);
    }
    matched.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    return matched.map((e) => e.listed);
  }

  /** The smallest set of ids an index gives for this query, or null when no index narrows it. */
  private candidates(q: RecQuery): Iterable<string> | null {
    const sets: Array<{ size: number; ids: () => Iterable<string> }> = [];
    if (q.owners) {
      const owned = q.owners.map((o) => this.byOwner.get(o) ?? new Set<string>());
      sets.push({ size: owned.reduce((n, s) => n + s.size, 0), ids: () => new Set(owned.flatMap((s) => [...s])) });
    }
    if (q.status) {
      const s = this.byStatus.get(q.status) ?? new Set<string>();
      sets.push({ size: s.size, ids: () => s });
    }
    if (q.themes) {
      const themed = q.themes.map((t) => this.byTheme.get(t) ?? new Set<string>());
      sets.push({ size: themed.reduce((n, s) => n + s.size, 0), ids: () => themed.flatMap((s) => [...s]) });
    }
    if (q.endBefore || q.endFrom || q.endTo) {
      const from = q.endFrom ? lowerBound(this.byEnd, q.endFrom) : 0;
      const upper = [q.endBefore ? lowerBound(this.byEnd, q.endBefore) : this.byEnd.length, q.endTo ? upperBound(this.byEnd, q.endTo) : this.byEnd.length];
      const to = Math.max(from, Math.min(...upper));
      sets.push({ size: to - from, ids: () => this.byEnd.slice(from, to).map(([, id]) => id) });
    }
    if (!sets.length) return null;
    const smallest = sets.reduce((a, b) => (b.size < a.size ? b : a));
    // Past half the plan, walking it in order beats sorting what an index gave.
    return smallest.size * 2 > this.entries.size ? null : smallest.ids();
  }

  private ordered(): string[] {
    if (!this.order) this.order = [...this.entries.entries()].sort(([, a], [, b]) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)).map(([id]) => id);
    return this.order;
  }

  private index(rec: Recommendation): void {
    for (const o of rec.owners) addTo(this.byOwner, o, rec.id);
    addTo(this.byStatus, rec.status, rec.id);
    addTo(this.byTheme, rec.theme, rec.id);
    if (rec.delivery.end) this.byEnd.splice(lowerBoundPair(this.byEnd, rec.delivery.end, rec.id), 0, [rec.delivery.end, rec.id]);
  }

  private unindex(rec: Recommendation): void {
    for (const o of rec.owners) removeFrom(this.byOwner, o, rec.id);
    removeFrom(this.byStatus, rec.status, rec.id);
    removeFrom(this.byTheme, rec.theme, rec.id);
    if (rec.delivery.end) {
      const at = lowerBoundPair(this.byEnd, rec.delivery.end, rec.id);
      if (this.byEnd[at]?.[1] === rec.id) this.byEnd.splice(at, 1);
    }
  }
}

function matches(rec: Recommendation, q: RecQuery): boolean {
  if (q.openOnly && CLOSED.has(rec.status)) return false;
  if (q.status && rec.status !== q.status) return false;
  if (q.themes && !q.themes.includes(rec.theme)) return false;
  if (q.owners && !rec.owners.some((o) => q.owners!.includes(o))) return false;
  const end = rec.delivery.end;
  if ((q.endBefore || q.endFrom || q.endTo) && !end) return false;
  if (q.endBefore && !(end! < q.endBefore)) return false;
  if (q.endFrom && !(end! >= q.endFrom)) return false;
  if (q.endTo && !(end! <= q.endTo)) return false;
  return true;
}

/** The latest update as lists show it: the most recent date, the log's own order breaking ties (as updates_latest does). */
function latestOf(updates: readonly UpdateEntry[]): UpdateEntry | null {
  let best: UpdateEntry | null = null;
  for (const u of updates) if (!best || u.date >= best.date) best = u;
  return best;
}

function addTo<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom<K>(map: Map<K, Set<string>>, key: K, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (!set.size) map.delete(key);
}

/** First position whose end is >= `end`. */
function lowerBound(list: Array<[IsoDate, string]>, end: IsoDate): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]![0] < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position whose end is > `end`. */
function upperBound(list: Array<[IsoDate, string]>, end: IsoDate): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]![0] <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundPair(list: Array<[IsoDate, string]>, end: IsoDate, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [e, i] = list[mid]!;
    if (e < end || (e === end && i < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
