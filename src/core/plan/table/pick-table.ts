import { findHeader, type Header } from './header-row.js';
import type { Field } from './reading.js';
import { walkRows, type Walk } from './rows.js';
import type { SourceTable } from './source-table.js';

export interface Candidate {
  table: SourceTable;
  /** 1-based position among the document's tables, for "--table N". */
  position: number;
  header: Header;
  /** Rows read as recommendations (sub-headings such as "9.1 Business as Usual:" not counted). */
  numbered: number;
  walk: Walk;
  /** Whether the numbers stand in a column of their own or open the recommendation text. */
  kind: 'column' | 'text';
}

export type Pick = { ok: true; chosen: Candidate; why: string } | { ok: false; error: string };

const NEEDS = 'the plan needs a column of numbers such as 4.2.1, or numbers at the start of each recommendation';

function candidate(table: SourceTable, position: number, map: Partial<Record<Field, string>>): Candidate | null {
  const header = findHeader(table, map);
  if (!header) return null;
  const walk = walkRows(table, header);
  const numbered = walk.items.length;
  if (!numbered) return null;
  const inColumn = walk.items.filter((item) => item.numberFrom === 'id').length;
  return { table, position, header, numbered, walk, kind: inColumn * 2 >= numbered ? 'column' : 'text' };
}

const describeKind = (c: Candidate) => (c.kind === 'column' ? 'a recommendation-number column' : 'recommendation numbers at the start of its text');

/** The plan is the table with the most numbered rows under a header that names a number or text column. */
export function pickTable(tables: SourceTable[], map: Partial<Record<Field, string>> = {}): Pick {
  const filled = tables.filter((t) => t.rows.some((r) => r.cells.some((c) => c.trim())));
  if (!filled.length) {
    const names = tables.map((t) => t.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
    const what = tables.length ? `${list} ${tables.length === 1 ? 'is' : 'are'} empty` : 'The document has no table';
    return { ok: false, error: `${what.charAt(0).toUpperCase()}${what.slice(1)}, so there are no recommendations to read; ${NEEDS}.` };
  }
  const found = tables.map((t, i) => candidate(t, i + 1, map)).filter((c): c is Candidate => c !== null);
  if (!found.length) return { ok: false, error: `The document has no table with recommendation numbers; ${NEEDS}.` };
  const chosen = found.reduce((best, c) => (c.numbered > best.numbered ? c : best));
  const rows = `${chosen.numbered} numbered row${chosen.numbered === 1 ? '' : 's'}`;
  if (found.length === 1) return { ok: true, chosen, why: `the only table with ${describeKind(chosen)} and ${rows}` };
  const others = found.filter((c) => c !== chosen).map((c) => `${c.table.name} (table ${c.position}): ${c.numbered}`);
  return {
    ok: true,
    chosen,
    why: `the table with the most numbered rows (${rows}, ${describeKind(chosen)}) of ${found.length} that have recommendation numbers (also ${others.join('; ')}); use --table N or --sheet NAME to choose another`,
  };
}
