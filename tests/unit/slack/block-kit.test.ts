import { describe, expect, it } from 'vitest';
import { assertHome, assertMessage, assertModal, Block, HomeView, Message, ModalView } from '../../../src/slack/block-kit.js';

const txt = (text: string) => ({ type: 'mrkdwn' as const, text });
const pt = (text: string) => ({ type: 'plain_text' as const, text });
const btn = (over: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'a', text: pt('Go'), value: 'v', ...over });
const input = (element: Record<string, unknown>) => ({ type: 'input', block_id: 'b', label: pt('Label'), element });
const modal = (over: Record<string, unknown> = {}) => ({ type: 'modal', callback_id: 'cb', title: pt('Title'), submit: pt('Save'), close: pt('Cancel'), blocks: [{ type: 'divider' }], ...over });
const sections = (n: number, len = 10) => Array.from({ length: n }, () => ({ type: 'section', text: txt('x'.repeat(len)) }));

describe('Block Kit schemas accept what we emit', () => {
  it.each<[string, unknown]>([
    ['section with button', { type: 'section', text: txt('hi'), accessory: btn() }],
    ['section with overflow', { type: 'section', text: pt('hi'), accessory: { type: 'overflow', action_id: 'o', options: [{ text: pt('A'), value: 'a' }] } }],
    ['header', { type: 'header', text: pt('Hello') }],
    ['divider', { type: 'divider' }],
    ['context', { type: 'context', elements: [txt('a'), pt('b')] }],
    ['actions', { type: 'actions', elements: [btn(), btn({ action_id: 'b', style: 'primary' })] }],
    ['multiline input', input({ type: 'plain_text_input', action_id: 'v', multiline: true, max_length: 3000 })],
    ['select', input({ type: 'static_select', action_id: 'v', options: [{ text: pt('A'), value: 'a' }], initial_option: { text: pt('A'), value: 'a' } })],
  ])('%s', (_name, block) => {
    expect(Block.safeParse(block).success).toBe(true);
  });
});

describe('Block Kit schemas reject what Slack rejects', () => {
  it.each<[string, unknown]>([
    ['section text over 3000', { type: 'section', text: txt('x'.repeat(3001)) }],
    ['empty section text', { type: 'section', text: txt('') }],
    ['header over 150', { type: 'header', text: pt('x'.repeat(151)) }],
    ['mrkdwn header', { type: 'header', text: txt('x') }],
    ['button text over 75', { type: 'actions', elements: [btn({ text: pt('x'.repeat(76)) })] }],
    ['button value over 2000', { type: 'actions', elements: [btn({ value: 'x'.repeat(2001) })] }],
    ['action_id over 255', { type: 'actions', elements: [btn({ action_id: 'x'.repeat(256) })] }],
    ['block_id over 255', { type: 'divider', block_id: 'x'.repeat(256) }],
    ['duplicate action_id in a block', { type: 'actions', elements: [btn(), btn()] }],
    ['26 buttons', { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => btn({ action_id: `a${i}` })) }],
    ['11 context elements', { type: 'context', elements: Array.from({ length: 11 }, () => txt('a')) }],
    ['101 options', input({ type: 'static_select', action_id: 'v', options: Array.from({ length: 101 }, (_, i) => ({ text: pt('A'), value: `${i}` })) })],
    ['option text over 75', input({ type: 'static_select', action_id: 'v', options: [{ text: pt('x'.repeat(76)), value: 'a' }] })],
    ['initial_option not among options', input({ type: 'static_select', action_id: 'v', options: [{ text: pt('A'), value: 'a' }], initial_option: { text: pt('B'), value: 'b' } })],
    ['max_length over 3000', input({ type: 'plain_text_input', action_id: 'v', max_length: 3001 })],
    ['initial_value over max_length', input({ type: 'plain_text_input', action_id: 'v', max_length: 5, initial_value: 'toolong' })],
    ['unknown field', { type: 'divider', colour: 'red' }],
    ['unknown block type', { type: 'image', image_url: 'x', alt_text: 'x' }],
  ])('%s', (_name, block) => {
    expect(Block.safeParse(block).success).toBe(false);
  });

  it('messages: ≤50 blocks, ≤12,000 characters of text, no inputs, unique block ids', () => {
    expect(Message.safeParse({ text: 'hi', blocks: sections(50) }).success).toBe(true);
    expect(Message.safeParse({ text: 'hi', blocks: sections(51) }).success).toBe(false);
    // The 12,000 counts the top-level text and every text object in the blocks.
    expect(Message.safeParse({ text: 'xxxx', blocks: sections(4, 2999) }).success).toBe(true);
    expect(Message.safeParse({ text: 'xxxxx', blocks: sections(4, 2999) }).success).toBe(false);
    expect(Message.safeParse({ text: 'x', blocks: [...sections(3, 2999), { type: 'actions', elements: [btn({ text: pt('x'.repeat(3)) })] }] }).success).toBe(true);
    expect(Message.safeParse({ text: 'x', blocks: [...sections(4, 2999), { type: 'actions', elements: [btn({ text: pt('x'.repeat(4)) })] }] }).success).toBe(false);
    expect(Message.safeParse({ text: 'x'.repeat(12_001), blocks: [] }).success).toBe(false);
    expect(Message.safeParse({ text: '', blocks: [] }).success).toBe(false);
    expect(Message.safeParse({ text: 'hi', blocks: [input({ type: 'plain_text_input', action_id: 'v' })] }).success).toBe(false);
    expect(Message.safeParse({ text: 'hi', blocks: [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }] }).success).toBe(false);
  });

  it('modals: title/submit/close ≤24, private_metadata ≤3000, ≤100 blocks, submit needed with inputs', () => {
    expect(ModalView.safeParse(modal()).success).toBe(true);
    expect(ModalView.safeParse(modal({ title: pt('x'.repeat(25)) })).success).toBe(false);
    expect(ModalView.safeParse(modal({ submit: pt('x'.repeat(25)) })).success).toBe(false);
    expect(ModalView.safeParse(modal({ close: pt('x'.repeat(25)) })).success).toBe(false);
    expect(ModalView.safeParse(modal({ private_metadata: 'x'.repeat(3001) })).success).toBe(false);
    expect(ModalView.safeParse(modal({ blocks: sections(100) })).success).toBe(true);
    expect(ModalView.safeParse(modal({ blocks: sections(101) })).success).toBe(false);
    expect(ModalView.safeParse(modal({ submit: undefined, blocks: [input({ type: 'plain_text_input', action_id: 'v' })] })).success).toBe(false);
  });

  it('home: ≤100 blocks', () => {
    expect(HomeView.safeParse({ type: 'home', blocks: sections(100) }).success).toBe(true);
    expect(HomeView.safeParse({ type: 'home', blocks: sections(101) }).success).toBe(false);
  });

  it('assert helpers throw a readable error naming the problem', () => {
    expect(() => assertMessage({ text: 'hi', blocks: sections(51) })).toThrow(/Invalid Block Kit message[\s\S]*blocks/);
    expect(() => assertModal(modal({ title: pt('x'.repeat(25)) }))).toThrow(/Invalid Block Kit modal[\s\S]*title/);
    expect(() => assertHome({ type: 'modal', blocks: [] })).toThrow(/Invalid Block Kit home view/);
    expect(assertHome({ type: 'home', blocks: [] })).toEqual({ type: 'home', blocks: [] });
  });
});
