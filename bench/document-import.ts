import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { TRACKER_HEADER_ROW, TRACKER_HEADINGS, WORD_HEADINGS } from '../tests/helpers/plan-documents.js';
import { seededRandom } from '../tests/helpers/seeded-random.js';
import { ROOT, type BenchTarget } from './bench-databases.js';
import { ms } from './measure.js';

/**
 * Issue 13's "done when": a plan of 2,000 items imported from the documents plans live in, a Word table
 * and an Excel tracker, each by a process of its own (bench/document-import-child.ts) through
 * `concerto import FILE --yes`'s code, into a fresh database: the time of reading the document and writing
 * the plan, and the process's peak memory. Both documents are laid out as the small fixtures in
 * tests/helpers/plan-documents.ts are (the seed's Word table, an office's tracker), only larger.
 */

export const DOCUMENT_ROWS = 2_000;
/** Each import under 10 s and under 500 MB. */
export const DOCUMENT_TARGET = { ms: 10_000, memoryMb: 500 };
/** The plans' date: delivery phrases fall either side of it, update entries before it. */
export const DOCUMENT_AS_OF = '2018-06-29';

const FORMATS = ['xlsx', 'docx'] as const;
export type DocumentFormat = (typeof FORMATS)[number];

export interface DocumentImportFigures {
  format: DocumentFormat;
  /** Items in the document, and items the import wrote. */
  rows: number;
  items: number;
  updates: number;
  bytes: number;
  /** Reading and understanding the document (no database open). */
  readMs: number;
  /** The preview and the import's transaction. */
  importMs: number;
  peakMb: number;
  /** Peak memory once the document was read, before the database opened. */
  peakAfterReadMb: number;
  flagged: number;
  skipped: number;
}

export const documentImportMet = (f: DocumentImportFigures) => f.readMs + f.importMs < DOCUMENT_TARGET.ms && f.peakMb < DOCUMENT_TARGET.memoryMb;

// ---------------------------------------------------------------------------------------------------
// The plan

interface Entry {
  date: string;
  /** Paragraphs: the first opens the entry; the rest are more of it, undated. */
  paragraphs: string[];
  /** "… N. Shackleton 20.07.17": signed and dated at its end rather than its start. */
  signed: string | null;
}

interface BigItem {
  section: string;
  id: string;
  /** Sub-heading row above the item ("12.3 Commissioning:"), at the start of each subsection in the Word table. */
  subheading: string | null;
  text: string[];
  owners: string[];
  /** As written; an ISO day is a date cell in Excel and "dd/mm/yyyy" in Word. */
  delivery: string;
  status: string;
  rag: string;
  entries: Entry[];
}

const AREAS = ['Governance', 'Finance', 'Workforce', 'Estates', 'Digital', 'Procurement', 'Clinical services', 'Communications', 'Risk', 'Partnerships'];
const ASPECTS = ['', ' – assurance', ' – delivery', ' – reporting'];
const SUBSECTIONS = ['Business as Usual', 'Commissioning', 'Accountability', 'Performance', 'Savings', 'Training', 'Systems', 'Policy'];
const PEOPLE = ['Karen Georgiou', 'N. Shackleton', 'Alison Roome-Gifford', 'Rachel Patel', 'Sam Okafor', 'Priya Nguyen', 'Tom Evans', 'Helen Hughes', 'Owen Kaur', 'Grace Walsh', 'Imran Byrne', 'J. Ahmed', 'Mark Clarke', 'Ruth Lewis'];
const ROLES = ['Portfolio Office', 'Programme Director', 'Chief Finance Officer', 'Head of Estates', 'Director of Workforce', 'PCC’s', 'SAS Chair', 'JCOB', 'Digital Lead', 'Head of Procurement', 'Lead CC’s/ BAU Heads of Service'];
/** Delivery as boards write it; a few a date reader cannot read ("TBC", "Ongoing"), kept as written and flagged. */
const DELIVERY = [
  'Autumn 2018', 'By end 2018', '31/03/2019', 'March 2019', 'Q3 2018', 'December 2018', 'With immediate effect', 'Spring 2019', 'end of Q1 2019',
  'By 30 September 2018', 'June 2018', 'Summer 2018', 'FY 2018/19', 'by Christmas 2018', 'September\n2018', 'early 2019', 'TBC', 'Ongoing',
];
const VERBS = ['agree', 'review', 'publish', 'introduce', 'consolidate', 'develop', 'implement', 'evaluate'];
const OBJECTS = ['decision log', 'benefits register', 'estates strategy', 'workforce plan', 'risk appetite statement', 'assurance framework', 'scheme of delegation', 'savings plan'];
const OPENINGS = [
  'Paper to SAS in July setting out the options',
  'Awaits agreement of the new governance framework',
  'Decision log circulated to all members',
  'Draft shared with JCOB for comment',
  'Workshop held with leads; actions agreed',
  'Revised timetable agreed at the board',
  'Business case in preparation with finance',
  'Consultation closed; responses being analysed',
  'Risk register updated to reflect the change',
  'Complete – evidence filed with the Portfolio Office',
];
const MORE = [
  'Further work is needed on the financial implications before a final decision.',
  'The leads will report back to the next meeting with a revised plan.',
  'Two of the six actions are complete; the remainder are on track.',
  'This depends on the outcome of the estates review.',
];
const STATUS_WORDS = ['Complete', 'On-going', 'Ongoing', 'In progress', 'Not started', 'Awaiting decision'];
const RAG = ['Green', 'Amber', 'Red', 'Amber'];

function isoDay(base: string, plusDays: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

/** 2,000 items in sections of 50 (five subsections of ten: ids 12.3.4), the same every run. */
export function bigPlan(rows = DOCUMENT_ROWS, seed = 20180629): BigItem[] {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  return Array.from({ length: rows }, (_, i) => {
    const s = Math.floor(i / 50) + 1;
    const sub = Math.floor((i % 50) / 10) + 1;
    const n = (i % 10) + 1;
    const id = `${s}.${sub}.${n}`;
    const owners = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 2.5) }, () => (rand() < 0.6 ? pick(PEOPLE) : pick(ROLES))))];
    const sentence = `The board should ${pick(VERBS)} the ${pick(OBJECTS)} and report progress to JCOB.`;
    const text = rand() < 0.3 ? [sentence, `• ${pick(MORE)}`, `• ${pick(MORE)}`] : rand() < 0.8 ? [`${sentence} ${pick(MORE)}`] : [sentence];
    // Entries from January 2017 up to the plan's date, oldest first, as boards add them.
    const count = Math.floor(rand() * 7);
    let day = Math.floor(rand() * 60);
    const entries: Entry[] = Array.from({ length: count }, () => {
      day += 20 + Math.floor(rand() * 60);
      const paragraphs = [`${pick(OPENINGS)}.`];
      // Most entries say more than their opening line (the seed's average 35 words an update).
      if (rand() < 0.7) paragraphs.push(pick(MORE));
      if (rand() < 0.3) paragraphs.push(pick(MORE));
      return { date: isoDay('2017-01-02', Math.min(day, 540)), paragraphs, signed: rand() < 0.1 ? pick(PEOPLE.filter((p) => /^[A-Z][a-z]+ [A-Z]/.test(p))) : null };
    });
    const delivery = rand() < 0.15 ? isoDay(DOCUMENT_AS_OF, Math.floor(rand() * 400) - 100) : pick(DELIVERY);
    return {
      section: `${AREAS[(s - 1) % AREAS.length]}${ASPECTS[Math.floor((s - 1) / AREAS.length) % ASPECTS.length]}`,
      id,
      subheading: n === 1 ? `${s}.${sub} ${SUBSECTIONS[(s + sub) % SUBSECTIONS.length]}:` : null,
      text,
      owners,
      delivery,
      status: pick(STATUS_WORDS),
      rag: pick(RAG),
      entries,
    };
  });
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(2, 4)}`;
const isIso = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** An entry's paragraphs, its date in front ("14.06.17 …", "14/06/2017 – …") or, signed, after its name at the end. */
function entryParagraphs(e: Entry, dated: (iso: string) => string): string[] {
  if (e.signed) return [...e.paragraphs.slice(0, -1), `${e.paragraphs.at(-1)} ${e.signed} ${ddmmyy(e.date)}`];
  return [`${dated(e.date)}${e.paragraphs[0]}`, ...e.paragraphs.slice(1)];
}

// ---------------------------------------------------------------------------------------------------
// The documents

const paragraphs = (lines: readonly string[]) => (lines.length ? lines : ['']).map((text) => new Paragraph(text));
const cell = (lines: readonly string[], span?: number) => new TableCell({ children: paragraphs(lines), ...(span ? { columnSpan: span } : {}) });

/**
 * The plan as a Word table, as tests/helpers/plan-documents.ts `seedDocx` lays out the seed: a title and
 * a date line above; the header marked to repeat; a section row spanning the table every 50 items and a
 * sub-heading row ("12.3 Commissioning:") every 10; owners one a paragraph; update entries one a
 * paragraph, "dd.mm.yy" in front, an empty paragraph between entries; a status column.
 */
export async function bigPlanDocx(items: readonly BigItem[]): Promise<Buffer> {
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: WORD_HEADINGS.map((h) => cell([h])) })];
  let section = '';
  for (const r of items) {
    if (r.section !== section) rows.push(new TableRow({ children: [cell([(section = r.section)], WORD_HEADINGS.length)] }));
    if (r.subheading) {
      const [number, ...words] = r.subheading.split(' ');
      rows.push(new TableRow({ children: [cell([number!]), cell([words.join(' ')]), cell([]), cell([]), cell([]), cell([])] }));
    }
    const update = r.entries.flatMap((e, k) => [...(k ? [''] : []), ...entryParagraphs(e, (d) => `${ddmmyy(d)} `)]);
    const delivery = isIso(r.delivery) ? ddmmyyyy(r.delivery) : r.delivery;
    rows.push(new TableRow({ children: [cell([r.id]), cell(r.text), cell(r.owners), cell(update), cell(delivery.split('\n')), cell([r.status])] }));
  }
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: 'Collaboration Action Plan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph(`Position at ${ddmmyyyy(DOCUMENT_AS_OF)}`),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The plan as an Excel tracker, as `trackerXlsx` lays one out: a title block (a merged title, who keeps it,
 * the position date), a blank row, the office's headings, a section row merged across the table every 50
 * items, owners joined " / ", entries "dd/mm/yyyy – …" in one wrapped cell a blank line apart, target
 * dates as phrases or as Excel dates, a RAG column and no status column; a notes sheet beside it.
 */
export async function bigPlanXlsx(items: readonly BigItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action tracker');
  ws.getCell('A1').value = 'Collaboration – Action Plan Tracker';
  ws.mergeCells('A1:F1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Kept by the Portfolio Office';
  ws.getCell('A3').value = `Position at ${ddmmyyyy(DOCUMENT_AS_OF)}`;
  const header = ws.getRow(TRACKER_HEADER_ROW);
  header.values = [...TRACKER_HEADINGS];
  header.font = { bold: true };
  let row = TRACKER_HEADER_ROW + 1;
  let section = '';
  for (const r of items) {
    if (r.section !== section) {
      ws.getCell(row, 1).value = section = r.section;
      ws.mergeCells(row, 1, row, TRACKER_HEADINGS.length);
      row++;
    }
    const update = r.entries.map((e) => entryParagraphs(e, (d) => `${ddmmyyyy(d)} – `).join('\n')).join('\n\n');
    const delivery = isIso(r.delivery) ? new Date(`${r.delivery}T00:00:00Z`) : r.delivery;
    const at = ws.getRow(row);
    at.values = [r.id, r.text.join('\n'), r.owners.join(' / '), delivery, update, r.rag];
    at.alignment = { wrapText: true, vertical: 'top' };
    if (delivery instanceof Date) at.getCell(4).numFmt = 'dd/mm/yyyy';
    row++;
  }
  ws.columns.forEach((c, i) => (c.width = [8, 60, 24, 16, 80, 8][i]));
  wb.addWorksheet('Notes').getCell('A1').value = 'RAG: Green complete, Amber in progress, Red late.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Both documents of the plan, written into `dir`. */
export async function writeDocuments(dir: string, rows = DOCUMENT_ROWS): Promise<Record<DocumentFormat, { file: string; bytes: number }>> {
  const items = bigPlan(rows);
  const out = {} as Record<DocumentFormat, { file: string; bytes: number }>;
  for (const format of FORMATS) {
    const bytes = format === 'xlsx' ? await bigPlanXlsx(items) : await bigPlanDocx(items);
    const file = path.join(dir, `plan-${rows}.${format}`);
    writeFileSync(file, bytes);
    out[format] = { file, bytes: bytes.byteLength };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The case

/**
 * Each document imported by a process of its own into a fresh database from `make` (the import is into
 * an empty database, so it creates the plan, as `concerto import` on a new installation does).
 */
export async function documentImport(make: () => Promise<BenchTarget>, dir: string, log: (line: string) => void, rows = DOCUMENT_ROWS): Promise<DocumentImportFigures[]> {
  const documents = await writeDocuments(dir, rows);
  const out: DocumentImportFigures[] = [];
  for (const format of FORMATS) {
    const { file, bytes } = documents[format];
    const target = await make();
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'document-import-child.ts'), file], {
        cwd: ROOT,
        env: { ...process.env, ...target.env, CONCERTO_NOW: DOCUMENT_AS_OF, LOG_LEVEL: 'error' },
        // The preview goes to stdout too: a line for every row not read and every date flagged.
        maxBuffer: 64 << 20,
      });
      const child = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<DocumentImportFigures, 'format' | 'rows' | 'bytes'>;
      const figures: DocumentImportFigures = { format, rows, bytes, ...child };
      if (figures.items !== rows) throw new Error(`${path.basename(file)}: ${figures.items} of ${rows} items imported`);
      log(
        `${target.kind}: ${format} of ${rows} items (${(bytes / 2 ** 10).toFixed(0)} KB): ${ms(figures.readMs + figures.importMs)} (reading ${ms(figures.readMs)}, import ${ms(figures.importMs)}), ` +
          `peak ${figures.peakMb.toFixed(0)} MB (${figures.peakAfterReadMb.toFixed(0)} MB once read); ${figures.updates} updates, ${figures.flagged} dates flagged, ${figures.skipped} rows not read`,
      );
      out.push(figures);
    } finally {
      await target.dispose();
    }
  }
  return out;
}

/**
 * BENCHMARKS.md's "Plan from a document" section: what was imported and how, then one row per database
 * and document with its time, peak memory and whether it met the target.
 */
export function documentImportLines(databases: ReadonlyArray<{ name: string; figures: readonly DocumentImportFigures[] }>, check: (label: string, ok: boolean) => string): string[] {
  const rows = databases.flatMap(({ name, figures }) =>
    figures.map((f) => [
      name,
      f.format === 'xlsx' ? 'Excel tracker (.xlsx)' : 'Word table (.docx)',
      `${f.items.toLocaleString('en-GB')} items, ${f.updates.toLocaleString('en-GB')} updates (${(f.bytes / 2 ** 10).toFixed(0)} KB file)`,
      `${ms(f.readMs + f.importMs)} (reading ${ms(f.readMs)}, import ${ms(f.importMs)})`,
      `${f.peakMb.toFixed(0)} MB (${f.peakAfterReadMb.toFixed(0)} MB once read)`,
      `< ${DOCUMENT_TARGET.ms / 1000} s and < ${DOCUMENT_TARGET.memoryMb} MB — ${check(`${name} ${f.format} document import`, documentImportMet(f))}`,
    ]),
  );
  const rowsOf = databases[0]?.figures[0]?.rows ?? DOCUMENT_ROWS;
  return [
    '## Plan from a document',
    '',
    `A plan of ${rowsOf.toLocaleString('en-GB')} items as an office keeps one (bench/document-import.ts): a Word table laid out as the seed is, and an Excel tracker with a title block, ` +
      'each with a section row every 50 items, ids such as 12.3.4, owners, delivery as boards write it ("Autumn 2018", "By end 2018", "31/03/2019") and up to six dated update entries a cell. ' +
      'Each is imported by a process of its own through `concerto import FILE --yes`\'s code into an empty database: the time from reading the file to the import committed (the preview included; ' +
      'starting the process and opening the database are not), and the process\'s peak memory (VmHWM: runtime and modules, the reading, and on the embedded database the database engine).',
    '',
    '| Database | Document | Imported | Time (read + import) | Peak memory | Target |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}
