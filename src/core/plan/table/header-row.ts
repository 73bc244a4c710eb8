import { fieldOfHeading, headingKey } from './headings.js';
import type { Field, MappedColumn } from './reading.js';
import type { SourceRow, SourceTable } from './source-table.js';

export interface Header {
  /** Index into table.rows. */
  index: number;
  row: SourceRow;
  /** Field → 0-based cell index. */
  at: Partial<Record<Field, number>>;
  columns: MappedColumn[];
  ignored: string[];
  /** Other columns of words about the item ("Finding" beside "Recommendation"): kept under its text, each with its heading. */
  context: Array<{ at: number; heading: string }>;
  score: number;
  /** The first row of a header written in two ("Target date" over "Original" and "Revised"); `row` is both joined. */
  top?: SourceRow;
}

/** How far down a title block may push the header. */
const SEARCH_ROWS = 25;

/** Maps one row's cells to fields: the caller's map first, then exact spellings, then keyword guesses; among equals, the better text column, then the leftmost. */
export function mapHeaderRow(row: SourceRow, map: Partial<Record<Field, string>> = {}): Omit<Header, 'index' | 'row'> {
  const cells = row.cells.map((c) => c.trim());
  const at: Partial<Record<Field, number>> = {};
  const how = new Map<Field, 'heading' | 'map'>();
  const taken = new Set<number>();
  let score = 0;
  for (const [field, wanted] of Object.entries(map) as Array<[Field, string | undefined]>) {
    const i = wanted ? cells.findIndex((c) => c && headingKey(c) === headingKey(wanted)) : -1;
    if (i < 0 || taken.has(i)) continue;
    at[field] = i;
    how.set(field, 'map');
    taken.add(i);
    score += 2;
  }
  const guesses = cells
    .map((c, i) => ({ i, match: taken.has(i) ? null : fieldOfHeading(c) }))
    .filter((g): g is { i: number; match: NonNullable<typeof g.match> } => g.match !== null)
    .sort((a, b) => Number(b.match.exact) - Number(a.match.exact) || a.match.rank - b.match.rank || a.i - b.i);
  for (const { i, match } of guesses) {
    if (at[match.field] !== undefined || taken.has(i)) continue;
    at[match.field] = i;
    how.set(match.field, 'heading');
    taken.add(i);
    score += match.exact ? 2 : 1;
  }
  // One date column, whatever it is called ("Target date (revised)", "Original deadline"), is the delivery date.
  for (const lone of ['revised', 'original'] as const) {
    if (at.delivery === undefined && at[lone] !== undefined) {
      at.delivery = at[lone];
      how.set('delivery', how.get(lone) ?? 'heading');
      delete at[lone];
    }
  }
  // An audit tracker's "Finding" or "Description" beside the "Recommendation" it chose: the reason for the item, kept.
  // ("Agreed action" beside it is usually management's yes or no, which the status says better.)
  const context = guesses
    .filter((g) => g.match.field === 'text' && at.text !== undefined && !taken.has(g.i) && /\b(?:findings?|description)\b/.test(headingKey(cells[g.i] ?? '')))
    .map((g) => ({ at: g.i, heading: cells[g.i] ?? '' }))
    .sort((a, b) => a.at - b.at);
  for (const c of context) taken.add(c.at);
  const columns = (Object.entries(at) as Array<[Field, number]>)
    .map(([field, i]) => ({ field, column: i + 1, heading: cells[i] ?? '', how: how.get(field) ?? 'heading' }))
    .sort((a, b) => a.column - b.column);
  const ignored = cells.filter((c, i) => c && !taken.has(i));
  return { at, columns, ignored, context, score };
}

/** The row that best reads as a header, among the first rows of the table; it must name an id or a text column. */
export function findHeader(table: SourceTable, map: Partial<Record<Field, string>> = {}): Header | null {
  let best: Header | null = null;
  const rows = table.rows.slice(0, SEARCH_ROWS);
  for (const [index, row] of rows.entries()) {
    const mapped = mapHeaderRow(row, map);
    if (mapped.columns.length < 2 || (mapped.at.id === undefined && mapped.at.text === undefined)) continue;
    if (!best || mapped.score > best.score) best = { index, row, ...mapped };
  }
  return best && withSubHeader(table, best, map);
}

/**
 * A header in two rows: "Target date" merged over "Original" and "Revised", the other headings merged down.
 * The row under the header joins it when it holds no item (nothing in the number column but the heading
 * merged down, no cell longer than a heading) and names more columns joined than the header does alone.
 */
function withSubHeader(table: SourceTable, header: Header, map: Partial<Record<Field, string>>): Header {
  const next = table.rows[header.index + 1];
  if (!next) return header;
  const top = header.row.cells.map((c) => c.trim());
  const under = next.cells.map((c) => c.trim());
  const own = (i: number) => (next.continued?.[i] || under[i] === top[i] ? '' : (under[i] ?? ''));
  if (!under.some((_, i) => own(i)) || under.some((c) => c.length > SUB_HEADING_MAX)) return header;
  if (header.at.id !== undefined && own(header.at.id)) return header;
  const cells = top.map((t, i) => {
    const sub = own(i);
    if (!sub) return t;
    // A heading merged across columns is written in its first: the nearest heading to the left is over this one.
    const over = t || top.slice(0, i).reverse().find(Boolean) || '';
    return over ? `${over} ${sub}` : sub;
  });
  for (let i = top.length; i < under.length; i++) cells.push(own(i));
  const joined = { ...next, cells };
  const mapped = mapHeaderRow(joined, map);
  return mapped.columns.length > header.columns.length && mapped.score >= header.score ? { index: header.index + 1, row: joined, top: header.row, ...mapped } : header;
}

const SUB_HEADING_MAX = 40;

/** The page header again: the same headings, or as many recognised as the header itself. */
export function isRepeatedHeader(row: SourceRow, header: Header): boolean {
  // Headings are short; a row holding a recommendation's text is not worth comparing.
  if (row.cells.some((c) => c.length > 80)) return false;
  const key = (cells: string[]) => cells.map(headingKey).filter(Boolean).join('|');
  if (key(row.cells) && key(row.cells) === key(header.row.cells)) return true;
  const again = mapHeaderRow(row);
  return again.columns.length >= 2 && again.score >= header.score && again.columns.every((c) => c.column - 1 === header.at[c.field]);
}

/** Map entries naming a heading the header row does not have. */
export function unknownMapHeadings(row: SourceRow, map: Partial<Record<Field, string>>): Array<[Field, string]> {
  const keys = new Set(row.cells.map(headingKey));
  return (Object.entries(map) as Array<[Field, string | undefined]>)
    .filter((e): e is [Field, string] => typeof e[1] === 'string' && !keys.has(headingKey(e[1])));
}
