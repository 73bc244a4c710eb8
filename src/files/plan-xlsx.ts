import ExcelJS from 'exceljs';
import { parseStatus } from '../core/plan/status.js';
import { isIsoDay, longDate } from '../core/report/dates.js';
import { CUT_NOTE, NO_DATE, PLAN_LABELS, PLAN_NAMES, readUpdateLog, SHEETS } from './xlsx-format.js';

/**
 * Reads the board paper workbook (`concerto export --format xlsx`, src/report/xlsx.ts) back into the plan
 * file's shape: the Action plan sheet's rows and the plan's own fields from the Summary sheet. Like the CSV
 * reader it returns the plain JSON shape, which zod validates afterwards like any other file; mistakes it
 * can see on its own come back as sentences with the sheet's row number.
 */

export interface XlsxProblem {
  /** The row of the Action plan sheet, as Excel numbers it; 0 for the workbook as a whole. */
  row: number;
  message: string;
}

/** `warnings` are things the person should know that do not stop the import (an update log cut to fit a cell). */
export type XlsxReading = { plan: unknown; warnings: string[] } | { problems: XlsxProblem[] };

/** The columns read, by their header in the paper and the plan file's own field names. */
const COLUMNS = {
  id: ['Recommendation No', 'id'],
  theme: ['Theme', 'theme'],
  text: ['Recommendation', 'text'],
  owners: ['Owner', 'Owners', 'owners'],
  updates: ['Update', 'Updates', 'updates'],
  delivery: ['Delivery Date', 'delivery'],
  status: ['Status', 'status'],
  baseline: ['Baseline Delivery Date', 'baseline'],
  priority: ['Priority', 'priority'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['id', 'theme', 'text', 'status'];
const WHAT_IT_READS =
  'Concerto imports the workbook that `concerto export --format xlsx` writes: an "Action plan" sheet whose first row names the columns Recommendation No, Theme, Recommendation and Status (and Owner, Update, Delivery Date and Baseline Delivery Date when there are any)';

export async function xlsxToPlan(bytes: Buffer | Uint8Array, fallback: { title: string; asOf: string }): Promise<XlsxReading> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notXlsx = notAWorkbook(buffer);
  if (notXlsx) return whole(notXlsx);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return whole('the file could not be read as an Excel workbook: it is damaged or only looks like one. Open it in Excel and save it again as an Excel Workbook (.xlsx), or export it again.');
  }

  const sheet = findPlanSheet(wb);
  if (!sheet) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(', ');
    return whole(`this workbook has no "${SHEETS.plan}" sheet (${names ? `its sheets are ${names}` : 'it has no sheets'}). ${WHAT_IT_READS}.`);
  }
  const header = findHeader(sheet);
  const missing = REQUIRED.filter((k) => header?.columns[k] === undefined);
  if (!header || missing.length) {
    const names = missing.map((k) => COLUMNS[k][0]);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    const s = names.length === 1 ? '' : 's';
    return {
      problems: [
        {
          row: header?.row ?? 1,
          message: `the "${sheet.name}" sheet's header row has no ${list} column${s}. ${WHAT_IT_READS}. Add the missing column${s}, or export the workbook again.`,
        },
      ],
    };
  }

  const problems: XlsxProblem[] = [];
  const warnings: string[] = [];
  const recommendations: unknown[] = [];
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<Column, string>;
    for (const key of Object.keys(COLUMNS) as Column[]) {
      const col = header.columns[key];
      const read = col === undefined ? { text: '' } : cellText(row.getCell(col));
      if ('error' in read) problems.push({ row: r, message: `the ${COLUMNS[key][0]} cell holds ${read.error}; type the text itself instead` });
      cells[key] = 'text' in read ? read.text : '';
    }
    if (Object.values(cells).every((v) => !v.trim())) continue;
    const id = cells.id.trim();
    const label = id ? ` (${id})` : '';
    const log = readUpdateLog(cells.updates);
    if (!log.ok) problems.push({ row: r, message: `Update${label}: ${log.error}` });
    else if (log.omitted) {
      warnings.push(
        `row ${r}${label}: the Update cell shows only the latest ${log.updates.length} update${log.updates.length === 1 ? '' : 's'} (${log.omitted} earlier ${log.omitted === 1 ? 'one' : 'ones'} did not fit in an Excel cell), so only ${log.updates.length === 1 ? 'that was' : 'those were'} read; import the JSON or CSV export to bring in the whole log.`,
      );
    }
    for (const key of ['text', 'theme', 'owners', 'delivery'] as const) {
      if (CUT_NOTE.test(cells[key])) warnings.push(`row ${r}${label}: the ${COLUMNS[key][0]} cell was cut to fit in an Excel cell, so it was read as cut.`);
    }
    const baseline = cells.baseline.trim();
    recommendations.push({
      id,
      theme: cells.theme,
      text: cells.text,
      owners: cells.owners
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
      // People type labels ("On-going", "Complete"); codes pass through unchanged.
      status: parseStatus(cells.status) ?? cells.status.trim(),
      delivery: cells.delivery.trim() === NO_DATE ? '' : cells.delivery,
      baseline: baseline === '' ? null : baseline === NO_DATE ? '' : cells.baseline,
      updates: log.ok ? log.updates : [],
      ...(cells.priority.trim() ? { priority: cells.priority.trim() } : {}),
    });
  }
  if (problems.length) return { problems };

  const meta = planFields(wb);
  if (meta.planDate !== undefined && !isIsoDay(meta.planDate as unknown)) {
    return whole(
      `the "${PLAN_LABELS.planDate}" on the ${SHEETS.summary} sheet reads "${meta.planDate.slice(0, 40)}", which is not a date. Put the plan's own date there (the day its delivery dates were read as of, e.g. 4 October 2017), or export the workbook again.`,
    );
  }
  const asOf = meta.planDate ?? fallback.asOf;
  if (meta.planDate === undefined) {
    warnings.push(`the workbook does not give the plan's own date (the "${PLAN_LABELS.planDate}" cell on its ${SHEETS.summary} sheet), so its delivery dates were read as of ${longDate(fallback.asOf)}.`);
  }
  return { plan: { title: meta.title || fallback.title, asOf, ...(meta.timeZone ? { timeZone: meta.timeZone } : {}), recommendations }, warnings };
}

function whole(message: string): XlsxReading {
  return { problems: [{ row: 0, message }] };
}

/** What the first bytes say: an .xlsx is a zip; an .xls and a password-protected workbook are OLE compound files. */
function notAWorkbook(bytes: Buffer): string | null {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return null;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return 'this is an Excel 97–2003 workbook (.xls) or a password-protected one, which Concerto cannot read. Open it in Excel, remove any password, and save it as an Excel Workbook (.xlsx).';
  }
  return 'this is not an Excel workbook (.xlsx): it does not start the way one does. Export the plan with `concerto export --format xlsx`, or save the spreadsheet as an Excel Workbook (.xlsx).';
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

function findPlanSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = wb.worksheets.find((w) => norm(w.name) === norm(SHEETS.plan));
  if (named) return named;
  // A workbook of someone's own: the one sheet that has the columns.
  const candidates = wb.worksheets.filter((w) => {
    const h = findHeader(w);
    return h !== null && REQUIRED.every((k) => h.columns[k] !== undefined);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The header row: the first of the top ten rows that names the Recommendation No column. */
function findHeader(sheet: ExcelJS.Worksheet): { row: number; columns: Partial<Record<Column, number>> } | null {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const index = new Map<string, number>();
    row.eachCell((cell, col) => {
      const read = cellText(cell);
      if ('text' in read && !index.has(norm(read.text))) index.set(norm(read.text), col);
    });
    const columns: Partial<Record<Column, number>> = {};
    for (const key of Object.keys(COLUMNS) as Column[]) {
      const col = COLUMNS[key].map((name) => index.get(norm(name))).find((c) => c !== undefined);
      if (col !== undefined) columns[key] = col;
    }
    if (columns.id !== undefined) return { row: r, columns };
  }
  return null;
}

/**
 * A cell as the text a person sees and typed. Concerto writes plain strings, but a workbook that has been
 * edited may hold rich text, a link Excel made of a typed address, a number or date Excel read into what
 * was typed, or a formula (read as its formula text, so it stays data).
 */
function cellText(cell: ExcelJS.Cell): { text: string } | { error: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: controls(v) };
  if (typeof v === 'number' || typeof v === 'boolean') return { text: String(v) };
  if (v instanceof Date) return { text: dateText(v, cell.numFmt) };
  if ('richText' in v) return { text: controls(v.richText.map((run) => run.text).join('')) };
  if ('hyperlink' in v) {
    const t = v.text as unknown;
    return { text: typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? (t as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join('') : '' };
  }
  if ('formula' in v || 'sharedFormula' in v) return { text: `=${cell.formula ?? ''}` };
  if ('error' in v) return { error: `an Excel error (${String(v.error)})` };
  return { text: String(cell.text ?? '') };
}

/**
 * exceljs decodes the `_xHHHH_` escapes of characters XML cannot carry only when their hex digits are upper
 * case, as Excel writes them; LibreOffice writes control characters in lower case (`_x000b_`). What is left
 * in lower case after exceljs is such a control character (text that spells one out literally, escaped by
 * its writer, would come back decoded too: a price no real plan pays).
 */
function controls(s: string): string {
  return s.includes('_x00') ? s.replace(/_x00(0[b-f]|1[a-f]|7f)_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** A date Excel made of what was typed ("Sept 2017" becomes 1 September 2017): as words, at the precision it shows. */
function dateText(d: Date, numFmt: string | undefined): string {
  const iso = d.toISOString().slice(0, 10);
  const long = longDate(iso);
  return numFmt && !/d/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, '')) ? long.replace(/^\d+ /, '') : long;
}

/** The plan's own fields: through the workbook's names, else by their labels at the top of the Summary sheet. */
function planFields(wb: ExcelJS.Workbook): { title?: string; planDate?: string; timeZone?: string } {
  const named = (name: string): ExcelJS.Cell | undefined => {
    const range = wb.definedNames.model.find((n) => n.name === name)?.ranges[0];
    const m = range?.match(/^'?(.+?)'?!\$?([A-Z]{1,3})\$?(\d+)$/);
    return m ? wb.getWorksheet(m[1]!.replace(/''/g, "'"))?.getCell(`${m[2]}${m[3]}`) : undefined;
  };
  const summary = wb.worksheets.find((w) => norm(w.name) === norm(SHEETS.summary));
  const labelled = (label: string): ExcelJS.Cell | undefined => {
    if (!summary) return undefined;
    for (let r = 1; r <= Math.min(20, summary.rowCount); r++) {
      const read = cellText(summary.getCell(r, 1));
      if ('text' in read && norm(read.text) === norm(label)) return summary.getCell(r, 2);
    }
    return undefined;
  };
  const filled = (cell: ExcelJS.Cell | undefined) => (cell && cell.value !== null && cell.value !== undefined && cell.value !== '' ? cell : undefined);
  const cellOf = (name: string, label?: string) => filled(named(name)) ?? (label ? filled(labelled(label)) : undefined);
  const str = (cell: ExcelJS.Cell | undefined) => {
    const read = cell ? cellText(cell) : { text: '' };
    return 'text' in read ? read.text.trim() : '';
  };
  const planDateCell = cellOf(PLAN_NAMES.planDate, PLAN_LABELS.planDate);
  return {
    title: str(filled(named(PLAN_NAMES.title)) ?? summary?.getCell('A1')),
    planDate: planDateCell ? isoDay(planDateCell) : undefined,
    timeZone: str(cellOf(PLAN_NAMES.timeZone, PLAN_LABELS.timeZone)),
  };
}

/** A date cell, or text written YYYY-MM-DD or day first (4/10/2017); anything else is left to validation to name. */
function isoDay(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const read = cellText(cell);
  const s = 'text' in read ? read.text.trim() : '';
  if (!s) return undefined;
  const dmy = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : s;
}
