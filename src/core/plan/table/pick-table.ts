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

type TableAt = { table: SourceTable; position: number };

/** How a person names the table at `position` to pick it: a sheet by its name, any other table by its number. */
function chooser(c: TableAt): string {
  const sheet = /^sheet (.+)$/.exec(c.table.name)?.[1];
  return sheet !== undefined ? `--sheet ${/\s/.test(sheet) ? `"${sheet}"` : sheet}` : `--table ${c.position}`;
}

const named = (c: TableAt) => (c.table.name === `table ${c.position}` || c.table.name.startsWith('sheet ') ? c.table.name : `${c.table.name} (table ${c.position})`);

/**
 * The plan is the table with the most numbered rows under a header that names a number or text column,
 * or the one the person chose (`--table N`, or its name).
 */
export function pickTable(tables: SourceTable[], map: Partial<Record<Field, string>> = {}, choose?: string): Pick {
  const filled = tables.filter((t) => t.rows.some((r) => r.cells.some((c) => c.trim())));
  if (!filled.length) {
    const names = tables.map((t) => t.name);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
    const what = tables.length ? `${list} ${tables.length === 1 ? 'is' : 'are'} empty` : 'The document has no table';
    return { ok: false, error: `${what.charAt(0).toUpperCase()}${what.slice(1)}, so there are no recommendations to read; ${NEEDS}.` };
  }
  if (choose !== undefined) return chosenTable(tables, map, choose);
  const found = tables.map((t, i) => candidate(t, i + 1, map)).filter((c): c is Candidate => c !== null);
  if (!found.length) {
    // Headings and nothing under them: say so, rather than that there is no plan table at all.
    const empty = tables.find((t) => {
      const header = findHeader(t, map);
      return header && header.at.id !== undefined && !t.rows.slice(header.index + 1).some((r) => r.cells.some((c) => c.trim()));
    });
    if (empty) return { ok: false, error: `${capital(empty.name)} has its headings and no rows under them, so there is nothing to import; add the plan's rows and try again.` };
    const lettered = letteredReferences(tables, map);
    if (lettered) return { ok: false, error: lettered };
    return { ok: false, error: `The document has no table with recommendation numbers; ${NEEDS}.` };
  }
  const chosen = found.reduce((best, c) => (c.numbered > best.numbered ? c : best));
  const rows = `${chosen.numbered} numbered row${chosen.numbered === 1 ? '' : 's'}`;
  if (found.length === 1) return { ok: true, chosen, why: `the only table with ${describeKind(chosen)} and ${rows}` };
  const others = found.filter((c) => c !== chosen);
  return {
    ok: true,
    chosen,
    why: `the table with the most numbered rows (${rows}, ${describeKind(chosen)}) of ${found.length} that have recommendation numbers (also ${others.map((c) => `${named(c)}: ${c.numbered}`).join('; ')}); to import another, say which: ${others.map(chooser).join(' or ')}`,
  };
}

/** The table the person named: by number ("2", "table 2") or by its name ("sheet Closed", "Closed"). */
function chosenTable(tables: SourceTable[], map: Partial<Record<Field, string>>, choose: string): Pick {
  const wanted = choose.trim().toLowerCase().replace(/^table\s+/, '');
  const position = /^\d+$/.test(wanted) ? Number(wanted) : tables.findIndex((t) => [t.name.toLowerCase(), t.name.toLowerCase().replace(/^sheet /, '')].includes(wanted)) + 1;
  const table = tables[position - 1];
  if (!table) {
    const list = tables.map((t, i) => named({ table: t, position: i + 1 })).join(', ');
    return { ok: false, error: `There is no table "${choose}" in the document; it has ${list}.` };
  }
  const chosen = candidate(table, position, map);
  if (!chosen) return { ok: false, error: `${capital(named({ table, position }))} has no recommendation numbers; ${NEEDS}.` };
  const rows = `${chosen.numbered} numbered row${chosen.numbered === 1 ? '' : 's'}`;
  return { ok: true, chosen, why: `the table asked for (${chooser(chosen)}), with ${describeKind(chosen)} and ${rows}` };
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/**
 * A number column whose cells are references of another shape ("A", "B", "ii"): said with
 * examples, since the person can renumber the column, which "no numbers" would not tell them.
 */
function letteredReferences(tables: SourceTable[], map: Partial<Record<Field, string>>): string | null {
  for (const table of tables) {
    const header = findHeader(table, map);
    if (!header || header.at.id === undefined) continue;
    const refs = table.rows
      .slice(header.index + 1)
      .map((r) => (r.cells[header.at.id!] ?? '').trim())
      .filter((c) => c && c.length <= 20 && /\d|^[A-Z]{1,3}$/i.test(c));
    if (refs.length < 2) continue;
    const heading = header.columns.find((c) => c.field === 'id')!.heading;
    const examples = [...new Set(refs)].slice(0, 3).map((r) => `"${r}"`).join(', ');
    return `${capital(table.name)}'s "${heading}" column holds references such as ${examples}, and Concerto's ids are numbers such as 4.2.1 (or 1, 2, 3), a number and a part's letter such as 1a, or a few letters and a number such as IA-01. Renumber that column (keep the old reference in the text if people use it) and import again.`;
  }
  return null;
}
