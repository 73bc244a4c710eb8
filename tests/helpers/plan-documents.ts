import { AlignmentType, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import type { Status } from '../../src/core/plan/status.js';
import { buildBoardPaper } from '../../src/core/report/board-paper.js';
import { renderPaper } from '../../src/report/render.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { readPlanHistory } from '../../src/store/plan-history.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { bundled, entryOf, type BundledItem } from '../unit/plan-table/tables.js';

/**
 * Documents a plan lives in, built from the bundled plan (db/plans/concerto-action-plan-2017-10-04.json,
 * the seed's 30 recommendations) with the libraries that write them — the `docx` package, exceljs and
 * PDFKit — and laid out as real plans are (the seed itself is ../shared/seed/…txt: a Word table printed
 * to PDF). Update cells follow tests/unit/plan-table/tables.ts (`entryOf`): an entry that is not the
 * plan's own undated text, and does not already carry its date, is written "dd.mm.yy text", so what the
 * reading gives back for it is known exactly.
 */
export { bundled, entryOf, type BundledItem };

export const PLAN_TITLE = bundled.title;
export const AS_OF = bundled.asOf;
export const TIME_ZONE = bundled.timeZone;

/** The sub-heading rows the seed writes above the first item of each part of section 9. */
export const SUBHEADINGS: Readonly<Record<string, string>> = { '9.1.1': '9.1 Business as Usual:', '9.2.1': '9.2 Governance:', '9.3.1': '9.3 Accountability:' };

/** How the seed writes a number in front of its text: "1.1: BCH needs…", but "9.1.1 BaU functions…" in section 9. */
export const numbered = (r: BundledItem) => (r.id.startsWith('9.') ? `${r.id} ${r.text}` : `${r.id}: ${r.text}`);

/** The update cell's entries, in the plan's order, as the board writes them. */
export const updateEntries = (r: BundledItem) => r.updates.map((u) => entryOf(u).cell);

/** Status words as boards write them in a status column (several spellings, so the status map is exercised). */
const STATUS_WORDS: Record<Status, string[]> = {
  complete: ['Complete', 'Completed', 'COMPLETE'],
  on_going: ['On-going', 'Ongoing', 'In progress'],
  awaiting_decision: ['Awaiting decision', 'Awaits agreement'],
  not_started: ['Not started'],
  not_being_implemented: ['Not being implemented'],
};
export const statusWord = (r: BundledItem, i: number) => STATUS_WORDS[r.status][i % STATUS_WORDS[r.status].length]!;

/** Items sharing a merged owner cell in the Word fixture, as 9.2.1–9.2.2 share "PCC’s" in the seed. */
export const MERGED_OWNER = ['9.2.1', '9.2.2'] as const;

// ---------------------------------------------------------------------------------------------------
// Word

const paragraphs = (lines: readonly string[]) => (lines.length ? lines : ['']).map((text) => new Paragraph(text));

function wordCell(lines: readonly string[], options: { span?: number; merge?: 'restart' | 'continue' } = {}): TableCell {
  return new TableCell({
    children: paragraphs(lines),
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.merge ? { verticalMerge: options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

export const WORD_HEADINGS = ['Recommendation No', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status'] as const;

export type SeedWordRow =
  | { kind: 'header' }
  | { kind: 'section'; theme: string }
  | { kind: 'subheading'; number: string; words: string; above: string }
  | { kind: 'item'; item: BundledItem; index: number };

/** The Word table's rows in order (row n of the table is element n - 1), so a test knows each row's number. */
export function seedWordRows(): SeedWordRow[] {
  const rows: SeedWordRow[] = [{ kind: 'header' }];
  let theme = '';
  bundled.recommendations.forEach((item, index) => {
    if (item.theme !== theme) rows.push({ kind: 'section', theme: (theme = item.theme) });
    const sub = SUBHEADINGS[item.id];
    if (sub) {
      const [number, ...words] = sub.split(' ');
      rows.push({ kind: 'subheading', number: number!, words: words.join(' '), above: item.id });
    }
    rows.push({ kind: 'item', item, index });
  });
  return rows;
}

/**
 * The seed's 30 recommendations as a Word table: a title paragraph and a date line above it; the header
 * (marked to repeat on each page, as Word does it: one row in the file); a section row at each change of
 * theme, one cell spanning the row; the "9.1 Business as Usual:" sub-heading rows; owners one a
 * paragraph; update entries one a paragraph with an empty paragraph between entries; 3.4's "Complete"
 * under its date and no status of its own, as the seed writes it; and 9.2.1–9.2.2's owner one cell
 * merged down (vMerge) over both rows.
 */
export async function seedDocx(): Promise<Buffer> {
  const rows = seedWordRows().map((row) => {
    switch (row.kind) {
      case 'header':
        return new TableRow({ tableHeader: true, children: WORD_HEADINGS.map((h) => wordCell([h])) });
      case 'section':
        return new TableRow({ children: [wordCell([row.theme], { span: WORD_HEADINGS.length })] });
      case 'subheading':
        return new TableRow({ children: [wordCell([row.number]), wordCell([row.words]), wordCell([]), wordCell([]), wordCell([]), wordCell([])] });
      case 'item': {
        const r = row.item;
        const merge = r.id === MERGED_OWNER[0] ? 'restart' : r.id === MERGED_OWNER[1] ? 'continue' : undefined;
        const owner = merge === 'continue' ? wordCell([], { merge }) : wordCell(r.owners, merge ? { merge } : {});
        const update = updateEntries(r).flatMap((entry, k) => [...(k ? [''] : []), ...entry.split('\n')]);
        const seed34 = r.id === '3.4';
        return new TableRow({
          children: [
            wordCell([r.id]),
            wordCell(r.text.split('\n')),
            owner,
            wordCell(update),
            wordCell(seed34 ? [r.delivery, 'Complete'] : r.delivery ? [r.delivery] : []),
            wordCell(seed34 ? [] : [statusWord(r, row.index)]),
          ],
        });
      }
    }
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: PLAN_TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Position at 4 October 2017', alignment: AlignmentType.LEFT }),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
          new Paragraph('Recommendations 2 and 8 of the review were closed before this plan was drawn up.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A Word document with one table whose rows are given cell by cell (one paragraph a line). */
export async function wordTable(title: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const table = new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map((c) => wordCell(c.split('\n'))) })) });
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), table] }] }));
}

// ---------------------------------------------------------------------------------------------------
// Excel

export const TRACKER_HEADINGS = ['Ref', 'Action', 'Action owner', 'Target date', 'Progress update', 'RAG'] as const;
/** The tracker's header row: below a three-row title block and a blank row. */
export const TRACKER_HEADER_ROW = 5;

/** "2017-06-14" → "14/06/2017", as a tracker dates its entries. */
const slashed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Trackers date entries "dd/mm/yyyy – …"; entries that already carry their date (or are undated) keep their text. */
export function trackerEntry(u: BundledItem['updates'][number]): string {
  const seed = entryOf(u);
  return seed.cell === u.text ? u.text : `${slashed(u.date)} – ${u.text}`;
}

/** The RAG colour an office would have typed: Concerto reads the column and never uses it as the status. */
export const trackerRag = (r: BundledItem) => (r.status === 'complete' ? 'Green' : r.status === 'not_being_implemented' ? 'Grey' : 'Amber');

/**
 * An Excel tracker of the same plan: a title block in rows 1–3 (a merged title, who keeps it, the
 * position date), a blank row, the office's own headings, a section row per theme merged across the
 * table, owners on one line joined " / ", entries in one cell a blank line apart, a RAG column, no status
 * or theme column. A second sheet of notes, as trackers have.
 */
export async function trackerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action tracker');
  ws.getCell('A1').value = 'BCH Collaboration – Action Plan Tracker';
  ws.mergeCells('A1:F1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Kept by the Portfolio Office';
  ws.getCell('A3').value = { richText: [{ text: 'Position at ' }, { text: '04/10/2017', font: { bold: true } }] };
  const header = ws.getRow(TRACKER_HEADER_ROW);
  header.values = [...TRACKER_HEADINGS];
  header.font = { bold: true };
  let row = TRACKER_HEADER_ROW + 1;
  let theme = '';
  for (const r of bundled.recommendations) {
    if (r.theme !== theme) {
      theme = r.theme;
      ws.getCell(row, 1).value = theme;
      ws.mergeCells(row, 1, row, TRACKER_HEADINGS.length);
      row++;
    }
    ws.getRow(row).values = [r.id, r.text, r.owners.join(' / '), r.delivery, r.updates.map(trackerEntry).join('\n\n'), trackerRag(r)];
    ws.getRow(row).alignment = { wrapText: true, vertical: 'top' };
    row++;
  }
  ws.columns.forEach((c, i) => (c.width = [8, 60, 24, 16, 80, 8][i]));
  wb.addWorksheet('Notes').getCell('A1').value = 'RAG: Green complete, Amber in progress, Grey not being implemented.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------
// PDF in the seed's layout

/** The seed's four columns on A4 landscape: the number and text together, a narrow owner, a wide update, a narrow date. */
export const SEED_PDF_HEADINGS = ['Recommendation No', 'Owner', 'Update', 'Delivery Date'] as const;
const PDF_COLUMNS = [
  { x: 40, w: 150 },
  { x: 190, w: 95 },
  { x: 285, w: 420 },
  { x: 705, w: 70 },
];
const SIZE = 9;
const PITCH = 11;
const PAD = 4;
const TOP = 50;
const BOTTOM = 540;

/** Words laid into lines no wider than `width`, as Word wraps a cell (at spaces, never inside a word). */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && doc.widthOfString(next) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The seed as a PDF: a Word table printed on A4 landscape with Helvetica 9 pt, as
 * ../shared/seed/concerto-action-plan-2017-10-04.txt shows it — four columns (the number and the
 * recommendation together in the first), every cell wrapped to its column, a section row per theme and
 * the "9.1 Business as Usual:" sub-headings as rows of their own, update entries a blank line apart (the
 * Word table's empty paragraph, printed), 3.4's "Complete" under its date, no
 * status column, the header repeated at the top of every page, rows cut by a page break carried on below
 * it, and the running footer "Concerto Action Plan / 04/10/2017 CONFIDENTIAL" on every page.
 */
export async function seedPdf(): Promise<Buffer> {
  return (await seedPdfLayout()).bytes;
}

/**
 * The seed PDF, and the PDF line (as the reader numbers lines: every distinct line of text, page after
 * page, from 1) that the header and each sub-heading row ("sub 9.1.1" for the one above 9.1.1) are on.
 */
export async function seedPdfLayout(): Promise<{ bytes: Buffer; lineOf: Map<string, number> }> {
  const drawn: { page: number; y: number }[] = [];
  const marks = new Map<string, { page: number; y: number }>();
  let page = 1;
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font('Helvetica').fontSize(SIZE);
  const inner = (i: number) => PDF_COLUMNS[i]!.w - 2 * PAD;
  const width = PDF_COLUMNS.at(-1)!.x + PDF_COLUMNS.at(-1)!.w - PDF_COLUMNS[0]!.x;

  let y = TOP;
  const text = (s: string, x: number, at: number) => {
    drawn.push({ page, y: at });
    doc.text(s, x, at, { lineBreak: false });
  };
  const footer = () => {
    text(PLAN_TITLE, 40, 560);
    text('04/10/2017 CONFIDENTIAL', 40, 571);
  };
  const header = () => {
    if (page === 1) marks.set('header', { page, y: y + PAD });
    doc.font('Helvetica-Bold');
    SEED_PDF_HEADINGS.forEach((h, i) => {
      const c = PDF_COLUMNS[i]!;
      doc.rect(c.x, y, c.w, 2 * PAD + PITCH).stroke();
      text(h, c.x + PAD, y + PAD);
    });
    doc.font('Helvetica');
    y += 2 * PAD + PITCH;
  };
  const newPage = () => {
    doc.addPage();
    page++;
    y = TOP;
    footer();
    header();
  };
  /** A row's cells, line by line: as many lines as fit on this page, then the rest below the header on the next. */
  const row = (cells: string[][], mark?: string) => {
    let from = 0;
    const total = Math.max(1, ...cells.map((c) => c.length));
    while (from < total) {
      const room = Math.floor((BOTTOM - y - 2 * PAD) / PITCH);
      // A row starts on a new page rather than leave one line behind, as Word keeps a row's first lines together.
      if (room < Math.min(2, total - from)) {
        newPage();
        continue;
      }
      const to = Math.min(total, from + room);
      const h = 2 * PAD + PITCH * (to - from);
      if (mark && from === 0) marks.set(mark, { page, y: y + PAD });
      cells.forEach((lines, i) => {
        const c = PDF_COLUMNS[i]!;
        doc.rect(c.x, y, c.w, h).stroke();
        lines.slice(from, to).forEach((line, k) => line && text(line, c.x + PAD, y + PAD + k * PITCH));
      });
      y += h;
      from = to;
      if (from < total) newPage();
    }
  };
  const section = (title: string) => {
    if (y + 2 * PAD + 3 * PITCH > BOTTOM) newPage();
    doc.rect(PDF_COLUMNS[0]!.x, y, width, 2 * PAD + PITCH).stroke();
    doc.font('Helvetica-Bold');
    text(title, PDF_COLUMNS[0]!.x + PAD, y + PAD);
    doc.font('Helvetica');
    y += 2 * PAD + PITCH;
  };

  footer();
  header();
  let theme = '';
  for (const r of bundled.recommendations) {
    if (r.theme !== theme) section((theme = r.theme));
    const sub = SUBHEADINGS[r.id];
    if (sub) row([[sub], [], [], []], `sub ${r.id}`);
    const delivery = r.id === '3.4' ? `${r.delivery}\nComplete` : r.delivery;
    row([
      wrap(doc, numbered(r), inner(0)),
      r.owners.flatMap((o) => wrap(doc, o, inner(1))),
      // Entries an empty paragraph apart, as in the Word table: Word prints the empty paragraph as a blank line.
      updateEntries(r).flatMap((e, k) => [...(k ? [''] : []), ...wrap(doc, e, inner(2))]),
      delivery ? wrap(doc, delivery, inner(3)) : [],
    ]);
  }
  doc.end();
  await done;
  const key = (at: { page: number; y: number }) => at.page * 10_000 + at.y;
  const order = [...new Set(drawn.map(key))].sort((a, b) => a - b);
  const lineOf = new Map([...marks].map(([name, at]) => [name, order.indexOf(key(at)) + 1]));
  return { bytes: Buffer.concat(chunks), lineOf };
}

// ---------------------------------------------------------------------------------------------------
// Concerto's own board paper

/**
 * Concerto's own board paper as at the plan's date, as `concerto export --format pdf` writes it: the
 * bundled plan seeded into a database of its own, its history read back, the paper built and rendered.
 */
export async function boardPaperPdf(): Promise<Buffer> {
  return boardPaper('pdf');
}

/** Concerto's own board paper as a Word document, as `concerto export --format docx` writes it for the seeded plan. */
export async function boardPaperDocx(): Promise<Buffer> {
  return boardPaper('docx');
}

async function boardPaper(format: 'pdf' | 'docx'): Promise<Buffer> {
  const database = await openDatabase({ memory: true });
  try {
    await migrate(database);
    const seeded = await seedBundledPlan(new DrizzlePlanDirectory(database.db), { actor: 'seed', at: '2017-10-04T09:00:00.000Z' });
    const history = await readPlanHistory(database.db, seeded.plan.id);
    if (!history) throw new Error('the seeded plan has no history');
    const paper = buildBoardPaper(history, { asAt: AS_OF, producedOn: AS_OF });
    return Buffer.from(await renderPaper(paper, format));
  } finally {
    await database.close();
  }
}
