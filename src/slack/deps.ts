import type { App } from '@slack/bolt';
import type { Services } from '../app/services.js';
import type { EventLedger, PendingImportStore, PeopleStore } from '../core/ports.js';
import type { ReminderDataStore } from '../store/reminder-data.js';
import type { SlackUserCache } from '../store/slack-user-cache.js';
import type { HomeRefresher } from './home.js';

export type WebClient = App['client'];

/** What the listeners need; built once in app.ts. */
export interface SlackDeps {
  services: Services;
  people: PeopleStore;
  ledger: EventLedger;
  users: SlackUserCache;
  reminders: ReminderDataStore;
  /** Slack user ids (CONCERTO_ADMINS) allowed to assign, add and link. Names are never trusted. */
  admins: string[];
  /** Fails fast on a 429 instead of pausing the client that replies to people (see fail-fast-client.ts). */
  background: WebClient;
  /** App Home refreshes, in the background, once per person per short window. */
  homes: HomeRefresher;
  /** Resolves once the member directory has been read at start-up (true if it ever has been). */
  directoryReady(): Promise<boolean>;
  /** Documents previewed in a DM, waiting for their sender's Import or Cancel. */
  pendingImports: PendingImportStore;
  /** For downloading files people send: the bot token, and the Web API's base URL when it is not Slack's. */
  files: { token: string; apiUrl: string | null };
}
