import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IsoDate } from '../core/dates/delivery-window.js';
import type { Rag } from '../core/plan/rag.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import { STATUSES } from '../core/plan/status.js';
import { ranksItems, type BoardPaper } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { longDate } from '../core/report/dates.js';
import { PROPOSALS_HEADING, proposalLine } from '../core/report/proposals-section.js';
import { correctsLine, decisionLogHeading, meetingLine, NO_WAITING_LINE, noDecisionsLine, WAITING_HEADING } from '../core/report/governance-sections.js';
import type { Counts } from '../core/report/summary.js';
import { fitCell, PLAN_LABELS, PLAN_NAMES, PLAN_SHEET_COLUMNS, SHEETS, updateLogCell, xmlSafe } from '../files/xlsx-format.js';
import { baselineLabel, RAG_LABELS, ragLabel, statusLabel } from './cells.js';

/**
 * The board paper as an Excel workbook, written by exceljs: a Summary sheet (the counts, the RAG key and
 * the plan's own fields, which `concerto import` reads back), the Action plan sheet (one row per
 * recommendation, in the CSV paper's columns, with the delivery window as real dates) and a Changes
 * sheet (what changed since --since; without it, how to ask). Every cell made from the plan's text is
 * a plain string: never a formula, never a link.
 */

const DATE_FORMAT = 'd mmm yyyy';
const LONG_DATE_FORMAT = 'd mmmm yyyy';
const NAVY = 'FF1F3864';
const RAG_COLOURS: Record<Rag, { fill: string; font: string }> = {
  red: { fill: 'FFC00000', font: 'FFFFFFFF' },
  amber: { fill: 'FFFFC000', font: 'FF000000' },
  green: { fill: 'FF00B050', font: 'FFFFFFFF' },
  grey: { fill: 'FFA6A6A6', font: 'FF000000' },
};
/** Column widths in characters, in PLAN_SHEET_COLUMNS order. */
const PLAN_WIDTHS = [18, 11, 50, 22, 70, 18, 12, 12, 14, 24, 18];
const TOP_WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

export async function paperToXlsx(paper: BoardPaper): Promise<Buffer> {
  // exceljs's streaming writer: each row is written out and let go as soon as it is complete, so a plan of
  // 10,000 items never holds the whole workbook as cell objects (the in-memory writer took twice the memory).
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => sink.on('end', resolve).on('error', reject));
  // Fixed dates, so the same paper always makes the same workbook properties.
  const produced = day(paper.producedOn);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  Object.assign(wb, { created: produced, modified: produced, creator: 'Concerto', lastModifiedBy: 'Concerto' });
  wb.title = paper.title;
  wb.subject = `Board paper as at ${longDate(paper.asAt)}`;

  summarySheet(wb, paper);
  planSheet(wb, paper);
  changesSheet(wb, paper);
  decisionsSheet(wb, paper);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** A string cell from the plan's text: exactly as written, made safe for the file format, cut only past Excel's limit; no cell when empty. */
function text(s: string): string | null {
  return s === '' ? null : xmlSafe(fitCell(s));
}

function day(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function dateCell(cell: ExcelJS.Cell, iso: IsoDate | null, format = DATE_FORMAT): void {
  if (iso === null) return;
  cell.value = day(iso);
  cell.numFmt = format;
  cell.alignment = { vertical: 'top', horizontal: 'left' };
}

function heading(cell: ExcelJS.Cell, value: string, size = 12): void {
  cell.value = value;
  cell.font = { bold: true, size, color: { argb: NAVY } };
}

function headerRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: NAVY } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

function ragFill(cell: ExcelJS.Cell, rag: Rag): void {
  const c = RAG_COLOURS[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.fill } };
  cell.font = { color: { argb: c.font }, bold: true };
}

/** A4 landscape, one page wide, the header rows repeated on every page, and the title, date and page number on each. */
function sheetOptions(paper: BoardPaper, frozenRows: number, titleRows?: string): Partial<ExcelJS.AddWorksheetOptions> {
  // Header and footer text is a small language of its own: "&" starts a code, so a literal one is doubled.
  // Excel refuses a header over 255 characters, so a long title is shortened there (and only there).
  const title = [...paper.title.replace(/[\x00-\x1F\x7F]/g, ' ')];
  const head = `${title.length > 100 ? `${title.slice(0, 99).join('')}…` : title.join('')} — as at ${longDate(paper.asAt)}`.replace(/&/g, '&&');
  const cell = `A${frozenRows + 1}`;
  return {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(titleRows ? { printTitlesRow: titleRows } : {}) },
    headerFooter: { oddHeader: `&L${head}`, oddFooter: '&RPage &P of &N' },
    views: frozenRows ? [{ state: 'frozen', xSplit: 0, ySplit: frozenRows, topLeftCell: cell, activeCell: cell }] : [],
  };
}

function summarySheet(wb: ExcelJS.Workbook, paper: BoardPaper): void {
  const ws = wb.addWorksheet(SHEETS.summary, sheetOptions(paper, 0));
  ws.columns = [{ width: 40 }, ...Array.from({ length: STATUSES.length + 2 }, () => ({ width: 14 })), { width: 60 }];

  const title = ws.getCell('A1');
  title.value = text(paper.title);
  title.font = { bold: true, size: 16, color: { argb: NAVY } };
  // The plan's own fields, each labelled and named: import reads them through the names.
  const fields: Array<[string, (c: ExcelJS.Cell) => void, string]> = [
    [PLAN_LABELS.asAt, (c) => dateCell(c, paper.asAt, LONG_DATE_FORMAT), PLAN_NAMES.asAt],
    ['Produced on', (c) => dateCell(c, paper.producedOn, LONG_DATE_FORMAT), ''],
    [PLAN_LABELS.planDate, (c) => dateCell(c, paper.planAsOf, LONG_DATE_FORMAT), PLAN_NAMES.planDate],
    [PLAN_LABELS.timeZone, (c) => (c.value = text(paper.timeZone)), PLAN_NAMES.timeZone],
  ];
  fields.forEach(([label, fill, name], i) => {
    const row = ws.getRow(2 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    fill(row.getCell(2));
    if (name) wb.definedNames.add(`${SHEETS.summary}!$B$${2 + i}`, name);
  });
  ws.getCell('C4').value = 'the day the plan’s delivery dates were read as of';
  ws.getCell('C4').font = { italic: true, color: { argb: 'FF595959' } };
  wb.definedNames.add(`${SHEETS.summary}!$A$1`, PLAN_NAMES.title);

  let r = 7;
  const s = paper.summary;
  heading(ws.getCell(r++, 1), 'Items by theme and status');
  const head = ws.getRow(r++);
  head.values = ['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue'];
  headerRow(head);
  const counts = (row: ExcelJS.Row, name: string, c: Counts) => {
    row.values = [text(name), ...STATUSES.map((st) => c.byStatus[st]), c.total, c.overdue];
    row.getCell(1).alignment = TOP_WRAP;
  };
  for (const t of s.byTheme) counts(ws.getRow(r++), t.theme, t);
  const total = ws.getRow(r++);
  counts(total, 'All themes', s);
  total.font = { bold: true };

  r++;
  heading(ws.getCell(r++, 1), 'RAG');
  const ragHead = ws.getRow(r++);
  ragHead.values = ['RAG', 'Items', 'Rule'];
  headerRow(ragHead);
  ws.mergeCells(r - 1, 3, r - 1, STATUSES.length + 4);
  for (const rag of Object.keys(paper.ragKey) as Rag[]) {
    const row = ws.getRow(r);
    row.values = [RAG_LABELS[rag], s.byRag[rag], paper.ragKey[rag]];
    ragFill(row.getCell(1), rag);
    ws.mergeCells(r, 3, r, STATUSES.length + 4);
    r++;
  }
  r++;
  const overdue = ws.getRow(r++);
  overdue.values = [`Overdue as at ${longDate(paper.asAt)}`, s.overdue];
  overdue.font = { bold: true };

  // The numbers the HTML and PDF chart (exceljs cannot draw a chart), one row a week.
  if (paper.trends.weeks.length) {
    r++;
    heading(ws.getCell(r++, 1), 'Week by week');
    const th = ws.getRow(r++);
    th.values = ['Week ending', ...STATUSES.map(statusLabel), 'Total', 'Overdue'];
    headerRow(th);
    for (const w of paper.trends.weeks) {
      const row = ws.getRow(r++);
      row.values = [null, ...STATUSES.map((st) => w.byStatus[st]), w.total, w.overdue];
      dateCell(row.getCell(1), w.weekEnding);
    }
  }
  ws.commit();
}

function planSheet(wb: ExcelJS.Workbook, paper: BoardPaper): void {
  const ws = wb.addWorksheet(SHEETS.plan, sheetOptions(paper, 1, '1:1'));
  const priorities = ranksItems(paper);
  const columns = [...PLAN_SHEET_COLUMNS, ...(priorities ? ['Priority'] : [])];
  ws.columns = [...PLAN_WIDTHS, ...(priorities ? [14] : [])].map((width) => ({ width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const head = ws.getRow(1);
  head.values = columns;
  headerRow(head);
  head.commit();

  const recs = new Map<string, Recommendation>(paper.recommendations.map((rec) => [rec.id, rec]));
  let r = 2;
  for (const group of paper.groups) {
    for (const item of group.rows) {
      const rec = recs.get(item.id);
      // The paper shows a baseline only when it differs; a revision that kept the same words still has one.
      const baseline = item.baseline ?? (rec && rec.revisions > 0 ? rec.baseline.text : null);
      const row = ws.getRow(r++);
      row.values = [
        text(group.theme),
        text(item.id),
        text(item.text),
        text(item.owners.join('\n')),
        text(updateLogCell(item.updates).text),
        text(item.delivery),
        null,
        null,
        statusLabel(item.status),
        text(ragLabel(item.rag)),
        text(baselineLabel(baseline)),
        ...(priorities ? [text(item.priority ?? '')] : []),
      ];
      row.alignment = TOP_WRAP;
      dateCell(row.getCell(7), item.window.start);
      dateCell(row.getCell(8), item.window.end);
      ragFill(row.getCell(10), item.rag.rag);
      row.getCell(10).alignment = TOP_WRAP;
      row.commit();
    }
  }
  ws.commit();
}

/**
 * What changed since the paper's "since" date. The sheet is there even without one, saying how to
 * ask for it, so a workbook always has the same three sheets wherever it is opened.
 */
const NO_SINCE =
  'Nothing is listed here: this paper was made without a "since" date. Export it with --since DATE (in Slack: report xlsx since 1 September 2017) to list the new updates, status changes, date revisions, closed items and owner changes.';

function changesSheet(wb: ExcelJS.Workbook, paper: BoardPaper): void {
  const c = paper.changes;
  const ws = wb.addWorksheet(SHEETS.changes, sheetOptions(paper, 3, '3:3'));
  ws.columns = [{ width: 30 }, { width: 16 }, { width: 100 }];
  if (!c) {
    heading(ws.getCell('A1'), 'What changed', 14);
    ws.getCell('A3').value = NO_SINCE;
    ws.commit();
    return;
  }
  heading(ws.getCell('A1'), `${changesHeading(c)}, to ${longDate(c.asAt)}`, 14);
  const head = ws.getRow(3);
  head.values = ['Change', 'Recommendation No', 'Detail'];
  headerRow(head);
  ws.autoFilter = 'A3:C3';
  let r = 4;
  const sections = describeChanges(c);
  if (!sections.length) ws.getCell(r, 1).value = noChangesLine(c);
  for (const section of sections) {
    for (const line of section.lines) {
      const row = ws.getRow(r++);
      row.values = [section.heading, text(line.id), text(line.text)];
      row.alignment = TOP_WRAP;
      row.commit();
    }
  }
  ws.commit();
}

/**
 * The decision log (one row per standing decision of the period) and, below it, the items waiting on a
 * decision with the board that must take it, then completions awaiting sign-off. Only when the paper has
 * any board business in it.
 */
function decisionsSheet(wb: ExcelJS.Workbook, paper: BoardPaper): void {
  if (!paper.governanceRecorded && !paper.proposals.length) return;
  const ws = wb.addWorksheet('Decision log', sheetOptions(paper, 0));
  ws.columns = [{ width: 12 }, { width: 18 }, { width: 14 }, { width: 70 }, { width: 24 }, { width: 50 }];
  heading(ws.getCell('A1'), decisionLogHeading(paper), 14);
  if (paper.meeting) ws.getCell('A2').value = text(meetingLine(paper.meeting));
  const head = ws.getRow(3);
  head.values = ['Board', 'Meeting', 'Decided on', 'Decision', 'Affects', 'Correction'];
  headerRow(head);
  head.commit();
  let r = 4;
  if (!paper.decisions.length) ws.getCell(r++, 1).value = noDecisionsLine(paper);
  for (const d of paper.decisions) {
    const row = ws.getRow(r++);
    row.values = [text(d.board), d.meeting ? text(d.meeting) : null, null, text(d.text), text(d.affects.join(', ')), text(correctsLine(d) ?? '')];
    dateCell(row.getCell(3), d.decidedOn);
    row.alignment = TOP_WRAP;
    row.commit();
  }
  r += 1;
  heading(ws.getCell(r++, 1), WAITING_HEADING, 12);
  const waitHead = ws.getRow(r++);
  waitHead.values = ['Board', 'Recommendation No', '', 'Waits on'];
  headerRow(waitHead);
  waitHead.commit();
  if (!paper.waiting.length) ws.getCell(r++, 1).value = NO_WAITING_LINE;
  for (const g of paper.waiting) {
    for (const i of g.items) {
      const row = ws.getRow(r++);
      row.values = [g.board ? text(g.board) : '(no board named)', text(i.id), null, text(i.what ?? '(awaiting a decision, none named)')];
      row.alignment = TOP_WRAP;
      row.commit();
    }
  }
  if (paper.proposals.length) {
    r += 1;
    heading(ws.getCell(r++, 1), PROPOSALS_HEADING, 12);
    const propHead = ws.getRow(r++);
    propHead.values = ['Owners', 'Recommendation No', 'Proposed on', 'Proposal'];
    headerRow(propHead);
    propHead.commit();
    for (const p of paper.proposals) {
      const row = ws.getRow(r++);
      row.values = [text(p.owners.join(', ')), text(p.id), null, text(proposalLine(p))];
      dateCell(row.getCell(3), p.on);
      row.alignment = TOP_WRAP;
      row.commit();
    }
  }
  ws.commit();
}
