import type { App } from '@slack/bolt';
import type { Services } from '../app/services.js';
import type { EventLedger, PeopleStore } from '../core/ports.js';
import type { ReminderDataStore } from '../store/reminder-data.js';
import type { SlackUserCache } from '../store/slack-user-cache.js';

/** What the listeners need; built once in app.ts. */
export interface SlackDeps {
  services: Services;
  people: PeopleStore;
  ledger: EventLedger;
  users: SlackUserCache;
  reminders: ReminderDataStore;
  /** Slack user ids (or names) allowed to assign, add and link. */
  admins: string[];
}

export type WebClient = App['client'];
