import { describe, expect, it } from 'vitest';
import { itemView } from '../../../src/core/ask/reply.js';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import type { Status } from '../../../src/core/plan/status.js';
import { nudgeAtSend } from '../../../src/core/reminders/nudge-at-send.js';
import type { QueuedNudge } from '../../../src/core/reminders/outbox-message.js';
import { bundled, withStatus, withUpdate } from './reminder-fixtures.js';

const PLAN = { key: 'concerto', title: 'Concerto Action Plan' };
const queued = (itemId: string): QueuedNudge => ({ kind: 'overdue', itemId, on: '2018-01-08' });

describe('a queued nudge read against its item when its turn comes', () => {
  it('shows the item and its last update as they are at sending, not as they were when it was queued', () => {
    const now = withUpdate(bundled('4.1.1'), '2018-01-08');
    const read = nudgeAtSend(queued('4.1.1'), PLAN, now, '2018-01-08');
    expect(read).toEqual({
      send: { kind: 'overdue', item: itemView(now, '2018-01-08'), lastUpdate: now.updates.at(-1), on: '2018-01-08', plan: PLAN },
    });
    expect('send' in read && read.send.lastUpdate?.date).toBe('2018-01-08');
  });

  it('is sent with no last update when the item has none', () => {
    const bare: Recommendation = { ...bundled('4.1.1'), updates: [] };
    expect(nudgeAtSend(queued('4.1.1'), PLAN, bare, '2018-01-08')).toMatchObject({ send: { lastUpdate: null } });
  });

  it.each<[string, (rec: Recommendation) => Recommendation | null, string]>([
    ['the item has left the plan', () => null, 'not sent: 4.1.1 is no longer in the plan concerto'],
    ['the item was completed meanwhile', (r) => withStatus(r, 'complete' satisfies Status), 'not sent: 4.1.1 was Complete by the time it was due to go'],
    ['the item was marked not being implemented', (r) => withStatus(r, 'not_being_implemented'), 'not sent: 4.1.1 was Not being implemented by the time it was due to go'],
    [
      'its completion was proposed and awaits sign-off',
      (r) => ({ ...r, proposal: { by: 'N. Shackleton', byId: 'U0NSHACK1', at: '2018-01-08T09:01:00Z', evidence: null } }),
      "not sent: 4.1.1's completion was proposed and awaits sign-off",
    ],
  ])('is not sent when %s, and says why', (_case, change, reason) => {
    expect(nudgeAtSend(queued('4.1.1'), PLAN, change(bundled('4.1.1')), '2018-01-08')).toEqual({ drop: reason });
  });
});
