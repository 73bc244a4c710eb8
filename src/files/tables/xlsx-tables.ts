import ExcelJS from 'exceljs';
import type { SourceTable } from '../../core/plan/table/source-table.js';
import { cleanText, finishRows, type GridCell, type GridRow, type TablesReading } from './source-rows.js';

/**
 * An Excel workbook's tables: every worksheet with something in it is one table, its rows numbered as
 * Excel numbers them, each cell as Excel shows it (dates dd/mm/yyyy, rich text joined, a formula's
 * saved result), a merged range's text repeated down the rows it covers.
 */
export async function xlsxTables(buffer: Buffer, fileName: string, sheet?: string): Promise<TablesReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    return { error: `${fileName} is damaged and could not be read as an Excel workbook; open it in Excel and save it again.` };
  }
  let sheets = workbook.worksheets;
  if (sheet !== undefined) {
    const wanted = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => s.name.toLowerCase() === sheet.trim().toLowerCase());
    if (!wanted) return { error: `${fileName} has no sheet "${sheet}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}.` };
    sheets = [wanted];
  }
  const warnings: string[] = [];
  const tables: SourceTable[] = sheets
    .map((ws) => ({ name: `sheet ${ws.name}`, rows: finishRows(gridOf(ws, warnings)) }))
    // A sheet asked for by name is kept even when empty, so the reader can say so of that sheet.
    .filter((t) => t.rows.length > 0 || sheet !== undefined);
  if (tables.length === 0) return { error: `${fileName} has no table: every sheet in it is empty.` };
  const title = workbook.title?.trim() || null;
  return { tables, title, warnings };
}

function gridOf(ws: ExcelJS.Worksheet, warnings: string[]): GridRow[] {
  const rows: GridRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell, ws.name, warnings);
    });
    rows.push({ number, cells });
  });
  return withoutLeadingEmptyColumns(rows);
}

function cellOf(cell: ExcelJS.Cell, sheet: string, warnings: string[]): GridCell {
  if (cell.isMerged && (cell.master.row !== cell.row || cell.master.col !== cell.col)) {
    const below = cell.master.row < cell.row;
    // Like Word's merged cells: the text once per row, in the range's first column.
    return { text: below && cell.master.col === cell.col ? display(cell.master.value) : '', continued: below };
  }
  const value = cell.value;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value) && value.result === undefined) {
    warnings.push(`Cell ${cell.address} of sheet ${sheet} holds a formula with no saved result (the file was not last saved by Excel), so it is read as empty.`);
  }
  return { text: display(value), continued: false };
}

export function display(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayMonthYear(value);
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return cleanText(value);
  if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return display(value.result);
  if ('hyperlink' in value) return display(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** exceljs gives dates at midnight UTC, so the UTC fields are the day the sheet shows. */
function dayMonthYear(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** A table that starts in column C would otherwise carry two empty columns the reader has to step over. */
function withoutLeadingEmptyColumns(rows: GridRow[]): GridRow[] {
  const used = (c: GridCell | undefined) => !!c && (c.text !== '' || c.continued);
  const first = Math.min(...rows.map((r) => r.cells.findIndex(used)).filter((i) => i >= 0));
  if (!Number.isFinite(first) || first === 0) return rows;
  return rows.map((r) => ({ number: r.number, cells: r.cells.slice(first) }));
}
