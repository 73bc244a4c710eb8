import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import { paperToPdf } from '../../../src/report/pdf.js';
import { bundledPlanInput } from '../../helpers/plan.js';
import { paperFromPlan } from '../report/xlsx-fixtures.js';
import { tablesOf } from './helpers.js';
import { planPdf } from './bad-documents.js';
import { readPlanTable } from '../../../src/core/plan/table/read-plan-table.js';
import type { SourceRow } from '../../../src/core/plan/table/source-table.js';
import { HEADINGS, tablePdf, wrapInColumn, type PdfTableRow } from './pdf-fixture.js';

/** Rows 4.0.1–4.0.9 fill the first page; 4.0.9 is cut by the page break, as Word cuts a long row. */
const filler = (n: number): PdfTableRow => ({
  cells: [
    [`4.0.${n}: The full cost of each`, 'project and any changes', 'against the baseline should', 'be identified and accounted', `for (item ${n}).`],
    ['Karen Georgiou', 'Portfolio Office'],
    ['Costs to be reported', 'to SAS quarterly', `from Q${(n % 4) + 1}`],
    ['Ongoing'],
  ],
  ...(n === 9 ? { splitAfter: 2 } : {}),
});

const ROWS: PdfTableRow[] = [
  { section: 'Governance' },
  {
    cells: [
      ['3.4: BCH should implement a', 'clear audit trail of decisions', 'and actions.'],
      ['Karen Georgiou', 'Portfolio Office'],
      ['14.06.17 COMPLETE – SAS and', 'JCOB Decision Logs developed', 'and will be circulated with', 'future papers'],
      ['June 2017', 'Complete'],
    ],
  },
  {
    cells: [
      ['3.6: BCH should separate the', 'Change Governance from BAU', 'within', '30 days of the board.'],
      ['Karen Georgiou', 'Portfolio Office'],
      ['Awaits agreement of new', 'governance framework'],
      ['September', '2017'],
    ],
  },
  { section: 'Delivering Projects and Realising Benefits' },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(filler),
  { section: 'ICT' },
  { cells: [['9.2.1: ICT should publish', 'a roadmap'], ['Head of ICT'], ['On track'], ['March 2018']] },
  { cells: [['9.2.2'], ['Head of ICT'], [], ['See 9.2.1 above']] },
];

/** The rows the reader should give: each cell's lines as laid out, section rows as one cell. */
function expectedRows(headerLine: number, rowLines: number[]) {
  return [
    { number: headerLine, cells: HEADINGS },
    ...ROWS.map((row, i) => ({
      number: rowLines[i]!,
      cells: 'section' in row ? [row.section, '', '', ''] : row.cells.map((lines) => lines.join('\n')),
    })),
  ];
}

/** Rows as laid out; how their lines read as paragraphs is the business of the test with lines a column wrapped. */
const laidOut = (rows: readonly SourceRow[]) => rows.map(({ number, cells }) => ({ number, cells }));

describe('readDocumentTables: PDF', () => {
  it('reads a table over two pages: columns from the header, rows from the numbers, wrapped lines joined, furniture left out', async () => {
    const pdf = await tablePdf(ROWS, { title: 'BCH Collaboration — Action Plan' });
    const reading = await tablesOf(await readDocumentTables(pdf.bytes, 'plan.pdf'));
    expect(reading.kind).toBe('pdf');
    expect(reading.title).toBe('BCH Collaboration — Action Plan');
    expect(pdf.headerLine).toBe(3);
    expect(reading.tables.map((t) => ({ ...t, rows: laidOut(t.rows) }))).toEqual([{ name: "the PDF's table", linesWrap: true, rows: expectedRows(pdf.headerLine, pdf.rowLines) }]);
    // The row cut by the page break carries on below the repeated header on page 2.
    expect(reading.tables[0]!.rows.find((r) => r.cells[0]!.startsWith('4.0.9'))!.cells[0]).toBe(
      '4.0.9: The full cost of each\nproject and any changes\nagainst the baseline should\nbe identified and accounted\nfor (item 9).',
    );
  });

  it("reads a cell's wrapped lines as the paragraphs they were, and keeps the lines its writer broke", async () => {
    const text = [
      '2.1: BCH should implement a clear audit trail of decisions and actions, including responses to external reports. There are three parts to this:',
      '• a decision log for each board, kept by the Portfolio Office;',
      '• an action log reviewed at every meeting.',
    ];
    const updates = [
      '12/10/2017: Decision logs for SAS and JCOB have been developed and will be circulated with the papers from November.',
      '20/11/2017: Action logs agreed at JCOB on 14 November 2017 and in use since.',
    ];
    const roles = ['Director of Finance and Resources', 'CFO'];
    const { bytes } = await tablePdf([
      { cells: [wrapInColumn(text, 0), wrapInColumn(roles, 1), wrapInColumn(updates, 2), ['March 2018']] },
      { cells: [wrapInColumn(['2.2: Publish the logs on the intranet.'], 0), ['CFO', 'Portfolio Office'], [], ['April 2018']] },
    ]);
    // The fixture wraps as a word processor does: the long paragraphs take several lines each.
    expect(wrapInColumn(text, 0).length).toBeGreaterThan(6);
    expect(wrapInColumn(roles.slice(0, 1), 1).length).toBeGreaterThan(1);
    const reading = readPlanTable(tablesOf(await readDocumentTables(bytes, 'wrapped.pdf')).tables, { title: 'Wrapped', asOf: '2017-12-01', timeZone: 'Europe/London' });
    if (!reading.ok) throw new Error(reading.error);
    const [first, second] = reading.plan.recommendations;
    expect(first!.text).toBe(text.join('\n').replace(/^2\.1: /, ''));
    expect(first!.owners).toEqual(roles);
    expect(first!.updates!.map((u) => [u.date, u.text])).toEqual(updates.map((u) => [`${u.slice(6, 10)}-${u.slice(3, 5)}-${u.slice(0, 2)}`, u.slice(12)]));
    // Two roles on two lines, with room for the second's first word after the first: two owners, not one.
    expect(second!.owners).toEqual(['CFO', 'Portfolio Office']);
  });

  it('finds the columns where the text lines up when the headings are centred over them', async () => {
    const pdf = await tablePdf(ROWS, { centredHeadings: true });
    const reading = await tablesOf(await readDocumentTables(pdf.bytes, 'plan.pdf'));
    expect(reading.title).toBeNull();
    expect(laidOut(reading.tables[0]!.rows)).toEqual(expectedRows(pdf.headerLine, pdf.rowLines));
  });

  it("reads Concerto's own board paper: every recommendation a row in order, the themes as section rows", async () => {
    const plan = bundledPlanInput();
    const bytes = await paperToPdf(paperFromPlan(plan, { asAt: '2017-10-04' }));
    const reading = await tablesOf(await readDocumentTables(bytes, 'board-paper.pdf'));
    expect(reading.title).toBe('Concerto Action Plan');
    const rows = reading.tables[0]!.rows;
    expect(rows[0]!.cells).toEqual(['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG']);
    const items = rows.filter((r) => /^\d/.test(r.cells[0]!));
    expect(items.map((r) => r.cells[0]!.split(':')[0])).toEqual(plan.recommendations.map((r) => r.id));
    // The paper prints the theme above its first item and again, "(continued)", atop a new page.
    const sections = rows.slice(1).filter((r) => !items.includes(r));
    expect(sections.every((r) => r.cells.slice(1).every((c) => c === ''))).toBe(true);
    expect([...new Set(sections.map((r) => r.cells[0]!.replace(/ \(continued\)$/, '')))]).toEqual([...new Set(plan.recommendations.map((r) => r.theme))]);
    // Each text as written, the column's wraps read as spaces and its own line breaks (a list's bullets) kept.
    expect(items.map((r) => r.flowed![0])).toEqual(plan.recommendations.map((r) => `${r.id}: ${r.text}`));
    const first = items[0]!;
    expect(first.cells[1]).toBe('Karen Georgiou\nPortfolio Office');
    expect(first.cells[4]).toBe('Awaiting\ndecision'); // wrapped in its narrow column, as printed
  });

  it('refuses a PDF with no text, one with text but no table, a password-protected one and a damaged one', async () => {
    const scan = await pdfOf((doc) => doc.rect(50, 50, 300, 200).fill('#888'));
    expect(await readDocumentTables(scan, 'scan.pdf')).toEqual({
      ok: false,
      error: 'scan.pdf has no text to read (it may be a scanned image); export the table from the original document instead.',
    });
    const letter = await pdfOf((doc) => doc.text('Dear board members, the action plan will follow next month.', 50, 50));
    expect(await readDocumentTables(letter, 'letter.pdf')).toEqual({
      ok: false,
      error: 'letter.pdf has no table Concerto can find: no line in it reads like a table\'s header (such as Recommendation, Owner, Update, Delivery Date, Status).',
    });
    const locked = await tablePdf(ROWS.slice(0, 3), { userPassword: 'secret' });
    expect(await readDocumentTables(locked.bytes, 'locked.pdf')).toEqual({ ok: false, error: 'locked.pdf is password-protected; save a copy without a password and try again.' });
    const damaged = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]);
    expect(await readDocumentTables(damaged, 'damaged.pdf')).toEqual({
      ok: false,
      error: 'damaged.pdf is damaged and could not be read as a PDF; open it and save or print it to PDF again.',
    });
  });
});

async function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a PDF numbered with parts and letters', () => {
  it('starts a row at "1a:", "3(a)" and "IA-01", never merging it into the row above', async () => {
    const bytes = await planPdf([
      ['1a: Review the governance framework', 'Karen Georgiou', 'March 2019'],
      ['1b: Publish the revised framework', 'Karen Georgiou', 'June 2019'],
      ['2. Agree the ICT demand process', 'N. Shackleton', 'Q2 2019'],
      ['IA-01 Review access quarterly', 'Head of ICT', 'Q3 2019'],
      ['3(a) Set up the benefits register', 'Portfolio Office', 'End of 2019'],
    ]);
    const reading = readPlanTable(tablesOf(await readDocumentTables(bytes, 'parts.pdf')).tables, { title: 'Parts', asOf: '2019-01-01', timeZone: 'Europe/London' });
    if (!reading.ok) throw new Error(reading.error);
    expect(reading.plan.recommendations.map((r) => [r.id, r.text, r.owners?.[0]])).toEqual([
      ['1a', 'Review the governance framework', 'Karen Georgiou'],
      ['1b', 'Publish the revised framework', 'Karen Georgiou'],
      ['2', 'Agree the ICT demand process', 'N. Shackleton'],
      ['IA-01', 'Review access quarterly', 'Head of ICT'],
      ['3a', 'Set up the benefits register', 'Portfolio Office'],
    ]);
  });
});
