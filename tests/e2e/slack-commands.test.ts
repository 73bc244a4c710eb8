import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/ids.js';
import { ALICE, allText, BOB, boldIds, buttons, listedIds, NS, responseTo, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/** `/concerto …` through Bolt's HTTP receiver: acked at once, answered at the response_url. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

/** Runs a command and returns its ack and the answer posted to its response_url. */
async function command(user: string, text: string, channel = 'C1') {
  const started = Date.now();
  const res = await t.client.command({ text, user_id: user, channel_id: channel });
  const ackMs = Date.now() - started;
  const answer = (await responseTo(t.fake, res)).body;
  return { res, ackMs, answer, response_url: res.response_url };
}

const OVERDUE = ['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2'];
const PORTFOLIO_OFFICE = ['1.1', '3.4', '3.6', '4.0.1', '4.0.2', '4.3.2', '4.3.3', '5.1', '5.2', '5.3', '7.1'];
const NOT_LINKED = /^I don't know which plan owner you are\..*ask an admin to `link` you/;

describe('/concerto status 4.2.1', () => {
  it('acks with an empty 200 at once and answers ephemerally with the item, its owners, status and a Share button', async () => {
    const { res, ackMs, answer } = await command(NS, 'status 4.2.1');
    expect(res).toMatchObject({ status: 200, body: '' });
    expect(ackMs).toBeLessThan(3000);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/^4\.2\.1 \(ICT\): A mechanism for capturing and prioritising all current demands/);
    const section = answer.blocks[0].text.text as string;
    expect(section.split('\n').slice(1, 5)).toEqual(['Owners: N. Shackleton', 'Status: On-going', 'Delivery: (no delivery date given)', 'RAG: Green — on track (no delivery date set)']);
    expect(section).toContain('— 20 Jul 2017, N. Shackleton: On the 21st June 2017 an ICT workshop was held');
    expect(buttons(answer.blocks)).toEqual([{ action_id: ACTION.share, text: 'Share in channel', value: JSON.stringify({ q: 'status 4.2.1', p: 0 }) }]);
  });

  it('Share in channel posts the same answer in the channel, says who asked, and deletes the ephemeral one', async () => {
    const { answer } = await command(NS, 'status 4.2.1', 'C42');
    const share = buttons(answer.blocks).find((b) => b.action_id === ACTION.share)!;
    const url = t.fake.responseUrl('share-status');
    const click = await t.client.interaction(t.client.blockAction({ user: NS, action_id: ACTION.share, value: share.value, channel: 'C42', response_url: url }));
    expect(click).toMatchObject({ status: 200, body: '' });

    const posted = (await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C42')).body;
    expect(posted.text).toBe(`<@${NS}> asked: status 4.2.1\n${answer.text}`);
    expect(posted.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `<@${NS}> asked: status 4.2.1` }] });
    expect(posted.blocks[1].text.text).toBe(answer.blocks[0].text.text);
    // Once shared it is no longer offered: the channel copy has no buttons.
    expect(buttons(posted.blocks)).toEqual([]);
    expect((await responseTo(t.fake, url)).body).toEqual({ delete_original: true });
  });

  it('an unknown id says so, with suggestions and no Share button', async () => {
    const { answer } = await command(NS, 'status 4.9.9');
    expect(answer.text).toBe('There is no 4.9.9 in the plan — did you mean 4.0.1, 4.0.2, 4.1.1? Type `list` to see every item.');
    expect(buttons(answer.blocks)).toEqual([]);
  });
});

describe('/concerto overdue and mine', () => {
  it('overdue lists the six items overdue on 4 Oct 2017', async () => {
    const { answer } = await command(BOB, 'overdue');
    expect(answer.text).toBe('Overdue · as at 4 Oct 2017 — 6 items');
    expect(listedIds(answer.blocks[0].text.text)).toEqual(OVERDUE);
    expect(answer.blocks[0].text.text).toContain('• 9.2.1 SAS should simplify the governance structure — PCC’s — September 2017 — On-going — OVERDUE (was due by 30 Sep 2017)');
  });

  it('mine, from a Slack user whose real name is exactly an owner, lists that owner’s items', async () => {
    const { answer } = await command(NS, 'mine');
    expect(answer.text).toBe('Owned by you (N. Shackleton) · as at 4 Oct 2017 — 2 items');
    expect(listedIds(answer.blocks[0].text.text)).toEqual(['4.2.1', '4.2.2']);
  });

  it('mine, from someone linked to nobody, explains how to get linked', async () => {
    const { answer } = await command(BOB, 'mine');
    expect(answer.text).toMatch(NOT_LINKED);
    expect(buttons(answer.blocks)).toEqual([]);
  });
});

describe('/concerto list: more than one page', () => {
  it('shows 20 items and "Show more"; clicking it replaces the message with items 21–30', async () => {
    const { answer } = await command(NS, 'list', 'C7');
    expect(answer.text).toBe('All items · as at 4 Oct 2017 — 30 items');
    expect(answer.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Showing 1–20 of 30' }] });
    const first = boldIds(answer.blocks);
    expect(first).toHaveLength(20);
    expect(first.slice(0, 3)).toEqual(['1.1', '3.4', '3.6']);
    expect(first.at(-1)).toBe('6.2');
    const more = buttons(answer.blocks).find((b) => b.action_id === ACTION.showMore)!;
    expect(more).toEqual({ action_id: ACTION.showMore, text: 'Show more (21–30 of 30)', value: JSON.stringify({ q: 'list', p: 1 }) });

    const url = t.fake.responseUrl('show-more');
    const click = await t.client.interaction(t.client.blockAction({ user: NS, action_id: ACTION.showMore, value: more.value, channel: 'C7', response_url: url }));
    expect(click.status).toBe(200);
    const page2 = (await responseTo(t.fake, url)).body;
    expect(page2.replace_original).toBe(true);
    expect(page2.blocks[1].elements[0].text).toBe('Showing 21–30 of 30');
    const second = boldIds(page2.blocks);
    expect(second).toEqual(['6.3', '7.1', '9.1.1', '9.1.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1']);
    expect(new Set([...first, ...second]).size).toBe(30);
    // The last page offers no further page, but can still be shared.
    expect(buttons(page2.blocks).map((b) => b.action_id)).toEqual([ACTION.share]);
  });
});

describe('/concerto link and unlink (admins only)', () => {
  it('refuses a non-admin and changes nothing', async () => {
    const links = await t.count('identity_links');
    const { answer } = await command(BOB, `link <@${BOB}|bob> "Portfolio Office"`);
    expect(answer.text).toBe('Only an admin listed in CONCERTO_ADMINS can link people (a link holds in every plan); ask one of them.');
    expect(await t.count('identity_links')).toBe(links);
  });

  it('an admin links Bob to Portfolio Office; his "mine" then lists its items; unlink undoes it', async () => {
    const linked = await command(ALICE, `link <@${BOB}|bob> "Portfolio Office"`);
    expect(linked.answer.text).toBe('bob now acts for Portfolio Office: "mine" and reminders will include its items.');
    expect(await (await storeOf(t.services)).owners()).toContain('Portfolio Office');

    const mine = await command(BOB, 'mine');
    expect(mine.answer.text).toBe('Owned by you (Portfolio Office) · as at 4 Oct 2017 — 11 items');
    expect(listedIds(mine.answer.blocks[0].text.text)).toEqual(PORTFOLIO_OFFICE);

    const unlinked = await command(ALICE, `unlink <@${BOB}|bob> "Portfolio Office"`);
    expect(unlinked.answer.text).toBe('bob no longer acts for Portfolio Office.');
    expect((await command(BOB, 'mine')).answer.text).toMatch(NOT_LINKED);
  });

  it('a link without a mention is explained, not attempted', async () => {
    const { answer } = await command(ALICE, 'link bob "Portfolio Office"');
    expect(allText(answer)).toContain('Mention the person and name the owner: `link @alice "Portfolio Office"`');
  });
});
