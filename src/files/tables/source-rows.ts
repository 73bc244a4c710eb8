import type { SourceRow, SourceTable } from '../../core/plan/table/source-table.js';

/** What each format's reader gives back: its tables, or one sentence saying why the file cannot be read. */
export type TablesReading = { tables: SourceTable[]; title: string | null; warnings: string[] } | { error: string };

/** A cell laid on the table's grid: its text, and whether it is the lower part of a cell merged down. */
export interface GridCell {
  text: string;
  continued: boolean;
  /** The text with the line breaks that were only the column's width read as spaces (a PDF's cells). */
  flowed?: string;
}

export interface GridRow {
  number: number;
  cells: (GridCell | undefined)[];
}

/**
 * Every table comes out rectangular (holes and short rows padded with ""), so a column index means the
 * same column in every row whatever the format; rows with no text at all are left out, their numbers kept
 * on the others so messages still point at the right place in the document.
 */
export function finishRows(grid: readonly GridRow[]): SourceRow[] {
  const width = Math.max(0, ...grid.map((r) => r.cells.length));
  const rows: SourceRow[] = [];
  for (const row of grid) {
    const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? { text: '', continued: false });
    if (cells.every((c) => c.text === '')) continue;
    const continued = cells.map((c) => c.continued);
    const flowed = cells.some((c) => c.flowed !== undefined) ? { flowed: cells.map((c) => c.flowed ?? c.text) } : {};
    rows.push({ number: row.number, cells: cells.map((c) => c.text), ...(continued.some(Boolean) ? { continued } : {}), ...flowed });
  }
  return rows;
}

/** Line breaks as "\n" whatever wrote them; runs of spaces inside a line collapsed, since no reader can see them. */
export function cleanText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .trim();
}

export function plainCell(text: string): GridCell {
  return { text: cleanText(text), continued: false };
}

/** A cell read off a page: its lines as they were laid out, and as the paragraphs they were wrapped from. */
export function wrappedCell(text: string, flowed: string): GridCell {
  return { text: cleanText(text), continued: false, flowed: cleanText(flowed) };
}
