import { plural } from '../core/ask/format.js';
import type { PlanFile } from '../core/plan/plan-file.js';
import type { PlanInfo } from '../core/ports.js';
import { importEffect, type DocumentReading } from './document-plan.js';

/**
 * What importing a document would do, as data: the table chosen and why, each column and its heading,
 * the counts, a sample, every row not read and date flagged, and — into an existing plan — what would be
 * added and changed. The terminal prints it (or its JSON); Slack renders it with Import and Cancel.
 */
export interface ImportPreview {
  file: string;
  kind: DocumentReading['kind'];
  /** The plan it would go into; null when the terminal has not been told and there are several. */
  plan: string | null;
  /** The plan does not exist yet and would be made from the document. */
  createsPlan: boolean;
  title: string;
  table: string;
  why: string;
  headerRow: number;
  headerFrom?: number;
  columns: DocumentReading['columns'];
  ignoredColumns: string[];
  items: number;
  themes: string[];
  owners: string[];
  sample: DocumentReading['plan']['recommendations'];
  skipped: DocumentReading['skipped'];
  flaggedDates: DocumentReading['flaggedDates'];
  duplicates: DocumentReading['duplicates'];
  notes: string[];
  warnings: string[];
  effect?: ReturnType<typeof importEffect>;
}

export function buildPreview(reading: DocumentReading, planKey: string | null, target: PlanInfo | null, current: PlanFile | null): ImportPreview {
  const recs = reading.plan.recommendations;
  return {
    file: reading.file,
    kind: reading.kind,
    plan: target?.key ?? planKey,
    createsPlan: !target,
    title: target?.title ?? reading.plan.title,
    table: reading.table,
    why: reading.why,
    headerRow: reading.headerRow,
    ...(reading.headerFrom !== undefined ? { headerFrom: reading.headerFrom } : {}),
    columns: reading.columns,
    ignoredColumns: reading.ignoredColumns,
    items: recs.length,
    themes: [...new Set(recs.map((x) => x.theme))],
    owners: [...new Set(recs.flatMap((x) => x.owners ?? []))],
    sample: recs.slice(0, 3),
    skipped: reading.skipped,
    flaggedDates: reading.flaggedDates,
    duplicates: reading.duplicates,
    notes: reading.notes,
    warnings: reading.warnings,
    ...(target ? { effect: importEffect(current, reading.plan) } : {}),
  };
}

/** The sentence that refuses a document naming one number on two rows; nothing is imported until it is resolved. */
export function duplicatesRefusal(p: Pick<ImportPreview, 'file' | 'duplicates'>): string | null {
  if (!p.duplicates.length) return null;
  return `${p.file} has the same number on more than one row (${p.duplicates.map((d) => `${d.id}: rows ${d.rows.join(', ')}`).join('; ')}). Make each number appear once, then import again. Nothing was imported.`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The preview as lines of plain text, every line a sentence a person can act on. */
export function previewLines(s: ImportPreview): string[] {
  return [
    `${s.file}: ${s.table} — ${s.why}`,
    `Header on ${s.headerFrom !== undefined ? `rows ${s.headerFrom}–${s.headerRow}` : `row ${s.headerRow}`}. Columns: ${s.columns.map((c) => `${c.field} ← "${c.heading}" (column ${c.column}${c.how === 'map' ? ', --map' : ''})`).join('; ')}${s.ignoredColumns.length ? `; not used: ${s.ignoredColumns.join(', ')}` : ''}.`,
    `${plural(s.items, 'item')}, ${plural(s.themes.length, 'theme')}, ${plural(s.owners.length, 'owner')}.`,
    ...s.sample.map((x) => `  • ${x.id} [${x.theme}] ${truncate(x.text.split('\n')[0]!.trim(), 70)} — ${(x.owners ?? []).join(', ') || 'no owner'} — ${x.delivery || 'no date'}${typeof x.baseline === 'string' ? ` (first ${x.baseline || 'no date'})` : ''} — ${x.status}${x.priority ? ` — priority ${x.priority}` : ''} — ${plural((x.updates ?? []).length, 'update')}`),
    ...s.skipped.map((x) => `Row ${x.row} not read: ${x.reason}`),
    ...s.flaggedDates.map((x) => `Row ${x.row} (${x.id}): delivery "${x.text}" kept as written, but it cannot be read as a date (${x.reason})`),
    ...s.duplicates.map((x) => `${x.id} is on rows ${x.rows.join(' and ')}: only one can be imported`),
    ...s.notes,
    ...s.warnings,
    s.effect && s.plan
      ? `Into ${s.plan}: ${s.effect.added.length} new, ${s.effect.changed.length} changed (recorded as audited changes), ${s.effect.unchanged} unchanged; nothing is deleted.`
      : `Into a new plan${s.plan ? ` ${s.plan}` : ''}, "${s.title}", made from this document.`,
  ];
}
