import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUNDLED_PLAN_KEY } from '../../src/app/plan-loading.js';
import type { Services } from '../../src/app/services.js';
import { UsageError } from '../../src/cli/exit.js';
import { importFile, readImport, type ImportOptions } from '../../src/cli/plan-io.js';
import type { Database } from '../../src/store/database.js';
import { queryRows } from '../../src/store/query-rows.js';
import { testDatabases } from '../helpers/databases.js';
import { planStore, seedBundled } from '../helpers/plan-stores.js';
import {
  brokenWordDocument,
  brokenWorkbook,
  csvOf,
  HEADINGS,
  legacyOffice,
  letterPdf,
  MB,
  memoryGrowth,
  BOMB_MEMORY_BOUND,
  PEAK_RSS_MEASURED,
  passwordProtectedOffice,
  planPdf,
  planRows,
  pngBytes,
  scannedPdf,
  truncated,
  wordWith,
  wordWithoutTable,
  workbookWith,
  zipBomb,
} from '../unit/file-tables/bad-documents.js';
import { patchCentralDirectory } from '../unit/file-tables/zip-fixture.js';
import { servicesOn } from '../unit/report/services.js';

/**
 * Issue 13, "Bad input (each: one clear sentence, nothing written, memory bounded)": every bad input, in
 * every format it applies to, taken the way `concerto import FILE --yes` takes it — `readImport` (no
 * database open), then `importFile` when the file reads — into an embedded database that already holds the
 * bundled plan. Each is refused with a UsageError whose message is the sentence, and the database is as it
 * was. (The process boundary, exit code 1 and stderr, is tests/e2e/cli-document-import.test.ts.)
 */

const TODAY = '2017-10-04';
const TIME_ZONE = 'Europe/London';
const H = [...HEADINGS];
const RENAMED = 'as its name says; give it the right extension or send the original file. Nothing was imported.';
const NO_NUMBERS = 'The document has no table with recommendation numbers; the plan needs a column of numbers such as 4.2.1, or numbers at the start of each recommendation. Nothing was imported.';
const EMPTY = "has its headings and no rows under them, so there is nothing to import; add the plan's rows and try again. Nothing was imported.";
const PASSWORD = ' is password-protected; save a copy without a password and try again. Nothing was imported.';
const LIMIT = ' is 21 MB, over the 20 MB limit on a document Concerto reads. Nothing was imported.';
const bombSays = (mb: number) => ` would unpack to ${mb} MB, more than the 20 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb). Nothing was imported.`;
const duplicateSays = (rows: string) => ` has the same number on more than one row (1.1: rows ${rows}). Make each number appear once, then import again. Nothing was imported.`;

const word = () => wordWith([[H, ...planRows(['1.1', '1.2'])]]);
const excel = () => workbookWith({ Plan: [H, ...planRows(['1.1', '1.2'])] });
const pdf = () => planPdf([['1.1: Keep an audit trail', 'Portfolio Office', 'June 2017']]);
const text = async () => csvOf([H, ...planRows(['1.1', '1.2'])]);
const duplicated = [H, ...planRows(['1.1', '1.2', '1.1'])];
/** A CSV plan of `bytes` exactly: the same row over and over, the last one cut short. */
const bigCsv = (bytes: number) => {
  const row = csvOf(planRows(['1.1']));
  return Buffer.concat([csvOf([H]), Buffer.alloc(bytes, row)]).subarray(0, bytes);
};

interface Refusal {
  /** The bad input, as issue 13 lists it. */
  bad: string;
  file: string;
  build: () => Promise<Buffer> | Buffer;
  /** The message after the file's path (every refusal starts with the file). */
  says: string;
  /** Refused while reading, with no database open, or by the import after its preview. */
  by: 'readImport' | 'importFile';
  /** A line the preview printed before the refusal. */
  preview?: string;
}

const REFUSALS: Refusal[] = [
  // A corrupt file
  { bad: 'corrupt', file: 'cut.docx', build: async () => truncated(await word()), by: 'readImport', says: ' is damaged and could not be opened as a Word document; open it and save it again, or export it again. Nothing was imported.' },
  { bad: 'corrupt', file: 'broken.docx', build: brokenWordDocument, by: 'readImport', says: ' is damaged and could not be read as a Word document; open it in Word and save it again. Nothing was imported.' },
  { bad: 'corrupt', file: 'cut.xlsx', build: async () => truncated(await excel()), by: 'readImport', says: ' is damaged and could not be opened as an Excel workbook; open it and save it again, or export it again. Nothing was imported.' },
  { bad: 'corrupt', file: 'broken.xlsx', build: brokenWorkbook, by: 'readImport', says: ' is damaged and could not be read as an Excel workbook; open it in Excel and save it again. Nothing was imported.' },
  { bad: 'corrupt', file: 'quote.csv', build: () => Buffer.from('Ref,Action\n1.1,"Never closed\n1.2,x\n'), by: 'readImport', says: ' could not be read as a CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 3. Nothing was imported.' },
  { bad: 'corrupt', file: 'quote.tsv', build: () => Buffer.from('Ref\tAction\n1.1\t"Never closed\n1.2\tx\n'), by: 'readImport', says: ' could not be read as a TSV file: Quote Not Closed: the parsing is finished with an opening quote at line 3. Nothing was imported.' },
  { bad: 'corrupt', file: 'damaged.pdf', build: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]), by: 'readImport', says: ' is damaged and could not be read as a PDF; open it and save or print it to PDF again. Nothing was imported.' },
  // A password-protected file
  { bad: 'password-protected', file: 'locked.docx', build: passwordProtectedOffice, by: 'readImport', says: PASSWORD },
  { bad: 'password-protected', file: 'locked.xlsx', build: passwordProtectedOffice, by: 'readImport', says: PASSWORD },
  { bad: 'password-protected', file: 'zip-encrypted.docx', build: async () => patchCentralDirectory(await word(), 'flags', 1), by: 'readImport', says: PASSWORD },
  { bad: 'password-protected', file: 'locked.pdf', build: () => planPdf([['1.1: Keep an audit trail', 'Portfolio Office', 'June 2017']], { userPassword: 'secret' }), by: 'readImport', says: PASSWORD },
  // A renamed file whose content does not match its extension
  { bad: 'renamed', file: 'word-named.xlsx', build: word, by: 'readImport', says: ` is a Word document, not an Excel workbook ${RENAMED}` },
  { bad: 'renamed', file: 'word-named.pdf', build: word, by: 'readImport', says: ` is a Word document, not a PDF ${RENAMED}` },
  { bad: 'renamed', file: 'excel-named.docx', build: excel, by: 'readImport', says: ` is an Excel workbook, not a Word document ${RENAMED}` },
  { bad: 'renamed', file: 'excel-named.csv', build: excel, by: 'readImport', says: ` is an Excel workbook, not a CSV file ${RENAMED}` },
  { bad: 'renamed', file: 'pdf-named.docx', build: pdf, by: 'readImport', says: ` is a PDF, not a Word document ${RENAMED}` },
  { bad: 'renamed', file: 'pdf-named.xlsx', build: pdf, by: 'readImport', says: ` is a PDF, not an Excel workbook ${RENAMED}` },
  { bad: 'renamed', file: 'pdf-named.tsv', build: pdf, by: 'readImport', says: ` is a PDF, not a TSV file ${RENAMED}` },
  { bad: 'renamed', file: 'text-named.xlsx', build: text, by: 'readImport', says: ` is a text file, not an Excel workbook ${RENAMED}` },
  { bad: 'renamed', file: 'text-named.pdf', build: text, by: 'readImport', says: ` is a text file, not a PDF ${RENAMED}` },
  { bad: 'renamed', file: 'old-word.docx', build: legacyOffice, by: 'readImport', says: ' is a Word or Excel 97–2003 file; open it and save it as a Word document (.docx) or an Excel workbook (.xlsx), then try again. Nothing was imported.' },
  { bad: 'renamed', file: 'picture.csv', build: pngBytes, by: 'readImport', says: ' is not a Word document, an Excel workbook, a PDF or a text file, whatever its name says. Nothing was imported.' },
  // A document with no table
  { bad: 'no table', file: 'minutes.docx', build: wordWithoutTable, by: 'readImport', says: ' has no table: Concerto reads a plan from a table in the document. Nothing was imported.' },
  { bad: 'no table', file: 'blank.xlsx', build: () => workbookWith({ Sheet1: [] }), by: 'readImport', says: ' has no table: every sheet in it is empty. Nothing was imported.' },
  { bad: 'no table', file: 'notes.xlsx', build: () => workbookWith({ Notes: [['RAG means red, amber, green.']] }), by: 'readImport', says: `: ${NO_NUMBERS}` },
  { bad: 'no table', file: 'blank.csv', build: () => Buffer.from(',,\r\n , ,\r\n'), by: 'readImport', says: ' has no table: it holds only blank lines. Nothing was imported.' },
  { bad: 'no table', file: 'empty.tsv', build: () => Buffer.alloc(0), by: 'readImport', says: ' is empty: it has no table to read. Nothing was imported.' },
  { bad: 'no table', file: 'letter.pdf', build: letterPdf, by: 'readImport', says: " has no table Concerto can find: no line in it reads like a table's header (such as Recommendation, Owner, Update, Delivery Date, Status). Nothing was imported." },
  // An empty table: its headings and no rows
  { bad: 'empty table', file: 'header.docx', build: () => wordWith([[H]]), by: 'readImport', says: `: Table 1 ${EMPTY}` },
  { bad: 'empty table', file: 'header.xlsx', build: () => workbookWith({ Plan: [H] }), by: 'readImport', says: `: Sheet Plan ${EMPTY}` },
  { bad: 'empty table', file: 'header.csv', build: () => csvOf([H]), by: 'readImport', says: `: The CSV file's table ${EMPTY}` },
  { bad: 'empty table', file: 'header.tsv', build: () => csvOf([H], '\t'), by: 'readImport', says: `: The TSV file's table ${EMPTY}` },
  { bad: 'empty table', file: 'header.pdf', build: () => planPdf([]), by: 'readImport', says: `: The PDF's table ${EMPTY}` },
  // A file over the size limit (the limit said)
  { bad: 'over the size limit', file: 'big.docx', build: () => Buffer.alloc(21 * MB, 0x41), by: 'readImport', says: LIMIT },
  { bad: 'over the size limit', file: 'big.xlsx', build: () => Buffer.alloc(21 * MB, 0x41), by: 'readImport', says: LIMIT },
  { bad: 'over the size limit', file: 'big.csv', build: () => bigCsv(21 * MB), by: 'readImport', says: LIMIT },
  { bad: 'over the size limit', file: 'big.pdf', build: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * MB, 0x41)]), by: 'readImport', says: LIMIT },
  // A zip bomb
  { bad: 'zip bomb', file: 'bomb.docx', build: () => zipBomb('docx', 30), by: 'readImport', says: bombSays(30) },
  { bad: 'zip bomb', file: 'bomb.xlsx', build: () => zipBomb('xlsx', 30), by: 'readImport', says: bombSays(30) },
  // A PDF that is a scanned image with no text
  { bad: 'scanned PDF', file: 'scan.pdf', build: scannedPdf, by: 'readImport', says: ' has no text to read (it may be a scanned image); export the table from the original document instead. Nothing was imported.' },
  // Duplicate ids in one document: the preview names both rows, the import refuses
  { bad: 'duplicate ids', file: 'dup.docx', build: () => wordWith([duplicated]), by: 'importFile', says: duplicateSays('2, 4'), preview: '1.1 is on rows 2 and 4: only one can be imported' },
  { bad: 'duplicate ids', file: 'dup.xlsx', build: () => workbookWith({ Plan: duplicated }), by: 'importFile', says: duplicateSays('2, 4'), preview: '1.1 is on rows 2 and 4: only one can be imported' },
  { bad: 'duplicate ids', file: 'dup.csv', build: () => csvOf(duplicated), by: 'importFile', says: duplicateSays('2, 4'), preview: '1.1 is on rows 2 and 4: only one can be imported' },
  { bad: 'duplicate ids', file: 'dup.tsv', build: () => csvOf(duplicated, '\t'), by: 'importFile', says: duplicateSays('2, 4'), preview: '1.1 is on rows 2 and 4: only one can be imported' },
  {
    bad: 'duplicate ids',
    file: 'dup.pdf',
    build: () => planPdf([['1.1: Action 1.1', 'Portfolio Office', 'March 2018'], ['1.2: Action 1.2', 'Portfolio Office', 'March 2018'], ['1.1: Action 1.1 again', 'Portfolio Office', 'March 2018']]),
    by: 'importFile',
    // A PDF's rows are its lines: the running head is line 1, the header line 2.
    says: duplicateSays('3, 5'),
    preview: '1.1 is on rows 3 and 5: only one can be imported',
  },
];

/** Every table an import writes to, counted. */
const TABLES = ['plans', 'themes', 'recommendations', 'delivery_dates', 'owners', 'recommendation_owners', 'updates', 'audit_events'] as const;

let database: Database;
let services: Services;
let tmp: string;
let before: Awaited<ReturnType<typeof snapshot>>;

async function snapshot() {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  return { counts, plans: await services.plans.list(), plan: await (await planStore(database.db, BUNDLED_PLAN_KEY)).exportPlan() };
}

/** `concerto import FILE --plan concerto-2017 --yes` up to the database: what it threw, how far it got, what it printed. */
async function attempt(file: string, o: ImportOptions = {}): Promise<{ error: unknown; by: Refusal['by'] | null; printed: string }> {
  const options: ImportOptions = { yes: true, ...o };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  let by: Refusal['by'] = 'readImport';
  try {
    const read = await readImport(file, TODAY, TIME_ZONE, options);
    by = 'importFile';
    await importFile(services, read, 'refusals', BUNDLED_PLAN_KEY, options);
    return { error: undefined, by: null, printed: out.mock.calls.map(([c]) => String(c)).join('') };
  } catch (error) {
    return { error, by, printed: out.mock.calls.map(([c]) => String(c)).join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'concerto-import-refusals-'));
  database = await testDatabases.find((d) => d.name === 'pglite')!.open();
  await seedBundled(database.db, '2017-10-04T09:00:00.000Z');
  services = servicesOn(database, '2017-10-04T10:00:00.000Z');
  before = await snapshot();
});

afterAll(async () => {
  await services?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('concerto import refuses bad input in one sentence and writes nothing', () => {
  it('starts from a database holding the bundled plan', () => {
    expect(before.counts).toMatchObject({ plans: 1, recommendations: 30 });
    expect(before.plans.map((p) => p.key)).toEqual([BUNDLED_PLAN_KEY]);
  });

  it.each(REFUSALS)('$bad: $file', async ({ file: name, build, says, by, preview }) => {
    const file = write(name, await build());
    const result = await attempt(file);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as Error).message).toBe(`${file}${says}`);
    expect(result.by).toBe(by);
    if (preview) expect(result.printed.split('\n')).toContain(preview);
    else expect(result.printed).toBe('');
    expect(await snapshot()).toEqual(before);
  });

  it('duplicate ids: once the number is made unique, the same document reads and previews without refusal', async () => {
    const file = write('dup-fixed.docx', await wordWith([[H, ...planRows(['1.1', '1.2', '1.3'])]]));
    const result = await attempt(file, { dryRun: true });
    expect(result.error).toBeUndefined();
    expect(result.printed).not.toContain('only one can be imported');
    expect(result.printed.trimEnd().split('\n').at(-1)).toBe('Nothing was written (--dry-run).');
    expect(await snapshot()).toEqual(before);
  });
});

describe('several tables that could be the plan: the preview says which it picked and how to choose another', () => {
  it('a Word document with two plan tables', async () => {
    const file = write('two.docx', await wordWith([[H, ...planRows(['1.1', '1.2'])], [H, ...planRows(['2.1', '2.2', '2.3'])]]));
    const result = await attempt(file, { dryRun: true });
    expect(result.error).toBeUndefined();
    expect(result.printed.split('\n')[0]).toBe(
      `${file}: table 2 — the table with the most numbered rows (3 numbered rows, a recommendation-number column) of 2 that have recommendation numbers (also table 1: 2); to import another, say which: --table 1`,
    );
    const other = await attempt(file, { dryRun: true, table: '1' });
    expect(other.printed.split('\n')[0]).toBe(`${file}: table 1 — the table asked for (--table 1), with a recommendation-number column and 2 numbered rows`);
    expect(await snapshot()).toEqual(before);
  });

  it('a workbook with two plan sheets, and --sheet NAME choosing the other', async () => {
    const file = write('two.xlsx', await workbookWith({ Closed: [H, ...planRows(['2.1'])], Open: [H, ...planRows(['1.1', '1.2', '1.3'])] }));
    const result = await attempt(file, { dryRun: true });
    expect(result.error).toBeUndefined();
    expect(result.printed.split('\n')[0]).toBe(
      `${file}: sheet Open — the table with the most numbered rows (3 numbered rows, a recommendation-number column) of 2 that have recommendation numbers (also sheet Closed: 1); to import another, say which: --sheet Closed`,
    );
    const other = await attempt(file, { dryRun: true, sheet: 'Closed' });
    expect(other.error).toBeUndefined();
    expect(other.printed.split('\n')[0]).toBe(`${file}: sheet Closed — the only table with a recommendation-number column and 1 numbered row`);
    expect(await snapshot()).toEqual(before);
  });
});

describe('memory bounded', () => {
  const BOUND = BOMB_MEMORY_BOUND;

  it('a .docx zip bomb declaring 150 MB is refused from its declared sizes, memory rising by a few MB at most', async () => {
    const file = write('bomb-150.docx', await zipBomb('docx', 150));
    await attempt(write('warm-up.docx', await zipBomb('docx', 21)));
    let result: Awaited<ReturnType<typeof attempt>> | undefined;
    const growth = await memoryGrowth(async () => (result = await attempt(file)));
    expect((result!.error as Error).message).toBe(`${file}${bombSays(150)}`);
    expect(growth.rss).toBeLessThan(BOUND);
    expect(growth.arrayBuffers).toBeLessThan(BOUND);
    expect(await snapshot()).toEqual(before);
  });

  // readImport looks inside a zip before exceljs (Concerto's own workbook) would inflate every part.
  // Only where the kernel gives the peak (below): a sampled peak could miss the growth and pass by chance.
  it.runIf(PEAK_RSS_MEASURED)('a .xlsx zip bomb declaring 150 MB is refused before anything is inflated, memory rising by a few MB at most', async () => {
    const file = write('bomb-150.xlsx', await zipBomb('xlsx', 150));
    await attempt(write('warm-up.xlsx', await zipBomb('xlsx', 21)));
    const growth = await memoryGrowth(() => attempt(file));
    expect(growth.rss).toBeLessThan(BOUND);
    expect(growth.arrayBuffers).toBeLessThan(BOUND);
  });

  /** A file of `bytes` that takes no room on disk: a sparse file, its size set and nothing written. */
  const sparse = (name: string, bytes: number) => {
    const file = path.join(tmp, name);
    const fd = openSync(file, 'w');
    try {
      ftruncateSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return file;
  };

  it('a 300 MB file is refused with the limit said', async () => {
    const file = sparse('huge.pdf', 300 * MB);
    const result = await attempt(file);
    expect((result.error as Error).message).toBe(`${file} is 300 MB, over the 20 MB limit on a document Concerto reads. Nothing was imported.`);
    expect(await snapshot()).toEqual(before);
  });

  // readImport checks the file's size before reading it, so a file far over the limit is never held in memory.
  it.runIf(PEAK_RSS_MEASURED)('a 300 MB file is refused without being read into memory', async () => {
    const file = sparse('huge-2.pdf', 300 * MB);
    const growth = await memoryGrowth(() => attempt(file));
    expect(growth.rss).toBeLessThan(BOUND);
    expect(growth.arrayBuffers).toBeLessThan(BOUND);
  });

  // Past 2 GiB readFileSync would throw its own error: the size is said before that can happen.
  it('a 3 GB file is refused with the limit said, like any file over it', async () => {
    const file = sparse('huge.csv', 3 * 1024 * MB);
    const result = await attempt(file);
    expect((result.error as Error).message).toBe(`${file} is 3072 MB, over the 20 MB limit on a document Concerto reads. Nothing was imported.`);
  });
});
