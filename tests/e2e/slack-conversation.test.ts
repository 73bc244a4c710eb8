import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/ids.js';
import { ALICE, allText, BOB, buttons, callAfter, listedIds, NS, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/** DMs, @mentions and App Home: events through the real receiver, replies through chat.postMessage. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

const DM = `D${NS}`;

/** One DM from N. Shackleton and the bot's reply to it. */
async function dm(text: string) {
  const { sent, call } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: NS, text, channel: DM })), (c) => c.body.channel === DM);
  expect(sent).toMatchObject({ status: 200, body: '' });
  return call.body;
}

describe('the update conversation by DM, across a restart', () => {
  it('asks for the text, the status and the date, confirms the reading, and saves; state survives a restart', async () => {
    const before = (await (await storeOf(t.services)).get('4.2.1'))!;

    const start = await dm('update 4.2.1');
    expect(start.text).toBe('Updating 4.2.1: A mechanism for capturing and prioritising all current demands (in advance of a…');
    expect(start.blocks[0].text.text).toContain("What's the update on 4.2.1? Type it as you want it in the log, or `skip` to leave the text out.");

    const status = await dm('Plan circulated');
    expect(status.text).toMatch(/^Status is On-going\. Does it change\? 1\. Awaiting decision {2}2\. Complete {2}3\. Not being implemented — or `no` to keep it\./);
    expect(buttons(status.blocks).map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.choose, 'Awaiting decision'],
      [ACTION.choose, 'Complete'],
      [ACTION.choose, 'Not being implemented'],
      [ACTION.choose, 'No change'],
    ]);

    const date = await dm('no');
    expect(date.text).toMatch(/^Delivery date is \(no delivery date given\)\. Has it moved\? Type the new date/);

    // A deploy between two turns: a new Bolt app on the same database carries the conversation on.
    const oldPort = t.port;
    await t.restart();
    expect(t.port).not.toBe(oldPort);
    expect((await fetch(`http://127.0.0.1:${oldPort}/healthz`).catch(() => null))?.status).not.toBe(200);

    const confirm = await dm('Q1 2018');
    expect(confirm.text).toBe('I read "Q1 2018" as 1 Jan – 31 Mar 2018. Is that right? (`yes` / `no`, or type the date again)');
    expect(buttons(confirm.blocks).map((b) => b.value)).toEqual(['Yes', 'No']);
    // Nothing is written until the last answer.
    expect(await (await storeOf(t.services)).get('4.2.1')).toEqual(before);

    const saved = await dm('yes');
    expect(saved.blocks[0].text.text.split('\n')).toEqual([
      'Saved 4.2.1:',
      '• update recorded, dated 4 Oct 2017',
      '• delivery date (none given) → "Q1 2018" (1 Jan – 31 Mar 2018)',
      '• baseline kept: (no delivery date given)',
    ]);
    const after = (await (await storeOf(t.services)).get('4.2.1'))!;
    expect(after.status).toBe('on_going');
    expect(after.delivery).toMatchObject({ text: 'Q1 2018', start: '2018-01-01', end: '2018-03-31' });
    expect(after.updates.at(-1)).toMatchObject({ text: 'Plan circulated', author: 'N. Shackleton', source: 'slack' });
    expect(await t.count('conversations')).toBe(0);
    // Every reply went to the DM channel, none anywhere else.
    expect(t.fake.callsTo('chat.postMessage').every((c) => c.body.channel === DM)).toBe(true);
  });
});

describe('@mentions in a channel', () => {
  it('a person mentioned in a question is who Slack says they are: the owner they are linked to, whatever their name', async () => {
    // Slack writes a mention in an event as the user id alone ("<@UBOB>"): no name to go by.
    const linked = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: ALICE, text: `link <@${BOB}> "Karen Georgiou"`, channel: `D${ALICE}` })), (c) => c.body.channel === `D${ALICE}`);
    expect(linked.call.body.text).toMatch(/Karen Georgiou/);
    const ask = async (text: string, ts: string) => {
      const mention = t.client.appMention({ user: NS, text: `<@UBOT> ${text}`, channel: 'C7', ts });
      return (await callAfter(t.fake, 'chat.postMessage', () => t.client.event(mention), (c) => c.body.channel === 'C7' && c.body.text !== undefined)).call.body;
    };
    const overdue = await ask(`what's overdue for <@${BOB}>?`, '1700000300.000100');
    expect(overdue.text).toBe('Overdue · owned by Karen Georgiou · as at 4 Oct 2017 — 4 items');
    const said = await ask(`what did <@${BOB}> say this week?`, '1700000301.000100');
    expect(said.text).toMatch(/^No update in concerto-2017 is signed by "Karen Georgiou"|^Updates by Karen Georgiou/);
    // In an update's words a mention is the name Slack shows, not the id the event carries.
    const posted = await dm(`update 4.2.1 Agreed with <@${BOB}> at the SLT`);
    expect(posted.text).toMatch(/^Recorded your update on 4\.2\.1/);
    const text = (await (await storeOf(t.services)).get('4.2.1'))!.updates.at(-1)!.text;
    expect(text).toMatch(/^Agreed with @\S.* at the SLT$/);
    expect(text).not.toContain(BOB);
    // Bob is unlinked again for the App Home cases below.
    const unlinked = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: ALICE, text: `unlink <@${BOB}> "Karen Georgiou"`, channel: `D${ALICE}` })), (c) => c.body.channel === `D${ALICE}`);
    expect(unlinked.call.body.text).toMatch(/Karen Georgiou/);
  });

  it('answers a question in the channel itself, not a thread', async () => {
    const mention = t.client.appMention({ user: BOB, text: "<@UBOT> what's overdue?", channel: 'C9', ts: '1700000100.000100' });
    const { call } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(mention), (c) => c.body.channel === 'C9');
    expect(call.body.thread_ts).toBeUndefined();
    expect(call.body.text).toBe('Overdue · as at 4 Oct 2017 — 6 items');
    expect(listedIds(call.body.blocks[0].text.text)).toEqual(['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2']);
  });

  it('starts a multi-turn update in a thread on the mention, and the next answer in that thread continues it', async () => {
    const ts = '1700000200.000200';
    const mention = t.client.appMention({ user: NS, text: '<@UBOT> update 4.2.1', channel: 'C9', ts });
    const first = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(mention), (c) => c.body.channel === 'C9');
    expect(first.call.body.thread_ts).toBe(ts);
    expect(first.call.body.text).toMatch(/^Updating 4\.2\.1: /);

    const reply = t.client.appMention({ user: NS, text: '<@UBOT> Supplier shortlist agreed', channel: 'C9', ts: '1700000201.000100', thread_ts: ts });
    const second = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(reply), (c) => c.body.channel === 'C9');
    expect(second.call.body.thread_ts).toBe(ts);
    expect(second.call.body.text).toMatch(/^Status is On-going\. Does it change\?/);
    // The exchange is keyed to this thread, and `cancel` in it ends it without saving.
    expect(await t.count('conversations')).toBe(1);
    const cancel = t.client.appMention({ user: NS, text: '<@UBOT> cancel', channel: 'C9', ts: '1700000202.000100', thread_ts: ts });
    await callAfter(t.fake, 'chat.postMessage', () => t.client.event(cancel), (c) => c.body.channel === 'C9');
    expect(await t.count('conversations')).toBe(0);
    expect((await (await storeOf(t.services)).get('4.2.1'))!.updates.map((u) => u.text)).not.toContain('Supplier shortlist agreed');
  });
});

describe('App Home', () => {
  it('publishes the owner’s items with RAG markers and their buttons', async () => {
    const { call } = await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: NS })), (c) => c.body.user_id === NS);
    const view = call.body.view;
    expect(view.type).toBe('home');
    const items = (view.blocks as Array<Record<string, any>>).filter((b) => b.type === 'section' && /^\S+ \*\d/.test(b.text.text)).map((b) => b.text.text as string);
    expect(items.map((s) => s.match(/\*(\S+)\*/)![1])).toEqual(['4.2.1', '4.2.2']);
    for (const s of items) expect(s).toMatch(/^(🔴|🟠|🟢|⚪) \*/);
    expect(items[0]).toMatch(/^🟢 \*4\.2\.1\* .*\nOn-going · Delivery: Q1 2018 · _on track_ · last update 4 Oct 2017$/);
    expect(buttons(view.blocks).filter((b) => b.value === '4.2.1').map((b) => b.action_id)).toEqual([ACTION.openUpdate, ACTION.complete, ACTION.history]);
    expect(allText(view)).toContain('*30 items*, 6 overdue');
  });

  it('explains to someone who is not linked how to get linked, and still shows the plan at a glance', async () => {
    const { call } = await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: BOB })), (c) => c.body.user_id === BOB);
    const text = allText(call.body.view);
    expect(text).toContain("You're not linked to a plan owner yet, so I can't show your items. An admin can link you with `/concerto link @you \"Owner name\"`.");
    expect(buttons(call.body.view.blocks)).toEqual([]);
    expect(text).toContain('*30 items*, 6 overdue');
  });

  it('ignores the Messages tab', async () => {
    const before = t.fake.callsTo('views.publish').length;
    const res = await t.client.event(t.client.appHomeOpened({ user: NS, tab: 'messages' }));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.fake.callsTo('views.publish')).toHaveLength(before);
  });
});
