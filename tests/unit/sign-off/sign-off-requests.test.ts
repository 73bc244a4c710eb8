import { describe, expect, it } from 'vitest';
import { chaseDay, decideSignOffRequests } from '../../../src/core/governance/sign-off-requests.js';

const plan = { key: 'concerto-2017', admins: ['U0PLANAD1'], timeZone: 'Europe/London', holidays: 'england-and-wales' as const };
const proposed = (at: string, byId: string | null = 'U0NSHACK1') => ({ id: '4.2.1', text: 'Deliver Athena.', owners: ['N. Shackleton'], proposal: { by: 'N. Shackleton', byId, at, evidence: null } });

describe('when a proposed completion is chased', () => {
  it.each([
    ['a Friday: the next Friday', '2017-10-13', '2017-10-20'],
    ['a Monday: the next Monday', '2017-10-16', '2017-10-23'],
    ['before Christmas: the bank holidays are skipped', '2017-12-21', '2018-01-02'],
    ['a Saturday: five working days from the Monday', '2017-10-14', '2017-10-20'],
  ])('proposed on %s', (_what, day, expected) => {
    expect(chaseDay(day, 'england-and-wales')).toBe(expected);
  });
});

describe('the requests owed for open proposals', () => {
  it('asks each admin once, never the proposer, even when the proposer administers every plan', () => {
    const out = decideSignOffRequests({ plan, items: [proposed('2017-10-13T09:00:00.000Z', 'U0ADMIN01')], everyPlanAdmins: ['U0ADMIN01', 'U0PLANAD1'], now: new Date('2017-10-13T10:00:00Z'), sendAtMinutes: 540 });
    expect(out.map((r) => [r.to, r.payload.chase])).toEqual([['U0PLANAD1', false]]);
    expect(out[0]!.key).toBe('concerto-2017/sign-off:4.2.1@2017-10-13T09:00:00.000Z:U0PLANAD1');
  });

  it('adds the chase from the send time on the chase day, in the plan’s timezone, and never on a weekend', () => {
    const at = (now: string) => decideSignOffRequests({ plan, items: [proposed('2017-10-13T09:00:00.000Z')], everyPlanAdmins: [], now: new Date(now), sendAtMinutes: 540 }).filter((r) => r.payload.chase).length;
    expect(at('2017-10-20T07:59:00Z')).toBe(0);
    expect(at('2017-10-20T08:00:00Z')).toBe(1); // 09:00 BST
    expect(at('2017-10-21T10:00:00Z')).toBe(0); // Saturday
    expect(at('2017-10-23T10:00:00Z')).toBe(1);
  });

  it('owes nothing for items with no proposal', () => {
    expect(decideSignOffRequests({ plan, items: [{ ...proposed('2017-10-13T09:00:00.000Z'), proposal: null }], everyPlanAdmins: ['U0ADMIN01'], now: new Date('2017-11-13T10:00:00Z'), sendAtMinutes: 540 })).toEqual([]);
  });
});
