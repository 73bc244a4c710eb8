import { describe, expect, it } from 'vitest';
import { assertModal, type Block, type InputBlock } from '../../../src/slack/block-kit.js';
import { UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../../../src/slack/ids.js';
import { loadingModal, modalErrors, noticeModal, parseUpdateMetadata, readUpdateSubmission, updateModal } from '../../../src/slack/views/update-modal.js';
import { expectSafe, formData, HOSTILE } from './fixtures.js';

const inputs = (blocks: Block[]) => blocks.filter((b): b is InputBlock => b.type === 'input');
const inputFor = (blocks: Block[], id: string) => inputs(blocks).find((b) => b.block_id === id)!;

describe('updateModal', () => {
  const view = assertModal(updateModal(formData(), { conversation: 'slack:U1:C1', channel: 'C1', thread: '123.456' }));

  it('is the update modal for the item, remembering where it came from', () => {
    expect(view.callback_id).toBe(VIEW.update);
    expect(view.title.text).toBe('Update 3.2');
    expect(view.submit?.text).toBe('Save');
    expect(view.close?.text).toBe('Cancel');
    // The item's status and date as shown, and the timezone: enough to check a Save before its ack, with no I/O.
    const state = { id: '3.2', status: 'on_going', delivery: 'By end 2017', tz: 'Europe/London' };
    expect(JSON.parse(view.private_metadata!)).toEqual({ ...state, conversation: 'slack:U1:C1', channel: 'C1', thread: '123.456' });
    expect(parseUpdateMetadata(view.private_metadata)).toMatchObject({ ...state, channel: 'C1', thread: '123.456' });
    expect(parseUpdateMetadata('garbage')).toBeNull();
    expect(parseUpdateMetadata('{"id":"3.2","status":"made_up"}')).toEqual({ id: '3.2' });
    expect(JSON.parse(updateModal(formData()).private_metadata!)).toEqual(state);
  });

  it('keeps the item id (and timezone) when its date is too long for private_metadata', () => {
    const long = updateModal(formData({ deliveryText: 'x'.repeat(2990) }));
    expect(JSON.parse(long.private_metadata!)).toEqual({ id: '3.2', tz: 'Europe/London' });
  });

  it('opens as a loading view, and says why when the form cannot be shown; neither has a Save', () => {
    for (const v of [loadingModal('3.2'), noticeModal('3.2', 'There is no 3.2 in the plan.')]) {
      expect(v.callback_id).toBe(VIEW.loading);
      expect(v.submit).toBeUndefined();
      expect(v.title.text).toBe('Update 3.2');
    }
    expect(JSON.stringify(noticeModal('3.2', '<!channel> x').blocks)).toContain('&lt;!channel&gt; x');
  });

  it('shows the item, its delivery as written and as read, and recent updates', () => {
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('*3.2* Review the ICT strategy');
    expect(json).toContain('*Delivery:* By end 2017 — by 31 Dec 2017');
    expect(json).toContain('*2 Oct 2017* · Karen: Draft strategy circulated.');
    expect(json).toContain('unknown: Work started.');
  });

  it('has the four inputs keyed by UPDATE_BLOCK / UPDATE_INPUT', () => {
    expect(inputs(view.blocks).map((b) => [b.block_id, b.element.action_id, b.optional])).toEqual([
      [UPDATE_BLOCK.text, UPDATE_INPUT.text, false],
      [UPDATE_BLOCK.status, UPDATE_INPUT.status, true],
      [UPDATE_BLOCK.delivery, UPDATE_INPUT.delivery, true],
      [UPDATE_BLOCK.evidence, UPDATE_INPUT.evidence, true],
    ]);
    const text = inputFor(view.blocks, UPDATE_BLOCK.text).element;
    expect(text).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    const status = inputFor(view.blocks, UPDATE_BLOCK.status).element;
    expect(status.type === 'static_select' && status.initial_option?.value).toBe('on_going');
    expect(status.type === 'static_select' && status.options.map((o) => o.value)).toEqual(['on_going', 'awaiting_decision', 'complete', 'not_being_implemented']);
    const delivery = inputFor(view.blocks, UPDATE_BLOCK.delivery);
    expect(delivery.element).toMatchObject({ initial_value: 'By end 2017' });
    expect(delivery.hint?.text).toContain('“end of next month”');
    expect(inputFor(view.blocks, UPDATE_BLOCK.evidence).hint?.text).toBe('a link to minutes or a document');
  });

  it('leaves out an empty delivery date rather than prefilling nothing', () => {
    const v = assertModal(updateModal(formData({ deliveryText: '', deliveryReading: '(no delivery date given)' })));
    expect(inputFor(v.blocks, UPDATE_BLOCK.delivery).element).not.toHaveProperty('initial_value');
    expect(JSON.stringify(v.blocks)).toContain('*Delivery:* none — no delivery date given');
  });

  it.each(['999.999.999.999', '1', 'A-very-long-identifier-for-an-item'])('keeps the title within 24 characters for id %s', (id) => {
    const v = assertModal(updateModal(formData({ id })));
    expect(v.title.text.length).toBeLessThanOrEqual(24);
  });

  it.each(HOSTILE)('hostile text (%s) never appears raw and never breaks a limit', (_name, bad) => {
    const v = updateModal(
      formData({
        id: bad.slice(0, 50),
        title: bad,
        owners: [bad],
        statusLabel: bad,
        deliveryText: bad,
        deliveryReading: bad,
        statusOptions: [{ status: 'on_going', label: bad }],
        recentUpdates: [{ date: '2018-01-01', author: bad, text: bad, evidence: bad, source: 'slack' }],
      }),
      { conversation: bad },
    );
    assertModal(v);
    expectSafe(v.blocks);
  });
});

describe('readUpdateSubmission', () => {
  it('reads a realistic view.state.values', () => {
    const values = {
      [UPDATE_BLOCK.text]: { [UPDATE_INPUT.text]: { type: 'plain_text_input', value: '  Strategy approved by the board.\n' } },
      [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Complete', emoji: true }, value: 'complete' } } },
      [UPDATE_BLOCK.delivery]: { [UPDATE_INPUT.delivery]: { type: 'plain_text_input', value: 'end of next month' } },
      [UPDATE_BLOCK.evidence]: { [UPDATE_INPUT.evidence]: { type: 'plain_text_input', value: null } },
    };
    expect(readUpdateSubmission(values)).toEqual({ text: 'Strategy approved by the board.', status: 'complete', delivery: 'end of next month', evidence: '' });
  });

  it('treats missing blocks and unselected options as empty', () => {
    expect(readUpdateSubmission({})).toEqual({ text: '', status: null, delivery: '', evidence: '' });
    expect(readUpdateSubmission({ [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: { type: 'static_select', selected_option: null } } }).status).toBeNull();
  });
});

describe('modalErrors', () => {
  it('keys messages by the input block ids, skipping empty ones', () => {
    const errors = modalErrors({ text: 'Say what has happened.', delivery: 'I could not read "whenever".', status: undefined });
    expect(errors).toEqual({ [UPDATE_BLOCK.text]: 'Say what has happened.', [UPDATE_BLOCK.delivery]: 'I could not read "whenever".' });
    const ids = Object.values(UPDATE_BLOCK) as string[];
    for (const key of Object.keys(modalErrors({ text: 'a', status: 'b', delivery: 'c', evidence: 'd' }))) expect(ids).toContain(key);
  });

  it('caps an over-long message', () => {
    expect(modalErrors({ evidence: 'x'.repeat(5000) })[UPDATE_BLOCK.evidence]!.length).toBeLessThanOrEqual(2000);
  });
});
