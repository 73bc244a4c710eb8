import type { ConversationStore } from '../../core/ports.js';
import type { DrizzleConversationStore } from '../conversation-store.js';
import type { ReadModel } from './read-model.js';

/** Pending conversations for a serving process: loads come from the read model's cache (kept exact by the change log); saves go to the database. */
export class ModelConversationStore implements ConversationStore {
  constructor(
    private readonly inner: DrizzleConversationStore,
    private readonly model: ReadModel,
  ) {}

  async load(key: string, now: string): Promise<unknown | null> {
    const row = await this.model.conversations.get(key, () => this.inner.row(key));
    return row && Date.parse(row.expiresAt) > Date.parse(now) ? row.state : null;
  }

  async save(key: string, state: unknown, now: string, expiresAt: string): Promise<void> {
    try {
      await this.model.written(this.inner.save(key, state, now, expiresAt));
    } finally {
      this.model.conversations.drop(key);
    }
  }

  async clear(key: string): Promise<void> {
    try {
      await this.model.written(this.inner.clear(key));
    } finally {
      this.model.conversations.drop(key);
    }
  }
}
