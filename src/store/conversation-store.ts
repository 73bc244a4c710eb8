import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { ConversationStore } from '../core/ports.js';
import type { Db } from './database.js';
import { conversations } from './schema.js';

/** Pending conversations in the database, so any instance, or the same one after a restart, carries them on. */
export class DrizzleConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async load(key: string, now: string): Promise<unknown | null> {
    const [row] = await this.db
      .select({ state: conversations.state })
      .from(conversations)
      .where(and(eq(conversations.key, key), gt(conversations.expiresAt, now)));
    return row?.state ?? null;
  }

  /** The stored row whatever its expiry (the read model's cache compares the expiry itself). */
  async row(key: string): Promise<{ state: unknown; expiresAt: string } | null> {
    const [row] = await this.db.select({ state: conversations.state, expiresAt: conversations.expiresAt }).from(conversations).where(eq(conversations.key, key));
    return row ?? null;
  }

  /** Every stored row by key, whatever its expiry, or null when there are more than `limit`. */
  async rows(limit: number): Promise<Map<string, { state: unknown; expiresAt: string }> | null> {
    const rows = await this.db.select({ key: conversations.key, state: conversations.state, expiresAt: conversations.expiresAt }).from(conversations).limit(limit + 1);
    return rows.length > limit ? null : new Map(rows.map((r) => [r.key, { state: r.state, expiresAt: r.expiresAt }]));
  }

  async save(key: string, state: unknown, now: string, expiresAt: string): Promise<void> {
    await this.db
      .insert(conversations)
      .values({ key, state, updatedAt: now, expiresAt })
      .onConflictDoUpdate({ target: conversations.key, set: { state, updatedAt: now, expiresAt } });
  }

  async clear(key: string): Promise<void> {
    await this.db.delete(conversations).where(eq(conversations.key, key));
  }

  /** Drops up to `limit` expired conversations (they no longer load anyway); the scheduler's pass calls it. */
  async sweep(now: string, limit: number): Promise<number> {
    const expired = this.db.select({ key: conversations.key }).from(conversations).where(lte(conversations.expiresAt, now)).limit(limit);
    const gone = await this.db.delete(conversations).where(inArray(conversations.key, expired)).returning({ key: conversations.key });
    return gone.length;
  }
}
