import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { ACTION } from '../../src/slack/ids.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { allText, blockTexts, buttons, callAfter, listedIds, NOW, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/**
 * Slack as it really behaves (issue 10), through the real Bolt receiver and the fake Slack:
 * names are not identities, edits arrive as new events, DMs come in threads and with subtypes,
 * the bot is not in every channel, and members are deactivated. Timing (acks, 429s) is in
 * slack-real-timing.test.ts.
 */

// ---- the wording these tests expect, loosely: adjust here -----------------------------------------

const SAYS = {
  /** A change refused to someone who does not own the item. */
  notAnOwnerOf11: /Only an owner of 1\.1/,
  /** …because their Slack account is not linked (Concerto goes by account, not name). */
  notLinked: /not linked/i,
  /** `mine` from someone linked to nobody. */
  mineNotLinked: /don't know which plan owner you are|not linked/i,
  /** A non-admin trying to link. */
  onlyAdminsLink: /Only an admin listed in CONCERTO_ADMINS can link/,
  /** The answer to an edited message: edits are not re-read. */
  editsNotReread: /edit/i,
  /** The answer to a file shared in a DM: importing files is coming. */
  fileImport: /^Only admins can import a plan from a document: <@U0ALICE01>, or a plan's own admins for their plan\. Nothing was read or imported/,
  /** Share in a channel the bot is not in: invite it. */
  inviteTheBot: /invite/i,
  /** What must not be said when nothing failed inside Concerto (the could-not-complete apology). */
  couldNotComplete: /nothing was saved/i,
};

// ---- people: realistic Slack ids ---------------------------------------------------------------

const ADMIN = 'U0ALICE01'; // CONCERTO_ADMINS lists this id
const ADMIN_TWIN = 'U0ALICE02'; // a different member whose full name is the admin's
const ADMIN_ID_NAME = 'U0MALLORY'; // a member who set their full name to the admin's user id
const KAREN_1 = 'U0KAREN01'; // two members whose full name is "Karen Georgiou"
const KAREN_2 = 'W0KAREN02'; // (an Enterprise Grid id)
const NS = 'U0NSHACK1'; // the only "N. Shackleton"
const PO_DISPLAY = 'U0PORTOF1'; // display name "Portfolio Office" (a role owner), another full name
const KG_DISPLAY = 'U0KGDISP1'; // display name exactly "Karen Georgiou", another full name
const RW_LEFT = 'U0RWLEFT1'; // "Rachel Wilkinson", deactivated
const RW = 'U0RWILKN1'; // "Rachel Wilkinson", active: the only active one
const ARG_BOT = 'U0ARGBOT1'; // a bot user whose name is "Alison Roome-Gifford"
const PRIYA = 'U0PATEL01';

const ALL_IDS = [ADMIN, ADMIN_TWIN, ADMIN_ID_NAME, KAREN_1, KAREN_2, NS, PO_DISPLAY, KG_DISPLAY, RW_LEFT, RW, ARG_BOT, PRIYA];
for (const id of ALL_IDS) if (!/^[UW][A-Z0-9]+$/.test(id)) throw new Error(`not a Slack user id: ${id}`);

const dmOf = (user: string) => `D0${user.slice(2)}`;

async function command(t: TestApp, user: string, text: string, channel = 'C0GENERAL1') {
  const res = await t.client.command({ text, user_id: user, channel_id: channel });
  expect(res).toMatchObject({ acked: true, status: 200 });
  const answer = (await responseTo(t.fake, res)).body;
  return { res, answer, text: [answer.text ?? '', ...blockTexts(answer.blocks)].join('\n') };
}

/** Sends an event and returns the chat.postMessage calls to `channel` it caused, once the app is quiet for `quietMs`. */
async function postsAfter(t: TestApp, channel: string, send: () => Promise<unknown>, opts: { atLeast?: number; timeoutMs?: number; quietMs?: number } = {}): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  await send();
  const mine = (c: FakeCall) => c.body.channel === channel && t.fake.calls.indexOf(c) >= from;
  if ((opts.atLeast ?? 1) > 0) await t.fake.waitFor('chat.postMessage', mine, opts.timeoutMs ?? 8_000);
  await settle(t.fake, opts.quietMs ?? 300);
  return t.fake.callsTo('chat.postMessage').filter(mine);
}

/** Asks `ask` until `done` holds of its answer (Concerto may act on what Slack says a moment later), or gives up and returns the last. */
async function eventually<T>(ask: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await ask();
  while (!done(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 300));
    last = await ask();
  }
  return last;
}

// ---- 1. identity is the Slack user id ------------------------------------------------------------

describe('identity is the Slack user id, not a name', () => {
  const users: FakeUser[] = [
    { id: ADMIN, name: 'alice', real_name: 'Alice Admin' },
    { id: ADMIN_TWIN, name: 'alice.a', real_name: 'Alice Admin' },
    { id: ADMIN_ID_NAME, name: 'mallory', real_name: ADMIN },
    { id: KAREN_1, name: 'karen', real_name: 'Karen Georgiou' },
    { id: KAREN_2, name: 'karen.g', real_name: 'Karen Georgiou' },
    { id: NS, name: 'nshackleton', real_name: 'N. Shackleton' },
    { id: PO_DISPLAY, name: 'priya.o', real_name: 'Priya Okafor', display_name: 'Portfolio Office' },
    { id: KG_DISPLAY, name: 'kgeorgiou', real_name: 'Kay Green', display_name: 'Karen Georgiou' },
    { id: RW_LEFT, name: 'rachel.old', real_name: 'Rachel Wilkinson', deleted: true },
    { id: RW, name: 'rachel', real_name: 'Rachel Wilkinson' },
    { id: ARG_BOT, name: 'argbot', real_name: 'Alison Roome-Gifford', is_bot: true },
  ];
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ users, admins: [ADMIN] });
  });
  afterAll(async () => t?.stop());

  /** The item as stored (status, updates, dates) and its audit trail are the same after `run` as before. */
  const unchanged = async (id: string, run: () => Promise<void>) => {
    const state = async () => ({ rec: await (await storeOf(t.services)).get(id), audits: (await (await storeOf(t.services)).history(id)).length });
    const before = await state();
    await run();
    await settle(t.fake, 200);
    expect(await state()).toEqual(before);
  };

  it('a member whose display name is a role owner ("Portfolio Office") cannot close that role’s item, and is told why', async () => {
    await unchanged('1.1', async () => {
      const { text } = await command(t, PO_DISPLAY, 'complete 1.1 done, trust me');
      expect(text).toMatch(SAYS.notAnOwnerOf11);
      expect(text).toMatch(SAYS.notLinked);
    });
  });

  it('a member whose display name is exactly a person owner’s name ("Karen Georgiou"), with another full name, cannot either', async () => {
    await unchanged('1.1', async () => {
      const { text } = await command(t, KG_DISPLAY, 'complete 1.1 done, trust me');
      expect(text).toMatch(SAYS.notAnOwnerOf11);
      expect(text).toMatch(SAYS.notLinked);
    });
    expect((await command(t, KG_DISPLAY, 'mine')).text).toMatch(SAYS.mineNotLinked);
  });

  it('a member whose full name is the admin’s is not an admin: cannot link themselves to "Portfolio Office"', async () => {
    const { text } = await command(t, ADMIN_TWIN, `link <@${ADMIN_TWIN}|alice.a> "Portfolio Office"`);
    expect(text).toMatch(SAYS.onlyAdminsLink);
    expect((await command(t, ADMIN_TWIN, 'mine')).text).toMatch(SAYS.mineNotLinked);
    // The admin, by id, can.
    const linked = await command(t, ADMIN, `link <@${ADMIN_TWIN}|alice.a> "Portfolio Office"`);
    expect(linked.text).toMatch(/now acts for Portfolio Office/);
    expect((await command(t, ADMIN, `unlink <@${ADMIN_TWIN}|alice.a> "Portfolio Office"`)).text).toMatch(/no longer acts for Portfolio Office/);
  });

  it('a member whose full name is the admin’s user id is not an admin either', async () => {
    const links = (await command(t, ADMIN, 'links')).text;
    const { text } = await command(t, ADMIN_ID_NAME, `link <@${ADMIN_ID_NAME}|mallory> "Portfolio Office"`);
    expect(text).toMatch(SAYS.onlyAdminsLink);
    expect((await command(t, ADMIN, 'links')).text).toBe(links);
  });

  it('two members with the full name "Karen Georgiou": neither is linked automatically', async () => {
    for (const karen of [KAREN_1, KAREN_2]) {
      expect((await command(t, karen, 'mine')).text).toMatch(SAYS.mineNotLinked);
      await unchanged('5.2', async () => {
        const { answer } = await command(t, karen, 'update 5.2 papers went to the OPCCs');
        expect(allText(answer)).toMatch(/Only an owner of 5\.2/);
      });
    }
  });

  it('the only "N. Shackleton" is linked by full name', async () => {
    const { answer } = await command(t, NS, 'mine');
    expect(listedIds(answer.blocks[0].text.text)).toEqual(['4.2.1', '4.2.2']);
  });

  it('a deactivated member is never linked, and does not make an active member’s name ambiguous', async () => {
    // Slack would not send a deactivated member's command; the point is what Concerto makes of the profile.
    expect((await command(t, RW_LEFT, 'mine')).text).toMatch(SAYS.mineNotLinked);
    await unchanged('4.1.1', async () => {
      expect((await command(t, RW_LEFT, 'update 4.1.1 still here')).text).toMatch(/Only an owner of 4\.1\.1/);
    });
    const active = await command(t, RW, 'mine');
    expect(listedIds(active.answer.blocks[0].text.text)).toContain('4.1.1');
  });

  it('a bot is never linked, even with an owner’s full name', async () => {
    expect((await command(t, ARG_BOT, 'mine')).text).toMatch(SAYS.mineNotLinked);
    await unchanged('9.2.4', async () => {
      expect((await command(t, ARG_BOT, 'update 9.2.4 automated')).text).toMatch(/Only an owner of 9\.2\.4/);
    });
  });

  it('history shows the user id beside a name two people share', async () => {
    for (const [karen, label] of [[KAREN_1, 'karen'], [KAREN_2, 'karen.g']] as const) {
      await command(t, ADMIN, `link <@${karen}|${label}> "Karen Georgiou"`);
    }
    const first = await command(t, KAREN_1, 'update 5.2 Business case drafted');
    expect(first.text).toMatch(/^Recorded/);
    const second = await command(t, KAREN_2, 'update 5.2 Business case sent to the OPCCs');
    expect(second.text).toMatch(/^Recorded/);

    const lines = (await command(t, ADMIN, 'history 5.2')).text.split('\n');
    const lineOf = (text: string) => lines.find((l) => l.includes(text)) ?? `(no history line with "${text}")`;
    expect(lineOf('Business case drafted')).toMatch(new RegExp(`Karen Georgiou[^\\n]*${KAREN_1}`));
    expect(lineOf('Business case sent to the OPCCs')).toMatch(new RegExp(`Karen Georgiou[^\\n]*${KAREN_2}`));
    expect(lineOf('Business case drafted')).not.toContain(KAREN_2);
  });
});

// ---- 2, 6, 7, 8: events as Slack sends them -------------------------------------------------------

describe('events as Slack sends them', () => {
  const users: FakeUser[] = [
    { id: ADMIN, name: 'alice', real_name: 'Alice Admin' },
    { id: NS, name: 'nshackleton', real_name: 'N. Shackleton' },
    { id: PRIYA, name: 'priya', real_name: 'Priya Patel' },
  ];
  const DM = dmOf(NS);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ users, admins: [ADMIN] });
  });
  afterAll(async () => t?.stop());

  const updates = async (id: string) => (await (await storeOf(t.services)).get(id))!.updates;

  /** One DM from N. Shackleton and the bot's first reply to it. */
  async function dm(text: string): Promise<Record<string, any>> {
    const { call } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: NS, text, channel: DM })), (c) => c.body.channel === DM);
    return call.body;
  }

  describe('an edited message is not run again', () => {
    it('an @mention edited to fix a typo: one update, one audit event, and one answer to the edit, in its thread, saying edits are not re-read', async () => {
      const channel = 'C0GENERAL1';
      const ts = '1507111200.000100';
      const before = { updates: (await updates('4.2.1')).length, audits: await t.count('audit_events') };
      const mention = t.client.appMention({ user: NS, text: '<@UBOT> update 4.2.1 Plan circluated', channel, ts });
      const first = await postsAfter(t, channel, () => t.client.event(mention));
      expect(first).toHaveLength(1);
      expect(first[0]!.body.text).toMatch(/^Recorded/);

      // Slack sends the edit as a new event (new event_id) for the same message (same ts), with `edited`.
      const edit = t.client.editedAppMention(mention, { text: '<@UBOT> update 4.2.1 Plan circulated', editedTs: '1507111230.000000' });
      let res: Awaited<ReturnType<TestApp['client']['event']>> | undefined;
      const answers = await postsAfter(t, channel, async () => (res = await t.client.event(edit, { event_id: 'Ev0EDIT0001' })), { atLeast: 1 }).catch(async () => {
        await settle(t.fake, 300);
        return t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel && c !== first[0]);
      });
      expect(res).toMatchObject({ acked: true, status: 200 });

      const after = await updates('4.2.1');
      expect(after.length).toBe(before.updates + 1);
      expect(after.at(-1)!.text).toBe('Plan circluated');
      expect(await t.count('audit_events')).toBe(before.audits + 1);
      expect(answers).toHaveLength(1);
      expect(answers[0]!.body.thread_ts).toBe(ts);
      expect(allText(answers[0]!.body)).toMatch(SAYS.editsNotReread);
    });

    it('a DM edited during an update conversation is not taken as the next answer', async () => {
      const before = (await updates('4.2.2')).length;
      expect((await dm('update 4.2.2')).text).toMatch(/^Updating 4\.2\.2/);
      const typo = t.client.directMessage({ user: NS, text: 'Supplier shortlist agred', channel: DM, ts: '1507111300.000100' });
      const { call: asked } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(typo), (c) => c.body.channel === DM);
      expect(asked.body.text).toMatch(/^Status is On-going\. Does it change\?/);

      // The person fixes the typo in the message they already sent: Slack sends message_changed.
      const replies = await postsAfter(t, DM, () => t.client.event(t.client.messageChanged(typo, { text: 'Supplier shortlist agreed', editedTs: '1507111310.000000' })), { atLeast: 0, quietMs: 1_000 });
      // At most a word that edits are not re-read; never the next question.
      expect(replies.length).toBeLessThanOrEqual(1);
      for (const r of replies) {
        expect(allText(r.body)).toMatch(SAYS.editsNotReread);
        expect(allText(r.body)).not.toMatch(/Delivery date is|Status is|Saved/);
      }

      // The conversation is where it was: still at the status question.
      expect((await dm('no')).text).toMatch(/^Delivery date is/);
      expect((await dm('no')).text).toMatch(/Saved 4\.2\.2/);
      const after = await updates('4.2.2');
      expect(after.length).toBe(before + 1);
      expect(after.at(-1)!.text).toBe('Supplier shortlist agred');
    });
  });

  describe('DMs in threads, and messages with a subtype that a person wrote', () => {
    it('a DM written in a thread is answered in that thread', async () => {
      const parent = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: NS, text: 'status 4.2.1', channel: DM })), (c) => c.body.channel === DM);
      const threadTs = String(parent.call.response?.ts);
      expect(threadTs).toMatch(/^\d+\.\d+$/);
      const posts = await postsAfter(t, DM, () => t.client.event(t.client.threadReply({ user: NS, text: 'who owns 9.3.1?', channel: DM, thread_ts: threadTs })));
      expect(posts).toHaveLength(1);
      expect(posts[0]!.body.thread_ts).toBe(threadTs);
      expect(posts[0]!.body.text).toMatch(/9\.3\.1/);
    });

    it('a thread reply also sent to the conversation (thread_broadcast) gets an answer', async () => {
      const threadTs = '1507111400.000100';
      const posts = await postsAfter(t, DM, () => t.client.event(t.client.threadBroadcast({ user: NS, text: 'who owns 9.3.1?', channel: DM, thread_ts: threadTs })));
      expect(posts).toHaveLength(1);
      expect(posts[0]!.body.text).toMatch(/9\.3\.1/);
    });

    it('a file shared in a DM by someone who administers no plan is not downloaded: the answer says who can import', async () => {
      const before = await t.count('updates');
      const share = t.client.fileShare({ user: NS, channel: DM, files: [{ name: 'concerto-action-plan.csv', mimetype: 'text/csv', filetype: 'csv' }] });
      const posts = await postsAfter(t, DM, () => t.client.event(share));
      expect(posts).toHaveLength(1);
      expect(posts[0]!.body.text).toMatch(SAYS.fileImport);
      expect(t.fake.callsTo('file_download')).toEqual([]);
      expect(await t.count('updates')).toBe(before);
    });
  });

  describe('Share in channel where the bot is not a member', () => {
    it('says the bot is not in that channel and to invite it, not that nothing was saved', async () => {
      const channel = 'C0NOTJOIN1';
      t.fake.failFor('chat.postMessage', (b) => (b.channel === channel ? { error: 'not_in_channel' } : null));
      const { answer } = await command(t, NS, 'status 4.2.1', channel);
      const share = buttons(answer.blocks).find((b) => b.action_id === ACTION.share)!;
      expect(share).toBeDefined();
      const url = t.fake.responseUrl('share-not-in-channel');
      const click = await t.client.interaction(t.client.blockAction({ user: NS, action_id: ACTION.share, value: share.value, channel, response_url: url }));
      expect(click).toMatchObject({ acked: true, status: 200 });
      await responseTo(t.fake, url);
      await settle(t.fake, 300);
      const said = t.fake.responses('share-not-in-channel').map((b) => allText(b)).join('\n');
      expect(t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel).map((c) => c.response?.error)).toEqual(['not_in_channel']);
      expect(said).toMatch(SAYS.inviteTheBot);
      expect(said).not.toMatch(SAYS.couldNotComplete);
    });
  });

  describe('deactivated members', () => {
    it('a linked member deactivated in Slack is unlinked: `links` no longer lists them (a day later, after a restart)', async () => {
      const linked = await command(t, ADMIN, `link <@${PRIYA}|priya> "Portfolio Office"`);
      expect(linked.text).toMatch(/now acts for Portfolio Office/);
      const listed = (await command(t, ADMIN, 'links')).text;
      expect(listed.includes(PRIYA) || listed.includes('Priya Patel')).toBe(true);

      // Priya leaves: Slack marks her deactivated (users.info and users.list say deleted: true) and sends user_change.
      t.fake.updateUser(PRIYA, { deleted: true });
      await t.client.event(t.client.userChange({ id: PRIYA, team_id: 'T1', name: 'priya', real_name: 'Priya Patel', deleted: true, is_bot: false, profile: { real_name: 'Priya Patel', display_name: 'priya' } }));
      // A day passes, and the app is restarted (a deploy): whatever Concerto reads from Slack by then says she left.
      t.services.clock = fixedClock(new Date(Date.parse(NOW) + 25 * 60 * 60 * 1000));
      await t.restart();

      const after = await eventually(async () => (await command(t, ADMIN, 'links')).text, (text) => !text.includes(PRIYA) && !text.includes('Priya Patel'));
      expect(after).not.toContain(PRIYA);
      expect(after).not.toContain('Priya Patel');
    });
  });
});
