import type { ReadResult } from '../../dates/delivery-window.js';
import { readDelivery } from '../../dates/read-delivery.js';
import { unknownMapHeadings } from './header-row.js';
import { linkNotes } from './links.js';
import { ownersOfCell } from './owners-cell.js';
import { pickTable } from './pick-table.js';
import type { PlanItemInput, ReadPlanTableOptions, TableReading } from './reading.js';
import type { RawItem } from './rows.js';
import type { SourceTable } from './source-table.js';
import { paperBaseline, statusOfRow } from './status-of-row.js';
import { datedAbove } from './dated-above.js';
import { titleAbove } from './title-above.js';
import { updatesOfCell } from './updates-cell.js';

export type { Field, MappedColumn, ReadPlanTableOptions, TableReading } from './reading.js';

/**
 * Reads a plan from the tables of a document the way a person would: which table is the plan, what each
 * column means, where sections, page breaks and repeated headers fall, and what each cell says. Nothing
 * is guessed silently: every row left out, date it could not read and judgement made is in the reading.
 */
/** The line a board paper adds under an item's text for its priority. */
const PAPER_PRIORITY = /\n\s*Priority: ([^\n]{1,100})$/;

export function readPlanTable(tables: SourceTable[], options: ReadPlanTableOptions): TableReading {
  const map = options.map ?? {};
  const pick = pickTable(tables, map, options.table);
  if (!pick.ok) return pick;
  const { chosen, why } = pick;
  const { header } = chosen;
  const unknown = unknownMapHeadings(header.row, map);
  if (unknown.length) {
    const named = unknown.map(([field, heading]) => `--map ${field}="${heading}"`).join(' and ');
    const there = header.row.cells.map((c) => c.trim()).filter(Boolean).map((c) => `"${c.replace(/\s+/g, ' ')}"`).join(', ');
    return { ok: false, error: `${chosen.table.name} has no column headed as ${named} says; its headings are ${there}.` };
  }

  const { walk } = chosen;
  // The tracker's own date ("as at 12/02/2018" in its title block) is its as-of day, and the day of an update that gives none.
  const dated = datedAbove(chosen.table, (header.top ?? header.row).number, options.asOf);
  const asOf = dated?.date ?? options.asOf;
  const ref = { today: asOf, timeZone: options.timeZone };
  const readings = new Map<string, ReadResult>();
  const read = (phrase: string) => readings.get(phrase) ?? readings.set(phrase, readDelivery(phrase, ref)).get(phrase)!;
  const skipped = [...walk.skipped];
  const notes = [...walk.notes];
  const flaggedDates: Extract<TableReading, { ok: true }>['flaggedDates'] = [];
  const rowsOf = new Map<string, number[]>();
  const kept: RawItem[] = [];
  const recommendations: PlanItemInput[] = [];
  let revised = 0;

  for (const item of walk.items) {
    const rows = rowsOf.get(item.id);
    if (rows) {
      rows.push(item.row);
      continue;
    }
    // Concerto's own papers write an item's priority under its text ("Priority: High"): read back as the priority.
    const ranked = PAPER_PRIORITY.exec(item.text.trim());
    const own = (ranked ? item.text.trim().slice(0, ranked.index) : item.text).trim();
    // A tracker's "Finding" beside its "Recommendation": under the text, labelled, so the reason goes where the item goes.
    // A word or two ("Agreed", "See above") says nothing the item needs.
    const context = item.context.filter((c) => c.text.split(/\s+/).length > 2).map((c) => `${c.heading}: ${c.text}`);
    const text = own && context.length ? `${own}\n\n${context.join('\n\n')}` : own;
    if (!text) {
      skipped.push({ row: item.row, reason: `${item.id} has no recommendation text` });
      continue;
    }
    rowsOf.set(item.id, [item.row]);
    kept.push(item);
    const updates = updatesOfCell(item.cells.update ?? '', asOf);
    const where = `row ${item.row} (${item.id})`;
    const { status, delivery, note } = statusOfRow({ status: item.cells.status, delivery: item.cells.delivery ?? '' }, updates, ref, where);
    if (note) notes.push(note);
    const dates = revisedDates(delivery, item.cells.revised, item.cells.original, paperBaseline(item.cells.delivery ?? ''));
    if (dates.baseline !== null) revised += 1;
    for (const phrase of new Set([dates.delivery, dates.baseline ?? ''])) {
      const reading = phrase ? read(phrase) : null;
      if (reading && !reading.ok) flaggedDates.push({ row: item.row, id: item.id, text: phrase, reason: reading.error });
    }
    const theme = item.cells.theme?.trim() || item.section || 'General';
    const owners = ownersOfCell(item.cells.owner ?? '', { linesWrap: chosen.table.linesWrap === true });
    const priority = (item.cells.priority?.trim() || ranked?.[1])?.replace(/\s+/g, ' ').trim();
    recommendations.push({ id: item.id, theme, text, owners, status, delivery: dates.delivery, baseline: dates.baseline, updates, ...(priority ? { priority } : {}) });
  }

  const second = header.columns.find((c) => c.field === 'revised' || c.field === 'original');
  if (second) {
    const first = header.columns.find((c) => c.field === 'delivery');
    const [now, then] = second.field === 'revised' ? [second.heading, first?.heading] : [first?.heading, second.heading];
    notes.push(
      revised
        ? `${revised} of ${recommendations.length} items ${revised === 1 ? 'has' : 'have'} a date in "${now}" that differs from "${then}": each is due by the ${second.field === 'revised' ? 'revised' : 'current'} date, and the first is kept as its baseline`
        : `no item's "${now}" differs from its "${then}": every item keeps one date`,
    );
  }
  if (!second && revised) notes.push(`${revised} of ${recommendations.length} items carry a "Baseline:" under their date, as Concerto's paper prints a re-dated item: each keeps it as its first date`);
  if (header.context.length) {
    const text = header.columns.find((c) => c.field === 'text');
    notes.push(`${header.context.map((c) => `"${c.heading}"`).join(' and ')} kept under each item's text${text ? ` ("${text.heading}")` : ''}, each with its heading`);
  }
  const rag = header.columns.find((c) => c.field === 'rag');
  if (dated) notes.push(`dated ${dated.date} by its title block (row ${dated.row}): the plan as at that day, and the day of each update that gives none`);
  if (rag) notes.push(`RAG column ("${rag.heading}") read, not used as a status: Concerto rates RAG from each item's dates and status`);
  if (recommendations.length && recommendations.every((r) => r.theme === 'General')) {
    notes.push('no theme column or section rows: every item has the theme "General"');
  }
  notes.push(...linkNotes(kept, new Set(rowsOf.keys())));

  return {
    ok: true,
    titleRow: titleAbove(chosen.table, (header.top ?? header.row).number),
    plan: { title: options.title, asOf, timeZone: options.timeZone, recommendations },
    table: chosen.table.name,
    why,
    headerRow: header.row.number,
    ...(header.top ? { headerFrom: header.top.number } : {}),
    columns: header.columns,
    ignoredColumns: header.ignored,
    skipped: skipped.sort((a, b) => a.row - b.row),
    flaggedDates,
    duplicates: [...rowsOf].filter(([, rows]) => rows.length > 1).map(([id, rows]) => ({ id, rows })),
    notes,
  };
}

/** Cells that say a revised date is not there: "n/a", "-", "no change". */
const NO_DATE = /^(?:n\/?a|none|nil|-+|\u2013|\u2014|no change|unchanged|same|as above|as original)$/i;

/**
 * The date in force and the one first set, from the delivery column and a revised or original-date
 * column beside it, or the first date Concerto's paper prints under the date: a revised date that
 * differs makes the first date the baseline; an original date that differs is the baseline of the date
 * in force. Baseline "" is a first date that was blank.
 */
function revisedDates(delivery: string, revisedCell: string | undefined, originalCell: string | undefined, printed: string | undefined): { delivery: string; baseline: string | null } {
  const clean = (cell: string | undefined) => {
    const t = (cell ?? '').trim();
    return NO_DATE.test(t) ? '' : t;
  };
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
  const revised = clean(revisedCell);
  if (revised && !same(revised, delivery)) return { delivery: revised, baseline: delivery };
  const original = clean(originalCell);
  // A blank date in force beside an original one, or "n/a" there, is the original, unchanged.
  if (original && !clean(delivery)) return { delivery: original, baseline: null };
  if (original && !same(original, delivery)) return { delivery, baseline: original };
  // Concerto's own paper: the first date printed under the date ("" when it was blank).
  if (printed !== undefined && delivery && !same(printed, delivery)) return { delivery, baseline: printed };
  return { delivery, baseline: null };
}
