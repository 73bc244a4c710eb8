import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/app/import-preview.js';
import { assertMessage } from '../../../src/slack/block-kit.js';
import { ACTION } from '../../../src/slack/ids.js';
import { importDecisionMessage, importPreviewMessage, notPermittedMessage, onlyAdminsImport } from '../../../src/slack/views/import-preview-message.js';

const item = (n: number) => ({ id: `${n}.1`, theme: 'Governance <b>', text: `Action ${n} ${'long text '.repeat(80)}`, owners: ['Portfolio Office'], status: 'on_going' as const, delivery: 'Autumn 2017', updates: [] });

/** A preview at its worst: hundreds of rows not read and dates flagged, long cells, text that looks like mrkdwn. */
const big: ImportPreview = {
  file: 'tracker <@U0123ABCD>.xlsx',
  kind: 'xlsx',
  plan: 'tracker-2017',
  createsPlan: true,
  title: 'Tracker & <!channel>',
  table: 'sheet Action tracker',
  why: 'the only table with a recommendation-number column and 2000 numbered rows',
  headerRow: 5,
  columns: [{ field: 'id', column: 1, heading: 'Ref', how: 'heading' }],
  ignoredColumns: ['Notes'],
  items: 2000,
  themes: ['Governance'],
  owners: ['Portfolio Office'],
  sample: [item(1), item(2), item(3)],
  skipped: Array.from({ length: 300 }, (_, i) => ({ row: i + 10, reason: `no recommendation text ${'x'.repeat(200)}` })),
  flaggedDates: Array.from({ length: 300 }, (_, i) => ({ row: i + 400, id: `${i}.2`, text: 'when pigs fly', reason: 'not a date' })),
  duplicates: [],
  notes: Array.from({ length: 100 }, (_, i) => `note ${i} ${'y'.repeat(300)}`),
  warnings: [],
};

describe('the preview of a document in Slack', () => {
  it('stays inside Block Kit limits however much there is to say, lists ten of each and counts the rest', () => {
    const m = assertMessage(importPreviewMessage({ kind: 'preview', id: '0b7f3a52-6a51-4c1e-9d55-3f0c2b8e1a10', preview: big, expiresAt: '2017-10-04T10:30:00.000Z', blocked: null }));
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('…and 290 more rows not read.');
    expect(text).toContain('…and 290 more dates kept as written but not read.');
    expect(text).not.toContain('Row 20 not read');
    // What the document says is shown, never acted on: no mention, no broadcast.
    expect(text).not.toContain('<@U0123ABCD>');
    expect(text).not.toContain('<!channel>');
    const actions = m.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    expect(JSON.stringify(actions)).toContain(ACTION.importConfirm);
  });

  it('with duplicates: why it cannot be imported, and no Import', () => {
    const m = assertMessage(importPreviewMessage({ kind: 'preview', id: null, preview: { ...big, duplicates: [{ id: '1.1', rows: [6, 9] }] }, expiresAt: '', blocked: 'x.xlsx has the same number on more than one row (1.1: rows 6, 9). Make each number appear once, then import again. Nothing was imported.' }));
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(m.text).toMatch(/^x\.xlsx has the same number on more than one row/);
  });

  it('the outcome keeps the preview and drops its buttons', () => {
    const preview = importPreviewMessage({ kind: 'preview', id: '0b7f3a52-6a51-4c1e-9d55-3f0c2b8e1a10', preview: big, expiresAt: '', blocked: null });
    const pending = { id: 'x', userId: 'U1', planKey: 'tracker-2017', createsPlan: true, fileName: 'tracker.xlsx', plan: {}, createdAt: '', expiresAt: '' };
    const m = assertMessage(importDecisionMessage({ kind: 'cancelled', pending }, preview));
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(m.text).toBe('Cancelled: nothing from tracker.xlsx was imported.');
  });

  it('says who can import, by Slack id', () => {
    expect(onlyAdminsImport([]).text).toBe("Only admins can import a plan from a document: a plan's own admins for their plan (and anyone named in CONCERTO_ADMINS, which is empty). Nothing was read or imported; send the file to one of them.");
    expect(notPermittedMessage({ kind: 'not_permitted', planKey: 'audit-2018', creates: false, planAdmins: ['U0PAT0001'] }, ['U0ALICE01']).text).toBe(
      'Only an admin of audit-2018 can import into it, so nothing was imported. <@U0PAT0001>, <@U0ALICE01> can import it; send it to one of them.',
    );
  });
});
