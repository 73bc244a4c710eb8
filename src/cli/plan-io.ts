import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Services } from '../app/services.js';
import { importParsed, type ImportResult } from '../app/plan-loading.js';
import type { PlanInfo } from '../core/ports.js';
import { unknownPlanMessage } from '../core/plan/plan-key.js';
import { todayIn } from '../core/dates/today.js';
import type { RagRules } from '../core/plan/rag.js';
import { buildBoardPaper, type BoardPaper } from '../core/report/board-paper.js';
import { checkPaperDates } from '../core/report/paper-request.js';
import { csvToPlan, planToCsv } from '../files/plan-csv.js';
import { size } from '../files/tables/document-kind.js';
import { DEFAULT_MAX_BYTES } from '../files/tables/read-document-tables.js';
import { lookInsideZip } from '../files/tables/zip-guard.js';
import { BINARY_FORMATS, PAPER_FORMATS, renderPaper, type PaperFormat } from '../report/render.js';
import { meetingPaper } from '../core/report/meeting-paper.js';
import { readPlanHistory } from '../store/plan-history.js';
import { UsageError } from './exit.js';
import { importDocument, previewOwn, readDocument } from './document-import.js';
import type { DocumentReading } from '../app/document-plan.js';
import { writeFileWhole } from './output-file.js';

/** Concerto's own JSON of a very large plan (tens of thousands of items with their updates) is bigger than any document. */
const MAX_OWN_JSON_BYTES = 200 * 1024 * 1024;

/** Below this many recommendations an import is over before a bar would be worth drawing. */
const PROGRESS_THRESHOLD = 200;

export interface ImportOptions {
  /** Show what would be imported and write nothing. */
  dryRun?: boolean;
  json?: boolean;
  /** Skip the terminal's "Import?" question after a document's preview. */
  yes?: boolean;
  map?: string[];
  sheet?: string;
  table?: string;
}

/** A file read and understood, before any database is opened: one of Concerto's own formats, or a document's plan. */
export type ReadImport = { file: string; own: unknown } | { file: string; document: DocumentReading };

/**
 * Reads the file to import and makes sense of it with no database open, so a file that cannot be read is
 * refused having touched nothing, and a document is read once.
 */
export async function readImport(file: string, today: string, timeZone: string, o: ImportOptions = {}): Promise<ReadImport> {
  let bytes: Buffer;
  try {
    // The size is checked before a byte is read: a file far over the limit is never held in memory.
    const limit = path.extname(file).toLowerCase() === '.json' ? MAX_OWN_JSON_BYTES : DEFAULT_MAX_BYTES;
    const { size: length } = statSync(file);
    if (length > limit) throw new UsageError(`${file} is ${size(length)}, over the ${size(limit)} limit on a ${limit === DEFAULT_MAX_BYTES ? 'document' : 'plan file'} Concerto reads. Nothing was imported.`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}. Check the path and try again.`);
  }
  const own = await parseFile(file, bytes, today);
  // A plan in the document it lives in (Word, Excel, any CSV, PDF): previewed, confirmed, then imported.
  return own === DOCUMENT ? { file, document: await readDocument(file, bytes, today, timeZone, o) } : { file, own };
}

export async function importFile(services: Services, read: ReadImport, actor: string, planKey: string | null, o: ImportOptions = {}): Promise<ImportResult | null> {
  const { file } = read;
  if ('document' in read) return importDocument(services, read.document, actor, planKey, o);
  if (o.dryRun) return previewOwn(services, file, read.own, planKey, o);
  const input = read.own;
  const total = Array.isArray((input as { recommendations?: unknown[] }).recommendations) ? (input as { recommendations: unknown[] }).recommendations.length : 0;
  const bar = process.stderr.isTTY && total >= PROGRESS_THRESHOLD ? new cliProgress.SingleBar({ stream: process.stderr, format: 'Importing {bar} {value}/{total} recommendations' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total, 0);
  try {
    return await importParsed(services.plans, planKey, input, file, { actor, source: 'import', at: services.clock.now().toISOString() }, (done) => bar?.update(done), { fileName: path.basename(file) });
  } finally {
    bar?.stop();
  }
}

/** An xlsx is a zip: by its name, or by the zip signature when it was renamed. */
const isXlsx = (file: string, bytes: Buffer) => path.extname(file).toLowerCase() === '.xlsx' || bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));

async function parseFile(file: string, bytes: Buffer, today: string): Promise<unknown | typeof DOCUMENT> {
  const fallback = { title: path.basename(file, path.extname(file)), asOf: today };
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docx' || ext === '.pdf' || ext === '.tsv' || /^%PDF-/.test(bytes.subarray(0, 5).toString('latin1'))) return DOCUMENT;
  if (isXlsx(file, bytes)) {
    // A zip is looked inside before anything unpacks it: a bomb or a damaged file gets the document reader's sentence.
    if (!(await lookInsideZip(bytes)).ok) return DOCUMENT;
    const { xlsxToPlan } = await import('../files/plan-xlsx.js');
    const read = await xlsxToPlan(bytes, fallback);
    // Not Concerto's own workbook (no "Action plan" sheet with its columns): a tracker of the office's own.
    if ('problems' in read && read.problems.every((p) => p.row <= 1)) return DOCUMENT;
    if ('problems' in read) throw notImported(file, read.problems);
    for (const w of read.warnings) process.stderr.write(`${file}: ${w}\n`);
    return read.plan;
  }
  const raw = bytes.toString('utf8');
  const looksJson = /^\s*[{[]/.test(raw.replace(/^\uFEFF/, ''));
  if (path.extname(file).toLowerCase() === '.json' || looksJson) {
    try {
      return JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new UsageError(`${file} is not valid JSON (${(err as Error).message}). Nothing was imported; fix the file and try again.`);
    }
  }
  const parsed = csvToPlan(raw, fallback);
  // A CSV with headings of its own (not Concerto's columns) is read as a document.
  if ('problems' in parsed && parsed.problems.every((p) => p.row <= 1)) return DOCUMENT;
  if ('problems' in parsed) throw notImported(file, parsed.problems);
  return parsed.plan;
}

/** parseFile's answer for a file that is not in one of Concerto's own formats. */
const DOCUMENT = Symbol('document');

/** Row 0 is the whole file (unreadable, a sheet missing), said without a row number. */
function notImported(file: string, problems: Array<{ row: number; message: string }>): UsageError {
  return new UsageError(`${file} was not imported — nothing was changed:\n${problems.map((p) => `  • ${p.row > 0 ? `row ${p.row}: ` : ''}${p.message}`).join('\n')}`);
}

export interface ExportOptions {
  format: string;
  output?: string;
  /** The paper as at the end of this day (YYYY-MM-DD); today when omitted. */
  asOf?: string;
  since?: string;
  /** The paper for a board's meeting ("SAS 2017-10-12", "next SAS"): sets the date and since itself. */
  meeting?: string;
  rules?: RagRules;
  /** The plan's key; may be left out when there is only one plan. */
  plan?: string | undefined;
}

/** The plan a command names, or the only one there is; otherwise a mistake that says which plans there are. */
export async function planFor(services: Services, key: string | undefined): Promise<PlanInfo> {
  const all = await services.plans.list();
  if (key) {
    const plan = all.find((p) => p.key === key.toLowerCase());
    if (!plan) throw new UsageError(unknownPlanMessage(key, all.map((p) => p.key)));
    return plan;
  }
  if (all.length === 1) return all[0]!;
  if (!all.length) throw new UsageError(NO_PLAN);
  throw new UsageError(`There are ${all.length} plans (${all.map((p) => p.key).join(', ')}): say which with --plan KEY.`);
}

/**
 * `concerto export`. JSON and CSV with no date are the import format of the plan as it is now (they
 * round-trip through `concerto import`); every other combination is the board paper as at a date.
 * Every mistake is found before anything is written, and a file is written whole or not at all.
 */
export async function exportPlanTo(services: Services, opts: ExportOptions): Promise<void> {
  await (await readForExport(services, opts))();
}

/**
 * Reads from the database what the export needs and returns the step that renders and writes it, which
 * needs no database: `concerto export` closes the database between the two, so a large paper renders
 * without the embedded engine's memory beside it (about 140 MB).
 */
export async function readForExport(services: Services, opts: ExportOptions): Promise<() => Promise<void>> {
  if (opts.meeting !== undefined && (opts.asOf || opts.since)) {
    throw new UsageError(`--meeting sets the paper's date (the meeting's papers-by day) and its "since" (the board's previous meeting), so it cannot be given with ${opts.asOf && opts.since ? '--as-of or --since' : opts.asOf ? '--as-of' : '--since'}: use one or the other.`);
  }
  if ((opts.format === 'json' || opts.format === 'csv') && !opts.asOf && !opts.since && opts.meeting === undefined) {
    const plan = await services.plans.store(await planFor(services, opts.plan)).exportPlan();
    if (!plan) throw new UsageError(NO_PLAN);
    return () => write(opts.output, opts.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : planToCsv(plan));
  }
  if (!(PAPER_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`Unknown format "${opts.format}". Use --format ${PAPER_FORMATS.join(', ')}.`);
  const format = opts.format as PaperFormat;
  if (opts.since && (format === 'csv' || format === 'json')) {
    throw new UsageError(`--since adds a "changed since" section, which the md, html, pdf and xlsx papers carry; ${format} has one record per recommendation. Use --format md, html, pdf or xlsx.`);
  }
  if (BINARY_FORMATS.has(format) && !opts.output) throw new UsageError(`${format === 'xlsx' ? 'An' : 'A'} ${format.toUpperCase()} file is not written to the terminal: give a file, e.g. -o board-paper.${format}.`);

  const paper = await readPaper(services, opts);
  return async () => write(opts.output, await renderPaper(paper, format));
}

/**
 * The paper for the options, its dates checked. The whole history (every update, the whole trail) is
 * read here and dropped on return, so it is not held while a large paper renders.
 */
async function readPaper(services: Services, opts: ExportOptions): Promise<BoardPaper> {
  const history = await readPlanHistory(services.database.db, (await planFor(services, opts.plan)).id);
  if (!history) throw new UsageError(NO_PLAN);
  const today = todayIn(services.clock.now(), services.config.CONCERTO_TIMEZONE ?? history.plan.timeZone);
  if (opts.meeting !== undefined) {
    const found = meetingPaper(opts.meeting, history.meetings ?? [], today);
    if (!found.ok) throw new UsageError(found.error);
    const { asAt, since, decisionsAfter, meeting } = found.dates;
    const problem = checkPaperDates({ asAt, since }, today, history.plan.asOf);
    if (problem) throw new UsageError(problem);
    return buildBoardPaper(history, { asAt, producedOn: today, since, decisionsAfter, meeting, rules: opts.rules });
  }
  const asAt = opts.asOf ?? today;
  const problem = checkPaperDates({ asAt, since: opts.since ?? null }, today, history.plan.asOf);
  if (problem) throw new UsageError(problem);
  return buildBoardPaper(history, { asAt, producedOn: today, since: opts.since ?? null, rules: opts.rules });
}


const NO_PLAN = 'There is no plan to export yet. Run `concerto seed` or `concerto import FILE` first.';

async function write(out: string | undefined, body: string | Uint8Array): Promise<void> {
  if (out) await writeFileWhole(out, body);
  else process.stdout.write(body);
}
