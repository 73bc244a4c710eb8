import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The schema. Changed only through `npm run db:generate` (drizzle-kit), which writes
 * the migrations under db/migrations that start-up applies.
 */

/**
 * One row per plan. The unique key is what makes two processes creating the same plan at once end
 * with one plan and one "exists" (no check-then-insert); a channel is home to at most one plan.
 */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    /** Short, lower case, digits and hyphens: what people type ("concerto-2017"). */
    key: text('key').notNull(),
    title: text('title').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    timeZone: text('time_zone').notNull().default('Europe/London'),
    /** Which bank holidays the plan's reminders skip (core/reminders/bank-holidays.ts). */
    holidays: text('holidays').notNull().default('england-and-wales'),
    /** Slack user ids who administer this plan only (CONCERTO_ADMINS administer every plan). */
    admins: text('admins').array().notNull().default(sql`'{}'::text[]`),
    homeChannel: text('home_channel'),
    digestChannel: text('digest_channel'),
    /** active | archived: an archived plan answers questions and papers but takes no changes and sends nothing. */
    state: text('state').notNull().default('active'),
    /** On: an owner's "complete" is a proposal that a plan admin signs off (or returns). */
    signOff: boolean('sign_off').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('plans_key').on(t.key), uniqueIndex('plans_home_channel').on(t.homeChannel)],
);

/** The plan a person last chose with `use KEY`: where their questions go when nothing else says. */
export const planChoices = pgTable('plan_choices', {
  person: text('person').primaryKey(),
  planId: integer('plan_id')
    .notNull()
    .references(() => plans.id),
  chosenAt: timestamp('chosen_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export const themes = pgTable(
  'themes',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('themes_plan_name').on(t.planId, t.name)],
);

/**
 * One row per recommendation. `delivery_*` mirrors the latest row of `delivery_dates`
 * so that "what's overdue" is one indexed range scan; `delivery_dates` keeps every revision.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    recId: text('rec_id').notNull(),
    /** Sort key that orders 4.10 after 4.9: each id part zero-padded. */
    sortKey: text('sort_key').notNull(),
    themeId: integer('theme_id').notNull().references(() => themes.id),
    text: text('text').notNull(),
    status: text('status').notNull(),
    deliveryText: text('delivery_text').notNull(),
    deliveryStart: date('delivery_start', { mode: 'string' }),
    deliveryEnd: date('delivery_end', { mode: 'string' }),
    deliveryPrecision: text('delivery_precision').notNull(),
    deliveryRevisions: integer('delivery_revisions').notNull().default(0),
    /** The priority the plan gives it, as written ("High", "Priority 1", "Significant"); audit trackers rank their findings so. */
    priority: text('priority'),
    /** What the item waits on, in words ("agreement of new governance framework"), while it waits. */
    waitingOn: text('waiting_on'),
    /** The board that must decide, when one is named. */
    waitingBoard: text('waiting_board'),
    /** A completion proposed by an owner and awaiting an admin's sign-off (plans.sign_off): who, when, the evidence. */
    proposedBy: text('proposed_by'),
    proposedById: text('proposed_by_id'),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'string' }),
    proposalEvidence: text('proposal_evidence'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.recId] }),
    index('recommendations_theme').on(t.planId, t.themeId),
    index('recommendations_status').on(t.planId, t.status),
    // Only open items can be late: a partial index keeps the overdue/due scans small.
    index('recommendations_open_by_end')
      .on(t.planId, t.deliveryEnd)
      .where(sql`status not in ('complete', 'not_being_implemented')`),
  ],
);

/** The boards a plan reports to (SAS, JCOB): names upper case, unique within the plan. */
export const boards = pgTable(
  'boards',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('boards_plan_name').on(t.planId, t.name)],
);

/** A board's meetings, one per day, each with the day its papers are due. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id),
    date: date('date', { mode: 'string' }).notNull(),
    papersBy: date('papers_by', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('meetings_board_date').on(t.boardId, t.date), index('meetings_plan_date').on(t.planId, t.date)],
);

/**
 * The decision log. Append-only (migration 0009's trigger): a correction is a new row that
 * supersedes the old one. Each affected item's audit trail carries the decision too.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    boardId: integer('board_id')
      .notNull()
      .references(() => boards.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    affects: text('affects').array().notNull().default(sql`'{}'::text[]`),
    supersedes: bigint('supersedes', { mode: 'number' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    actorId: text('actor_id'),
    source: text('source').notNull(),
  },
  (t) => [index('decisions_plan_day').on(t.planId, t.decidedOn), uniqueIndex('decisions_supersedes').on(t.supersedes)],
);

/** Every delivery date an item has had; seq 0 is the baseline. Never updated, only appended. */
export const deliveryDates = pgTable(
  'delivery_dates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id').notNull(),
    recId: text('rec_id').notNull(),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    start: date('start', { mode: 'string' }),
    end: date('end', { mode: 'string' }),
    precision: text('precision').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('delivery_dates_rec_seq').on(t.planId, t.recId, t.seq)],
);

export const owners = pgTable(
  'owners',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [uniqueIndex('owners_plan_name').on(t.planId, t.name)],
);

export const recommendationOwners = pgTable(
  'recommendation_owners',
  {
    planId: integer('plan_id').notNull(),
    recId: text('rec_id').notNull(),
    ownerId: integer('owner_id').notNull().references(() => owners.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.recId, t.ownerId] }),
    index('recommendation_owners_owner').on(t.ownerId),
  ],
);

export const updates = pgTable(
  'updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id').notNull(),
    recId: text('rec_id').notNull(),
    /** Position in the item's log as the plan lists it (the seed's order, then arrival order). */
    seq: integer('seq').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    author: text('author'),
    text: text('text').notNull(),
    evidence: text('evidence'),
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('updates_rec_seq').on(t.planId, t.recId, t.seq),
    index('updates_date').on(t.planId, t.date),
    // Lists show each item's latest update (DISTINCT ON in this order): read from the index, no sort.
    index('updates_latest').on(t.planId, t.recId, t.date.desc(), t.seq.desc()),
  ],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id').notNull(),
    recId: text('rec_id'),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actor: text('actor').notNull(),
    /** The Slack user id behind `actor` (a name people choose, so never proof of who it was); null for the terminal and imports. */
    actorId: text('actor_id'),
    source: text('source').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_events_rec').on(t.planId, t.recId, t.id), index('audit_events_at').on(t.planId, t.at)],
);

/** A multi-turn exchange waiting for its next answer, keyed by who and where. */
export const conversations = pgTable(
  'conversations',
  {
    key: text('key').primaryKey(),
    state: jsonb('state').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('conversations_expires').on(t.expiresAt)],
);

/** Which outside identities (Slack user ids) speak for which plan owners; a role can have many members. */
export const identityLinks = pgTable(
  'identity_links',
  {
    externalId: text('external_id').notNull(),
    ownerName: text('owner_name').notNull(),
    /** True when linked automatically because the Slack name matched the owner exactly. */
    auto: boolean('auto').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.externalId, t.ownerName] }), index('identity_links_owner').on(t.ownerName)],
);

/** Slack profiles as last read from users.info or users.list, shared by every instance. */
export const slackUsers = pgTable(
  'slack_users',
  {
    userId: text('user_id').primaryKey(),
    realName: text('real_name'),
    /** The full name normalised as owner names are (core/plan/owners.ts), to find who else has it. */
    nameKey: text('name_key'),
    displayName: text('display_name'),
    timeZone: text('time_zone'),
    /** Deactivated members and bots are never linked or nudged. */
    deleted: boolean('deleted').notNull().default(false),
    isBot: boolean('is_bot').notNull().default(false),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('slack_users_name_key').on(t.nameKey)],
);

/** Small facts the instances share, such as when the Slack member directory was last read. */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/** Slack delivers events at least once: the first delivery of an event_id wins, retries are dropped. */
export const processedEvents = pgTable(
  'processed_events',
  {
    eventId: text('event_id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('processed_events_received').on(t.receivedAt)],
);

/**
 * Messages Concerto has decided to send, written in the same transaction as the decision. The
 * unique key (one per item, recipient, kind and day) is what makes every message go out once,
 * however many schedulers run. A dispatcher moves rows from pending to sent, dead or unknown.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    /** The plan a nudge or digest is about; null for messages about no plan. */
    planId: integer('plan_id'),
    kind: text('kind').notNull(),
    item: text('item'),
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending → sending → sent | dead | unknown; pending again after a rate limit or a server error. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'string' }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
    slackTs: text('slack_ts'),
  },
  (t) => [
    uniqueIndex('outbox_key').on(t.key),
    index('outbox_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('outbox_recipient_sent').on(t.recipient, t.sentAt),
  ],
);

/** A person's snooze or mute for one item's nudges. */
export const nudgePreferences = pgTable(
  'nudge_preferences',
  {
    planId: integer('plan_id').notNull(),
    item: text('item').notNull(),
    recipient: text('recipient').notNull(),
    snoozedUntil: date('snoozed_until', { mode: 'string' }),
    muted: boolean('muted').notNull().default(false),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.item, t.recipient] })],
);

/**
 * A document read and previewed in Slack, waiting for its Import or Cancel: the plan as read is kept
 * here (not in the button, nor in one process's memory) so whichever instance gets the press imports
 * exactly what the admin saw.
 */
export const pendingImports = pgTable(
  'pending_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The Slack user who sent the file: the only one whose press counts. */
    userId: text('user_id').notNull(),
    planKey: text('plan_key').notNull(),
    /** Whether the plan is to be created (the preview said "a new plan"). */
    createsPlan: boolean('creates_plan').notNull(),
    fileName: text('file_name').notNull(),
    plan: jsonb('plan').notNull(),
    /** pending → imported | cancelled (an expired row stays pending and is refused by its expiry). */
    state: text('state').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('pending_imports_expires').on(t.expiresAt)],
);

/** A transaction id (PostgreSQL's 64-bit xid8): what orders the change log below against the snapshots that read it. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * What changed, by which transaction: written only by the statement-level triggers of migration 0012
 * on the tables the in-memory read model mirrors (items, their owners, dates and updates, themes,
 * owners, plans, people links; and, by migration 0013, Slack profiles, pending conversations and plan choices), so a
 * change made any way at all — a store write, an import by another process, an operator's SQL — is seen.
 * `what` is 'item' (rec_id names it), 'themes', 'owners', 'plans', 'links', 'rebuild' (a rename: reload
 * the plan), 'profile' (rec_id is the Slack user id), 'conversation' (rec_id is its key) or 'choice' (rec_id is the person). Read by store/read-model/change-log.ts; rows older
 * than a day are pruned, and a model whose horizon is older than what was pruned rebuilds.
 */
export const modelChanges = pgTable(
  'model_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    planId: integer('plan_id'),
    recId: text('rec_id'),
    what: text('what').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('model_changes_tx').on(t.tx), index('model_changes_at').on(t.at)],
);
