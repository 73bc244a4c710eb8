import { eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { slackUsers } from './schema.js';

export interface SlackProfile {
  userId: string;
  realName: string | null;
  displayName: string | null;
  timeZone: string | null;
  fetchedAt: string;
  autoLinkedAt: string | null;
}

/** Slack profiles cached in the database so every instance shares one users.info budget. */
export class SlackUserCache {
  constructor(private readonly db: Db) {}

  async get(userId: string): Promise<SlackProfile | null> {
    const [row] = await this.db.select().from(slackUsers).where(eq(slackUsers.userId, userId));
    return row ?? null;
  }

  async put(profile: Omit<SlackProfile, 'autoLinkedAt'>): Promise<void> {
    const { userId, ...rest } = profile;
    await this.db.insert(slackUsers).values({ userId, ...rest }).onConflictDoUpdate({ target: slackUsers.userId, set: rest });
  }

  async markAutoLinked(userId: string, at: string): Promise<void> {
    await this.db.update(slackUsers).set({ autoLinkedAt: at }).where(eq(slackUsers.userId, userId));
  }
}
