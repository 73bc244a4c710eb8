import type { ReadResult } from '../../dates/delivery-window.js';
import { readDelivery } from '../../dates/read-delivery.js';
import { unknownMapHeadings } from './header-row.js';
import { linkNotes } from './links.js';
import { ownersOfCell } from './owners-cell.js';
import { pickTable } from './pick-table.js';
import type { PlanItemInput, ReadPlanTableOptions, TableReading } from './reading.js';
import type { RawItem } from './rows.js';
import type { SourceTable } from './source-table.js';
import { statusOfRow } from './status-of-row.js';
import { titleAbove } from './title-above.js';
import { updatesOfCell } from './updates-cell.js';

export type { Field, MappedColumn, ReadPlanTableOptions, TableReading } from './reading.js';

/**
 * Reads a plan from the tables of a document the way a person would: which table is the plan, what each
 * column means, where sections, page breaks and repeated headers fall, and what each cell says. Nothing
 * is guessed silently: every row left out, date it could not read and judgement made is in the reading.
 */
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
  const ref = { today: options.asOf, timeZone: options.timeZone };
  const readings = new Map<string, ReadResult>();
  const read = (phrase: string) => readings.get(phrase) ?? readings.set(phrase, readDelivery(phrase, ref)).get(phrase)!;
  const skipped = [...walk.skipped];
  const notes = [...walk.notes];
  const flaggedDates: Extract<TableReading, { ok: true }>['flaggedDates'] = [];
  const rowsOf = new Map<string, number[]>();
  const kept: RawItem[] = [];
  const recommendations: PlanItemInput[] = [];

  for (const item of walk.items) {
    const rows = rowsOf.get(item.id);
    if (rows) {
      rows.push(item.row);
      continue;
    }
    const text = item.text.trim();
    if (!text) {
      skipped.push({ row: item.row, reason: `${item.id} has no recommendation text` });
      continue;
    }
    rowsOf.set(item.id, [item.row]);
    kept.push(item);
    const updates = updatesOfCell(item.cells.update ?? '', options.asOf);
    const where = `row ${item.row} (${item.id})`;
    const { status, delivery, note } = statusOfRow({ status: item.cells.status, delivery: item.cells.delivery ?? '' }, updates, ref, where);
    if (note) notes.push(note);
    const reading = delivery ? read(delivery) : null;
    if (reading && !reading.ok) flaggedDates.push({ row: item.row, id: item.id, text: delivery, reason: reading.error });
    const theme = item.cells.theme?.trim() || item.section || 'General';
    recommendations.push({ id: item.id, theme, text, owners: ownersOfCell(item.cells.owner ?? '', { linesWrap: chosen.table.linesWrap === true }), status, delivery, updates });
  }

  const rag = header.columns.find((c) => c.field === 'rag');
  if (rag) notes.push(`RAG column ("${rag.heading}") read, not used as a status: Concerto rates RAG from each item's dates and status`);
  if (recommendations.length && recommendations.every((r) => r.theme === 'General')) {
    notes.push('no theme column or section rows: every item has the theme "General"');
  }
  notes.push(...linkNotes(kept, new Set(rowsOf.keys())));

  return {
    ok: true,
    titleRow: titleAbove(chosen.table, header.row.number),
    plan: { title: options.title, asOf: options.asOf, timeZone: options.timeZone, recommendations },
    table: chosen.table.name,
    why,
    headerRow: header.row.number,
    columns: header.columns,
    ignoredColumns: header.ignored,
    skipped: skipped.sort((a, b) => a.row - b.row),
    flaggedDates,
    duplicates: [...rowsOf].filter(([, rows]) => rows.length > 1).map(([id, rows]) => ({ id, rows })),
    notes,
  };
}
