import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError } from 'commander';
import type { Services } from '../app/services.js';
import { importParsed } from '../app/plan-loading.js';
import type { ImportSummary } from '../core/ports.js';
import { todayIn } from '../core/dates/today.js';
import type { RagRules } from '../core/plan/rag.js';
import { buildBoardPaper } from '../core/report/board-paper.js';
import { isIsoDay, longDate } from '../core/report/dates.js';
import { csvToPlan, planToCsv } from '../files/plan-csv.js';
import { paperToHtml } from '../report/html.js';
import { CHROMIUM_MISSING, findChromium, htmlToPdf } from '../report/pdf.js';
import { PAPER_FORMATS, renderPaper, type PaperFormat } from '../report/render.js';
import { readPlanHistory } from '../store/plan-history.js';
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

export interface ExportOptions {
  format: string;
  output?: string;
  /** The paper as at the end of this day (YYYY-MM-DD); today when omitted. */
  asOf?: string;
  since?: string;
  rules?: RagRules;
}

/**
 * `concerto export`. JSON and CSV with no date are the import format of the plan as it is now (they
 * round-trip through `concerto import`); every other combination is the board paper as at a date.
 */
export async function exportPlanTo(services: Services, opts: ExportOptions): Promise<void> {
  if ((opts.format === 'json' || opts.format === 'csv') && !opts.asOf && !opts.since) {
    const plan = await services.store.exportPlan();
    if (!plan) throw new UsageError(NO_PLAN);
    return write(opts.output, opts.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : planToCsv(plan));
  }
  if (!(PAPER_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`Unknown format "${opts.format}". Use --format ${PAPER_FORMATS.join(', ')}.`);
  const format = opts.format as PaperFormat;
  if (opts.since && (format === 'csv' || format === 'json')) {
    throw new UsageError(`--since adds a "changed since" section, which the md, html and pdf papers carry; ${format} has one record per recommendation. Use --format md, html or pdf.`);
  }
  if (format === 'pdf' && !opts.output) throw new UsageError('A PDF is binary and is not written to the terminal: give a file, e.g. -o board-paper.pdf.');
  const chromium = format === 'pdf' ? findChromium() : null;
  if (format === 'pdf' && !chromium) throw new UsageError(CHROMIUM_MISSING);

  const history = await readPlanHistory(services.database.db);
  if (!history) throw new UsageError(NO_PLAN);
  const today = todayIn(services.clock.now(), services.config.CONCERTO_TIMEZONE ?? history.plan.timeZone);
  const asAt = opts.asOf ?? today;
  if (asAt < history.plan.asOf) {
    throw new UsageError(`The plan begins on ${longDate(history.plan.asOf)} (its own date), so there is no paper as at ${longDate(asAt)}. Give --as-of ${history.plan.asOf} or later.`);
  }
  if (opts.since && opts.since >= asAt) throw new UsageError(`--since (${opts.since}) must be before the paper's date (${asAt}): it shows what changed after the end of that day.`);
  const paper = buildBoardPaper(history, { asAt, producedOn: today, since: opts.since ?? null, rules: opts.rules });
  if (format === 'pdf') return writing(opts.output!, () => htmlToPdf(paperToHtml(paper), opts.output!, chromium!));
  return write(opts.output, renderPaper(paper, format));
}

/** Commander argument parsers for the export options. */
export function isoDayArg(v: string): string {
  if (!isIsoDay(v)) throw new InvalidArgumentError('use a date written YYYY-MM-DD, e.g. 2017-10-04.');
  return v;
}

export function countArg(v: string): number {
  if (!/^\d{1,4}$/.test(v)) throw new InvalidArgumentError('use a whole number, e.g. 30.');
  return Number(v);
}

const NO_PLAN = 'There is no plan to export yet. Run `concerto seed` or `concerto import FILE` first.';

async function write(out: string | undefined, body: string): Promise<void> {
  if (out) await writing(out, () => writeFileSync(out, body));
  else process.stdout.write(body);
}

/** A file that cannot be written is the person's to fix (a missing folder, no permission), not an internal error. */
async function writing<T>(out: string, act: () => T | Promise<T>): Promise<T> {
  try {
    return await act();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EROFS') {
      throw new UsageError(`Cannot write ${out}: ${code === 'ENOENT' ? 'no such folder' : (err as Error).message}. Check the path and try again.`);
    }
    throw err;
  }
}
