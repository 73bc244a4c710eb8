import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';
import { assertMessage, assertModal } from '../../../src/slack/block-kit.js';
import { ACTION, VIEW } from '../../../src/slack/ids.js';
import { proposalRefValue, readProposalRef, returnModal, signOffRequestMessage } from '../../../src/slack/views/sign-off-message.js';

describe('sign off and return, as typed', () => {
  it.each([
    ['sign off 4.2.1', { kind: 'sign_off', id: '4.2.1' }],
    ['Sign-off 4.2.1', { kind: 'sign_off', id: '4.2.1' }],
    ['signoff rec 4.2.1', { kind: 'sign_off', id: '4.2.1' }],
    ['return 4.2.1 "no minutes attached"', { kind: 'return_proposal', id: '4.2.1', reason: 'no minutes attached' }],
    ['return 4.2.1 the evidence is a draft', { kind: 'return_proposal', id: '4.2.1', reason: 'the evidence is a draft' }],
    ['return 4.2.1', { kind: 'return_proposal', id: '4.2.1', reason: null }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('a missing or bad number is not understood, with a reason', () => {
    expect(parseIntent('sign off')).toMatchObject({ kind: 'unknown', reason: 'sign off needs a recommendation number, for example "sign off 4.2.1".' });
    expect(parseIntent('sign off 4.x')).toMatchObject({ kind: 'unknown', reason: `"4.x" isn't a recommendation number; they look like 4.2.1.` });
  });
});

describe("the admins' message and the Return modal", () => {
  const notice = { plan: 'concerto-2017', id: '4.2.1', title: 'A mechanism for capturing demands', owners: ['N. Shackleton'], by: 'N. Shackleton', byId: 'U1', at: '2017-10-13T09:00:00.000Z', evidence: 'https://example.org/<x>', admins: ['U2'] };

  it('is valid Block Kit with Sign off and Return naming the proposal', () => {
    const m = assertMessage(signOffRequestMessage(notice));
    const actions = m.blocks!.find((b) => b.type === 'actions') as { elements: Array<{ action_id: string; value: string }> };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      [ACTION.signOff, 'concerto-2017/4.2.1@2017-10-13T09:00:00.000Z'],
      [ACTION.signOffReturn, 'concerto-2017/4.2.1@2017-10-13T09:00:00.000Z'],
    ]);
    expect(JSON.stringify(m.blocks)).toContain('https://example.org/&lt;x&gt;');
  });

  it('the modal carries the proposal in its metadata; refs read back, and junk reads as none', () => {
    const modal = assertModal(returnModal({ plan: 'concerto-2017', id: '4.2.1', at: notice.at }));
    expect(modal.callback_id).toBe(VIEW.signOffReturn);
    expect(readProposalRef(modal.private_metadata)).toEqual({ plan: 'concerto-2017', id: '4.2.1', at: notice.at });
    expect(readProposalRef(proposalRefValue({ plan: 'a', id: '1.1', at: notice.at }))).toEqual({ plan: 'a', id: '1.1', at: notice.at });
    expect(readProposalRef('concerto-2017/4.2.1')).toBeNull();
    expect(readProposalRef('concerto-2017/4.2.1@yesterday')).toBeNull();
    expect(readProposalRef(undefined)).toBeNull();
  });
});
