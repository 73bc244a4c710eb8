import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Rag } from '../core/plan/rag.js';
import type { UpdateEntry } from '../core/plan/recommendation.js';
import { STATUSES } from '../core/plan/status.js';
import type { BoardPaper, PaperRow } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { boardDate, longDate, opensWithItsDay } from '../core/report/dates.js';
import {
  correctsLine,
  decisionLogHeading,
  decisionWhere,
  meetingLine,
  NO_WAITING_LINE,
  noDecisionsLine,
  WAITING_HEADING,
  waitingGroupHeading,
  waitingItemLine,
} from '../core/report/governance-sections.js';
import { PROPOSALS_HEADING, proposalLine } from '../core/report/proposals-section.js';
import type { Counts } from '../core/report/summary.js';
import { baselineLabel, RAG_LABELS, statusLabel } from './cells.js';
import { RAG_COLOURS, RAG_TEXT } from './charts.js';

/**
 * The paper as a Word document (the `docx` package), for the office that edits the paper before it goes
 * to the board: the PDF's sections in its order, and the plan as one table in the seed's own columns,
 * its header row repeated on every page. A4 landscape, the title and date in the header, "Page n of N"
 * in the footer. The charts are left to the PDF and HTML papers; their numbers are the summary's.
 */

const NAVY = '1F3864';
const BAND = 'D9E2F3';
const GREY = '404040';
const OVERDUE = 'C00000';
/** A4 in twentieths of a point; the package turns the page for landscape. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 720;
const COLUMNS = ['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG'];
/** The PDF's shares of the width, in percent. */
const SHARES = [27, 12, 37, 9, 8, 7];

export async function paperToDocx(paper: BoardPaper): Promise<Uint8Array> {
  const doc = new Document({
    title: paper.title,
    description: `Board paper as at ${longDate(paper.asAt)}`,
    creator: 'Concerto',
    styles: { default: { document: { run: { font: 'Arial', size: 18 } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        headers: { default: new Header({ children: [para([run(`${paper.title} · as at ${longDate(paper.asAt)}`, { colour: GREY, size: 16 })])] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: GREY })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: lines(paper.title, { bold: true, colour: NAVY, size: 32 }) }),
          para([run(`As at ${longDate(paper.asAt)}`, { bold: true }), run(` · produced ${longDate(paper.producedOn)}`, { colour: GREY })]),
          ...(paper.meeting ? [para(lines(meetingLine(paper.meeting)))] : []),
          ...summary(paper),
          ...key(paper),
          ...changes(paper),
          ...governance(paper),
          ...proposals(paper),
          heading('Action plan', { pageBreakBefore: true }),
          planTable(paper),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function summary(paper: BoardPaper): Array<Paragraph | Table> {
  const s = paper.summary;
  const numbers = (c: Counts) => [...STATUSES.map((st) => c.byStatus[st]), c.total, c.overdue].map((n) => cell([para([run(String(n))], AlignmentType.RIGHT)]));
  const rows = [
    new TableRow({ tableHeader: true, children: ['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue'].map((h) => headCell(h)) }),
    ...s.byTheme.map((t) => new TableRow({ children: [cell([para(lines(t.theme))]), ...numbers(t)] })),
    new TableRow({ children: [cell([para([run('All themes', { bold: true })])]), ...numbers(s)] }),
  ];
  const rag = (Object.keys(s.byRag) as Rag[]).map((r) => `${s.byRag[r]} ${RAG_LABELS[r].toLowerCase()}`).join(', ');
  const numberShare = (100 - 28) / (STATUSES.length + 2);
  return [
    heading('Summary'),
    fullWidth(rows, [28, ...Array.from({ length: STATUSES.length + 2 }, () => numberShare)]),
    new Paragraph({ spacing: { before: 80, after: 60 }, children: [run(`${s.overdue} overdue`, { bold: true }), run(` as at ${longDate(paper.asAt)}. RAG: ${rag}.`)] }),
  ];
}

function key(paper: BoardPaper): Array<Paragraph | Table> {
  const rows = [
    new TableRow({ tableHeader: true, children: [headCell('RAG'), headCell('Rule')] }),
    ...(Object.keys(paper.ragKey) as Rag[]).map((rag) => new TableRow({ children: [ragCell(rag), cell([para(lines(paper.ragKey[rag]))])] })),
  ];
  return [heading('Key'), new Table({ rows, width: { size: 60, type: WidthType.PERCENTAGE } })];
}

function changes(paper: BoardPaper): Paragraph[] {
  const c = paper.changes;
  if (!c) return [];
  const sections = describeChanges(c);
  if (!sections.length) return [heading(changesHeading(c)), para([run(noChangesLine(c))])];
  return [heading(changesHeading(c)), ...sections.flatMap((s) => [subheading(s.heading), ...s.lines.map((l) => labelled(l.id, l.text))])];
}

function governance(paper: BoardPaper): Paragraph[] {
  if (!paper.governanceRecorded) return [];
  const out = [heading(decisionLogHeading(paper))];
  if (!paper.decisions.length) out.push(para([run(noDecisionsLine(paper))]));
  for (const d of paper.decisions) {
    out.push(subheading(decisionWhere(d)), para(lines(d.text)), labelled('Affects:', d.affects.length ? d.affects.join(', ') : '(no items named)'));
    const corrects = correctsLine(d);
    if (corrects) out.push(labelled('Correction:', corrects));
  }
  out.push(heading(WAITING_HEADING));
  if (!paper.waiting.length) out.push(para([run(NO_WAITING_LINE)]));
  for (const g of paper.waiting) out.push(subheading(waitingGroupHeading(g)), ...g.items.map((i) => labelled(i.id, waitingItemLine(i))));
  return out;
}

function proposals(paper: BoardPaper): Paragraph[] {
  if (!paper.proposals.length) return [];
  return [heading(PROPOSALS_HEADING), ...paper.proposals.map((p) => labelled(p.id, proposalLine(p)))];
}

function planTable(paper: BoardPaper): Table {
  const rows = [new TableRow({ tableHeader: true, children: COLUMNS.map((h) => headCell(h)) })];
  for (const group of paper.groups) {
    rows.push(new TableRow({ cantSplit: true, children: [cell([para(lines(group.theme, { bold: true, colour: NAVY }))], { fill: BAND, span: COLUMNS.length })] }));
    for (const r of group.rows) rows.push(planRow(r));
  }
  return fullWidth(rows, SHARES);
}

function planRow(r: PaperRow): TableRow {
  const delivery = [para(lines(r.delivery))];
  if (r.baseline !== null) delivery.push(para([run(`Baseline: ${baselineLabel(r.baseline)}`, { italics: true, colour: GREY })]));
  if (r.overdue && r.window.end) delivery.push(para([run(`Overdue: was due by ${boardDate(r.window.end)}`, { bold: true, colour: OVERDUE })]));
  // Kept whole on a page, as in the PDF; Word still breaks a row taller than a page.
  return new TableRow({
    cantSplit: true,
    children: [
      cell([para([run(`${r.id}: `, { bold: true }), ...lines(r.text)]), ...(r.priority ? [para([run(`Priority: ${r.priority}`, { italics: true, colour: GREY })])] : [])]),
      cell(r.owners.length ? r.owners.map((o) => para(lines(o))) : [para([])]),
      cell(r.updates.length ? r.updates.map(updatePara) : [para([])]),
      cell(delivery),
      cell([para([run(statusLabel(r.status))])]),
      ragCell(r.rag.rag, r.rag.reason),
    ],
  });
}

/**
 * "08/08/2017 (Karen Georgiou): Templates stored", and its evidence on a line of its own: the entry as the CSV
 * paper writes it, which `import` reads back as the same dated entry when the document comes back edited.
 */
function updatePara(u: UpdateEntry): Paragraph {
  const label = opensWithItsDay(u) ? '' : `${boardDate(u.date)}${u.author ? ` (${u.author})` : ''}: `;
  const evidence = u.evidence ? [new TextRun({ text: 'Evidence: ', break: 1, italics: true }), ...lines(u.evidence, { italics: true })] : [];
  return para([...(label ? lines(label, { bold: true }) : []), ...lines(u.text), ...evidence]);
}

// ---- the pieces ---------------------------------------------------------------------------------

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  colour?: string;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: wordSafe(text), bold: style.bold, italics: style.italics, color: style.colour, size: style.size });
}

/**
 * A text's lines as runs with line breaks between them: the board's own line breaks are kept, whichever
 * character made them (Word itself stores a manual line break as a vertical tab).
 */
function lines(text: string, style: RunStyle = {}): TextRun[] {
  return text
    .split(LINE_BREAK)
    .map((line, i) => new TextRun({ text: wordSafe(line), break: i ? 1 : undefined, bold: style.bold, italics: style.italics, color: style.colour, size: style.size }));
}

const LINE_BREAK = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/;

function para(children: ParagraphChild[], alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ children, alignment, spacing: { after: 60 } });
}

function heading(text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: options.pageBreakBefore, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(text, { bold: true, colour: NAVY, size: 24 })] });
}

function subheading(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 120, after: 60 }, children: [run(text, { bold: true, size: 20 })] });
}

/** "4.2.1 Status: On-going → Complete": the id in bold before the line, as the other papers give it. */
function labelled(label: string, text: string): Paragraph {
  return para([run(`${label} `, { bold: true }), ...lines(text)]);
}

function cell(children: Paragraph[], options: { fill?: string; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    columnSpan: options.span,
    shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function headCell(text: string): TableCell {
  return cell([para([run(text, { bold: true, colour: 'FFFFFF' })])], { fill: NAVY });
}

/** The colour as the PDF draws it, its name in the cell (readable in black and white), and the rule under it. */
function ragCell(rag: Rag, reason?: string): TableCell {
  const children = [para([run(RAG_LABELS[rag], { bold: true, colour: RAG_TEXT[rag].slice(1) })])];
  if (reason) children.push(para([run(reason, { size: 14, colour: rag === 'red' ? 'FFFFFF' : GREY })]));
  return cell(children, { fill: RAG_COLOURS[rag].slice(1).toUpperCase() });
}

/** A table across the page; with `shares`, its columns take those percentages of the width. */
function fullWidth(rows: TableRow[], shares?: readonly number[]): Table {
  const columnWidths = shares?.map((s) => Math.round((s / 100) * (A4.height - 2 * MARGIN)));
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths });
}

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, lone surrogates, U+FFFE/U+FFFF): a document
 * holding one will not open in Word, so they go; line breaks are made breaks first (see `lines`), and every
 * other character stays as written.
 */
function wordSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
