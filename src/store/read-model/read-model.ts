import { AsyncLocalStorage } from 'node:async_hooks';
import { asc, eq } from 'drizzle-orm';
import type { PlanInfo } from '../../core/ports.js';
import type { Recommendation } from '../../core/plan/recommendation.js';
import type { Database, Db } from '../database.js';
import { DrizzleConversationStore } from '../conversation-store.js';
import { DrizzlePlanDirectory } from '../plan-directory.js';
import { eventLoopTurn } from '../event-loop-turn.js';
import { forEachRecommendationBatch, loadRecommendations } from '../rec-rows.js';
import { identityLinks, owners, themes } from '../schema.js';
import { StoreError } from '../store-error.js';
import { changesSince, currentHorizon, type ModelChange } from './change-log.js';
import { KeyedCache } from './keyed-cache.js';
import { PlanModel } from './plan-model.js';

/**
 * Items read per batch while a plan's model is built. The embedded engine's WebAssembly memory grows to
 * its largest result and never gives it back: over the 10,000-item plan, a process that has just built the
 * model is 30–40 MB smaller with batches of 250 than of 1,000, and the build takes about as long.
 */
const BUILD_BATCH = { pglite: 250, postgres: 1_000 } as const;

/** What one request has confirmed: once the model is checked, the rest of the request reads it without asking again. */
interface RequestScope {
  confirmed: boolean;
}

/** A stored conversation as the cache keeps it: loads compare its expiry with their own "now". */
export interface CachedConversation {
  state: unknown;
  expiresAt: string;
}

/**
 * The in-memory read model of a serving process: the plan list, each plan's items (built in the
 * background on first use; reads go to the tables until it is ready), the people links, and per-key
 * caches of Slack profiles, pending conversations and plan choices — all kept exact by the change log (change-log.ts).
 *
 * Freshness, the design: every request confirms the model once before it reads, and the rest of the
 * request reads memory.
 * - On PostgreSQL the confirmation is one statement (the change log's index range from the last
 *   horizon), whatever the plan's size. Checks are coalesced: a request joins a check that has not
 *   started yet, never one already under way (that one may predate a change the request must see), so
 *   at most two are in flight however many requests wait. LISTEN/NOTIFY is not used to skip the
 *   check: a notification arrives after the commit, on its own connection, so the next request on
 *   another instance could beat it; the check is what makes "the very next answer" hold.
 * - On the embedded database this process is the only writer (the data directory's lock), and
 *   PGlite delivers the triggers' NOTIFY before the writing query returns: a request confirms with no
 *   query at all unless something was written since the last check. Reads do not queue on its one
 *   connection.
 * Changes are applied item by item (only the items named since the horizon are read again); a rename
 * of a theme or owner, or a model older than the pruned log, rebuilds that plan. Checks run one at a
 * time. A build runs beside them: it takes a horizon before it loads and, once ready, the next check
 * replays that plan's changes from there, so nothing committed while it loaded is missed. If the
 * database cannot be reached the check fails and nothing is answered from memory.
 */
export class ReadModel {
  private horizon: bigint | null = null;
  /** Change ids already applied whose transactions are at or above the horizon (so they come back in the range). */
  private readonly seen = new Map<number, bigint>();
  private plans: PlanInfo[] | null = null;
  private readonly models = new Map<number, PlanModel>();
  /** Plans whose model was built from this horizon on: the next check replays their changes from it. */
  private readonly replayFrom = new Map<number, bigint>();
  private readonly building = new Map<number, Promise<PlanModel>>();
  private links: Map<string, string[]> | null = null;
  /** Bumped whenever a cached list is dropped, so a load that began before the drop does not store what it read. */
  private generation = 0;
  readonly profiles: KeyedCache<unknown>;
  readonly conversations: KeyedCache<CachedConversation>;
  /** The plan id each person chose with `use`. */
  readonly choices: KeyedCache<number>;
  /** Embedded database only: set by the triggers' notification, cleared as a check starts. */
  private dirty = true;
  private lane: Promise<unknown> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private readonly scope = new AsyncLocalStorage<RequestScope>();
  private stopListening: (() => Promise<void>) | null = null;
  private warmed = false;
  /** Checks run and plans built since start (for tests). */
  readonly stats = { checks: 0, builds: 0 };

  private constructor(private readonly database: Database) {
    this.profiles = new KeyedCache(() => this.confirm());
    // Conversations and choices are held whole, so that a key with none (every new thread) asks nothing.
    this.conversations = new KeyedCache(() => this.confirm(), { loadAll: (limit) => new DrizzleConversationStore(this.db).rows(limit) });
    this.choices = new KeyedCache(() => this.confirm(), { loadAll: (limit) => new DrizzlePlanDirectory(this.db).choices(limit) });
  }

  static async open(database: Database): Promise<ReadModel> {
    const model = new ReadModel(database);
    if (database.kind === 'pglite' && database.listen) model.stopListening = await database.listen('concerto_model', () => (model.dirty = true));
    return model;
  }

  private get db(): Db {
    return this.database.db;
  }

  /**
   * Runs one request: on PostgreSQL the model is confirmed at most once inside it (again only after a write
   * through it), which takes a request scope (AsyncLocalStorage). The embedded database needs none: every write
   * to it, from any request, sets `dirty` through the triggers' notification, and a confirm with nothing dirty
   * reads nothing. So it runs without the scope — and without the promise hooks that AsyncLocalStorage turns on
   * for every promise in the process on Node 20 (a twentieth of a busy server's time, bench/NOTES.md).
   */
  request<T>(work: () => Promise<T>): Promise<T> {
    return this.database.kind === 'pglite' ? work() : this.scope.run({ confirmed: false }, work);
  }

  /** Makes the model current for this request; fails (never answers stale) when the database cannot be asked. */
  async confirm(): Promise<void> {
    const scope = this.scope.getStore();
    if (scope?.confirmed) return;
    if (this.database.kind === 'pglite' && !this.dirty && this.horizon !== null) {
      if (scope) scope.confirmed = true;
      return;
    }
    await this.coalescedCheck();
    if (scope) scope.confirmed = true;
  }

  /** After a write through this process: the request that wrote reads the model again only after confirming it. */
  wrote(): void {
    const scope = this.scope.getStore();
    if (scope) scope.confirmed = false;
    this.dirty = true;
  }

  /**
   * Awaits a write and then calls `wrote`, whether it failed or not: a write that failed may still have
   * committed (the connection dropped after COMMIT), so memory is trusted again only after a check.
   */
  async written<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.wrote();
    }
  }

  /** Puts an item this process just committed into its plan's model, in order with checks. */
  async put(planId: number, rec: Recommendation): Promise<void> {
    this.wrote();
    await this.inLane(async () => this.models.get(planId)?.put(rec));
  }

  async planList(): Promise<PlanInfo[]> {
    await this.confirm();
    if (this.plans) return this.plans;
    const generation = this.generation;
    const listed = await new DrizzlePlanDirectory(this.db).list();
    if (generation === this.generation) this.plans = listed;
    return listed;
  }

  /**
   * The plan's model once it is built, confirmed for this request; null while it is being built (the
   * first call starts the build in the background), and the caller reads the tables meanwhile.
   */
  async ready(planId: number): Promise<PlanModel | null> {
    await this.confirm();
    const model = this.models.get(planId);
    if (model) return model;
    void this.build(planId).catch(() => {});
    return null;
  }

  /** Builds the models of these plans (all known plans when none are named), and waits for them: a server warms up so. */
  async warm(planIds?: number[]): Promise<void> {
    const ids = planIds ?? (await this.planList()).filter((p) => p.state === 'active').map((p) => p.id);
    for (const id of ids) await this.build(id);
    if (!planIds) this.warmed = true;
  }

  /** Whether every active plan's model has been built once since start (`/healthz` says so). */
  get isWarm(): boolean {
    return this.warmed;
  }

  /** Owner names a Slack user acts for, across plans. */
  async ownersFor(externalId: string): Promise<string[]> {
    await this.confirm();
    if (!this.links) {
      const generation = this.generation;
      const links = await this.loadLinks();
      if (generation !== this.generation) return links.get(externalId) ?? [];
      this.links = links;
    }
    return this.links.get(externalId) ?? [];
  }

  async close(): Promise<void> {
    await this.stopListening?.().catch(() => {});
  }

  private inLane<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lane.then(work, work);
    this.lane = run.catch(() => {});
    return run;
  }

  private coalescedCheck(): Promise<void> {
    if (this.queued) return this.queued;
    const check = this.inLane(async () => {
      // From here on, a new caller needs a new check: this one may already have read.
      if (this.queued === check) this.queued = null;
      await this.check();
    });
    this.queued = check;
    return check;
  }

  private async check(): Promise<void> {
    this.stats.checks += 1;
    const wasDirty = this.dirty;
    this.dirty = false;
    try {
      if (this.horizon === null) {
        this.reset(await currentHorizon(this.db));
        return;
      }
      // Plans built since the last check replay from where their build began.
      const replaying = new Map(this.replayFrom);
      let from = this.horizon;
      for (const h of replaying.values()) if (h < from) from = h;
      const since = await changesSince(this.db, from);
      if (since.prunedBelow !== null && from < since.prunedBelow) {
        this.reset(since.horizon);
        return;
      }
      const due = since.changes.filter((c) => {
        const replay = c.planId === null ? undefined : replaying.get(c.planId);
        return (replay !== undefined && c.tx >= replay) || (c.tx >= this.horizon! && !this.seen.has(c.id));
      });
      await this.apply(due);
      for (const c of due) if (c.tx >= this.horizon) this.seen.set(c.id, c.tx);
      for (const [planId, h] of replaying) if (this.replayFrom.get(planId) === h) this.replayFrom.delete(planId);
      const horizon = since.horizon > this.horizon ? since.horizon : this.horizon;
      for (const [id, tx] of this.seen) if (tx < horizon) this.seen.delete(id);
      this.horizon = horizon;
    } catch (err) {
      this.dirty = this.dirty || wasDirty;
      throw err instanceof StoreError ? err : unconfirmed(err);
    }
  }

  /** Forgets everything: the next reads build again from a horizon taken before them. */
  private reset(horizon: bigint): void {
    this.horizon = horizon;
    this.generation += 1;
    this.seen.clear();
    this.plans = null;
    this.links = null;
    this.models.clear();
    this.replayFrom.clear();
    this.profiles.clear();
    this.conversations.clear();
    this.choices.clear();
  }

  private async apply(changes: ModelChange[]): Promise<void> {
    const items = new Map<number, Set<string>>();
    const lists = new Set<number>();
    for (const c of changes) {
      if (c.what === 'plans' || c.what === 'links') {
        this.generation += 1;
        if (c.what === 'plans') this.plans = null;
        else this.links = null;
      } else if (c.what === 'profile') this.profiles.drop(c.recId);
      else if (c.what === 'conversation') this.conversations.drop(c.recId);
      else if (c.what === 'choice') this.choices.drop(c.recId);
      else if (c.planId === null || !this.models.has(c.planId)) continue;
      else if (c.what === 'rebuild') {
        this.models.delete(c.planId);
        this.replayFrom.delete(c.planId);
      } else if (c.what === 'item' && c.recId) items.set(c.planId, (items.get(c.planId) ?? new Set()).add(c.recId));
      else lists.add(c.planId);
    }
    for (const [planId, ids] of items) {
      const model = this.models.get(planId);
      if (!model) continue;
      try {
        const loaded = await loadRecommendations(this.db, planId, [...ids]);
        const found = new Set(loaded.map((r) => r.id));
        for (const rec of loaded) model.put(rec, { owned: true });
        for (const id of ids) if (!found.has(id)) model.remove(id);
      } catch (err) {
        // Half-applied is not current: the plan builds afresh on its next read.
        this.models.delete(planId);
        throw err;
      }
    }
    for (const planId of lists) {
      const model = this.models.get(planId);
      if (!model) continue;
      try {
        const names = await this.names(planId);
        model.themes = names.themes;
        model.owners = names.owners;
      } catch (err) {
        this.models.delete(planId);
        throw err;
      }
    }
  }

  private build(planId: number): Promise<PlanModel> {
    const existing = this.models.get(planId);
    if (existing) return Promise.resolve(existing);
    let pending = this.building.get(planId);
    if (!pending) {
      pending = this.load(planId).finally(() => this.building.delete(planId));
      this.building.set(planId, pending);
    }
    return pending;
  }

  private async load(planId: number): Promise<PlanModel> {
    this.stats.builds += 1;
    // A turn before the first statements too: a server that has just started answers /healthz and its first
    // requests before the plan's list of items is read, not after.
    await eventLoopTurn();
    // Taken before anything is read: whatever commits while the plan loads is replayed by the next check.
    const from = await currentHorizon(this.db);
    const generation = this.generation;
    const names = await this.names(planId);
    await eventLoopTurn();
    const model = new PlanModel(names.themes, names.owners);
    // A batch at a time, and each item taken as loaded (no copy): the build never holds the plan's rows twice.
    await forEachRecommendationBatch(this.db, planId, BUILD_BATCH[this.database.kind], async (recs) => {
      for (const rec of recs) model.put(rec, { owned: true });
      // Requests (and /healthz) are answered between batches, from the tables meanwhile.
      await eventLoopTurn();
    });
    // A reset meanwhile (the change log was pruned past us) makes this build's horizon meaningless.
    if (generation === this.generation && !this.models.has(planId)) {
      this.models.set(planId, model);
      this.replayFrom.set(planId, from);
      // The next request checks, and so replays what this build may have missed.
      this.dirty = true;
    }
    return this.models.get(planId) ?? model;
  }

  private async names(planId: number): Promise<{ themes: string[]; owners: string[] }> {
    const [t, o] = await Promise.all([
      this.db.select({ name: themes.name }).from(themes).where(eq(themes.planId, planId)).orderBy(themes.position),
      this.db.select({ name: owners.name }).from(owners).where(eq(owners.planId, planId)).orderBy(owners.id),
    ]);
    return { themes: t.map((r) => r.name), owners: o.map((r) => r.name) };
  }

  private async loadLinks(): Promise<Map<string, string[]>> {
    const rows = await this.db.select({ id: identityLinks.externalId, owner: identityLinks.ownerName }).from(identityLinks).orderBy(asc(identityLinks.linkedAt), asc(identityLinks.ownerName));
    const links = new Map<string, string[]>();
    for (const r of rows) links.set(r.id, [...(links.get(r.id) ?? []), r.owner]);
    return links;
  }
}

/** The database could not confirm the model: say so, and present nothing from memory as current. */
function unconfirmed(err: unknown): StoreError {
  const error = new StoreError(
    'unavailable',
    'Concerto could not check that its answer is up to date, because its database is not answering just now, so it is not answering from what it last knew. Nothing was saved. Please try again in a moment.',
  );
  (error as { cause?: unknown }).cause = err;
  return error;
}
