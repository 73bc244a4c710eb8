import { SlackUserCache, type SlackProfile } from '../slack-user-cache.js';
import type { Db } from '../database.js';
import type { ReadModel } from './read-model.js';

/** Slack profiles for a serving process: a person's profile is read once and kept until the change log says it changed. */
export class ModelSlackUserCache extends SlackUserCache {
  constructor(
    db: Db,
    private readonly model: ReadModel,
  ) {
    super(db);
  }

  override async get(userId: string): Promise<SlackProfile | null> {
    return (await this.model.profiles.get(userId, () => super.get(userId))) as SlackProfile | null;
  }

  override async putMany(profiles: ReadonlyArray<SlackProfile>): Promise<void> {
    try {
      await this.model.written(super.putMany(profiles));
    } finally {
      for (const p of profiles) this.model.profiles.drop(p.userId);
    }
  }
}
