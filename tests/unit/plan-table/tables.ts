import fs from 'node:fs';
import type { SourceRow, SourceTable } from '../../../src/core/plan/table/source-table.js';
import { PlanFile } from '../../../src/core/plan/plan-file.js';
import { readPlanTable, type TableReading } from '../../../src/core/plan/table/read-plan-table.js';

/** Builds a table from rows of cells, numbering rows from 1 as a document would; `continued` marks merged-down cells. */
type RowSpec = readonly string[] | { readonly cells: readonly string[]; readonly continued?: readonly boolean[] };

export function table(name: string, rows: readonly RowSpec[], firstRow = 1): SourceTable {
  const isCells = (r: RowSpec): r is readonly string[] => Array.isArray(r);
  return {
    name,
    rows: rows.map((r, i): SourceRow =>
      isCells(r)
        ? { number: firstRow + i, cells: [...r] }
        : { number: firstRow + i, cells: [...r.cells], ...(r.continued ? { continued: [...r.continued] } : {}) },
    ),
  };
}

export const OPTIONS = { title: 'Concerto Action Plan', asOf: '2017-10-04', timeZone: 'Europe/London' } as const;

export function read(tables: SourceTable[], map?: Parameters<typeof readPlanTable>[1]['map']): Extract<TableReading, { ok: true }> {
  const reading = readPlanTable(tables, { ...OPTIONS, ...(map ? { map } : {}) });
  if (!reading.ok) throw new Error(reading.error);
  return reading;
}

export function failure(tables: SourceTable[], map?: Parameters<typeof readPlanTable>[1]['map']): string {
  const reading = readPlanTable(tables, { ...OPTIONS, ...(map ? { map } : {}) });
  if (reading.ok) throw new Error(`expected a failure, read ${reading.plan.recommendations.length} items`);
  return reading.error;
}

/** The bundled plan: the seed as Concerto holds it, the expected result of reading the seed's table. */
export const bundled = PlanFile.parse(
  JSON.parse(fs.readFileSync(new URL('../../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url), 'utf8')),
);
export type BundledItem = (typeof bundled.recommendations)[number];

/** "2017-06-14" → "14.06.17", the way the seed dates its update entries. */
export const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(2, 4)}`;

/** Whether the text already carries its date as written ("14.06.17 COMPLETE …", "… N. Shackleton 20.07.17"). */
const carriesDate = (text: string) => /^\d{2}[./]\d{2}[./]\d{2}\b/.test(text) || /\s\d{2}\.\d{2}\.\d{2}$/.test(text);

/**
 * An update as a board writes it in its cell: undated text as it is; an entry whose text already opens or
 * closes with its date as it is; any other entry with "dd.mm.yy " in front. Returns the cell entry and the
 * text the reading should give back (the entry as written, the date in front included).
 */
export function entryOf(u: BundledItem['updates'][number]): { cell: string; text: string } {
  if ((u.date === bundled.asOf && !u.author) || carriesDate(u.text)) return { cell: u.text, text: u.text };
  const cell = `${dotted(u.date)} ${u.text}`;
  return { cell, text: cell };
}
