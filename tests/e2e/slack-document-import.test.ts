import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_MINUTES } from '../../src/app/chat-import.js';
import { fixedClock } from '../../src/clock.js';
import { ACTION } from '../../src/slack/ids.js';
import { queryRows } from '../../src/store/query-rows.js';
import type { FakeCall, HostedFile } from '../helpers/fake-slack.js';
import { seedDocx, trackerXlsx } from '../helpers/plan-documents.js';
import type { CheckFileInfo } from '../helpers/slack-requests.js';
import { ALICE, allText, BOB, buttons, NOW, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * A plan admin sends the bot a document in its DM; the bot downloads it with its token, replies with the
 * preview and Import / Cancel, and writes only when the same admin presses Import in time. Through the
 * real Bolt receiver, signed requests and the strict fake Slack (which serves the file only to a bearer
 * token, as files.slack.com does).
 */

const DM_ALICE = 'D0ALICE01';
const DM_BOB = 'D0BOB0001';
let t: TestApp;
let seed: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  seed = await seedDocx();
});
afterAll(async () => t?.stop());
beforeEach(() => {
  (t.services as { clock: unknown }).clock = fixedClock(new Date(NOW));
});

/** What the database holds: plans, items, updates and audit events, for "nothing was written". */
async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    t.services.database.db,
    sql`select (select count(*)::int from plans) as plans, (select count(*)::int from recommendations) as items, (select count(*)::int from updates) as updates, (select count(*)::int from audit_events) as events`,
  );
  return row!;
}

/** Sends `files` to the bot in `channel` as `user`, with `text`; returns the bot's posts in that DM. */
async function send(user: string, channel: string, files: Array<HostedFile | CheckFileInfo>, text = ''): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  await t.client.event(t.client.fileShare({ user, channel, text, files }));
  const mine = (c: FakeCall) => c.body.channel === channel && t.fake.calls.indexOf(c) >= from;
  await t.fake.waitFor('chat.postMessage', mine, 15_000);
  await settle(t.fake, 200);
  return t.fake.callsTo('chat.postMessage').filter(mine);
}

const host = (name: string, bytes: Buffer, user = ALICE, extra: { size?: number } = {}) => t.fake.hostFile({ name, bytes, user, ...extra });

/** Presses a preview's button as `user`; returns what the app sent to the response_url. */
async function press(user: string, preview: FakeCall, action: string, urlId: string): Promise<Record<string, any>> {
  const button = buttons(preview.body.blocks).find((b) => b.action_id === action)!;
  expect(button, `${action} button`).toBeDefined();
  const url = t.fake.responseUrl(urlId);
  const click = await t.client.interaction(
    t.client.blockAction({ user, action_id: action, value: button.value, channel: preview.body.channel, response_url: url, message_ts: preview.response?.ts, message: { text: preview.body.text, blocks: preview.body.blocks } }),
  );
  expect(click).toMatchObject({ acked: true, status: 200 });
  await t.fake.waitFor('response_url', (c) => c.id === urlId, 15_000);
  return t.fake.responses(urlId).at(-1)!;
}

describe('a plan admin sends a Word document in the DM', () => {
  let preview: FakeCall;
  let before: Awaited<ReturnType<typeof counts>>;

  it('gets the preview: the table and why, the columns, the counts, where it would go, and Import / Cancel — nothing written', async () => {
    before = await counts();
    const file = host('BCH action plan.docx', seed);
    const posts = await send(ALICE, DM_ALICE, [file], 'into word-2017');
    expect(posts).toHaveLength(1);
    preview = posts[0]!;
    const said = allText(preview.body);
    expect(preview.body.text).toBe('BCH action plan.docx: 30 items read, to import into a new plan word-2017, “Concerto Action Plan”.');
    expect(said).toContain('the only table with a recommendation-number column and 30 numbered rows');
    expect(said).toMatch(/id ← "Recommendation No" \(column 1\)/);
    expect(said).toContain('30 items, 10 themes, 14 owners.');
    expect(said).toContain('9.2.2');
    expect(buttons(preview.body.blocks).map((b) => [b.action_id, b.text])).toEqual([
      [ACTION.importConfirm, 'Import'],
      [ACTION.importCancel, 'Cancel'],
    ]);
    // Downloaded once, with the bot token; nothing in the plan written.
    const downloads = t.fake.callsTo('file_download');
    expect(downloads.map((c) => [c.id, c.token, c.status])).toEqual([[file.id, 'xoxb-test', 200]]);
    expect(await counts()).toEqual(before);
  });

  it("someone else's press on Import writes nothing and is told, privately, that only the sender can import", async () => {
    const answer = await press(BOB, preview, ACTION.importConfirm, 'bob-presses-import');
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer.text).toBe('Only the person who sent BCH action plan.docx can import it or cancel it. To import it yourself, send me the file.');
    expect(await counts()).toEqual(before);
  });

  it('Import by the admin who sent it creates the plan with all 30 items, and the buttons give way to what was done', async () => {
    const answer = await press(ALICE, preview, ACTION.importConfirm, 'alice-imports');
    expect(answer.replace_original).toBe(true);
    expect(buttons(answer.blocks)).toEqual([]);
    expect(answer.text).toBe('Imported BCH action plan.docx into a new plan `word-2017`, “Concerto Action Plan”: 30 new, 0 changed, 0 unchanged, 32 updates added. Try `status 1.1 in word-2017`.');
    const plan = (await t.services.plans.get('word-2017'))!;
    expect(plan).toMatchObject({ key: 'word-2017', title: 'Concerto Action Plan', state: 'active' });
    const stored = (await t.services.plans.store(plan).exportPlan())!;
    expect(stored.recommendations).toHaveLength(30);
    expect(stored.recommendations.find((r) => r.id === '9.2.2')!.owners).toEqual(stored.recommendations.find((r) => r.id === '9.2.1')!.owners);
    // The import is in the plan's trail: who (the Slack user id behind the name), through which door, from which file.
    const [imported] = await queryRows<{ actor: string; actor_id: string; source: string; after: Record<string, unknown> }>(
      t.services.database.db,
      sql`select actor, actor_id, source, after from audit_events where plan_id = ${plan.id} and action = 'plan_imported'`,
    );
    expect(imported).toMatchObject({ actor_id: ALICE, source: 'import', after: { file: 'BCH action plan.docx', added: 30 } });
  });

  it('a second press on Import does nothing more', async () => {
    const after = await counts();
    const answer = await press(ALICE, preview, ACTION.importConfirm, 'alice-imports-again');
    expect(answer.text).toBe('BCH action plan.docx has already been imported; nothing more was done.');
    expect(await counts()).toEqual(after);
  });

  it('sent again into the same plan, the preview says nothing is new or changed', async () => {
    const [again] = await send(ALICE, DM_ALICE, [host('BCH action plan.docx', seed)], 'into word-2017');
    expect(again!.body.text).toBe('BCH action plan.docx: 30 items read, to import into word-2017: 0 new, 0 changed (kept as audited changes), 30 unchanged; nothing is deleted.');
  });
});

describe('Cancel, expiry and refusals write nothing', () => {
  it('Cancel writes nothing, and Import after it is refused', async () => {
    const [preview] = await send(ALICE, DM_ALICE, [host('tracker.xlsx', await trackerXlsx())], 'into tracker-2017');
    expect(preview!.body.text).toBe('tracker.xlsx: 30 items read, to import into a new plan tracker-2017, “BCH Collaboration – Action Plan Tracker”.');
    const before = await counts();
    const cancelled = await press(ALICE, preview!, ACTION.importCancel, 'alice-cancels');
    expect(cancelled.text).toBe('Cancelled: nothing from tracker.xlsx was imported.');
    expect(buttons(cancelled.blocks)).toEqual([]);
    const late = await press(ALICE, preview!, ACTION.importConfirm, 'alice-imports-cancelled');
    expect(late.text).toBe('The import of tracker.xlsx was cancelled, so nothing was imported. Send the file again to import it.');
    expect(await counts()).toEqual(before);
    expect(await t.services.plans.get('tracker-2017')).toBeNull();
  });

  it(`Import pressed more than ${PREVIEW_MINUTES} minutes after the preview is refused`, async () => {
    const [preview] = await send(ALICE, DM_ALICE, [host('tracker.xlsx', await trackerXlsx())], 'into tracker-2017');
    const before = await counts();
    (t.services as { clock: unknown }).clock = fixedClock(new Date(Date.parse(NOW) + (PREVIEW_MINUTES + 1) * 60_000));
    const answer = await press(ALICE, preview!, ACTION.importConfirm, 'alice-imports-late');
    expect(answer.text).toBe(`This preview of tracker.xlsx expired after ${PREVIEW_MINUTES} minutes, so nothing was imported: the plan may have changed since. Send the file again for a fresh preview.`);
    expect(await counts()).toEqual(before);
  });

  it('the preview is kept in the database: after a restart (or on another instance) Import still imports it', async () => {
    const [preview] = await send(ALICE, DM_ALICE, [host('tracker.xlsx', await trackerXlsx())], 'into restart-2017');
    await t.restart();
    const answer = await press(ALICE, preview!, ACTION.importConfirm, 'alice-imports-after-restart');
    expect(answer.text).toMatch(/^Imported tracker\.xlsx into a new plan `restart-2017`, “BCH Collaboration – Action Plan Tracker”: 30 new/);
    expect((await t.services.plans.get('restart-2017'))?.title).toBe('BCH Collaboration – Action Plan Tracker');
  });

  it('a non-admin sending a document is told who can import, and the file is never downloaded', async () => {
    const before = await counts();
    const downloads = t.fake.callsTo('file_download').length;
    const [reply] = await send(BOB, DM_BOB, [host('plan.docx', seed, BOB)]);
    expect(reply!.body.text).toBe("Only admins can import a plan from a document: <@UALICE>, or a plan's own admins for their plan. Nothing was read or imported; send the file to one of them.");
    expect(t.fake.callsTo('file_download')).toHaveLength(downloads);
    expect(await counts()).toEqual(before);
  });

  it('a plan admin may import into their own plan, but not create one', async () => {
    await t.services.plans.update((await t.services.plans.get('word-2017'))!.id, { admins: [BOB] }, { actor: 'test', source: 'cli', at: NOW });
    const [own] = await send(BOB, DM_BOB, [host('plan.docx', seed, BOB)], 'into word-2017');
    expect(buttons(own!.body.blocks).map((b) => b.action_id)).toEqual([ACTION.importConfirm, ACTION.importCancel]);
    const [other] = await send(BOB, DM_BOB, [host('plan.docx', seed, BOB)], 'into brand-new-2018');
    expect(other!.body.text).toBe('Only an admin named in CONCERTO_ADMINS can create a plan from a document, so nothing was imported. <@UALICE> can import it; send it to one of them.');
  });

  it('a damaged document gets one sentence and nothing written', async () => {
    const before = await counts();
    const [reply] = await send(ALICE, DM_ALICE, [host('broken.docx', Buffer.from('this is not a Word document at all'))]);
    expect(reply!.body.text).toMatch(/^broken\.docx .*\. Nothing was imported\.$/);
    expect(buttons(reply!.body.blocks)).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('a file over the size limit is refused from its size, before it is downloaded', async () => {
    const downloads = t.fake.callsTo('file_download').length;
    const [reply] = await send(ALICE, DM_ALICE, [host('huge.xlsx', Buffer.from('x'), ALICE, { size: 50 * 2 ** 20 })]);
    expect(reply!.body.text).toBe("huge.xlsx is 50 MB, over the 20 MB limit on a document Concerto reads. Send the plan's table on its own, or split it.");
    expect(t.fake.callsTo('file_download')).toHaveLength(downloads);
  });

  it('a file Slack sends as "check_file_info" (only its id) is looked up with files.info, then read', async () => {
    const file = host('checked.docx', seed);
    const [reply] = await send(ALICE, DM_ALICE, [{ id: file.id, file_access: 'check_file_info' }], 'into checked-2017');
    expect(t.fake.callsTo('files.info').map((c) => c.body.file)).toContain(file.id);
    expect(reply!.body.text).toBe('checked.docx: 30 items read, to import into a new plan checked-2017, “Concerto Action Plan”.');
  });

  it('`/concerto import` says how to send the document, and to a non-admin who can', async () => {
    const { response_url } = await t.client.command({ user_id: ALICE, text: 'import into audit-2018', channel_id: 'C0GENERAL1' });
    const admin = await t.fake.waitFor('response_url', (c) => t.fake.responseUrl(c.id ?? '') === response_url);
    expect(admin.body.text).toMatch(/^To import a plan, send me its document — Word \(\.docx\), Excel \(\.xlsx\), CSV or a PDF with a table — as a file in a direct message \(my \*Messages\* tab\), with `into audit-2018` as the message\./);
    const bob = await t.client.command({ user_id: 'UCAROL01', text: 'import', channel_id: 'C0GENERAL1' });
    const refused = await t.fake.waitFor('response_url', (c) => t.fake.responseUrl(c.id ?? '') === bob.response_url);
    expect(refused.body.text).toMatch(/^Only admins can import a plan from a document: <@UALICE>/);
  });
});
