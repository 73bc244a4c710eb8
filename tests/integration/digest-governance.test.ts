import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.js';
import { openReminders, SEEDED_AT, type ReminderHarness } from '../helpers/reminders.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { digestParts } from '../../src/core/reminders/digest-parts.js';
import type { DigestPayload } from '../../src/core/reminders/outbox-message.js';
import { assertMessage } from '../../src/slack/block-kit.js';
import { digestPartMessage, digestSummary } from '../../src/slack/views/digest-message.js';

/**
 * The weekly digest carries the boards' business: items still waiting on a board after it met (not those
 * that began waiting after the meeting, nor those waiting on a board yet to meet), and completions
 * proposed and awaiting sign-off.
 */

const meta = (at: string) => ({ actor: 'Portfolio Office', source: 'cli' as const, at });

describe.each(testDatabases)('the digest and the boards on $name', (target) => {
  let h: ReminderHarness;

  beforeAll(async () => {
    h = await openReminders(target);
    const plans = new DrizzlePlanDirectory(h.database.db);
    const plan = (await plans.get('concerto-2017'))!;
    await plans.update(plan.id, { signOff: true }, meta(SEEDED_AT));
    const gov = plans.governance(plan);
    await gov.addBoard('SAS', null, meta(SEEDED_AT));
    await gov.addBoard('ARC', 'Audit and Risk Committee', meta(SEEDED_AT));
    await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', meta(SEEDED_AT));
    await gov.addMeeting('ARC', '2017-11-30', '2017-11-23', meta(SEEDED_AT));
    const store = plans.store((await plans.get('concerto-2017'))!);
    const waitOn = (board: string) => ({ status: 'awaiting_decision' as const, waiting: { what: 'agreement of new governance framework', board } });
    // Waiting on SAS before it met on 12 Oct: still waiting after it.
    await store.change({ ...meta('2017-10-05T09:00:00.000Z'), recId: '1.1', ...waitOn('SAS') });
    await store.change({ ...meta('2017-10-05T09:00:00.000Z'), recId: '3.6', ...waitOn('SAS') });
    // Began waiting after SAS met: not yet the board's to answer.
    await store.change({ ...meta('2017-10-13T09:00:00.000Z'), recId: '4.0.1', ...waitOn('SAS') });
    // Waiting on a board that has not met yet.
    await store.change({ ...meta('2017-10-05T09:00:00.000Z'), recId: '4.1.1', ...waitOn('ARC') });
    // A completion proposed by its owner.
    await store.change({ ...meta('2017-10-13T09:00:00.000Z'), recId: '4.2.1', proposal: { evidence: 'https://example.org/minutes' } });
    await h.clearOutbox();
  });
  afterAll(async () => h?.close());

  it('lists what still waits after its board met, and proposals awaiting sign-off', async () => {
    await h.tick('2017-10-16T10:00:00Z');
    const digest = (await h.rows()).find((r) => r.kind === 'digest')!;
    expect(digest.payload.stillWaiting.map((i: { id: string }) => i.id)).toEqual(['1.1', '3.6']);
    expect(digest.payload.stillWaiting[0].waiting).toEqual({ what: 'agreement of new governance framework', board: 'SAS' });
    expect(digest.payload.awaitingSignOff.map((i: { id: string }) => i.id)).toEqual(['4.2.1']);
    expect(digest.payload.awaitingSignOff[0].proposal).toMatchObject({ evidence: 'https://example.org/minutes' });

    // As Slack shows it: counts in the summary, the lists in the thread.
    expect(JSON.stringify(assertMessage(digestSummary(digest.payload as DigestPayload)).blocks)).toContain('*2* still waiting after their board met · ✍️ *1* awaiting sign-off');
    const thread = digestParts(digest.key, digest.payload as DigestPayload, '1.0').map((p) => JSON.stringify(assertMessage(digestPartMessage(p.payload)).blocks)).join('');
    expect(thread).toContain('*Still waiting after their board met* (2)');
    expect(thread).toContain('waits on agreement of new governance framework (SAS)');
    expect(thread).toContain('*Proposed complete, awaiting sign-off* (1)');
    expect(thread).toContain('proposed by Portfolio Office');
  });
});
