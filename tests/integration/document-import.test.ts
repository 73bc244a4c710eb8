import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentPlan, type DocumentReading } from '../../src/app/document-plan.js';
import { importParsed, type ImportResult } from '../../src/app/plan-loading.js';
import type { Services } from '../../src/app/services.js';
import { importFile, readImport } from '../../src/cli/plan-io.js';
import { UsageError } from '../../src/cli/exit.js';
import type { PlanFile } from '../../src/core/plan/plan-file.js';
import type { Status } from '../../src/core/plan/status.js';
import type { Field } from '../../src/core/plan/table/reading.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import {
  AS_OF,
  boardPaperDocx,
  boardPaperPdf,
  bundled,
  entryOf,
  PLAN_TITLE,
  SEED_PDF_HEADINGS,
  seedDocx,
  seedPdfLayout,
  seedWordRows,
  SUBHEADINGS,
  TIME_ZONE,
  TRACKER_HEADER_ROW,
  TRACKER_HEADINGS,
  trackerEntry,
  trackerXlsx,
  WORD_HEADINGS,
  wordTable,
  type BundledItem,
} from '../helpers/plan-documents.js';
import { servicesOn } from '../unit/report/services.js';

/**
 * Issue 13's "done when": the seed's 30 recommendations in the documents plans live in — a Word table, an
 * Excel tracker, the seed's PDF and Concerto's own board paper — each read with readDocumentPlan and
 * compared field by field with the bundled plan, then imported into a database and read back.
 */

/** What one item should read as from one format. */
interface Expected {
  theme: string;
  text: string;
  owners: string[];
  delivery: string;
  status: Status;
  updates: Array<{ date: string; author: string | null; text: string }>;
}

type Item = PlanFile['recommendations'][number] | DocumentReading['plan']['recommendations'][number];

/**
 * Without a status column the status comes from what the row says: a status word in the date column or
 * at the start of the latest update, otherwise on-going. The bundled plan's statuses for these four were
 * decided by a person reading whole sentences — 6.1–6.3 "At the current time this recommendation is not
 * being implemented…", 9.1.1 "…referred for discussion at Sept SAS" — so a document without a status
 * column carries them as on-going (as tests/unit/plan-table/seed-own-columns.test.ts sets out).
 */
const WITHOUT_STATUS_COLUMN: Readonly<Record<string, Status>> = { '6.1': 'on_going', '6.2': 'on_going', '6.3': 'on_going', '9.1.1': 'on_going' };

const asBundled = (r: BundledItem): Expected => ({
  theme: r.theme,
  text: r.text,
  owners: r.owners,
  delivery: r.delivery,
  status: r.status,
  updates: r.updates.map((u) => ({ date: u.date, author: u.author, text: entryOf(u).text })),
});

interface Format {
  key: string;
  file: string;
  /** The document, and for a PDF the line each marked row is on (its row number in the reading). */
  build: () => Promise<{ bytes: Buffer; lineOf?: ReadonlyMap<string, number> }>;
  /** The plan's title: the document's own, or (when it has none) the fallback given, the file's name. */
  title: string;
  table: string;
  headerRow?: number;
  columns: Array<[Field, string]>;
  expected: (r: BundledItem) => Expected;
  /**
   * A PDF carries where each line ended, not why: a recommendation's text comes back exactly (a line ending with
   * room for the next word was the writer's break, any other the column's wrap), but an update's own break that
   * falls where the column would have wrapped anyway reads as a wrap, so updates are compared without whitespace.
   */
  wrapped: boolean;
  /** Rows the reading leaves out, and why. */
  skipped: (lineOf: ReadonlyMap<string, number>) => Array<{ row: number; reason: string }>;
}

/** The rows the Word table leaves out: its sub-heading rows, numbered as the table numbers them. */
const wordSkipped = () =>
  seedWordRows().flatMap((row, i) =>
    row.kind === 'subheading' ? [{ row: i + 1, reason: `"${row.number} | ${row.words}" heads the numbers below it (${row.above}…), not a recommendation` }] : [],
  );

/** Concerto's own paper, PDF or Word: its columns, and every update back with its date, oldest first. */
const PAPER_COLUMNS: Array<[Field, string]> = [
  ['id', 'Recommendation No'],
  ['owner', 'Owner'],
  ['update', 'Update'],
  ['delivery', 'Delivery Date'],
  ['status', 'Status'],
  ['rag', 'RAG'],
];
const asPaper = (r: BundledItem): Expected => ({
  ...asBundled(r),
  updates: [...r.updates].sort((a, b) => a.date.localeCompare(b.date)).map((u) => ({ date: u.date, author: u.author, text: u.text })),
});

const FORMATS: Format[] = [
  {
    // Every field is in the Word table: a status column, owners one a paragraph, entries an empty paragraph apart.
    key: 'seed-docx',
    file: 'seed.docx',
    build: async () => ({ bytes: await seedDocx() }),
    title: PLAN_TITLE,
    table: 'table 1',
    headerRow: 1,
    columns: WORD_HEADINGS.map((h, i): [Field, string] => [(['id', 'text', 'owner', 'update', 'delivery', 'status'] as const)[i]!, h]),
    expected: asBundled,
    wrapped: false,
    skipped: wordSkipped,
  },
  {
    // The tracker has no status or theme column: themes come from its section rows, statuses from what
    // each row says (WITHOUT_STATUS_COLUMN); entries are dated "dd/mm/yyyy – …" as trackers write them.
    key: 'tracker-xlsx',
    file: 'tracker.xlsx',
    build: async () => ({ bytes: await trackerXlsx() }),
    title: 'BCH Collaboration – Action Plan Tracker', // its title block, row 1 merged across the table
    table: 'sheet Action tracker',
    headerRow: TRACKER_HEADER_ROW,
    columns: TRACKER_HEADINGS.map((h, i): [Field, string] => [(['id', 'text', 'owner', 'delivery', 'update', 'rag'] as const)[i]!, h]),
    expected: (r) => ({
      ...asBundled(r),
      status: WITHOUT_STATUS_COLUMN[r.id] ?? r.status,
      updates: r.updates.map((u) => ({ date: u.date, author: u.author, text: trackerEntry(u) })),
    }),
    wrapped: false,
    skipped: () => [1, 2, 3].map((row) => ({ row, reason: 'above the header row (a title)' })),
  },
  {
    // The seed's own four columns: no status column (WITHOUT_STATUS_COLUMN); no title above the table
    // (the running footer is page furniture), so the plan takes the fallback title.
    key: 'seed-pdf',
    file: 'seed.pdf',
    build: seedPdfLayout,
    title: 'seed',
    table: "the PDF's table",
    headerRow: 1, // the header is the PDF's first line: the seed has no title above its table
    columns: SEED_PDF_HEADINGS.map((h, i): [Field, string] => [(['id', 'owner', 'update', 'delivery'] as const)[i]!, h]),
    expected: (r) => ({ ...asBundled(r), status: WITHOUT_STATUS_COLUMN[r.id] ?? r.status }),
    wrapped: true,
    skipped: (lineOf) =>
      Object.entries(SUBHEADINGS).map(([id, line]) => ({ row: lineOf.get(`sub ${id}`)!, reason: `"${line}" heads the numbers below it (${id}…), not a recommendation` })),
  },
  {
    // Concerto's own paper prints every update (not only the latest), each labelled "dd/mm/yyyy:", which
    // the reading takes as the entry's date (a board's own "14.06.17" starting its words stays in them);
    // every entry is dated, so they come back oldest first. The PDF prints no author: it comes from the
    // entry's closing signature ("… N. Shackleton 20.07.17"). A RAG column is there, read and not used.
    key: 'board-paper-pdf',
    file: 'board-paper.pdf',
    build: async () => ({ bytes: await boardPaperPdf() }),
    title: PLAN_TITLE,
    table: "the PDF's table",
    columns: PAPER_COLUMNS,
    expected: asPaper,
    wrapped: true,
    skipped: () => [],
  },
  {
    // The same paper as a Word document, which an office edits and brings back: each entry labelled
    // "dd/mm/yyyy (author):", its line breaks kept, so the words come back exactly, oldest first.
    key: 'board-paper-docx',
    file: 'board-paper.docx',
    build: async () => ({ bytes: await boardPaperDocx() }),
    title: PLAN_TITLE,
    table: 'table 3',
    columns: PAPER_COLUMNS,
    expected: asPaper,
    wrapped: false,
    skipped: () => [],
  },
];

const words = (s: string) => s.replace(/\s+/g, '');

/** One item, field by field: the reading's (or the store's) against what the format should give. */
function compare(format: Format, got: Item | undefined, want: Expected, id: string): void {
  expect(got, `${format.file}: ${id} was not read`).toBeDefined();
  const text = format.wrapped ? words : (s: string) => s;
  expect(got!.theme, `${id} theme`).toBe(want.theme);
  expect(got!.text, `${id} text`).toBe(want.text);
  expect(got!.owners, `${id} owners`).toEqual(want.owners);
  expect(got!.delivery, `${id} delivery as written`).toBe(want.delivery);
  expect(got!.status, `${id} status`).toBe(want.status);
  expect(
    (got!.updates ?? []).map((u) => ({ date: u.date, author: u.author ?? null, text: text(u.text) })),
    `${id} dated updates`,
  ).toEqual(want.updates.map((u) => ({ ...u, text: text(u.text) })));
}

let database: Database;
const tmp = mkdtempSync(path.join(tmpdir(), 'concerto-document-import-'));

beforeAll(async () => {
  database = await openDatabase({ memory: true });
  await migrate(database);
});
afterAll(async () => {
  await database?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(FORMATS)('$file, read and imported as $key', (format) => {
  let reading: DocumentReading;
  let lineOf: ReadonlyMap<string, number>;

  beforeAll(async () => {
    const built = await format.build();
    lineOf = built.lineOf ?? new Map();
    const bytes = built.bytes;
    const read = await readDocumentPlan(bytes, format.file, { title: path.basename(format.file, path.extname(format.file)), asOf: AS_OF, timeZone: TIME_ZONE });
    if (!read.ok) throw new Error(read.error);
    reading = read;
  });

  it('picks the plan table, maps each column from its heading, and leaves out only the rows it should', () => {
    expect(reading.table).toBe(format.table);
    expect(reading.why).toBe('the only table with a recommendation-number column and 30 numbered rows');
    if (format.headerRow !== undefined) expect(reading.headerRow).toBe(format.headerRow);
    expect(reading.columns.map((c) => [c.field, c.heading, c.how])).toEqual(format.columns.map(([field, heading]) => [field, heading, 'heading']));
    expect(reading.ignoredColumns).toEqual([]);
    expect(reading.skipped).toEqual(format.skipped(lineOf));
    expect(reading.duplicates).toEqual([]);
    expect(reading.warnings).toEqual([]);
    // Every delivery date in the plan is one the date reader reads ("Completed" reads as no date).
    expect(reading.flaggedDates).toEqual([]);
    expect(reading.plan).toMatchObject({ title: format.title, asOf: AS_OF, timeZone: TIME_ZONE });
  });

  it('gives the 30 recommendations in the plan order, and says what it judged', () => {
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(bundled.recommendations.map((r) => r.id));
    const links = reading.notes.filter((n) => n.includes('linked to'));
    expect(links.map((n) => n.split(':')[0])).toEqual(['9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4']);
    const rag = reading.notes.some((n) => n.startsWith('RAG column'));
    expect(rag).toBe(format.columns.some(([field]) => field === 'rag'));
  });

  it.each(bundled.recommendations.map((r) => [r.id, r] as const))('%s: field by field as the bundled plan has it', (id, want) => {
    compare(format, reading.plan.recommendations.find((r) => r.id === id), format.expected(want), id);
  });

  describe('imported with importParsed and read back through the store', () => {
    let result: ImportResult;
    let stored: PlanFile;

    beforeAll(async () => {
      const plans = new DrizzlePlanDirectory(database.db);
      result = await importParsed(plans, format.key, reading.plan, format.file, { actor: 'test', source: 'import', at: '2017-10-04T10:00:00.000Z' }, undefined, { keepUnreadableDates: true });
      stored = (await plans.store(result.plan).exportPlan())!;
    });

    it(`creates the plan ${format.key} with every item`, () => {
      expect(result).toMatchObject({ created: true, added: 30, changed: 0, plan: { key: format.key, title: format.title, asOf: AS_OF } });
      expect(stored.recommendations.map((r) => r.id)).toEqual(bundled.recommendations.map((r) => r.id));
    });

    it('stores what was read, field by field', () => {
      for (const r of reading.plan.recommendations) {
        const s = stored.recommendations.find((x) => x.id === r.id)!;
        expect({ theme: s.theme, text: s.text, owners: s.owners, delivery: s.delivery, status: s.status }, r.id).toEqual({
          theme: r.theme,
          text: r.text,
          owners: r.owners,
          delivery: r.delivery,
          status: r.status,
        });
        const entry = (u: { date: string; author?: string | null; text: string }) => `${u.date} ${u.author ?? ''} ${u.text}`;
        expect(s.updates.map(entry).sort(), `${r.id} updates`).toEqual((r.updates ?? []).map(entry).sort());
      }
    });

    it.each(bundled.recommendations.map((r) => [r.id, r] as const))('%s: as stored, field by field as the bundled plan has it', (id, want) => {
      const s = stored.recommendations.find((r) => r.id === id);
      const expected = format.expected(want);
      // The store keeps an item's log in date order; the reading keeps a cell's undated text first.
      const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
      compare(format, s && { ...s, updates: [...s.updates].sort(byDate) }, { ...expected, updates: [...expected.updates].sort(byDate) }, id);
    });
  });
});

describe('the Word table in particular', () => {
  it("gives 9.2.1 and 9.2.2 the owner of the one cell merged down over both, and reads 3.4's \"Complete\" under its date as its status", async () => {
    const read = await readDocumentPlan(await seedDocx(), 'seed.docx', { title: 'seed', asOf: AS_OF, timeZone: TIME_ZONE });
    if (!read.ok) expect.fail(read.error);
    const item = (id: string) => read.plan.recommendations.find((r) => r.id === id)!;
    expect(item('9.2.1').owners).toEqual(['PCC’s']);
    expect(item('9.2.2').owners).toEqual(['PCC’s']);
    expect(item('3.4')).toMatchObject({ delivery: 'June 2017', status: 'complete' });
  });
});

describe('a document with the same number on two rows', () => {
  const ROWS = [
    ['Ref', 'Action', 'Owner', 'Target date'],
    ['1.1', 'Migrate the projects to Business as Usual', 'Karen Georgiou', 'September 2017'],
    ['1.2', 'Keep an audit trail of decisions', 'Portfolio Office', 'June 2017'],
    ['1.1', 'Separate change governance from Business as Usual', 'Karen Georgiou', 'March 2018'],
  ];
  let services: Services;
  let file: string;

  beforeAll(async () => {
    const db = await openDatabase({ memory: true });
    await migrate(db);
    services = servicesOn(db, '2017-10-04T10:00:00.000Z');
    file = path.join(tmp, 'duplicates.docx');
    writeFileSync(file, await wordTable('Audit actions', ROWS));
  });
  afterAll(async () => {
    await services?.close();
  });

  it('is read with both rows named, the first kept in the plan', async () => {
    const read = await readDocumentPlan(await wordTable('Audit actions', ROWS), 'duplicates.docx', { title: 'duplicates', asOf: AS_OF, timeZone: TIME_ZONE });
    if (!read.ok) expect.fail(read.error);
    expect(read.duplicates).toEqual([{ id: '1.1', rows: [2, 4] }]);
    expect(read.plan.recommendations.map((r) => [r.id, r.text])).toEqual([
      ['1.1', 'Migrate the projects to Business as Usual'],
      ['1.2', 'Keep an audit trail of decisions'],
    ]);
  });

  it('is refused by `concerto import` even with --yes, naming both rows, and nothing is written', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let error: unknown;
    let printed = '';
    try {
      await importFile(services, await readImport(file, '2017-10-04', 'Europe/London', { yes: true }), 'test', 'audit-2018', { yes: true });
    } catch (e) {
      error = e;
    } finally {
      printed = out.mock.calls.map(([chunk]) => String(chunk)).join('');
      out.mockRestore();
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `${file} has the same number on more than one row (1.1: rows 2, 4). Make each number appear once, then import again. Nothing was imported.`,
    );
    // The preview it printed first names both rows too.
    expect(printed).toContain('1.1 is on rows 2 and 4: only one can be imported');
    expect(await services.plans.list()).toEqual([]);
  });
});
