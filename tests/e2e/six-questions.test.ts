import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { readDelivery } from '../../src/core/dates/read-delivery.js';
import { CLI_TIMEOUT, runCli, tempDirs } from '../helpers/cli.js';
import { allText, NS, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/**
 * The six questions issue 14 starts from, each answered at its date through `concerto ask … --json`, through
 * `/concerto` and through a DM to the bot. On 4 Oct 2017 the plan is as published; by 1 Dec 2017, 4.1.1 was
 * updated on 20 Oct and re-dated to "end of January 2018" on 21 Oct.
 */

interface Expect {
  q: string;
  day: '2017-10-04' | '2017-12-01';
  ids: string[];
  /** The first line of the reply. */
  first: RegExp;
}

const SIX: Expect[] = [
  { q: 'which recommendations are past their delivery date?', day: '2017-10-04', ids: ['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2'], first: /^Overdue · as at 4 Oct 2017 — 6 items$/ },
  { q: "what's Karen got that's overdue", day: '2017-10-04', ids: ['1.1', '3.6', '4.0.1', '5.2'], first: /^Overdue · owned by Karen Georgiou · as at 4 Oct 2017 — 4 items$/ },
  { q: "what's due after Christmas", day: '2017-10-04', ids: ['4.2.3', '9.1.1'], first: /^Due after 25 Dec 2017 · as at 4 Oct 2017 — 2 items$/ },
  {
    q: 'what was overdue at the end of October?',
    day: '2017-12-01',
    // The board paper's overdue items as at 31 Oct 2017 (tests/integration/question-answers.test.ts compares the two).
    ids: ['1.1', '3.6', '4.0.1', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4'],
    first: /^Overdue · as at 31 Oct 2017 — 9 items$/,
  },
  { q: 'what changed since 4 October?', day: '2017-12-01', ids: ['4.1.1'], first: /^Changed after 4 Oct 2017 · up to 1 Dec 2017 — 1 item$/ },
  { q: 'which dates have slipped?', day: '2017-12-01', ids: ['4.1.1'], first: /^Date slipped · as at 1 Dec 2017 — 1 item$/ },
];

describe('`concerto ask … --json`', () => {
  const dirs = tempDirs();
  let dataDir: string;
  const cli = (args: string[], now: string) => runCli(args, { dataDir, env: { CONCERTO_NOW: now } });

  beforeAll(async () => {
    dataDir = dirs.make();
    expect((await cli(['seed'], '2017-10-04T09:00')).code).toBe(0);
  }, CLI_TIMEOUT);
  afterAll(() => dirs.cleanup());

  it(
    'answers each of the six at its date, with its reading as data',
    async () => {
      for (const x of SIX.filter((s) => s.day === '2017-10-04')) {
        const r = await cli(['ask', x.q, '--json'], '2017-10-04T10:00');
        const out = JSON.parse(r.stdout) as { reply: string; items: Array<{ id: string }>; query: { understood: string[] } };
        expect(out.items.map((i) => i.id), x.q).toEqual(x.ids);
        expect(out.reply.split('\n')[0], x.q).toMatch(x.first);
        expect(out.query.understood.length, x.q).toBeGreaterThan(0);
      }
      expect((await cli(['ask', 'update 4.1.1 HR impact assessment consultation closed', '--as', 'Rachel Wilkinson'], '2017-10-20T10:00')).code).toBe(0);
      expect((await cli(['ask', 'date 4.1.1 end of January 2018', '--as', 'Rachel Wilkinson'], '2017-10-21T10:00')).stdout).toMatch(/^4\.1\.1 is now due "end of January 2018"/);
      for (const x of SIX.filter((s) => s.day === '2017-12-01')) {
        const r = await cli(['ask', x.q, '--json'], '2017-12-01T10:00');
        const out = JSON.parse(r.stdout) as { reply: string; items: Array<{ id: string }> };
        expect(out.items.map((i) => i.id), x.q).toEqual(x.ids);
        expect(out.reply.split('\n')[0], x.q).toMatch(x.first);
      }
      // The slipped date shows its baseline beside the date now in force.
      const slipped = JSON.parse((await cli(['ask', 'which dates have slipped?', '--json'], '2017-12-01T10:00')).stdout) as { reply: string };
      expect(slipped.reply).toContain('baseline November 2017, now end of January 2018 (re-dated once)');
    },
    CLI_TIMEOUT * 4,
  );
});

describe('through `/concerto` and a DM to the bot', () => {
  let t: TestApp;
  const DM = 'D0NSHACK1';
  const at = (day: string) => ((t.services as { clock: unknown }).clock = fixedClock(new Date(`${day}T10:00:00Z`)));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.stop());

  async function viaCommand(q: string): Promise<string> {
    const res = await t.client.command({ text: q, user_id: NS, channel_id: 'C0GENERAL1' });
    const body = (await responseTo(t.fake, res)).body;
    // The message's text first (its first line is the reading), then everything in its blocks.
    return `${String(body.text ?? '')}\n${allText(body.blocks)}`;
  }

  async function viaDm(q: string): Promise<string> {
    const from = t.fake.calls.length;
    await t.client.event(t.client.directMessage({ user: NS, text: q, channel: DM }));
    const post = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === DM && t.fake.calls.indexOf(c) >= from, 10_000);
    await settle(t.fake, 100);
    return `${String(post.body.text ?? '')}\n${allText(post.body.blocks)}`;
  }

  it('answers the three questions of 4 October both ways', async () => {
    at('2017-10-04');
    for (const x of SIX.filter((s) => s.day === '2017-10-04')) {
      for (const answer of [await viaCommand(x.q), await viaDm(x.q)]) {
        expect(answer.split('\n')[0], x.q).toMatch(x.first);
        for (const id of x.ids) expect(answer, `${x.q}: ${id}`).toContain(id);
      }
    }
  });

  it('answers the three questions of 1 December both ways, after the changes of 20 and 21 October', async () => {
    const store = await storeOf(t.services);
    const by = { actor: 'Rachel Wilkinson', source: 'cli' as const };
    await store.change({ ...by, at: '2017-10-20T10:00:00.000Z', recId: '4.1.1', update: { date: '2017-10-20', text: 'HR impact assessment consultation closed.', author: 'Rachel Wilkinson', evidence: null } });
    const read = readDelivery('end of January 2018', { today: '2017-10-21', timeZone: 'Europe/London' });
    if (!read.ok) throw new Error(read.error);
    await store.change({ ...by, at: '2017-10-21T10:00:00.000Z', recId: '4.1.1', delivery: read.window });
    at('2017-12-01');
    for (const x of SIX.filter((s) => s.day === '2017-12-01')) {
      for (const answer of [await viaCommand(x.q), await viaDm(x.q)]) {
        expect(answer.split('\n')[0], x.q).toMatch(x.first);
        for (const id of x.ids) expect(answer, `${x.q}: ${id}`).toContain(id);
      }
    }
  });
});
