import { describe, expect, it } from 'vitest';
import type { NudgeNotice } from '../../../src/core/reminders/outbox-message.js';
import { ACTION } from '../../../src/slack/ids.js';
import { nudgeMessage } from '../../../src/slack/views/nudge-message.js';

/** The nudge an owner gets, as Block Kit: the scheduler's kinds and a person's chase. */

const NOTICE: NudgeNotice = {
  kind: 'overdue',
  item: {
    id: '4.1.1',
    title: 'Re-evaluate the current HR Target Operating Model',
    theme: 'HR',
    owners: ['Rachel Wilkinson'],
    status: 'on_going',
    delivery: { text: 'November 2017', start: '2017-11-01', end: '2017-11-30', precision: 'month' },
    overdue: true,
  },
  lastUpdate: { date: '2017-10-04', author: null, text: 'On-going – Interim report to SAS Sept 2017', evidence: null, source: 'import' },
  on: '2018-03-01',
  plan: { key: 'concerto-2017', title: 'Concerto Action Plan' },
};

describe('nudgeMessage', () => {
  it('a scheduled nudge says what is due, with the four things an owner can do', () => {
    const m = nudgeMessage(NOTICE);
    expect(m.text).toBe('4.1.1 is overdue: it was due November 2017 (by 30 Nov 2017).');
    const actions = m.blocks!.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string }> };
    expect(actions.elements.map((e) => e.action_id)).toEqual([ACTION.openUpdate, ACTION.complete, ACTION.changeDate, ACTION.snooze, ACTION.mute]);
  });

  it('a chase names who asks and quotes their note, escaped as Slack text', () => {
    const m = nudgeMessage({ ...NOTICE, kind: 'chase', from: 'Alice <Admin>', note: 'Paper to SAS on Friday & <!channel>' });
    expect(m.text).toBe('Alice &lt;Admin&gt; asks for an update on 4.1.1 (due November 2017 (by 30 Nov 2017)).');
    const texts = JSON.stringify(m.blocks);
    expect(texts).toContain('“Paper to SAS on Friday &amp; &lt;!channel&gt;”');
    expect(texts).not.toContain('<!channel>');
  });

  it('a chase without a note has no quote', () => {
    const m = nudgeMessage({ ...NOTICE, kind: 'chase', from: 'Alice Admin' });
    expect(JSON.stringify(m.blocks)).not.toContain('“');
  });
});
