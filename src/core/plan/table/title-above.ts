import type { SourceTable } from './source-table.js';

/** Longer than this, a line above the header is a paragraph of instructions, not the plan's title. */
const MAX_TITLE = 160;

/**
 * The title block of a tracker, as a person reads it: the first line above the header row that holds one
 * text (a merged title cell repeats its text across the columns it spans). Null when the header is the
 * first line, or the lines above it are not a title.
 */
export function titleAbove(table: SourceTable, headerRow: number): string | null {
  for (const row of table.rows) {
    if (row.number >= headerRow) break;
    const texts = [...new Set(row.cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean))];
    if (texts.length === 1 && texts[0]!.length <= MAX_TITLE && /\p{L}/u.test(texts[0]!)) return texts[0]!;
  }
  return null;
}
