import { and, asc, desc, eq, gt, inArray, like, lt, lte, max, sql } from 'drizzle-orm';
import type { PlanDirectory } from '../core/ports.js';
import type { OutboxMessage, QueuedPayload } from '../core/reminders/outbox-message.js';
import { bulkInsert } from './bulk-insert.js';
import type { Db } from './database.js';
import { DrizzlePlanDirectory } from './plan-directory.js';
import { outbox, plans } from './schema.js';
import { queryRows } from './query-rows.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'unknown';

export interface NewOutboxRow {
  key: string;
  /** The plan it is about; a digest's details take their summary's. */
  planId?: number | null;
  kind: string;
  item: string | null;
  recipient: string;
  payload: QueuedPayload;
}


/**
 * How a rate-limited row's last_error begins. While such a row waits for its Retry-After, every
 * dispatcher on every instance sends nothing: the row itself is the pause, so it needs no table of
 * its own and ends by itself when the row is sent, or when its time passes.
 */
const RATE_LIMITED = 'rate limited:';

/** The outbox table: enqueue once per key, claim without two dispatchers taking one row, record outcomes. */
export class OutboxStore {
  constructor(private readonly db: Db) {}

  /** The plans in this outbox's database, read from the tables: what a queued nudge is read against when no read model is given. */
  plans(): PlanDirectory {
    return new DrizzlePlanDirectory(this.db);
  }

  /**
   * Adds messages not already in the outbox (a key seen before is skipped, here or on another instance).
   * One JSON parameter per few thousand rows: a pass over a large plan queues thousands of messages,
   * past PostgreSQL's 65,535 parameters for one VALUES list (the benchmark found this).
   */
  async enqueue(rows: NewOutboxRow[], now: string): Promise<void> {
    await bulkInsert(this.db, outbox, rows.map((r) => ({ ...r, status: 'pending', nextAttemptAt: now, createdAt: now })), { onConflictDoNothing: true });
  }

  /** Which of these keys are in the outbox already: one statement, the keys sent as one JSON array (no parameter per key to build). */
  async knownKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await queryRows<{ key: string }>(this.db, sql`
      select o.key from ${outbox} o join json_array_elements_text(${JSON.stringify(keys)}::text::json) as k(key) on o.key = k.key`);
    return new Set(rows.map((r) => r.key));
  }

  /**
   * Claims due rows, at most one per recipient per call: Slack allows about one message per second
   * per channel, and a recipient who got a message in the last second waits for the next call.
   * FOR UPDATE SKIP LOCKED lets several dispatchers claim side by side without taking the same row.
   * Nothing is claimed while Slack's Retry-After pause is on (see RATE_LIMITED), rows queued since included.
   */
  async claim(now: string, limit: number): Promise<OutboxMessage[]> {
    // The oldest due row of each recipient, so one recipient's backlog never hides everyone else's.
    const list = await queryRows(this.db, sql`
      with firsts as (
        select id from (
          select id, row_number() over (partition by recipient order by id) as rn from ${outbox}
          where status = 'pending' and next_attempt_at <= ${now}
            and not exists (
              select 1 from ${outbox} paused
              where paused.status = 'pending' and paused.next_attempt_at > ${now} and paused.last_error like ${`${RATE_LIMITED}%`}
            )
            and not exists (
              select 1 from ${outbox} recent
              where recent.recipient = ${outbox}.recipient and recent.sent_at > ${now}::timestamptz - interval '1 second'
            )
        ) ranked
        where rn = 1
        order by id
        limit ${limit}
      ),
      locked as (
        select id from ${outbox} where id in (select id from firsts) and status = 'pending' for update skip locked
      )
      update ${outbox} set status = 'sending', claimed_at = ${now}, attempts = attempts + 1
      where id in (select id from locked)
      returning id, key, plan_id, recipient, payload, attempts`);
    return list
      .map((r) => ({ id: Number(r.id), key: String(r.key), planId: r.plan_id == null ? null : Number(r.plan_id), recipient: String(r.recipient), payload: r.payload as QueuedPayload, attempts: Number(r.attempts) }))
      .sort((a, b) => a.id - b.id);
  }

  /**
   * Messages still waiting for a plan archived since they were queued are not sent: they are recorded
   * dead, with the reason, so `concerto outbox` shows what was held back. Returns how many.
   */
  async dropArchived(): Promise<number> {
    const rows = await this.db
      .update(outbox)
      .set({ status: 'dead', lastError: 'not sent: its plan was archived' })
      .where(and(eq(outbox.status, 'pending'), inArray(outbox.planId, this.db.select({ id: plans.id }).from(plans).where(eq(plans.state, 'archived')))))
      .returning({ id: outbox.id });
    return rows.length;
  }

  /** Whether anything is waiting to be sent now (some may be held back by per-recipient pacing, or a rate-limit pause). */
  async hasDue(now: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .limit(1);
    return Boolean(row);
  }

  /** Until when Slack's Retry-After pause holds every send back, or null when it does not. */
  async pausedUntil(now: string): Promise<string | null> {
    const [row] = await this.db
      .select({ until: max(outbox.nextAttemptAt) })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), gt(outbox.nextAttemptAt, now), like(outbox.lastError, `${RATE_LIMITED}%`)));
    return row?.until ? new Date(row.until).toISOString() : null;
  }

  /**
   * Records a row sent, and queues what it brings after it (a digest's details, threaded on it) in
   * the same transaction: they cannot be lost between the two, and their keys never queue them twice.
   */
  async markSent(id: number, ref: string | null, now: string, followUps: NewOutboxRow[] = []): Promise<void> {
    const record = (db: Db) => db.update(outbox).set({ status: 'sent', sentAt: now, slackTs: ref, lastError: null }).where(eq(outbox.id, id));
    if (!followUps.length) return void (await record(this.db));
    await this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      await record(tx);
      const [parent] = await tx.select({ planId: outbox.planId }).from(outbox).where(eq(outbox.id, id));
      await new OutboxStore(tx).enqueue(followUps.map((f) => ({ planId: parent?.planId ?? null, ...f })), now);
    });
  }

  /** Puts a row back for later after a failure (the attempt counts). */
  async retryAt(id: number, at: string, error: string): Promise<void> {
    await this.db.update(outbox).set({ status: 'pending', nextAttemptAt: at, lastError: error }).where(eq(outbox.id, id));
  }

  /**
   * Slack answered 429: the row waits `seconds`, and that wait pauses every send (see RATE_LIMITED).
   * The rest of the pass's claim goes back untouched. A rate limit is Slack pacing us, not a failure,
   * so no attempt counts.
   */
  async rateLimited(id: number, until: string, seconds: number, unsent: number[]): Promise<void> {
    await this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      await tx
        .update(outbox)
        .set({ status: 'pending', nextAttemptAt: until, lastError: `${RATE_LIMITED} retry after ${seconds}s`, attempts: sql`${outbox.attempts} - 1` })
        .where(eq(outbox.id, id));
      await new OutboxStore(tx).release(unsent);
    });
  }

  /** Rows claimed but not sent go back to pending as they were, their attempt given back. */
  async release(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db
      .update(outbox)
      .set({ status: 'pending', attempts: sql`${outbox.attempts} - 1` })
      .where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending')));
  }

  async close(id: number, status: 'dead' | 'unknown', error: string): Promise<void> {
    await this.db.update(outbox).set({ status, lastError: error }).where(eq(outbox.id, id));
  }

  /** Rows left 'sending' by a process that died mid-send may or may not have gone out: mark them unknown. */
  async recoverStuck(claimedBefore: string): Promise<number> {
    const rows = await this.db
      .update(outbox)
      .set({ status: 'unknown', lastError: 'the sender stopped while sending; it may or may not have been posted' })
      .where(and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, claimedBefore)))
      .returning({ id: outbox.id });
    return rows.length;
  }

  async list(status: OutboxStatus | null, limit = 200) {
    return this.db
      .select({
        id: outbox.id,
        key: outbox.key,
        kind: outbox.kind,
        item: outbox.item,
        recipient: outbox.recipient,
        status: outbox.status,
        attempts: outbox.attempts,
        nextAttemptAt: outbox.nextAttemptAt,
        sentAt: outbox.sentAt,
        lastError: outbox.lastError,
      })
      .from(outbox)
      .where(status ? eq(outbox.status, status) : undefined)
      .orderBy(desc(outbox.id))
      .limit(limit);
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status).orderBy(asc(outbox.status));
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  /** The day of a plan's last digest to this channel (several plans may share one channel). */
  async lastDigestOn(planId: number, recipient: string): Promise<string | null> {
    const [row] = await this.db
      .select({ key: outbox.key })
      .from(outbox)
      .where(and(eq(outbox.kind, 'digest'), eq(outbox.recipient, recipient), eq(outbox.planId, planId)))
      .orderBy(desc(outbox.id))
      .limit(1);
    return row ? (row.key.split(':').at(-1) ?? null) : null;
  }
}
