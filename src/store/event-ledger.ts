import { gte, sql } from 'drizzle-orm';
import type { EventLedger } from '../core/ports.js';
import type { Db } from './database.js';
import { KEEP_EVENTS_MS } from './prune.js';
import { processedEvents } from './schema.js';

/**
 * Slack's deliveries seen, in the database: the first delivery of an event id claims it with one
 * insert, so a redelivery is dropped on any instance sharing the database.
 */
export class DrizzleEventLedger implements EventLedger {
  constructor(private readonly db: Db) {}

  async firstSeen(eventId: string, at: string): Promise<boolean> {
    const inserted = await this.db.insert(processedEvents).values({ eventId, receivedAt: at }).onConflictDoNothing().returning({ eventId: processedEvents.eventId });
    return inserted.length > 0;
  }

  async close(): Promise<void> {}
}

/** Ids written per statement when the ledger catches up after a burst. */
const WRITE_BATCH = 1_000;
/**
 * How long ids wait to be written together. Written at the next turn of the event loop, 50 questions at once
 * made hundreds of one- and two-row inserts, each a statement for the embedded engine to parse and plan (a tenth
 * of a busy server's time, bench/NOTES.md). A tenth of a second gathers a burst into one; a crash inside it can
 * only lose ids Slack would redeliver a minute later at the earliest, handled once more after the restart.
 */
const WRITE_DELAY_MS = 100;

/**
 * The embedded database's ledger. Its data directory is locked to one process, so that process alone
 * receives Slack's events and its memory decides a redelivery exactly, without waiting on the embedded
 * database's one connection (a question is a read, and reads never queue there). The ids are written
 * behind, in order and in batches, and the ids of the last day (what the prune keeps) are read as the
 * server starts, so a redelivery that arrives after a restart is still known.
 */
export class SingleProcessEventLedger implements EventLedger {
  /** Event id → when it was received (ms), oldest first. */
  private readonly seen = new Map<string, number>();
  private pending: Array<{ eventId: string; receivedAt: string }> = [];
  private writing: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** The last day's ids, read once; a delivery that arrives before they are waits for them. */
  private reading: Promise<void> | undefined;
  private read = false;

  private constructor(
    private readonly db: Db,
    private readonly now: Date,
    private readonly onError: (err: unknown, step: 'read' | 'write') => void,
  ) {}

  static open(db: Db, now: Date, onError: (err: unknown, step: 'read' | 'write') => void): SingleProcessEventLedger {
    return new SingleProcessEventLedger(db, now, onError);
  }

  /**
   * Reads the ids of the last day, once: the server starts it as soon as it listens (the first delivery would
   * otherwise). A busy workspace's day is thousands of ids, and reading them before the server listened held
   * its start up by a tenth of a second.
   */
  readSeen(): Promise<void> {
    return (this.reading ??= this.load().finally(() => (this.read = true)));
  }

  private async load(): Promise<void> {
    const since = new Date(this.now.getTime() - KEEP_EVENTS_MS).toISOString();
    try {
      // As one JSON value: read as rows, the embedded engine's protocol took 60–200 ms for 13,000 ids; so, 15–30.
      const [row] = await this.db
        .select({
          ids: sql<Array<[string, number]> | null>`json_agg(json_build_array(${processedEvents.eventId}, (extract(epoch from ${processedEvents.receivedAt}) * 1000)::float8) order by ${processedEvents.receivedAt})`,
        })
        .from(processedEvents)
        .where(gte(processedEvents.receivedAt, since));
      for (const [eventId, at] of row?.ids ?? []) this.seen.set(eventId, Number(at));
    } catch (err) {
      // Memory still drops redeliveries from now on; only one of an event seen before the restart could be handled twice.
      this.onError(err, 'read');
    }
  }

  async firstSeen(eventId: string, at: string): Promise<boolean> {
    if (!this.read) await this.readSeen();
    if (this.seen.has(eventId)) return false;
    const ms = Date.parse(at);
    this.seen.set(eventId, ms);
    this.forgetBefore(ms - KEEP_EVENTS_MS);
    this.pending.push({ eventId, receivedAt: at });
    if (!this.scheduled) {
      this.scheduled = true;
      // Unref'd: a process closing writes what is pending in close(), and the timer never keeps it alive.
      setTimeout(() => void this.writeBehind(), WRITE_DELAY_MS).unref();
    }
    return true;
  }

  /** Waits until every id seen so far is written (or its write has failed and been reported). */
  async close(): Promise<void> {
    await this.reading;
    await this.writeBehind();
  }

  private writeBehind(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      for (let i = 0; i < batch.length; i += WRITE_BATCH) {
        try {
          await this.db.insert(processedEvents).values(batch.slice(i, i + WRITE_BATCH)).onConflictDoNothing();
        } catch (err) {
          // Memory still drops a redelivery to this process; only one after a restart could be handled twice.
          this.onError(err, 'write');
        }
      }
    });
    return this.writing;
  }

  /** Ids older than the prune keeps are forgotten here too; Slack stops redelivering within minutes. */
  private forgetBefore(cutoff: number): void {
    for (const [id, ms] of this.seen) {
      if (ms >= cutoff) break;
      this.seen.delete(id);
    }
  }
}
