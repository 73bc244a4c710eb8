import { eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Member } from '../core/people/auto-link.js';
import type { Db } from './database.js';
import { appState, slackUsers } from './schema.js';

export interface SlackProfile {
  userId: string;
  realName: string | null;
  /** The full name normalised as owner names are, so members who share it are found by index. */
  nameKey: string | null;
  displayName: string | null;
  timeZone: string | null;
  deleted: boolean;
  isBot: boolean;
  fetchedAt: string;
}

const DIRECTORY_KEY = 'slack_directory';
/** Rows per upsert: 8 parameters each, far inside PostgreSQL's 65,535. */
const ROWS_PER_UPSERT = 1_000;

/**
 * Slack members as last read from users.info or users.list, cached in the database so every
 * instance shares one rate-limit budget and knows which full names are shared.
 */
export class SlackUserCache {
  constructor(private readonly db: Db) {}

  async get(userId: string): Promise<SlackProfile | null> {
    const [row] = await this.db.select().from(slackUsers).where(eq(slackUsers.userId, userId));
    return row ?? null;
  }

  async put(profile: SlackProfile): Promise<void> {
    await this.putMany([profile]);
  }

  /** Full names (else display names) by user id, for the ids known; one query however many. */
  async namesOf(userIds: string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const rows = await this.db
      .select({ id: slackUsers.userId, realName: slackUsers.realName, displayName: slackUsers.displayName })
      .from(slackUsers)
      .where(inArray(slackUsers.userId, userIds));
    return new Map(rows.flatMap((r) => (r.realName || r.displayName ? [[r.id, (r.realName || r.displayName)!] as const] : [])));
  }

  /** Adds or refreshes profiles. */
  async putMany(profiles: ReadonlyArray<SlackProfile>): Promise<void> {
    for (let i = 0; i < profiles.length; i += ROWS_PER_UPSERT) {
      await this.db
        .insert(slackUsers)
        .values(profiles.slice(i, i + ROWS_PER_UPSERT).map((p) => ({ ...p })))
        .onConflictDoUpdate({
          target: slackUsers.userId,
          set: {
            realName: sql`excluded.real_name`,
            nameKey: sql`excluded.name_key`,
            displayName: sql`excluded.display_name`,
            timeZone: sql`excluded.time_zone`,
            deleted: sql`excluded.deleted`,
            isBot: sql`excluded.is_bot`,
            fetchedAt: sql`excluded.fetched_at`,
          },
        });
    }
  }

  /** Every member known, for telling a unique full name from a shared one. */
  async members(): Promise<Member[]> {
    return this.db
      .select({ id: slackUsers.userId, realName: slackUsers.realName, deleted: slackUsers.deleted, isBot: slackUsers.isBot })
      .from(slackUsers)
      .where(isNotNull(slackUsers.realName));
  }

  /** Every member whose full name has this key (see SlackProfile.nameKey). */
  async membersNamed(nameKey: string): Promise<Member[]> {
    return this.db
      .select({ id: slackUsers.userId, realName: slackUsers.realName, deleted: slackUsers.deleted, isBot: slackUsers.isBot })
      .from(slackUsers)
      .where(eq(slackUsers.nameKey, nameKey));
  }

  /** Members who have left or are bots but may still be linked. */
  async inactiveIds(): Promise<string[]> {
    const rows = await this.db.select({ id: slackUsers.userId }).from(slackUsers).where(sql`${slackUsers.deleted} or ${slackUsers.isBot}`);
    return rows.map((r) => r.id);
  }

  /** When the whole member directory (users.list) was last read, or null if never. */
  async directoryReadAt(): Promise<string | null> {
    const [row] = await this.db.select({ at: appState.updatedAt }).from(appState).where(eq(appState.key, DIRECTORY_KEY));
    return row ? new Date(row.at).toISOString() : null;
  }

  async markDirectoryRead(at: string, members: number): Promise<void> {
    await this.db
      .insert(appState)
      .values({ key: DIRECTORY_KEY, value: { members }, updatedAt: at })
      .onConflictDoUpdate({ target: appState.key, set: { value: { members }, updatedAt: at } });
  }
}
