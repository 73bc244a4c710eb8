import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startItemTurn } from '../../src/core/ask/ask.js';
import type { Actor } from '../../src/core/ask/actor.js';
import type { AskContext, Turn } from '../../src/core/ask/context.js';
import { submitUpdateForm } from '../../src/core/ask/handlers/submit-update.js';
import { signOff } from '../../src/core/ask/handlers/sign-off.js';
import type { Reply } from '../../src/core/ask/reply.js';
import type { PlanStore } from '../../src/core/ports.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { queryRows } from '../../src/store/query-rows.js';
import { buildBoardPaper } from '../../src/core/report/board-paper.js';
import { renderPaper } from '../../src/report/render.js';
import { admin, owner, SEEDED_AT } from '../helpers/ask.js';
import { readPdf } from '../helpers/pdf-text.js';
import { testDatabases } from '../helpers/databases.js';
import { planStore, seedBundled } from '../helpers/plan-stores.js';

/** Sign-off before complete (issue 15, item 5), on both databases: proposals, sign-off, return, refusals and races. */

const SHACKLETON = owner('N. Shackleton');
const OFFICE = admin('Portfolio Office Lead');
const OTHER_ADMIN = admin('Second Admin');
const KEY = 'concerto-2017';

describe.each(testDatabases)('sign-off before complete on $name', ({ open }) => {
  let database: Database;
  let store: PlanStore;
  let clock = Date.parse('2017-10-05T09:00:00Z');
  /** Every turn a little later than the last, so each proposal has its own instant. */
  const tick = () => new Date((clock += 60_000));

  const context = (actor: Actor, now = tick()): AskContext => ({
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    actor,
    now,
    conversationKey: `test:${actor.id}`,
  });
  const talk = (actor: Actor, text: string): Promise<Reply> => ask(context(actor), text);
  const turn = async (actor: Actor, id: string): Promise<Turn> => (await startItemTurn(context(actor), id)) as Turn;
  const count = async (table: string) => Number((await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
  const actions = async (id: string) => (await store.history(id)).map((e) => e.action);
  const written = async () => ({ audits: await count('audit_events'), updates: await count('updates') });

  beforeAll(async () => {
    database = await open();
    await seedBundled(database.db, SEEDED_AT);
    store = await planStore(database.db);
  });
  afterAll(async () => database?.close());

  it('with the setting off, an owner completes as before', async () => {
    const reply = await talk(SHACKLETON, 'complete 4.2.2 https://example.org/minutes');
    expect(reply.text).toContain('4.2.2 is now complete.');
    expect((await store.get('4.2.2'))!).toMatchObject({ status: 'complete', proposal: null });
    expect(await actions('4.2.2')).not.toContain('completion_proposed');
  });

  it('`plan set KEY --sign-off on` turns it on, only for admins, and `plans` shows it', async () => {
    const refused = await talk(SHACKLETON, `plan set ${KEY} --sign-off on`);
    expect(refused.error).toBe('not_permitted');
    expect((await talk(OFFICE, `plan set ${KEY} --sign-off maybe`)).text).toBe('--sign-off takes on or off, not "maybe".');
    const set = await talk(OFFICE, `plan set ${KEY} --sign-off on`);
    expect(set.text).toContain('sign-off on');
    expect((await talk(OFFICE, 'plans')).text).toContain('completions need sign-off');
    expect((await new DrizzlePlanDirectory(database.db).get(KEY))!.signOff).toBe(true);
  });

  it("turns an owner's complete into a proposal: the status stays, the card says it awaits sign-off", async () => {
    const reply = await talk(SHACKLETON, 'complete 4.2.1 https://example.org/evidence');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toContain('4.2.1: complete — awaiting sign-off (evidence: https://example.org/evidence)');
    expect(reply.items[0]).toMatchObject({ id: '4.2.1', status: 'on_going', proposal: { by: 'N. Shackleton', evidence: 'https://example.org/evidence' } });
    const rec = (await store.get('4.2.1'))!;
    expect(rec.status).toBe('on_going');
    expect(rec.proposal).toMatchObject({ by: 'N. Shackleton', evidence: 'https://example.org/evidence' });
    expect((await actions('4.2.1')).slice(-2)).toEqual(['update_posted', 'completion_proposed']);
    expect((await talk(SHACKLETON, 'status 4.2.1')).text).toContain('Proposed: complete — awaiting sign-off (evidence: https://example.org/evidence)');
    expect((await talk(SHACKLETON, 'history 4.2.1')).text).toContain('completion proposed, awaiting sign-off');
  });

  it('refuses a non-admin signing off or returning, in one sentence, writing nothing', async () => {
    const before = await written();
    const signed = await talk(SHACKLETON, 'sign off 4.2.1');
    expect(signed).toMatchObject({ error: 'not_permitted', text: `Only an admin of ${KEY} can sign off a proposed completion; its admins are listed by \`plans\`.` });
    expect((await talk(owner('Karen Georgiou'), 'return 4.2.1 "no"')).error).toBe('not_permitted');
    expect(await written()).toEqual(before);
    expect((await store.get('4.2.1'))!.proposal).not.toBeNull();
  });

  it('refuses the proposer signing off their own proposal, even as an admin', async () => {
    const before = await written();
    const asAdmin: Actor = { ...SHACKLETON, admin: true };
    const reply = await talk(asAdmin, 'sign off 4.2.1');
    expect(reply).toMatchObject({ error: 'not_permitted', text: "You proposed 4.2.1's completion yourself, so another admin must sign it off or return it; nothing was written." });
    // The store refuses it too, under the row lock.
    const proposal = (await store.get('4.2.1'))!.proposal!;
    await expect(store.signOff({ recId: '4.2.1', proposedAt: proposal.at }, { actor: 'N. Shackleton', source: 'cli', at: tick().toISOString() })).rejects.toMatchObject({ code: 'not_permitted' });
    expect(await written()).toEqual(before);
  });

  it('returns a proposal with the reason: the owners are named, the status stays, audited', async () => {
    expect((await talk(OFFICE, 'return 4.2.1')).text).toBe('Say why it goes back: `return 4.2.1 "the evidence does not show the benefits"`.');
    const reply = await talk(OFFICE, 'return 4.2.1 "the minutes do not show the DCB agreed it"');
    expect(reply.text).toBe(`4.2.1's completion went back to N. Shackleton (proposed by N. Shackleton): "the minutes do not show the DCB agreed it". It stays On-going.`);
    const rec = (await store.get('4.2.1'))!;
    expect(rec).toMatchObject({ status: 'on_going', proposal: null });
    const last = (await store.history('4.2.1')).at(-1)!;
    expect(last).toMatchObject({ action: 'completion_returned', actor: 'Portfolio Office Lead', after: { reason: 'the minutes do not show the DCB agreed it' } });
    expect((await talk(OFFICE, 'history 4.2.1')).text).toContain('completion returned to the owners: "the minutes do not show the DCB agreed it"');
  });

  it('signs off: complete, proposal cleared, status_changed then completion_signed_off', async () => {
    await talk(SHACKLETON, 'complete 4.2.1 DCB minutes 12 Oct');
    const reply = await talk(OFFICE, 'sign off 4.2.1');
    expect(reply.text).toBe('4.2.1 is signed off and now complete (proposed by N. Shackleton).');
    expect((await store.get('4.2.1'))!).toMatchObject({ status: 'complete', proposal: null });
    const events = (await store.history('4.2.1')).slice(-2);
    expect(events.map((e) => [e.action, e.actor])).toEqual([
      ['status_changed', 'Portfolio Office Lead'],
      ['completion_signed_off', 'Portfolio Office Lead'],
    ]);
    expect(events[0]!.id).toBeLessThan(events[1]!.id);
    const again = await talk(OTHER_ADMIN, 'sign off 4.2.1');
    expect(again.text).toBe('4.2.1 is already signed off (complete), so nothing was written.');
    await talk(OFFICE, 'reopen 4.2.1 more to do');
  });

  it('refuses signing off an item reopened (its proposal withdrawn) meanwhile: one sentence, nothing written', async () => {
    await talk(SHACKLETON, 'complete 4.2.1 first go');
    const seen = (await store.get('4.2.1'))!.proposal!.at;
    const withdrawn = await talk(SHACKLETON, 'reopen 4.2.1 not finished after all');
    expect(withdrawn.text).toBe("4.2.1's proposed completion is withdrawn; it stays On-going.");
    expect((await store.history('4.2.1')).at(-1)!.action).toBe('completion_withdrawn');
    const before = await written();
    const late = await signOff(await turn(OFFICE, '4.2.1'), '4.2.1', seen);
    expect(late).toMatchObject({ done: false, reply: { text: '4.2.1 changed since that proposal was made (it is On-going with no completion proposed), so nothing was written.' } });
    // Proposed again since: the old button names the old proposal, so it still writes nothing.
    await talk(SHACKLETON, 'complete 4.2.1 second go');
    expect((await signOff(await turn(OFFICE, '4.2.1'), '4.2.1', seen)).reply.text).toContain('its owners proposed it again');
    await expect(store.signOff({ recId: '4.2.1', proposedAt: seen }, { actor: 'Portfolio Office Lead', source: 'cli', at: tick().toISOString() })).rejects.toMatchObject({ code: 'conflict' });
    expect(await written()).toEqual({ ...before, audits: before.audits + 2, updates: before.updates + 1 });
    await talk(OFFICE, 'return 4.2.1 "reset"');
  });

  it('an admin completing directly still completes (they are the sign-off)', async () => {
    await talk(SHACKLETON, 'complete 4.2.1 third go');
    const reply = await talk(OFFICE, 'complete 4.2.1 checked myself');
    expect(reply.text).toContain('4.2.1 is now complete.');
    expect((await store.get('4.2.1'))!).toMatchObject({ status: 'complete', proposal: null });
    expect((await store.history('4.2.1')).slice(-2).map((e) => e.action)).toEqual(['status_changed', 'completion_signed_off']);
    await talk(OFFICE, 'reopen 4.2.1 again');
  });

  it('the update conversation and the update form propose too', async () => {
    await talk(SHACKLETON, 'update 4.2.1');
    await talk(SHACKLETON, 'Done, see https://example.org/x');
    const saved = await talk(SHACKLETON, 'complete');
    expect(saved.text).toContain('complete — awaiting sign-off (evidence: https://example.org/x)');
    expect((await store.get('4.2.1'))!).toMatchObject({ status: 'on_going', proposal: { evidence: 'https://example.org/x' } });
    await talk(OFFICE, 'return 4.2.1 "reset"');

    const form = await submitUpdateForm(await turn(SHACKLETON, '4.2.1'), { recId: '4.2.1', text: 'All done', status: 'complete', delivery: '', evidence: 'https://example.org/y' });
    expect(form.ok).toBe(true);
    expect((await store.get('4.2.1'))!).toMatchObject({ status: 'on_going', proposal: { evidence: 'https://example.org/y' } });
    await talk(OFFICE, 'return 4.2.1 "reset"');
  });

  it('two admins signing off at once: one completion, one "already signed off", one audit event', async () => {
    for (let i = 0; i < 8; i++) {
      await talk(SHACKLETON, `complete 4.2.1 round ${i}`);
      const before = (await store.history('4.2.1')).length;
      const now = tick();
      const [a, b] = await Promise.all([ask(context(OFFICE, now), 'sign off 4.2.1'), ask(context(OTHER_ADMIN, now), 'sign off 4.2.1')]);
      const texts = [a.text, b.text].sort();
      expect(texts[0]).toBe('4.2.1 is already signed off (complete), so nothing was written.');
      expect(texts[1]).toMatch(/^4\.2\.1 is signed off and now complete/);
      const events = (await store.history('4.2.1')).slice(before);
      expect(events.map((e) => e.action)).toEqual(['status_changed', 'completion_signed_off']);
      await talk(OFFICE, 'reopen 4.2.1 next round');
    }
  });

  it('an owner reopening while an admin signs off: one consistent outcome, the audit events in order', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < 16; i++) {
      await talk(SHACKLETON, `complete 4.2.1 race ${i}`);
      const before = (await store.history('4.2.1')).length;
      const now = tick();
      const [signed, reopened] = await Promise.all([
        ask(context(OFFICE, now), 'sign off 4.2.1'),
        ask(context(SHACKLETON, now), `reopen 4.2.1 race ${i}`),
      ]);
      const events = (await store.history('4.2.1')).slice(before);
      const acts = events.map((e) => e.action);
      const ids = events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      const rec = (await store.get('4.2.1'))!;
      expect(rec.proposal).toBeNull();
      if (signed.changed) {
        // Signed off first: the reopen either came after (and reopened the completed item) or was refused.
        expect(acts.slice(0, 2)).toEqual(['status_changed', 'completion_signed_off']);
        if (reopened.changed) {
          expect(acts.slice(2)).toEqual(['update_posted', 'status_changed']);
          expect(rec.status).toBe('on_going');
          outcomes.add('signed, then reopened');
        } else {
          expect(reopened.text).toContain('nothing was saved');
          expect(acts).toHaveLength(2);
          expect(rec.status).toBe('complete');
          outcomes.add('signed; withdrawal refused');
        }
      } else {
        // Withdrawn first: the sign-off wrote nothing.
        expect(reopened.changed).toBe(true);
        expect(signed.text).toContain('nothing was written');
        expect(acts).toEqual(['update_posted', 'completion_withdrawn']);
        expect(rec.status).toBe('on_going');
        outcomes.add('withdrawn; sign-off refused');
      }
      expect(acts.filter((a) => a === 'completion_signed_off').length).toBeLessThanOrEqual(1);
      if (rec.status === 'complete') await talk(OFFICE, 'reopen 4.2.1 next round');
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('the board paper lists proposals awaiting sign-off apart, as at its date, in md, html, pdf and json', async () => {
    const c = (await store.get('4.2.1'))!;
    if (c.status === 'complete') await talk(OFFICE, 'reopen 4.2.1 for the paper');
    const reply = await talk(SHACKLETON, 'complete 4.2.1 https://example.org/paper');
    const on = reply.items[0]!.proposal!.at.slice(0, 10);
    const history = (await store.planHistory())!;
    const paper = buildBoardPaper(history, { asAt: on, producedOn: on });
    expect(paper.proposals).toEqual([{ id: '4.2.1', owners: ['N. Shackleton'], status: 'on_going', by: 'N. Shackleton', on, evidence: 'https://example.org/paper' }]);
    // The plan still shows the status it keeps.
    expect(paper.groups.flatMap((g) => g.rows).find((r) => r.id === '4.2.1')!.status).toBe('on_going');
    const line = `Proposed complete by N. Shackleton on`;
    const md = (await renderPaper(paper, 'md')) as string;
    expect(md).toContain('## Completions awaiting sign-off');
    expect(md).toMatch(/- \*\*4\.2\.1\*\* Proposed complete by N\. Shackleton on .* \(still On-going\); evidence: https:\/\/example\.org\/paper\./);
    expect((await renderPaper(paper, 'html')) as string).toContain('<h2>Completions awaiting sign-off</h2>');
    expect(JSON.parse((await renderPaper(paper, 'json')) as string).proposals).toEqual(paper.proposals);
    const pdf = (await readPdf((await renderPaper(paper, 'pdf')) as Uint8Array)).flatMap((p) => p.lines).join('\n');
    expect(pdf).toContain('Completions awaiting sign-off');
    expect(pdf).toContain(line);
    // In the spreadsheet formats, read back by the libraries that read them.
    const csv = parse((await renderPaper(paper, 'csv')) as string, { bom: true }) as string[][];
    expect(csv.find((r) => r[1] === '4.2.1')!.at(-1)).toMatch(/^Proposed complete by N\. Shackleton on .*; evidence: https:\/\/example\.org\/paper\.$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderPaper(paper, 'xlsx')) as never);
    const sheet = wb.getWorksheet('Decision log')!;
    const cellsOf = (): string[] => { const out: string[] = []; sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.value)))); return out; };
    expect(cellsOf()).toContain('Completions awaiting sign-off');
    expect(cellsOf().some((v) => v.startsWith(line))).toBe(true);
    // Before the proposal there was none: the section is absent, and a paper with none is unchanged.
    const earlier = buildBoardPaper(history, { asAt: '2017-10-04', producedOn: on });
    expect(earlier.proposals).toEqual([]);
    expect((await renderPaper(earlier, 'md')) as string).not.toContain('awaiting sign-off');
    expect(JSON.parse((await renderPaper(earlier, 'json')) as string)).not.toHaveProperty('proposals');
    // Signed off: no longer listed.
    await talk(OFFICE, 'sign off 4.2.1');
    expect(buildBoardPaper((await store.planHistory())!, { asAt: '2017-12-31', producedOn: '2017-12-31' }).proposals).toEqual([]);
  });

  it('in the store: an owner changing the status while an admin signs off, at once on two connections: one outcome', async () => {
    const seen = new Set<string>();
    if ((await store.get('4.2.1'))!.status === 'complete') await talk(OFFICE, 'reopen 4.2.1 for the store race');
    for (let i = 0; i < 20; i++) {
      await talk(SHACKLETON, `complete 4.2.1 store race ${i}`);
      const proposal = (await store.get('4.2.1'))!.proposal!;
      const before = (await store.history('4.2.1')).length;
      const at = tick().toISOString();
      // Two stores, so each write takes its own connection from the pool (PGlite serialises them itself).
      const [ownerStore, adminStore] = [await planStore(database.db), await planStore(database.db)];
      const [moved, signed] = await Promise.allSettled([
        ownerStore.change({ actor: 'N. Shackleton', source: 'cli', at, recId: '4.2.1', status: 'awaiting_decision', waiting: { what: 'the DCB', board: null } }),
        adminStore.signOff({ recId: '4.2.1', proposedAt: proposal.at }, { actor: 'Portfolio Office Lead', source: 'cli', at }),
      ]);
      const rec = (await store.get('4.2.1'))!;
      const events = (await store.history('4.2.1')).slice(before);
      expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
      expect([moved.status, signed.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      expect(rec.proposal).toBeNull();
      if (signed.status === 'fulfilled') {
        expect(moved).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
        expect(rec.status).toBe('complete');
        expect(events.map((e) => e.action)).toEqual(['status_changed', 'completion_signed_off']);
        seen.add('signed');
        await talk(OFFICE, 'reopen 4.2.1 next');
      } else {
        expect(signed).toMatchObject({ status: 'rejected', reason: { code: 'conflict' } });
        expect(rec.status).toBe('awaiting_decision');
        expect(events.map((e) => e.action)).toEqual(['status_changed', 'waiting_changed', 'completion_withdrawn']);
        seen.add('moved');
        await talk(SHACKLETON, 'set 4.2.1 on-going');
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('answers "what\'s awaiting sign-off?" however it is put, with the reading line, for any reader', async () => {
    const rec = (await store.get('4.2.1'))!;
    if (rec.status === 'complete') await talk(OFFICE, 'reopen 4.2.1 one more round');
    if (!(await store.get('4.2.1'))!.proposal) expect((await talk(SHACKLETON, 'complete 4.2.1 https://example.org/evidence')).error).toBeUndefined();
    const proposed = (await store.find({})).filter((r) => r.proposal).map((r) => r.id);
    expect(proposed).toContain('4.2.1');
    for (const q of ["what's awaiting sign-off?", 'what needs signing off?', 'which completions are pending sign off', 'proposals', "what's proposed complete?"]) {
      const reply = await talk(owner('Karen Georgiou'), q);
      expect(reply.error, q).toBeUndefined();
      expect(reply.items.map((i) => i.id), q).toEqual(proposed);
      expect(reply.text.split('\n')[0], q).toMatch(/^Awaiting sign-off · as at .* — \d+ items?$/);
    }
    const count = await talk(OFFICE, 'how many completions are awaiting sign-off for N. Shackleton?');
    expect(count.text.split('\n')[0]).toMatch(new RegExp(`^${proposed.length} items? — awaiting sign-off · owned by N\\. Shackleton`));
  });
});
