import type { PlanFile, PlanFileInput } from '../core/plan/plan-file.js';
import { readPlanTable } from '../core/plan/table/read-plan-table.js';
import type { Field, TableReading } from '../core/plan/table/reading.js';
import { FIELDS } from '../core/plan/table/reading.js';
import { readDocumentTables, type DocumentKind } from '../files/tables/read-document-tables.js';

export type DocumentReading = Extract<TableReading, { ok: true }> & { kind: DocumentKind; file: string; warnings: string[] };

export interface DocumentOptions {
  /** The plan's title when the document gives none (and for a new plan). */
  title: string;
  asOf: string;
  timeZone: string;
  sheet?: string;
  /** `--table N`: which of the document's tables is the plan. */
  table?: string;
  map?: Partial<Record<Field, string>>;
}

/**
 * A plan read from the document it lives in (Word, Excel, CSV with any headings, PDF): the tables got out
 * by src/files/tables, the plan table understood by src/core/plan/table. Nothing is written here: the
 * caller shows the preview, and imports only what the person confirms.
 */
export async function readDocumentPlan(bytes: Uint8Array, file: string, o: DocumentOptions): Promise<DocumentReading | { ok: false; error: string }> {
  const doc = await readDocumentTables(bytes, file, o.sheet !== undefined ? { sheet: o.sheet } : {});
  if (!doc.ok) return doc;
  const reading = readPlanTable(doc.tables, { title: o.title, asOf: o.asOf, timeZone: o.timeZone, ...(o.map ? { map: o.map } : {}), ...(o.table !== undefined ? { table: o.table } : {}) });
  if (!reading.ok) return { ok: false, error: `${file}: ${reading.error}` };
  // The title a person sees first: the tracker's title block, else the document's heading, else the file's name.
  const title = reading.titleRow ?? (doc.title?.trim() || o.title);
  return { ...reading, plan: { ...reading.plan, title }, kind: doc.kind, file, warnings: doc.warnings };
}

/** `--map "owner=Lead officer"` (repeatable): field → heading, or the sentence that says what is wrong. */
export function parseMaps(values: readonly string[]): Partial<Record<Field, string>> | { error: string } {
  const map: Partial<Record<Field, string>> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const field = eq > 0 ? v.slice(0, eq).trim().toLowerCase() : '';
    const heading = eq > 0 ? v.slice(eq + 1).trim() : '';
    if (!(FIELDS as readonly string[]).includes(field) || !heading) {
      return { error: `--map "${v}" is not FIELD=Heading; fields are ${FIELDS.join(', ')}, e.g. --map "owner=Lead officer".` };
    }
    map[field as Field] = heading;
  }
  return map;
}

/** What importing into an existing plan would do: new items, and items whose fields would change. */
export function importEffect(current: PlanFile | null, incoming: PlanFileInput): { added: string[]; changed: string[]; unchanged: number } {
  const before = new Map((current?.recommendations ?? []).map((r) => [r.id, r]));
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const r of incoming.recommendations) {
    const was = before.get(r.id);
    if (!was) added.push(r.id);
    else if (
      was.text !== r.text ||
      was.theme !== r.theme ||
      was.status !== r.status ||
      was.delivery !== (r.delivery ?? '') ||
      (was.owners ?? []).join('\n') !== (r.owners ?? []).join('\n') ||
      (r.priority ? (was.priority ?? null) !== r.priority : false) ||
      (r.updates ?? []).some((u) => !was.updates.some((w) => w.date === u.date && w.text === u.text))
    )
      changed.push(r.id);
    else unchanged++;
  }
  return { added, changed, unchanged };
}
