import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPaper, type BoardPaper } from '../../../src/core/report/board-paper.js';
import { boardDate } from '../../../src/core/report/dates.js';
import { describeChanges } from '../../../src/core/report/describe-changes.js';
import { RAG_LABELS, statusLabel } from '../../../src/report/cells.js';
import { paperToDocx } from '../../../src/report/docx.js';
import { bundledPlanInput } from '../../helpers/plan.js';
import { PLAN } from './fixtures.js';
import { current, t } from './scenario.js';
import { hostilePlan, longLogPlan, paperFromPlan, parts } from './xlsx-fixtures.js';

/**
 * The board paper as a Word document, read back by mammoth (a reader Concerto did not write) for its
 * words, and checked in the XML it is stored as for what a reader of text cannot see: the page turned
 * to landscape, the header row repeated, the page numbers, nothing XML cannot carry.
 */

const rowsOf = (paper: BoardPaper) => paper.groups.flatMap((g) => g.rows.map((r) => ({ ...r, theme: g.theme })));

/**
 * The document's text as mammoth reads it (as HTML: its plain text drops line breaks), a paragraph ending
 * in a blank line and a line break inside one a newline.
 */
async function textOf(bytes: Uint8Array): Promise<string> {
  // The title's style is Word's own "Title", which mammoth maps only when told.
  const read = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh"] });
  expect(read.messages).toEqual([]);
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return read.value
    .replace(/<br \/>/g, '\n')
    .replace(/<\/(?:p|h\d)>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!);
}

/** What a text becomes in Word: its line breaks (any of them) as breaks, the characters XML cannot carry gone. */
function asWritten(text: string): string {
  return text
    .split(/\r\n|[\r\n\v\f\u0085\u2028\u2029]/)
    .map((l) => l.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''))
    .join('\n');
}

/** "08/08/2017 (Karen Georgiou): ", as the paper labels an update. */
/** The day an update is labelled with; none when its own words open with that day as the board wrote it ("14.06.17 COMPLETE"). */
const label = (u: { date: string; author: string | null; text: string }) =>
  !u.author && /^\d{2}[./]\d{2}[./]\d{2}\b/.test(u.text) ? '' : `${boardDate(u.date)}${u.author ? ` (${asWritten(u.author)})` : ''}: `;

/** Each needle found after the one before it. */
function inOrder(text: string, needles: string[]): void {
  let at = -1;
  for (const n of needles) {
    const found = text.indexOf(n, at + 1);
    expect(found, `"${n.slice(0, 60)}" after position ${at}`).toBeGreaterThan(at);
    at = found;
  }
}

describe('the seed plan as at 4 October 2017', () => {
  const paper = paperFromPlan(bundledPlanInput(), { asAt: '2017-10-04', producedOn: '2017-10-05' });
  let bytes: Uint8Array;
  let text: string;
  beforeAll(async () => {
    bytes = await paperToDocx(paper);
    text = await textOf(bytes);
  });

  it('opens with the title and its dates, then the summary, the key and the action plan', () => {
    expect(text.startsWith(`${paper.title}\n\nAs at 4 October 2017 · produced 5 October 2017\n\n`)).toBe(true);
    inOrder(text, ['Summary', 'All themes', 'Key', ...Object.values(RAG_LABELS), 'Action plan', 'Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG']);
  });

  it('has every item in plan order under its theme, each with its words, owners, updates, delivery date, status and RAG', () => {
    const rows = rowsOf(paper);
    expect(rows).toHaveLength(30);
    const plan = text.slice(text.indexOf('Action plan'));
    inOrder(
      plan,
      rows.flatMap((r, i) => [
        ...(i === 0 || rows[i - 1]!.theme !== r.theme ? [`${r.theme}\n\n`] : []),
        `${r.id}: ${asWritten(r.text)}\n\n`,
        ...r.owners.map((o) => `${o}\n\n`),
        ...r.updates.map((u) => `${label(u)}${asWritten(u.text)}${u.evidence ? `\nEvidence: ${asWritten(u.evidence)}` : ''}\n\n`),
        ...(r.delivery.trim() ? [asWritten(r.delivery)] : []),
        `${statusLabel(r.status)}\n\n`,
        `${RAG_LABELS[r.rag.rag]}\n\n${r.rag.reason}\n\n`,
      ]),
    );
  });

  it('is A4 landscape, repeats the table headers on every page, and numbers its pages "Page n of N"', () => {
    const files = parts(Buffer.from(bytes));
    const doc = files.get('word/document.xml')!;
    expect(doc).toMatch(/<w:pgSz [^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"/);
    // The summary's, the key's and the plan's header rows.
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(3);
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const header = [...files].find(([name]) => /^word\/header\d*\.xml$/.test(name))![1];
    expect(header).toContain(`${paper.title} · as at 4 October 2017`);
  });
});

describe('with changes since a date', () => {
  const paper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-20', producedOn: '2017-10-21', since: '2017-10-09' });

  it('lists each kind of change under its heading, each line led by the item number, before the plan', async () => {
    const text = await textOf(await paperToDocx(paper));
    const sections = describeChanges(paper.changes!);
    expect(sections.length).toBeGreaterThan(1);
    inOrder(text, ['Changed since 9 October 2017', ...sections.flatMap((s) => [s.heading, ...s.lines.map((l) => `${l.id} ${asWritten(l.text)}`)]), 'Action plan']);
  });
});

describe('hostile text', () => {
  const paper = paperFromPlan(hostilePlan(), { asAt: '2017-10-04', since: null });
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await paperToDocx(paper);
  });

  it('opens, and every item, owner and update reads as written, its line breaks kept as breaks', async () => {
    const text = await textOf(bytes);
    for (const r of rowsOf(paper)) {
      expect(text).toContain(`${r.id}: ${asWritten(r.text)}\n\n`);
      for (const o of r.owners) expect(text).toContain(`${asWritten(o)}\n\n`);
      for (const u of r.updates) expect(text).toContain(`${label(u)}${asWritten(u.text)}${u.evidence ? `\nEvidence: ${asWritten(u.evidence)}` : ''}\n\n`);
    }
  });

  it('stores nothing XML 1.0 cannot carry, so Word opens it', () => {
    for (const [name, xml] of parts(Buffer.from(bytes))) {
      if (name.endsWith('.xml')) expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    }
  });
});

it('a row longer than a page: every word of its 40,000-character log is in the document', async () => {
  const paper = paperFromPlan(longLogPlan(), { asAt: '2017-10-04', since: null });
  const text = await textOf(await paperToDocx(paper));
  for (const u of paper.groups[0]!.rows[0]!.updates) expect(text).toContain(`${label(u)}${u.text}`);
});
