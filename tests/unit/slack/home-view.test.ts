import { describe, expect, it } from 'vitest';
import { assertHome, LIMITS, type Block } from '../../../src/slack/block-kit.js';
import { ACTION } from '../../../src/slack/ids.js';
import { homeView } from '../../../src/slack/views/home-view.js';
import { expectSafe, home, homeItem, HOSTILE } from './fixtures.js';

const buttons = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
const json = (v: unknown) => JSON.stringify(v);

describe('homeView', () => {
  it('shows the plan, the date, the viewer’s items with their actions, and the plan at a glance', () => {
    const v = assertHome(homeView(home()));
    expect(v.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Concerto — Governance review action plan' } });
    expect(json(v.blocks[1])).toContain('As at 15 Jan 2018');
    expect(json(v)).toContain('🔴 *1.1* Recommendation number 1');
    expect(json(v)).toContain('_overdue_');
    expect(json(v)).toContain('last update 2 Oct 2017');
    expect(json(v)).toContain('no updates yet');
    expect(json(v)).toContain('The plan at a glance');
    expect(json(v)).toContain('*ICT* — 10 total, 6 open, 2 overdue');
    const [update, complete, history] = buttons(v.blocks);
    expect([update?.action_id, update?.value]).toEqual([ACTION.openUpdate, '1.1']);
    expect([complete?.action_id, complete?.value]).toEqual([ACTION.complete, '1.1']);
    expect(complete?.confirm?.title.text).toBe('Mark complete?');
    expect([history?.action_id, history?.value]).toEqual([ACTION.history, '1.1']);
  });

  it("shows an item's priority beside its delivery, and nothing for an item without one", () => {
    const v = assertHome(homeView(home({ mine: [homeItem(0, { priority: 'High' }), homeItem(1)] })));
    const sections = v.blocks.filter((b) => b.type === 'section').map((b) => json(b));
    expect(sections.find((t) => t.includes('*1.1*'))).toMatch(/Delivery: [^·]+ · High priority · _/);
    expect(sections.find((t) => t.includes('*1.2*'))).not.toContain('priority');
  });

  it('says what an item awaiting a decision waits on, escaped, beside its status', () => {
    const waits = homeItem(0, { status: 'awaiting_decision', waiting: { what: 'agreement of the <new> framework', board: 'SAS' } });
    const v = assertHome(homeView(home({ mine: [waits, homeItem(1)] })));
    const sections = v.blocks.filter((b) => b.type === 'section').map((b) => (b.type === 'section' ? b.text.text : ''));
    expect(sections.find((t) => t.includes('*1.1*'))).toContain('Awaiting decision on agreement of the &lt;new&gt; framework (SAS) · Delivery:');
    expect(sections.find((t) => t.includes('*1.2*'))).not.toContain(' on ');
  });

  it('offers no Complete button on closed items', () => {
    const v = assertHome(homeView(home({ mine: [homeItem(3, { status: 'complete' })] })));
    expect(buttons(v.blocks).map((b) => b.action_id)).toEqual([ACTION.openUpdate, ACTION.history]);
  });

  it('with no items says so', () => {
    const v = assertHome(homeView(home({ mine: [] })));
    expect(json(v)).toContain('Nothing in the plan is assigned for Head of ICT.');
    expect(buttons(v.blocks)).toEqual([]);
  });

  it('tells an unlinked viewer how to get linked', () => {
    const v = assertHome(homeView(home({ viewer: { name: 'New', owns: [], linked: false }, mine: [] })));
    expect(json(v)).toContain('not linked to a plan owner');
    expect(json(v)).toContain('`/concerto link @you \\"Owner name\\"`');
  });

  it.each([0, 1, 40, 44, 45, 46, 300])('stays within 100 blocks with %i items', (n) => {
    const mine = Array.from({ length: n }, (_, i) => homeItem(i));
    const v = assertHome(homeView(home({ mine })));
    expect(v.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    const shown = buttons(v.blocks).filter((b) => b.action_id === ACTION.openUpdate).length;
    if (shown < n) expect(json(v)).toContain(`…and ${n - shown} more: type \`/concerto mine\``);
    else expect(json(v)).not.toContain('more: type');
    expect(shown).toBe(Math.min(n, 46));
  });

  it('caps a very long theme list and says how many are left out', () => {
    const byTheme = Array.from({ length: 300 }, (_, i) => ({ theme: `Theme number ${i} with a long name`, total: 10, open: 5, overdue: 1 }));
    const v = assertHome(homeView(home({ byTheme, mine: Array.from({ length: 300 }, (_, i) => homeItem(i)) })));
    expect(v.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    expect(json(v)).toMatch(/…and \d+ more themes/);
  });

  it.each(HOSTILE)('hostile text (%s) never appears raw and never breaks a limit', (_name, bad) => {
    const mine = Array.from({ length: 60 }, (_, i) => homeItem(i, { id: i === 0 ? bad : `${i}`, title: bad, ragReason: bad, delivery: { text: bad, start: null, end: null, precision: 'none' } }));
    const v = homeView(home({ planTitle: bad, mine, viewer: { name: bad, owns: [bad], linked: true }, byTheme: [{ theme: bad, total: 1, open: 1, overdue: 1 }] }));
    assertHome(v);
    expectSafe(v.blocks);
    expectSafe(homeView(home({ planTitle: bad, mine: [], viewer: { name: bad, owns: [bad], linked: true } })).blocks);
  });

  it('for an admin, puts completions awaiting their sign-off first, each with Sign off and Return naming the proposal', () => {
    const proposal = (i: number) => ({ plan: 'concerto-2017', id: `4.2.${i}`, title: `Proposal ${i}`, owners: ['N. Shackleton'], proposal: { by: 'N. Shackleton', at: `2017-10-1${i}T09:00:00.000Z`, evidence: i === 1 ? 'https://example.org/minutes' : null } });
    const v = assertHome(homeView(home({ toSignOff: [1, 2, 3, 4, 5, 6, 7].map(proposal) })));
    const headers = v.blocks.filter((b) => b.type === 'header').map((b) => (b as { text: { text: string } }).text.text);
    expect(headers.slice(1, 3)).toEqual(['Awaiting your sign-off', 'Your items']);
    expect(json(v)).toContain('*4.2.1* Proposal 1\\nProposed complete by N. Shackleton on 11 Oct 2017 · evidence: https://example.org/minutes');
    const signOffs = buttons(v.blocks).filter((b) => b.action_id === ACTION.signOff || b.action_id === ACTION.signOffReturn);
    expect(signOffs).toHaveLength(10);
    expect(signOffs[0]).toMatchObject({ action_id: ACTION.signOff, value: 'concerto-2017/4.2.1@2017-10-11T09:00:00.000Z' });
    expect(json(v)).toContain('…and 2 more');
  });

  it('shows the viewer’s own proposed item as awaiting sign-off, with no Complete button', () => {
    const v = assertHome(homeView(home({ mine: [homeItem(0, { status: 'on_going', proposal: { by: 'Karen', at: '2017-10-11T09:00:00.000Z', evidence: null } })] })));
    expect(json(v)).toContain('On-going (complete — awaiting sign-off)');
    expect(buttons(v.blocks).map((b) => b.action_id)).toEqual([ACTION.openUpdate, ACTION.history]);
  });
});
