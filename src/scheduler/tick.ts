import { sql } from 'drizzle-orm';
import { itemView } from '../core/ask/reply.js';
import { decideDigest, digestData } from '../core/reminders/decide-digest.js';
import { decideNudges, type NudgeItem, type Recipient } from '../core/reminders/decide-nudges.js';
import { decideSignOffRequests } from '../core/governance/sign-off-requests.js';
import { stillWaitingAfterMeeting } from '../core/governance/waiting.js';
import type { PlanDirectory, PlanInfo } from '../core/ports.js';
import { DrizzlePlanDirectory } from '../store/plan-directory.js';
import { addDaysIso, localTime } from '../core/reminders/local-time.js';
import type { ReminderSettings } from '../core/reminders/settings.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import type { Database, Db } from '../store/database.js';
import { OutboxStore, type NewOutboxRow } from '../store/outbox-store.js';
import { eventLoopTurn } from '../store/event-loop-turn.js';
import { pruneExpired } from '../store/prune.js';
import { ReminderDataStore } from '../store/reminder-data.js';
import { queryRows } from '../store/query-rows.js';

/** Arbitrary but fixed: one scheduler pass at a time across every instance sharing the database. */
const TICK_LOCK = 7_291_002;

export interface TickMessage {
  kind: string;
  item: string | null;
  to: string;
  key: string;
}

export interface TickResult {
  /** Another instance held the lock; it does this pass's work. */
  skipped: boolean;
  /** Messages decided this pass that were not already in the outbox. */
  messages: TickMessage[];
}

/**
 * One scheduler pass: decide what is due now and write it to the outbox. Reading the plan and
 * deciding take most of a pass over a large plan, so they run before the transaction: on the
 * embedded database (one connection) people's requests interleave with the reads instead of
 * waiting a second behind a transaction. The write is one short transaction under a
 * transaction-scoped advisory lock, and the outbox's unique key makes a second pass — here or on
 * another instance — add nothing. The same pass, under the same lock (so one instance at a time),
 * prunes processed event ids and expired conversations. With dryRun nothing is written or pruned.
 */
export async function runTick(database: Database, now: Date, settings: ReminderSettings, dryRun = false, plans: PlanDirectory = new DrizzlePlanDirectory(database.db)): Promise<TickResult> {
  const rows = await decide(database.db, plans, now, settings);
  return database.db.transaction(async (txAny) => {
    const tx = txAny as unknown as Db;
    const [row] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${TICK_LOCK}) as ok`);
    if (!row?.ok) return { skipped: true, messages: [] };
    const outbox = new OutboxStore(tx);
    if (!dryRun) {
      await pruneExpired(tx, now);
      await outbox.dropArchived();
    }
    if (!rows) return { skipped: false, messages: [] };
    // Keys alone first: a pass that owes nothing new (most passes) sends no payloads.
    const known = await outbox.knownKeys(rows.map((r) => r.key));
    const fresh = rows.filter((r) => !known.has(r.key));
    if (!dryRun) await outbox.enqueue(fresh, now.toISOString());
    return { skipped: false, messages: fresh.map((r) => ({ kind: r.kind, item: r.item, to: r.recipient, key: r.key })) };
  });
}

/**
 * Every message owed now, over every active plan, whether or not it is already queued; null when
 * there is no plan. Each plan keeps its own rhythm: its timezone, its bank holidays, its digest
 * channel (CONCERTO_DIGEST_CHANNEL for plans without one). Keys start with the plan's key, so two
 * plans' nudges about the same item number to the same person are two messages.
 */
async function decide(db: Db, directory: PlanDirectory, now: Date, settings: ReminderSettings): Promise<NewOutboxRow[] | null> {
  const plans = await directory.list();
  if (!plans.length) return null;
  const data = new ReminderDataStore(db);
  const byOwner = await data.recipientsByOwner();
  const rows: NewOutboxRow[] = [];
  for (const [i, plan] of plans.entries()) {
    // Archived plans are read-only: no nudges, no digest.
    if (plan.state !== 'active') continue;
    // The embedded database answers in this thread: a pass over a hundred plans would otherwise hold every
    // request for its whole length (a second, once a minute). Requests are answered between plans.
    if (i > 0) await eventLoopTurn();
    rows.push(...(await decidePlan(db, directory, plan, byOwner, now, { ...settings, holidays: plan.holidays, digestChannel: plan.digestChannel ?? settings.digestChannel })));
  }
  return rows;
}

async function decidePlan(db: Db, directory: PlanDirectory, plan: PlanInfo, byOwner: Map<string, Recipient[]>, now: Date, settings: ReminderSettings): Promise<NewOutboxRow[]> {
  const data = new ReminderDataStore(db);
  const outbox = new OutboxStore(db);
  const all = await directory.store(plan).find({});
  const recipientsOf = (rec: Recommendation) =>
    // Most items have one owner, whose recipients are already distinct (a person is linked to a name once).
    rec.owners.length === 1 ? (byOwner.get(rec.owners[0]!) ?? []) : [...new Map(rec.owners.flatMap((o) => byOwner.get(o) ?? []).map((r) => [r.id, r])).values()];
  const chased = all.map((rec) => ({ rec, recipients: recipientsOf(rec) })).filter((i) => i.recipients.length);
  // Snoozes, mutes and what re-arms them only matter to someone who could be nudged: a plan whose owners
  // nobody has linked (a newly imported one, most of the time) costs a pass no queries.
  const rearmed = chased.length ? await data.rearmedAt(plan.id) : new Map<string, string>();
  const items: NudgeItem[] = chased.map(({ rec, recipients }) => ({ rec, recipients, rearmedAt: rearmed.get(rec.id) ?? null }));
  const nudges = chased.length ? decideNudges({ now, planTimeZone: plan.timeZone, planAsOf: plan.asOf, items, preferences: await data.preferences(plan.id), settings }) : [];
  const today = localTime(now, plan.timeZone).date;
  const about = { key: plan.key, title: plan.title };
  const rows: NewOutboxRow[] = nudges.map((n) => ({
    key: `${plan.key}/${n.key}`,
    planId: plan.id,
    kind: n.kind,
    item: n.item,
    recipient: n.to,
    payload: { kind: n.kind, itemId: n.item, on: n.on },
  }));

  // Proposed completions: the admins' request (if the door that took the proposal could not queue it) and the chase.
  const signOff = decideSignOffRequests({ plan, items: all, everyPlanAdmins: settings.everyPlanAdmins ?? [], now, sendAtMinutes: settings.sendAtMinutes });
  rows.push(...signOff.map((r) => ({ key: r.key, planId: plan.id, kind: r.kind, item: r.item, recipient: r.to, payload: r.payload })));

  const digest = decideDigest(now, plan.timeZone, settings);
  const digestKey = digest ? `${plan.key}/${digest.key}` : null;
  if (digest && digestKey && !(await outbox.knownKeys([digestKey])).has(digestKey)) {
    const since = (await outbox.lastDigestOn(plan.id, digest.to)) ?? addDaysIso(digest.on, -7);
    const completed = await data.completedSince(plan.id, `${since}T00:00:00Z`);
    const d = digestData(all, completed, today, settings);
    const view = (list: Recommendation[]) => list.map((r) => itemView(r, today));
    const meetings = await directory.governance(plan).meetings();
    const stillWaiting = stillWaitingAfterMeeting(all, meetings, await data.waitingSince(plan.id), today).map((w) => w.rec);
    const awaitingSignOff = all.filter((r) => r.proposal);
    rows.push({
      key: digestKey,
      planId: plan.id,
      kind: 'digest',
      item: null,
      recipient: digest.to,
      payload: { kind: 'digest', on: digest.on, planTitle: plan.title, plan: about, overdue: view(d.overdue), dueSoon: view(d.dueSoon), completed: view(d.completed), stillWaiting: view(stillWaiting), awaitingSignOff: view(awaitingSignOff), byStatus: d.byStatus, total: d.total },
    });
  }
  return rows;
}
