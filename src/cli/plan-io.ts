import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Services } from '../app/services.js';
import { importParsed } from '../app/plan-loading.js';
import type { ImportSummary } from '../core/ports.js';
import { todayIn } from '../core/dates/today.js';
import { csvToPlan, planToCsv } from '../files/plan-csv.js';
import { UsageError } from './exit.js';

/** Below this many recommendations an import is over before a bar would be worth drawing. */
const PROGRESS_THRESHOLD = 200;

export async function importFile(services: Services, file: string, actor: string): Promise<ImportSummary> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}. Check the path and try again.`);
  }
  const input = parseFile(file, raw, todayIn(services.clock.now(), services.config.CONCERTO_TIMEZONE ?? 'Europe/London'));
  const total = Array.isArray((input as { recommendations?: unknown[] }).recommendations) ? (input as { recommendations: unknown[] }).recommendations.length : 0;
  const bar = process.stderr.isTTY && total >= PROGRESS_THRESHOLD ? new cliProgress.SingleBar({ stream: process.stderr, format: 'Importing {bar} {value}/{total} recommendations' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total, 0);
  try {
    return await importParsed(services.store, input, file, { actor, source: 'import', at: services.clock.now().toISOString() }, (done) => bar?.update(done));
  } finally {
    bar?.stop();
  }
}

function parseFile(file: string, raw: string, today: string): unknown {
  const looksJson = /^\s*[{[]/.test(raw.replace(/^\uFEFF/, ''));
  if (path.extname(file).toLowerCase() === '.json' || looksJson) {
    try {
      return JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new UsageError(`${file} is not valid JSON (${(err as Error).message}). Nothing was imported; fix the file and try again.`);
    }
  }
  const parsed = csvToPlan(raw, { title: path.basename(file, path.extname(file)), asOf: today });
  if ('problems' in parsed) {
    throw new UsageError(`${file} was not imported — nothing was changed:\n${parsed.problems.map((p) => `  • row ${p.row}: ${p.message}`).join('\n')}`);
  }
  return parsed.plan;
}

export async function exportPlanTo(services: Services, format: string, out: string | undefined): Promise<void> {
  const plan = await services.store.exportPlan();
  if (!plan) throw new UsageError('There is no plan to export yet. Run `concerto seed` or `concerto import FILE` first.');
  let body: string;
  if (format === 'json') body = `${JSON.stringify(plan, null, 2)}\n`;
  else if (format === 'csv') body = planToCsv(plan);
  else throw new UsageError(`Unknown format "${format}". Use --format json or --format csv.`);
  if (out) writeFileSync(out, body);
  else process.stdout.write(body);
}
