import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { importEffect, parseMaps, readDocumentPlan, type DocumentReading } from '../app/document-plan.js';
import { importParsed, type ImportResult } from '../app/plan-loading.js';
import type { Services } from '../app/services.js';
import { PlanFile } from '../core/plan/plan-file.js';
import { readPlan } from '../core/plan/read-plan.js';
import { UsageError } from './exit.js';
import type { ImportOptions } from './plan-io.js';

/**
 * `concerto import FILE` for a plan in a document of the office's own (Word, Excel, CSV with any headings,
 * PDF): the preview — the table chosen and why, each column and its heading, counts, a sample, every row
 * not read and every date flagged, and what would change in an existing plan — then, on a terminal, a
 * question (`--yes` skips it), and only then the import. `--dry-run` stops after the preview.
 */
export async function importDocument(services: Services, reading: DocumentReading, actor: string, planKey: string | null, o: ImportOptions): Promise<ImportResult | null> {
  const { file } = reading;
  const target = await targetPlan(services, planKey);
  const effect = importEffect(target ? await services.plans.store(target).exportPlan() : null, reading.plan);
  const preview = { file, kind: reading.kind, plan: target?.key ?? planKey ?? null, ...summary(reading), ...(target ? { effect } : {}) };
  process.stdout.write(o.json ? `${JSON.stringify(preview)}\n` : `${previewText(reading, target?.key ?? planKey, effect, Boolean(target))}\n`);
  if (reading.duplicates.length) throw new UsageError(`${file} has the same number on more than one row (${reading.duplicates.map((d) => `${d.id}: rows ${d.rows.join(', ')}`).join('; ')}). Make each number appear once, then import again. Nothing was imported.`);
  if (o.dryRun) {
    if (!o.json) process.stdout.write('Nothing was written (--dry-run).\n');
    return null;
  }
  if (process.stdin.isTTY && process.stdout.isTTY && !o.yes && !(await confirmed(`Import ${reading.plan.recommendations.length} items${target ? ` into ${target.key}` : ''}? [y/N] `))) {
    process.stderr.write('Not imported; nothing was changed.\n');
    return null;
  }
  return importParsed(services.plans, planKey, reading.plan, file, { actor, source: 'import', at: services.clock.now().toISOString() }, undefined, { keepUnreadableDates: true });
}

/** The document's plan as read (no database needed), or the sentence that says why it cannot be read. */
export async function readDocument(file: string, bytes: Buffer, today: string, timeZone: string, o: ImportOptions): Promise<DocumentReading> {
  const map = parseMaps(o.map ?? []);
  if ('error' in map) throw new UsageError(map.error);
  const reading = await readDocumentPlan(bytes, file, { title: path.basename(file, path.extname(file)), asOf: today, timeZone, map, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}) });
  if (!reading.ok) throw new UsageError(`${reading.error} Nothing was imported.`);
  return reading;
}

/** `--dry-run` on one of Concerto's own files: checked whole, counted, nothing written. */
export async function previewOwn(services: Services, file: string, input: unknown, planKey: string | null, o: ImportOptions): Promise<null> {
  const read = readPlan(input);
  if (!read.ok) throw new UsageError(`${file} would not import:\n${read.errors.map((e) => `  • ${e}`).join('\n')}`);
  const plan = PlanFile.parse(input);
  const target = await targetPlan(services, planKey);
  const effect = importEffect(target ? await services.plans.store(target).exportPlan() : null, plan);
  const items = plan.recommendations.length;
  const out = { file, kind: 'concerto', plan: target?.key ?? planKey ?? null, items, themes: new Set(plan.recommendations.map((r) => r.theme)).size, owners: new Set(plan.recommendations.flatMap((r) => r.owners)).size, ...(target ? { effect } : {}) };
  process.stdout.write(o.json ? `${JSON.stringify(out)}\n` : `${file}: ${items} items in Concerto's own format${target ? `; into ${target.key}: ${effect.added.length} new, ${effect.changed.length} changed, ${effect.unchanged} unchanged` : ''}. Nothing was written (--dry-run).\n`);
  return null;
}

async function targetPlan(services: Services, planKey: string | null) {
  const all = await services.plans.list();
  return planKey ? (all.find((p) => p.key === planKey.toLowerCase()) ?? null) : all.length === 1 ? all[0]! : null;
}

function summary(r: DocumentReading) {
  const recs = r.plan.recommendations;
  return {
    table: r.table,
    why: r.why,
    headerRow: r.headerRow,
    columns: r.columns,
    ignoredColumns: r.ignoredColumns,
    items: recs.length,
    themes: [...new Set(recs.map((x) => x.theme))],
    owners: [...new Set(recs.flatMap((x) => x.owners ?? []))],
    sample: recs.slice(0, 3),
    skipped: r.skipped,
    flaggedDates: r.flaggedDates,
    duplicates: r.duplicates,
    notes: r.notes,
    warnings: r.warnings,
  };
}

function previewText(r: DocumentReading, planKey: string | null, effect: ReturnType<typeof importEffect>, existing: boolean): string {
  const s = summary(r);
  const lines = [
    `${r.file}: ${s.table} — ${s.why}`,
    `Header on row ${s.headerRow}. Columns: ${s.columns.map((c) => `${c.field} ← "${c.heading}" (column ${c.column}${c.how === 'map' ? ', --map' : ''})`).join('; ')}${s.ignoredColumns.length ? `; not used: ${s.ignoredColumns.join(', ')}` : ''}.`,
    `${s.items} items, ${s.themes.length} themes, ${s.owners.length} owners.`,
    ...s.sample.map((x) => `  • ${x.id} [${x.theme}] ${truncate(x.text, 70)} — ${(x.owners ?? []).join(', ') || 'no owner'} — ${x.delivery || 'no date'} — ${x.status} — ${(x.updates ?? []).length} update(s)`),
    ...s.skipped.map((x) => `Row ${x.row} not read: ${x.reason}`),
    ...s.flaggedDates.map((x) => `Row ${x.row} (${x.id}): delivery "${x.text}" kept as written, but it cannot be read as a date (${x.reason})`),
    ...s.duplicates.map((x) => `${x.id} is on rows ${x.rows.join(' and ')}: only one can be imported`),
    ...s.notes,
    ...s.warnings,
    existing && planKey ? `Into ${planKey}: ${effect.added.length} new, ${effect.changed.length} changed (recorded as audited changes), ${effect.unchanged} unchanged; nothing is deleted.` : `Into a new plan${planKey ? ` ${planKey}` : ''}, made from this document.`,
  ];
  return lines.join('\n');
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
