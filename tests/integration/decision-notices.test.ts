import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionNoticePayload } from '../../src/core/governance/decision-notice.js';
import type { ChangeMeta, GovernanceStore, PlanInfo, PlanStore } from '../../src/core/ports.js';
import { dispatchOnce, drainOutbox } from '../../src/scheduler/dispatcher.js';
import type { Database } from '../../src/store/database.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { StoreError } from '../../src/store/store-error.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';
import { manualClock, outboxRows, recordingNotifier, secondConnection } from '../helpers/reminders.js';

const SEEDED = '2017-10-04T09:00:00.000Z';
const AT = '2017-10-13T09:00:00.000Z';
const META: ChangeMeta = { actor: 'Alice Admin', actorId: 'U0ALICE01', source: 'slack', at: AT };
const KAREN = 'U0KAREN01';
const PO1 = 'U0PORTF01';
const PO2 = 'U0PORTF02';
const OTHER = 'U0OTHER01';
const FRAMEWORK = { board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'New governance framework agreed', supersedes: null } as const;

/**
 * A recorded decision queues one message per person linked to an owner of an affected item, in the
 * decision's transaction; the dispatcher sends each once, however often it runs and on however many instances.
 */
describe.each(testDatabases)('decision messages on $name', ({ open }) => {
  let database: Database;
  let plan: PlanInfo;
  let store: PlanStore;
  let gov: GovernanceStore;
  const decisionRows = async () => (await outboxRows(database)).filter((r) => r.kind === 'decision_notice');

  beforeAll(async () => {
    database = await open();
    store = await importAs(database.db, bundledPlanInput(), SEEDED);
    const plans = new DrizzlePlanDirectory(database.db);
    plan = (await plans.get('concerto-2017'))!;
    gov = plans.governance(plan);
    const people = new DrizzlePeopleStore(database.db);
    const link = { actor: 'test', source: 'cli' as const, at: SEEDED };
    for (const [id, owner] of [[KAREN, 'Karen Georgiou'], [PO1, 'Portfolio Office'], [PO2, 'Portfolio Office'], [OTHER, 'BCH Chief Constables']] as const) await people.link(id, owner, false, link);
    // The bundled plan may already carry SAS (its governance file); either way there is one.
    await gov.addBoard('SAS', null, META).catch((e: unknown) => {
      if (!(e instanceof StoreError && e.code === 'board_exists')) throw e;
    });
    await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', META);
    for (const id of ['1.1', '3.6', '4.0.1']) {
      await store.change({ ...META, recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });
    }
  });
  afterAll(async () => database?.close());

  it('a decision that fails (an unknown item) queues nothing', async () => {
    await expect(gov.recordDecision({ ...FRAMEWORK, affects: ['1.1', '9.9.9'] }, META)).rejects.toMatchObject({ code: 'not_found' });
    expect(await decisionRows()).toEqual([]);
  });

  it('queues exactly one message per linked person, listing every affected item they own, keyed by decision and person', async () => {
    const d = await gov.recordDecision({ ...FRAMEWORK, affects: ['4.0.1', '1.1', '3.6', '5.2'] }, META);
    const rows = await decisionRows();
    expect(rows.map((r) => [r.key, r.recipient, r.status]).sort()).toEqual(
      [KAREN, PO1, PO2].map((p) => [`concerto-2017/decision:${d.id}:${p}`, p, 'pending']).sort(),
    );
    for (const r of rows) {
      const payload = r.payload as DecisionNoticePayload;
      expect(payload).toMatchObject({ kind: 'decision_notice', plan: { key: 'concerto-2017' }, decision: { id: d.id, board: 'SAS', meetingDate: '2017-10-12', text: 'New governance framework agreed' } });
      expect(payload.items.map((i) => [i.id, i.status])).toEqual([
        ['1.1', 'awaiting_decision'],
        ['3.6', 'awaiting_decision'],
        ['4.0.1', 'awaiting_decision'],
        ['5.2', 'on_going'],
      ]);
      expect(payload.items[0]!.waiting).toEqual({ what: 'agreement of new governance framework', board: 'SAS' });
    }
  });

  it('sends each message once: a second pass, and two dispatchers at once, send nothing twice', async () => {
    const clock = manualClock(AT);
    const notifier = recordingNotifier();
    const outbox = new OutboxStore(database.db);
    const [a, b] = await Promise.all([dispatchOnce(outbox, notifier, clock), dispatchOnce(new OutboxStore(database.db), notifier, clock)]);
    expect(a.sent + b.sent).toBe(3);
    clock.advance(60_000);
    expect((await drainOutbox(outbox, notifier, clock, async (ms) => clock.advance(ms))).sent).toBe(0);
    expect(notifier.sent.map((m) => m.recipient).sort()).toEqual([KAREN, PO1, PO2].sort());
    expect((await decisionRows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('a decision affecting no item, or loaded by an import, queues nothing; each message goes to whoever owns the items', async () => {
    const before = (await decisionRows()).length;
    await gov.recordDecision({ ...FRAMEWORK, text: 'Noted the update', affects: [] }, META);
    await gov.recordDecision({ ...FRAMEWORK, text: 'Benefits realisation reviewed', affects: ['1.1'] }, { ...META, source: 'import' });
    expect((await decisionRows()).length).toBe(before);
    const chiefs = await gov.recordDecision({ ...FRAMEWORK, text: 'Sequencing confirmed', affects: ['4.3.1'] }, META);
    expect((await decisionRows()).filter((r) => r.key.includes(`decision:${chiefs.id}:`)).map((r) => r.recipient)).toEqual([OTHER]);
  });

  it('"Still waiting" pressed by two owners at once records one update; after a status change it records none', async () => {
    const text = "Still waiting on agreement of new governance framework after SAS's decision of 12 Oct 2017.";
    const still = (actor: string) => store.change({ ...META, actor, recId: '3.6', update: { date: '2017-10-13', text, author: actor, evidence: null }, precondition: { status: 'awaiting_decision', withoutUpdate: text } });
    const other = await secondConnection(database);
    const otherStore = other ? new DrizzlePlanDirectory(other.db).store(plan) : store;
    try {
      const racing = [still('Karen Georgiou'), otherStore.change({ ...META, actor: 'Portfolio Office', recId: '3.6', update: { date: '2017-10-13', text, author: 'Portfolio Office', evidence: null }, precondition: { status: 'awaiting_decision', withoutUpdate: text } })];
      const outcomes = await Promise.allSettled(racing);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
      expect((await store.get('3.6'))!.updates.filter((u) => u.text === text)).toHaveLength(1);
    } finally {
      await other?.close();
    }
    await store.change({ ...META, recId: '4.0.1', status: 'on_going' });
    const updates = (await store.get('4.0.1'))!.updates.length;
    await expect(store.change({ ...META, recId: '4.0.1', update: { date: '2017-10-13', text, author: 'x', evidence: null }, precondition: { status: 'awaiting_decision' } })).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.get('4.0.1'))!.updates).toHaveLength(updates);
  });
});
