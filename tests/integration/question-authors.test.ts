import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, openAsk, owner, type AskHarness } from '../helpers/ask.js';
import { ask as askCore } from '../../src/core/ask/ask.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';

/**
 * Updates asked for by who gave them: "what did Nick say last week?", "updates by N. Shackleton", "my updates".
 * Two owners post on their own items on known days; each answer is checked against what each posted.
 */
describe('updates asked for by who gave them', () => {
  let h: AskHarness;
  const SHACKLETON = owner('N. Shackleton');
  const KAREN = owner('Karen Georgiou', ['Karen Georgiou', 'Portfolio Office']);
  const at = (day: string) => `${day}T10:00:00Z`;
  let n = 0;
  const ask = (q: string, actor = SHACKLETON, day = '2017-11-10') => h.talk(q, { actor, now: at(day), conversationKey: `authors:${(n += 1)}` });

  beforeAll(async () => {
    h = await openAsk();
    for (const [actor, day, text] of [
      [SHACKLETON, '2017-10-20', 'update 4.2.1 Demand log agreed with the DCCs'],
      [SHACKLETON, '2017-11-06', 'update 4.2.2 Consultation on the ICT strategy opened'],
      [KAREN, '2017-11-07', 'update 3.6 Handover process drafted for SAS'],
      [KAREN, '2017-11-08', 'update 1.1 Migration options paper to JCOB'],
    ] as const) {
      const reply = await ask(text, actor, day);
      expect(reply.error, reply.text).toBeUndefined();
    }
  });
  afterAll(async () => h?.close());

  it('"updates by N. Shackleton": every update he signed, newest first, including the plan\'s own', async () => {
    const reply = await ask('updates by N. Shackleton');
    expect(reply.error, reply.text).toBeUndefined();
    const lines = reply.text.split('\n');
    // The plan's three imported updates, signed "N. Shackleton 20.07.17", and his two posted here; a day's in plan order.
    expect(lines[0]).toBe('Updates by N. Shackleton · up to 10 Nov 2017 — 5 updates on 3 items');
    expect(lines.slice(1).map((l) => /^• (\S+) .* — (\d+ \w+ \d{4}):/.exec(l)!.slice(1))).toEqual([
      ['4.2.2', '6 Nov 2017'],
      ['4.2.1', '20 Oct 2017'],
      ['4.2.1', '20 Jul 2017'],
      ['4.2.2', '20 Jul 2017'],
      ['4.2.3', '20 Jul 2017'],
    ]);
    expect(reply.items.map((i) => i.id)).toEqual(['4.2.2', '4.2.1', '4.2.3']);
  });

  it('"what did Karen say last week?": her updates in that week only, her name read from what she typed', async () => {
    const reply = await ask('what did Karen say last week?');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toBe('Updates by Karen Georgiou · after 29 Oct 2017 · up to 5 Nov 2017 — none');
    const thisWeek = await ask('has Karen posted anything this week?');
    expect(thisWeek.text.split('\n')).toEqual([
      'Updates by Karen Georgiou · after 5 Nov 2017 · up to 10 Nov 2017 — 2 updates on 2 items',
      expect.stringMatching(/^• 1\.1 .* — 8 Nov 2017: Migration options paper to JCOB$/),
      expect.stringMatching(/^• 3\.6 .* — 7 Nov 2017: Handover process drafted for SAS$/),
    ]);
  });

  it('a period before the plan\'s own date has the updates the plan came with', async () => {
    const july = await ask('what did N. Shackleton say in July 2017?');
    expect(july.error, july.text).toBeUndefined();
    expect(july.text.split('\n')[0]).toBe('Updates by N. Shackleton · after 30 Jun 2017 · up to 31 Jul 2017 — 3 updates on 3 items');
  });

  it('"my updates" and "what have I posted this month?" are the asker\'s own', async () => {
    const mine = await ask('my updates', KAREN);
    expect(mine.text.split('\n')[0]).toBe('Updates by you (Karen Georgiou) · up to 10 Nov 2017 — 2 updates on 2 items');
    const month = await ask('what have I posted this month?', SHACKLETON);
    expect(month.text.split('\n')[0]).toBe('Updates by you (N. Shackleton) · after 31 Oct 2017 · up to 10 Nov 2017 — 1 update on 1 item');
  });

  it('a name that signs nothing but owns items gives the updates on its items; one that is neither says so', async () => {
    const office = await ask("Portfolio Office's updates");
    expect(office.text.split('\n')[0]).toMatch(/^Updates on items owned by Portfolio Office · up to 10 Nov 2017 — \d+ updates on \d+ items$/);
    expect(office.text).toContain('Karen Georgiou: Migration options paper to JCOB');
    // A theme: the updates on its items, whoever gave them.
    const ict = await ask('any updates from ICT since October?');
    expect(ict.text.split('\n')[0]).toBe('Updates on items in ICT · after 1 Oct 2017 · up to 10 Nov 2017 — 3 updates on 2 items');
    expect(ict.text).toContain('6 Nov 2017, N. Shackleton: Consultation on the ICT strategy opened');
    const added = await h.talk('board add JCOB --title "Joint Chief Officers Board"', { actor: admin(), now: at('2017-11-10'), conversationKey: 'authors:board' });
    expect(added.error, added.text).toBeUndefined();
    const board = await ask('what did JCOB say this month?');
    expect(board.text).toBe('JCOB is a board, which decides rather than posts updates: ask "what did JCOB decide?" for its decisions.');
    const nobody = await ask('what did Bob say?');
    expect(nobody.text).toBe('No update in concerto-2017 is signed by "Bob". Ask `updates 4.2.1` for one item\'s log, or "what changed this week?" for everyone\'s.');
  });

  it('a Slack user mentioned is the owner they are linked to; one linked to nobody is told how to link them', async () => {
    await new DrizzlePeopleStore(h.database.db).link('U0KAREN01', 'Karen Georgiou', false, { actor: 'U0ADMIN01', source: 'slack', at: '2017-10-04T09:00:00Z' });
    const inSlack = (q: string) => askCore({ ...h.context({ actor: SHACKLETON, now: at('2017-11-10'), conversationKey: `authors:slack:${(n += 1)}` }), people: new DrizzlePeopleStore(h.database.db) }, q);
    for (const q of ['what did <@U0KAREN01> say this week?', 'what did <@U0KAREN01|karen> say this week?', "show <@U0KAREN01>'s updates"]) {
      const reply = await inSlack(q);
      expect(reply.text.split('\n')[0], q).toMatch(/^Updates by Karen Georgiou · .*— 2 updates on 2 items$/);
    }
    const nobody = await inSlack('what did <@U0NOBODY1> say this week?');
    expect(nobody).toMatchObject({ error: 'not_understood', text: '<@U0NOBODY1> is not linked to an owner yet, so I cannot tell which updates are theirs. An admin links them with `link <@U0NOBODY1> "Owner name"`, or ask by the name they sign with.' });
  });

  it('with an item\'s number it is that item\'s log', async () => {
    const reply = await ask('what did N. Shackleton say about 4.2.1?');
    expect(reply.text.split('\n')[0]).toMatch(/^2 updates on 4\.2\.1 /);
  });

  it('"my updates" of someone whose Slack name is not the name the plan signs with: both are theirs', async () => {
    // Linked to the person-owner "N. Shackleton", posting as "Nick Shackleton" (the name Slack gives).
    const NICK = owner('Nick Shackleton', ['N. Shackleton']);
    expect((await ask('update 4.2.1 Demand log signed off by the DCCs', NICK, '2017-11-09')).error).toBeUndefined();
    const mine = await ask('my updates', NICK);
    expect(mine.text.split('\n')[0]).toBe('Updates by you (N. Shackleton or Nick Shackleton) · up to 10 Nov 2017 — 6 updates on 3 items');
    expect(mine.text.split('\n')[1]).toMatch(/^• 4\.2\.1 .* — 9 Nov 2017: Demand log signed off by the DCCs$/);
  });
});
