import { describe, expect, it } from 'vitest';
import { decisionNotices, type DecisionNoticePayload } from '../../../src/core/governance/decision-notice.js';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { assertMessage } from '../../../src/slack/block-kit.js';
import { decisionRef, readDecisionRef } from '../../../src/slack/decision-ref.js';
import { ACTION } from '../../../src/slack/ids.js';
import { decisionMessage } from '../../../src/slack/views/decision-message.js';

const PLAN = { key: 'concerto-2017', title: 'Concerto Action Plan' };
const DECISION = { id: 7, board: 'SAS', meetingDate: '2017-10-12', decidedOn: '2017-10-12', text: 'New governance framework agreed', supersedes: null };
const WAIT = { what: 'agreement of new governance framework', board: 'SAS' };
type Rec = Pick<Recommendation, 'id' | 'text' | 'owners' | 'status' | 'waiting'>;
const rec = (id: string, owners: string[], status: Rec['status'] = 'awaiting_decision'): Rec => ({ id, text: `Item ${id}. More.`, owners, status, waiting: status === 'awaiting_decision' ? WAIT : null });

describe('decisionNotices: one message per person per decision', () => {
  it('a person owning several affected items (directly or through a role) gets one message listing them, in plan order', () => {
    const people = new Map([['Karen Georgiou', ['UK']], ['Portfolio Office', ['UP1', 'UK']], ['Nobody', ['UN']]]);
    const notices = decisionNotices(PLAN, DECISION, [rec('1.1', ['Karen Georgiou', 'Portfolio Office']), rec('3.6', ['Portfolio Office']), rec('5.2', ['Unlinked'], 'on_going')], people);
    expect(notices.map((n) => [n.key, n.to, n.payload.items.map((i) => i.id)])).toEqual([
      ['concerto-2017/decision:7:UK', 'UK', ['1.1', '3.6']],
      ['concerto-2017/decision:7:UP1', 'UP1', ['1.1', '3.6']],
    ]);
    expect(notices[0]!.payload.items[0]).toEqual({ id: '1.1', title: 'Item 1.1', status: 'awaiting_decision', waiting: WAIT });
  });
});

describe('decisionMessage', () => {
  const payload = (items: DecisionNoticePayload['items']): DecisionNoticePayload => ({ kind: 'decision_notice', plan: PLAN, decision: DECISION, items });

  it('gives each waiting item Move on and Still waiting, and a waiting-free item a line', () => {
    const m = assertMessage(decisionMessage(payload([
      { id: '1.1', title: 'Governance', status: 'awaiting_decision', waiting: WAIT },
      { id: '5.2', title: 'Terms', status: 'on_going', waiting: null },
    ])));
    expect(m.text).toBe('SAS decided at its meeting on 12 Oct 2017, affecting your items 1.1, 5.2.');
    const actions = m.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(actions[0]!.elements.map((e) => [e.action_id, e.value])).toEqual([
      [ACTION.decisionMoveOn, 'concerto-2017/1.1#7'],
      [ACTION.decisionStillWaiting, 'concerto-2017/1.1#7'],
    ]);
    expect(JSON.stringify(m.blocks)).toContain('• *5.2* Terms — On-going');
  });

  it('escapes the board’s words and stays inside Slack’s limits with many items', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `9.${i + 1}`, title: 'x'.repeat(300), status: 'awaiting_decision' as const, waiting: WAIT }));
    const m = assertMessage(decisionMessage({ ...payload(many), decision: { ...DECISION, text: '<!channel> agreed & done' } }));
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(m.blocks)).toContain('&lt;!channel&gt; agreed &amp; done');
  });
});

describe('decision button values', () => {
  it('read back what they were written from; a value without a decision reads as none', () => {
    expect(readDecisionRef(decisionRef({ plan: 'audit-2018', id: '4.2.1', decision: 12 }))).toEqual({ plan: 'audit-2018', id: '4.2.1', decision: 12 });
    expect(readDecisionRef('concerto-2017/1.1')).toEqual({ plan: 'concerto-2017', id: '1.1', decision: null });
    expect(readDecisionRef('concerto-2017/1.1#x')).toEqual({ plan: 'concerto-2017', id: '1.1', decision: null });
  });
});
