import { inArray, lt } from 'drizzle-orm';
import { DrizzleConversationStore } from './conversation-store.js';
import { DrizzlePendingImports } from './pending-imports.js';
import type { Db } from './database.js';
import { processedEvents } from './schema.js';
import { pruneChanges } from './read-model/change-log.js';

/** Slack redelivers an event within minutes; a day of event ids is ample to drop every redelivery. */
export const KEEP_EVENTS_MS = 24 * 3_600_000;
/** Rows deleted per pass: a first pass over a long-grown table stays short, and later passes catch up. */
const PER_PASS = 10_000;

/**
 * Drops what has outlived its use: event ids older than a day (every Slack event, each App Home
 * open included, adds one), conversations past their expiry (they no longer load anyway), and import
 * previews a day past theirs, and the read model's change log a day after it was written.
 */
export async function pruneExpired(db: Db, now: Date, perPass = PER_PASS): Promise<{ events: number; conversations: number; imports: number; changes: number }> {
  const before = new Date(now.getTime() - KEEP_EVENTS_MS).toISOString();
  // Oldest first through the received_at index, at most perPass of them.
  const old = db.select({ id: processedEvents.eventId }).from(processedEvents).where(lt(processedEvents.receivedAt, before)).orderBy(processedEvents.receivedAt).limit(perPass);
  const events = await db.delete(processedEvents).where(inArray(processedEvents.eventId, old)).returning({ id: processedEvents.eventId });
  return {
    events: events.length,
    conversations: await new DrizzleConversationStore(db).sweep(now.toISOString(), perPass),
    imports: await new DrizzlePendingImports(db).sweep(now.toISOString(), perPass),
    // By the database's own clock, not the injected one: the change log is infrastructure, and a day is a day.
    changes: await pruneChanges(db, perPass),
  };
}
