import { queryRows } from '../../src/store/query-rows.js';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { BUNDLED_PLAN } from '../../src/app/plan-loading.js';
import { ask } from '../../src/core/ask/ask.js';
import type { Actor } from '../../src/core/ask/actor.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { Reply } from '../../src/core/ask/reply.js';
import type { PlanFile } from '../../src/core/plan/plan-file.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { seedBundled } from './plan-stores.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import type { PlanStore } from '../../src/core/ports.js';

/** When the bundled plan is seeded in every ask suite. */
export const SEEDED_AT = '2017-10-04T09:00:00.000Z';
/** The instant every turn happens at unless a test says otherwise. */
export const DEFAULT_NOW = '2017-10-04T10:00:00Z';

/** The bundled plan file exactly as it is on disk (not through the app's own reader). */
export function bundledPlanFile(): PlanFile {
  return JSON.parse(readFileSync(BUNDLED_PLAN, 'utf8')) as PlanFile;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Someone who answers for one plan owner (a person or a role) under that exact name. */
export function owner(name: string, owns: string[] = [name]): Actor {
  return { id: `owner-${slug(name)}`, name, owns, admin: false, source: 'cli' };
}

export function admin(name = 'Admin User'): Actor {
  return { id: `admin-${slug(name)}`, name, owns: [], admin: true, source: 'cli' };
}

/** Someone linked to no owner and not an admin: can read, cannot change. */
export function stranger(name = 'Stranger Danger'): Actor {
  return { id: `stranger-${slug(name)}`, name, owns: [], admin: false, source: 'cli' };
}

export interface TalkOptions {
  actor?: Actor;
  /** An ISO instant (or a Date). */
  now?: string | Date;
  timeZone?: string;
  /** Overrides `test:${actor.id}`. */
  conversationKey?: string;
}

export interface AskHarness {
  database: Database;
  store: PlanStore;
  conversations: DrizzleConversationStore;
  /** One turn: builds a fresh AskContext (new store objects on the same database) and asks. */
  talk(text: string, opts?: TalkOptions): Promise<Reply>;
  /** The context `talk` would use, for tests that call `ask` themselves. */
  context(opts?: TalkOptions): AskContext;
  /** The actor used when a call gives none. */
  actor: Actor;
  /** Row count of a table, for "nothing was written" checks. */
  count(table: 'updates' | 'audit_events' | 'delivery_dates' | 'recommendations' | 'conversations' | 'owners' | 'themes'): Promise<number>;
  close(): Promise<void>;
}

/**
 * An in-memory PGlite database with the bundled plan seeded at SEEDED_AT, and a `talk` function
 * that runs one turn of the conversation engine.
 */
export async function openAsk(defaults: { actor?: Actor; now?: string } = {}): Promise<AskHarness> {
  const database = await openDatabase({ memory: true });
  await migrate(database);
  const store = await seedBundled(database.db, SEEDED_AT);
  const conversations = new DrizzleConversationStore(database.db);
  const defaultActor = defaults.actor ?? admin();
  const defaultNow = defaults.now ?? DEFAULT_NOW;

  const context = (opts: TalkOptions = {}): AskContext => {
    const actor = opts.actor ?? defaultActor;
    const now = opts.now instanceof Date ? opts.now : new Date(opts.now ?? defaultNow);
    return {
      // New objects each turn: nothing may survive between turns except what is in the database.
      plans: new DrizzlePlanDirectory(database.db),
      conversations: new DrizzleConversationStore(database.db),
      actor,
      now,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      conversationKey: opts.conversationKey ?? `test:${actor.id}`,
    };
  };

  return {
    database,
    store,
    conversations,
    actor: defaultActor,
    context,
    talk: (text, opts) => ask(context(opts), text),
    async count(table) {
      const list = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
      return Number(list[0]!.n);
    },
    close: () => database.close(),
  };
}

export const ids = (reply: Reply) => reply.items.map((i) => i.id);
