import type { Header } from './header-row.js';
import { isRepeatedHeader } from './header-row.js';
import { numberAtStart, numberInIdCell, type Numbered } from './numbering.js';
import type { Field } from './reading.js';
import { continuesText, joinText, sectionHeading, startsMidway } from './sections.js';
import type { SourceRow, SourceTable } from './source-table.js';

export interface RawItem {
  row: number;
  id: string;
  section: string | null;
  /** The recommendation text without its number. */
  text: string;
  /** Where the text came from: its own column, or after the number in the id column (the seed's layout). */
  textFrom: 'text' | 'id';
  /** Where the number came from, so the reading can say whether the table has a number column. */
  numberFrom: 'text' | 'id';
  cells: Partial<Record<Exclude<Field, 'id' | 'text'>, string>>;
  /** The table's other columns of words about the item, by heading ("Finding" → its cell), in column order. */
  context: Array<{ heading: string; text: string }>;
}

export interface Walk {
  items: RawItem[];
  skipped: Array<{ row: number; reason: string }>;
  notes: string[];
}

const cellOf = (row: SourceRow, at: number | undefined) => (at === undefined ? '' : (row.cells[at] ?? ''));
/**
 * Prose is read as the paragraphs a PDF's column wrapped; the short cells (owners a name per line, a date with its
 * status under it) keep their lines, which their readers weigh themselves.
 */
const PROSE = new Set<Field>(['id', 'text', 'update']);
function wordsOf(row: SourceRow, at: number | undefined, field: Field): string {
  if (at === undefined) return '';
  const flowed = row.flowed?.[at];
  if (flowed === undefined) return row.cells[at] ?? '';
  if (PROSE.has(field)) return flowed;
  return field === 'owner' ? writersBreaksDoubled(row.cells[at] ?? '', flowed) : (row.cells[at] ?? '');
}

/**
 * A cell's lines with each break the writer made (not the column's wrap) written as an empty line, so the owners'
 * reader knows "Head of ICT" over "Portfolio Office" with room to spare is two owners. Lines that cannot be found
 * in order in the flowed text are returned as they were.
 */
function writersBreaksDoubled(lines: string, flowed: string): string {
  const out: string[] = [];
  let at = 0;
  for (const [i, line] of lines.split('\n').entries()) {
    if (i > 0) {
      const from = at;
      while (at < flowed.length && /[\n ]/.test(flowed[at]!) && !(line && flowed.startsWith(line, at))) at++;
      out.push(flowed.slice(from, at).includes('\n') ? '\n\n' : '\n');
    }
    if (!flowed.startsWith(line, at)) return lines;
    out.push(line);
    at += line.length;
  }
  return out.join('');
}
const isContinued = (row: SourceRow, at: number | undefined) => at !== undefined && row.continued?.[at] === true;

/** The number a row carries: in the id column, or — when that is absent or empty — at the start of its text. */
function numberOfRow(row: SourceRow, header: Header): (Numbered & { from: 'id' | 'text' }) | null {
  const idCell = wordsOf(row, header.at.id, 'id').trim();
  if (header.at.id !== undefined && idCell) {
    const n = numberInIdCell(idCell);
    return n ? { ...n, from: 'id' } : null;
  }
  const n = numberAtStart(wordsOf(row, header.at.text, 'text'));
  return n ? { ...n, from: 'text' } : null;
}

function startItem(row: SourceRow, header: Header, n: Numbered & { from: 'id' | 'text' }, section: string | null): RawItem {
  const textCell = wordsOf(row, header.at.text, 'text').trim();
  const own = n.from === 'id' && textCell ? numberAtStart(textCell) : null;
  const text = n.from === 'text' ? n.rest : own && own.id === n.id ? own.rest : textCell || n.rest;
  const cells: RawItem['cells'] = {};
  for (const f of ['owner', 'update', 'delivery', 'revised', 'original', 'status', 'rag', 'theme', 'priority'] as const) cells[f] = wordsOf(row, header.at[f], f);
  const context = header.context.map((c) => ({ heading: c.heading, text: wordsOf(row, c.at, 'text').trim() }));
  return { row: row.number, id: n.id, section, text, textFrom: n.from === 'id' && !textCell ? 'id' : 'text', numberFrom: n.from, cells, context };
}

/** Cells of a row split from the one above (page break) or merged down from it, added to that item. */
function join(item: RawItem, row: SourceRow, header: Header): boolean {
  let added = false;
  for (const [field, at] of Object.entries(header.at) as Array<[Field, number]>) {
    const cell = wordsOf(row, at, field);
    if (!cell.trim() || row.continued?.[at]) continue;
    added = true;
    if (field === 'text' || (field === 'id' && item.textFrom === 'id')) item.text = joinText(item.text, cell);
    else if (field === 'owner') item.cells.owner = `${item.cells.owner ?? ''}\n${cell}`;
    else if (field !== 'id') item.cells[field] = joinText(item.cells[field] ?? '', cell);
  }
  for (const [k, c] of header.context.entries()) {
    const cell = wordsOf(row, c.at, 'text');
    if (!cell.trim() || row.continued?.[c.at]) continue;
    added = true;
    const kept = item.context[k]!;
    kept.text = kept.text ? joinText(kept.text, cell) : cell.trim();
  }
  return added;
}

/**
 * Whether a row without a number is more of the item above: its first new text goes on from where that
 * item's cell stopped. A row that brings its own owner, date or status and whose text starts afresh is
 * an item whose number is missing, not the rest of the one above.
 */
function continuesItem(item: RawItem, row: SourceRow, header: Header): boolean {
  const fresh = (Object.entries(header.at) as Array<[Field, number]>)
    .filter(([, at]) => (row.cells[at] ?? '').trim() && !row.continued?.[at])
    .sort((a, b) => a[1] - b[1]);
  const [first] = fresh;
  if (!first) return true;
  const [field, at] = first;
  const cell = row.cells[at] ?? '';
  const textual = field === 'text' || field === 'id';
  if (textual && startsMidway(cell)) return true;
  if (textual && fresh.some(([f]) => f === 'owner' || f === 'delivery' || f === 'status')) return false;
  return continuesText(textual ? item.text : (item.cells[field] ?? ''), cell);
}

/** Reads the rows below the header into items, sections and skipped rows, with a note for every judgement made. */
export function walkRows(table: SourceTable, header: Header): Walk {
  const walk: Walk = { items: [], skipped: [], notes: [] };
  const rows = table.rows.slice(header.index + 1);
  const numbers = rows.map((row) => numberOfRow(row, header));
  // The next numbered row below each row, found in one pass from the bottom.
  const nextNumber: Array<Numbered | null> = [];
  for (let i = rows.length - 1, next: Numbered | null = null; i >= 0; i--) {
    nextNumber[i] = next;
    next = numbers[i] ?? next;
  }
  const dataColumns = new Set((['owner', 'update', 'delivery', 'revised', 'original', 'status', 'rag', 'priority'] as const).flatMap((f) => header.at[f] ?? []));
  let section: string | null = null;
  for (const row of table.rows.slice(0, header.index)) {
    if (row !== header.top && row.cells.some((c) => c.trim())) walk.skipped.push({ row: row.number, reason: 'above the header row (a title)' });
  }
  // In a document's own table (not lines read off a PDF's pages) an empty row closes the item above it.
  let closed = false;
  for (const [i, row] of rows.entries()) {
    if (!row.cells.some((c) => c.trim())) {
      closed = !table.linesWrap && walk.items.length > 0;
      continue;
    }
    const after = closed;
    closed = false;
    const last = walk.items.at(-1);
    const n = numbers[i];
    const heading = n ? null : sectionHeading(row, dataColumns);
    if (isRepeatedHeader(row, header)) {
      walk.skipped.push({ row: row.number, reason: 'the header row again (a new page)' });
    } else if (last && isContinued(row, header.at.id)) {
      join(last, row, header);
    } else if (n) {
      const next = nextNumber[i];
      const bare = (['owner', 'update', 'delivery', 'status'] as const).every((f) => !cellOf(row, header.at[f]).trim());
      if (bare && next?.id.startsWith(`${n.id}.`)) {
        walk.skipped.push({ row: row.number, reason: `"${oneLine(row)}" heads the numbers below it (${next.id}…), not a recommendation` });
        continue;
      }
      if (n.subheading) walk.notes.push(`row ${row.number}: "${n.subheading}" read as a heading above ${n.id}, not part of its text`);
      walk.items.push(startItem(row, header, n, section));
    } else if (last && row.cells.every((c, at) => !c.trim() || row.continued?.[at])) {
      // Only cells merged down from the row above: nothing new to read.
    } else if (FOOTER.test(oneLine(row))) {
      walk.skipped.push({ row: row.number, reason: 'a total or a note below the items, not part of one' });
    } else if (heading) {
      section = heading;
    } else if (last && !after && continuesItem(last, row, header)) {
      if (join(last, row, header)) walk.notes.push(`row ${row.number}: read as the rest of ${last.id} (row ${last.row}), split across a page`);
    } else {
      walk.skipped.push({ row: row.number, reason: 'no recommendation number in its number column or at the start of its text' });
    }
  }
  return walk;
}

/** A spreadsheet's last rows: "Total | 5 recommendations", "Key: R = red …", "Source: HMICFRS 2018". */
const FOOTER = /^(?:(?:grand |sub-?)?totals?|count|key|legend|notes?|source|prepared by|last updated)\b\s*(?:[:|–-]|$)/i;

function oneLine(row: SourceRow): string {
  const text = [...new Set(row.cells.map((c) => c.trim()).filter(Boolean))].join(' | ').replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
