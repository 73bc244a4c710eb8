import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { importEffect, parseMaps, readDocumentPlan, type DocumentReading } from '../app/document-plan.js';
import { buildPreview, duplicatesRefusal, previewLines } from '../app/import-preview.js';
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
  const preview = buildPreview(reading, planKey, target, target ? await services.plans.store(target).exportPlan() : null);
  process.stdout.write(o.json ? `${JSON.stringify(preview)}\n` : `${previewLines(preview).join('\n')}\n`);
  const duplicates = duplicatesRefusal(preview);
  if (duplicates) throw new UsageError(duplicates);
  if (o.dryRun) {
    if (!o.json) process.stdout.write('Nothing was written (--dry-run).\n');
    return null;
  }
  if (process.stdin.isTTY && process.stdout.isTTY && !o.yes && !(await confirmed(`Import ${reading.plan.recommendations.length} items${target ? ` into ${target.key}` : ''}? [y/N] `))) {
    process.stderr.write('Not imported; nothing was changed.\n');
    return null;
  }
  return importParsed(services.plans, planKey, reading.plan, file, { actor, source: 'import', at: services.clock.now().toISOString() }, undefined, { keepUnreadableDates: true, fileName: path.basename(file) });
}

/** The document's plan as read (no database needed), or the sentence that says why it cannot be read. */
export async function readDocument(file: string, bytes: Buffer, today: string, timeZone: string, o: ImportOptions): Promise<DocumentReading> {
  const map = parseMaps(o.map ?? []);
  if ('error' in map) throw new UsageError(map.error);
  const reading = await readDocumentPlan(bytes, file, { title: path.basename(file, path.extname(file)), asOf: today, timeZone, map, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}), ...(o.table !== undefined ? { table: o.table } : {}) });
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

async function confirmed(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
