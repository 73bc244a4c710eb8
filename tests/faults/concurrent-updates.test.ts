import { queryRows } from '../../src/store/query-rows.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import type { Actor } from '../../src/core/ask/actor.js';
import { ask } from '../../src/core/ask/ask.js';
import type { Reply } from '../../src/core/ask/reply.js';
import { canTransition, type Status } from '../../src/core/plan/status.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { StoreError } from '../../src/store/store-error.js';
import { testDatabases } from '../helpers/databases.js';
import { planStore } from '../helpers/plan-stores.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * 200 owners' updates to ONE item, all at once, through the engine every door uses (`ask`, as the
 * Slack listeners and the CLI call it) on the Drizzle stores — with re-datings and status changes
 * of the same item interleaved. Nothing may be lost, doubled or mis-audited.
 */

const REC = '5.2'; // owned by Karen Georgiou and the Portfolio Office; On-going, due "September 2017"
const UPDATES = 200;
const REDATES = 20;
const STATUS_CHANGES = 20;
const SEEDED_AT = '2017-10-04T09:00:00.000Z';
/** Each request happens at its own instant (a second apart), so every audit event can be traced to its request. */
const FIRST_AT = Date.parse('2017-10-04T10:00:00.000Z');

/** Karen by name, and three members of the Portfolio Office role, linked the way Slack links people. */
const PEOPLE = [
  { id: 'UKG', name: 'Karen Georgiou', owner: 'Karen Georgiou' },
  { id: 'UPO1', name: 'Priya Patel', owner: 'Portfolio Office' },
  { id: 'UPO2', name: 'Tom Evans', owner: 'Portfolio Office' },
  { id: 'UPO3', name: 'Grace Okafor', owner: 'Portfolio Office' },
];

type Kind = 'update' | 'redate' | 'status';
interface Request {
  kind: Kind;
  message: string;
  /** The update text or the date phrase. */
  words: string;
  who: (typeof PEOPLE)[number];
  at: string;
}

function requests(): Request[] {
  const list: Array<Omit<Request, 'at'>> = [];
  for (let i = 0; i < UPDATES; i++) {
    const words = `Concurrent update ${String(i + 1).padStart(3, '0')} from the board`;
    list.push({ kind: 'update', message: `update ${REC} ${words}`, words, who: PEOPLE[i % PEOPLE.length]! });
  }
  for (let d = 1; d <= REDATES; d++) {
    const words = `${d} January 2018`;
    list.push({ kind: 'redate', message: `date ${REC} ${words}`, words, who: PEOPLE[d % PEOPLE.length]! });
  }
  for (let s = 0; s < STATUS_CHANGES; s++) {
    const words = s % 2 ? 'on going' : 'awaiting decision';
    list.push({ kind: 'status', message: `status ${REC} ${words}`, words, who: PEOPLE[(s + 1) % PEOPLE.length]! });
  }
  const rand = seededRandom(4221);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list.map((r, i) => ({ ...r, at: new Date(FIRST_AT + i * 1000).toISOString() }));
}

interface UpdateRow { seq: number; text: string; author: string | null; source: string; recorded_at: string | Date }
interface AuditRow { id: number | string; action: string; actor: string; source: string; at: string | Date; before: unknown; after: unknown }
interface DateRow { seq: number; text: string }
interface RecRow { status: string; delivery_text: string; delivery_revisions: number; version: number }

const iso = (v: string | Date) => new Date(v).toISOString();

describe.each(testDatabases)('200 concurrent updates to one recommendation on $name', ({ open }) => {
  let database: Database;
  let people: DrizzlePeopleStore;
  const sent = requests();
  let replies: Reply[] = [];
  let seededUpdates = 0;
  let seededDelivery: unknown;
  const actors = new Map<string, Actor>();
  const turn = (who: string, at: string, key: string) => ({
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    people,
    actor: actors.get(who)!,
    now: new Date(at),
    conversationKey: key,
  });

  beforeAll(async () => {
    database = await open();
    const plans = new DrizzlePlanDirectory(database.db);
    const store = plans.store((await seedBundledPlan(plans, { actor: 'seed', at: SEEDED_AT })).plan);
    people = new DrizzlePeopleStore(database.db);
    for (const p of PEOPLE) await people.link(p.id, p.owner, false, { actor: 'Alice Admin', source: 'slack', at: SEEDED_AT });
    const rec = (await store.get(REC))!;
    expect(rec.owners).toEqual(['Karen Georgiou', 'Portfolio Office']);
    expect(rec.status).toBe('on_going');
    seededUpdates = rec.updates.length;
    seededDelivery = rec.delivery;

    for (const p of PEOPLE) actors.set(p.id, { id: p.id, name: p.name, owns: await people.ownersFor(p.id), admin: false, source: 'slack' });
    // All at once, each turn on fresh store objects as a Slack request or a CLI process would have.
    replies = await Promise.all(sent.map((r, i) => ask(turn(r.who.id, r.at, `slack:${r.who.id}:C${i}`), r.message)));
  });
  afterAll(async () => database?.close());

  it('every one of the 200 updates was answered "recorded"; every re-dating and status change was answered', () => {
    expect(replies).toHaveLength(sent.length);
    sent.forEach((r, i) => {
      const reply = replies[i]!;
      expect(reply.error, `${r.message}: ${reply.text}`).toBeUndefined();
      if (r.kind === 'update') {
        expect(reply.text).toBe(`Recorded your update on ${REC}, dated 4 Oct 2017.`);
        expect(reply.changed).toBe(true);
      } else if (r.kind === 'redate') {
        expect(reply.text.startsWith(`${REC} is now due "${r.words}" → `)).toBe(true);
        expect(reply.changed).toBe(true);
      } else {
        expect(reply.text).toMatch(new RegExp(`^${REC.replace('.', '\\.')}(: .+ → .+\\.| is already .+\\.)$`));
      }
    });
  });

  it('the log holds all 200 texts exactly once, in one gapless sequence, each by the person who sent it', async () => {
    const log = await queryRows<UpdateRow>(database.db, sql`select seq, text, author, source, recorded_at from updates where rec_id = ${REC} order by seq`);
    expect(log.map((u) => u.seq)).toEqual(log.map((_, i) => i));
    expect(log).toHaveLength(seededUpdates + UPDATES);
    const added = log.slice(seededUpdates);
    const byText = new Map(sent.filter((r) => r.kind === 'update').map((r) => [r.words, r]));
    expect(new Set(added.map((u) => u.text)).size).toBe(UPDATES);
    for (const u of added) {
      const r = byText.get(u.text);
      expect(r, `unexpected update "${u.text}"`).toBeDefined();
      expect([u.author, u.source, iso(u.recorded_at)]).toEqual([r!.who.name, 'slack', r!.at]);
    }
  });

  it('every change has exactly its audit event, by its sender at its instant, in the order the changes committed', async () => {
    const trail = await queryRows<AuditRow>(database.db, sql`select id, action, actor, source, at, before, after from audit_events where rec_id = ${REC} order by id`);
    expect(trail[0]!.action).toBe('recommendation_added');
    const events = trail.slice(1);
    const count = (action: string) => events.filter((e) => e.action === action).length;
    expect(count('update_posted')).toBe(UPDATES);
    expect(count('date_revised')).toBe(REDATES);
    expect(count('status_changed')).toBeGreaterThanOrEqual(1);
    expect(count('status_changed')).toBeLessThanOrEqual(STATUS_CHANGES);
    expect(count('update_posted') + count('date_revised') + count('status_changed')).toBe(events.length);

    // Each event traces back to one request: the instant is unique per request, so at + actor + payload must match it.
    const byAt = new Map(sent.map((r) => [r.at, r]));
    const seen = new Set<string>();
    for (const e of events) {
      const r = byAt.get(iso(e.at));
      expect(r, `audit event ${e.id} at ${iso(e.at)} matches no request`).toBeDefined();
      expect(seen.has(r!.at), `two events for the request at ${r!.at}`).toBe(false);
      seen.add(r!.at);
      expect([e.actor, e.source]).toEqual([r!.who.name, 'slack']);
      if (e.action === 'update_posted') expect([r!.kind, (e.after as { text: string }).text]).toEqual(['update', r!.words]);
      if (e.action === 'date_revised') expect([r!.kind, (e.after as { text: string }).text]).toEqual(['redate', r!.words]);
      if (e.action === 'status_changed') expect(r!.kind).toBe('status');
    }

    // The log's order is the audit trail's order: each update's seq was taken under the lock its event committed under.
    const log = await queryRows<UpdateRow>(database.db, sql`select seq, text from updates where rec_id = ${REC} order by seq`);
    expect(events.filter((e) => e.action === 'update_posted').map((e) => (e.after as { text: string }).text)).toEqual(log.slice(seededUpdates).map((u) => u.text));
  });

  it('no write was lost: each status and date change starts from where the previous one left the item, and the item ends at the last', async () => {
    const trail = await queryRows<AuditRow>(database.db, sql`select id, action, before, after from audit_events where rec_id = ${REC} order by id`);
    const chain = (action: string, first: unknown) => {
      const events = trail.filter((e) => e.action === action);
      let previous = first;
      for (const e of events) {
        expect(e.before, `event ${e.id} (${action}) started from a stale value`).toEqual(previous);
        previous = e.after;
      }
      return previous;
    };
    const lastStatus = chain('status_changed', 'on_going');
    const lastDelivery = chain('date_revised', seededDelivery) as { text: string };

    const [rec] = await queryRows<RecRow>(database.db, sql`select status, delivery_text, delivery_revisions, version from recommendations where rec_id = ${REC}`);
    expect(rec!.status).toBe(lastStatus);
    expect(rec!.delivery_text).toBe(lastDelivery.text);
    expect(rec!.delivery_revisions).toBe(REDATES);
    // One version per committed change, each of which carried exactly one event.
    expect(rec!.version).toBe(1 + trail.length - 1);

    const dates = await queryRows<DateRow>(database.db, sql`select seq, text from delivery_dates where rec_id = ${REC} order by seq`);
    expect(dates.map((d) => d.seq)).toEqual(dates.map((_, i) => i));
    expect(dates.map((d) => d.text)).toEqual([
      (seededDelivery as { text: string }).text,
      ...trail.filter((e) => e.action === 'date_revised').map((e) => (e.after as { text: string }).text),
    ]);
  });

  it('the item reads back through the store exactly as the trail says', async () => {
    const store = await planStore(database.db);
    const rec = (await store.get(REC))!;
    const history = await store.history(REC);
    expect(rec.updates).toHaveLength(seededUpdates + UPDATES);
    expect(rec.revisions).toBe(REDATES);
    expect(rec.baseline).toEqual(seededDelivery);
    expect(rec.status).toBe(history.filter((e) => e.action === 'status_changed').at(-1)!.after);
    expect(rec.delivery).toEqual(history.filter((e) => e.action === 'date_revised').at(-1)!.after);
  });

  it('owners closing one item two different ways at once: one wins, the rest are refused, and a closed item never moves but by reopen', async () => {
    const item = '1.1'; // Karen Georgiou and the Portfolio Office; Awaiting decision
    const store = await planStore(database.db);
    const before = (await store.get(item))!;
    expect(before.status).toBe('awaiting_decision');
    const race = Array.from({ length: 12 }, (_, i) => ({
      message: i % 2 ? `status ${item} not being implemented` : `complete ${item} evidence ${i}`,
      who: PEOPLE[i % PEOPLE.length]!.id,
      at: new Date(FIRST_AT + 3_600_000 + i * 1000).toISOString(),
    }));
    const settled = await Promise.allSettled(race.map((r, i) => ask(turn(r.who, r.at, `slack:${r.who}:R${i}`), r.message)));

    const after = (await store.get(item))!;
    expect(['complete', 'not_being_implemented']).toContain(after.status);
    const moves = (await store.history(item)).filter((e) => e.action === 'status_changed');
    expect(moves.map((e) => [e.before, e.after])).toEqual([['awaiting_decision', after.status]]);

    let completions = 0;
    settled.forEach((s, i) => {
      if (s.status === 'rejected') {
        // Checked against a stale read, refused under the lock: the person is told to look again; nothing was written.
        expect(s.reason).toBeInstanceOf(StoreError);
        expect((s.reason as StoreError).code).toBe('conflict');
        expect((s.reason as StoreError).message).toMatch(/^1\.1 was changed a moment ago and is now (Complete|Not being implemented), so it cannot become (Complete|Not being implemented); nothing was saved\./);
        return;
      }
      const reply = s.value;
      if (reply.error) {
        // The same refusal under the lock, answered as a sentence by ask() rather than thrown.
        expect(reply.text, race[i]!.message).toMatch(/^1\.1 was changed a moment ago and is now (Complete|Not being implemented), so it cannot become (Complete|Not being implemented); nothing was saved\./);
        return;
      }
      if (!reply.changed) {
        expect(reply.text, race[i]!.message).toMatch(/^1\.1 is (already complete|already not being implemented|complete;|not being implemented;)/);
        return;
      }
      // Every "done" the owners were told agrees with where the item ended.
      expect(reply.items[0]!.status, `${race[i]!.message}: ${reply.text}`).toBe(after.status);
      if (race[i]!.message.startsWith('complete')) completions++;
    });
    expect(after.updates).toHaveLength(before.updates.length + completions);
  });

  it('every status move in the whole trail is one the board allows', async () => {
    const moves = await queryRows<AuditRow>(database.db, sql`select id, before, after from audit_events where action = 'status_changed' order by id`);
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(canTransition(m.before as Status, m.after as Status), `event ${m.id}: ${String(m.before)} → ${String(m.after)}`).toBe(true);
  });
});
