import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as XLSX from '@e965/xlsx';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { tablePdf } from './pdf-fixture.js';
import { WORD_TYPES, XLSX_TYPES, zipOf } from './zip-fixture.js';

/**
 * The bad input of issue 13, built with the libraries that write each format (the `docx` package, exceljs,
 * PDFKit, SheetJS's CFB writer, yazl): shared by the readers' unit tests and the import's refusal suite
 * (tests/integration/document-import-refusals.test.ts), so both refuse the same files.
 */

type Rows = readonly (readonly string[])[];

/** A Word document holding these tables, one paragraph a cell, a title paragraph above them. */
export async function wordWith(tables: readonly Rows[], title = 'Audit actions'): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const children: (Paragraph | Table)[] = [new Paragraph(title)];
  for (const rows of tables) {
    children.push(new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) }));
    children.push(new Paragraph(''));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A Word document of paragraphs only. */
export async function wordWithoutTable(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Minutes of the board'), new Paragraph('No actions this month.')] }] }));
}

/** An Excel workbook with one sheet per entry, in order; an empty list of rows makes an empty sheet. */
export async function workbookWith(sheets: Readonly<Record<string, Rows>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows.map((r) => [...r]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV as Excel writes it: every field quoted, CRLF line ends. */
export function csvOf(rows: Rows, delimiter = ','): Buffer {
  return Buffer.from(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(delimiter)).join('\r\n') + '\r\n', 'utf8');
}

/** A PDF drawn with PDFKit on A4. */
export async function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A "scan": a page with a picture (a filled rectangle) and no text at all. */
export const scannedPdf = () => pdfOf((doc) => doc.rect(50, 50, 300, 200).fill('#888'));

/** A letter: text, but no line that reads as a table's header. */
export const letterPdf = () => pdfOf((doc) => doc.text('Dear board members, the action plan will follow next month.', 50, 50));

/**
 * A plan table as Word prints it to PDF (tests/unit/file-tables/pdf-fixture.ts: headings Recommendation
 * No, Owner, Update, Delivery Date), one row per [number and text, owner, delivery]; none gives the header alone.
 */
export async function planPdf(rows: readonly (readonly [string, string, string])[], options: { userPassword?: string } = {}): Promise<Buffer> {
  return (await tablePdf(rows.map(([text, owner, delivery]) => ({ cells: [[text], [owner], [], [delivery]] })), options)).bytes;
}

/** An Office file saved with a password (or a 97–2003 one) is an OLE compound file; SheetJS's CFB writer makes one. */
export function oleFile(streams: readonly string[]): Buffer {
  const CFB = XLSX.CFB as { utils: { cfb_new(): unknown; cfb_add(c: unknown, name: string, data: Buffer): void }; write(c: unknown, o: object): Buffer };
  const cfb = CFB.utils.cfb_new();
  for (const name of streams) CFB.utils.cfb_add(cfb, `/${name}`, randomBytes(600));
  return CFB.write(cfb, { type: 'buffer' });
}

/** How Word and Excel save a file with a password to open it. */
export const passwordProtectedOffice = () => oleFile(['EncryptionInfo', 'EncryptedPackage']);
/** A Word or Excel 97–2003 file. */
export const legacyOffice = () => oleFile(['WordDocument', '1Table']);

/** A PNG's signature and some bytes: neither a document nor text. */
export const pngBytes = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(100)]);

/** A file cut short in its last `bytes`, as an interrupted download or copy leaves it. */
export const truncated = (file: Buffer, bytes = 200) => file.subarray(0, file.length - bytes);

/**
 * A zip bomb dressed as a Word document or Excel workbook: a few hundred KB that declare `megabytes` MB
 * of zeros in the main part. Built by streaming, so the test never holds the unpacked size either.
 */
export function zipBomb(kind: 'docx' | 'xlsx', megabytes: number): Promise<Buffer> {
  const types = kind === 'docx' ? WORD_TYPES : XLSX_TYPES;
  const part = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  return zipOf([{ name: '[Content_Types].xml', data: Buffer.from(types) }, { name: part, data: { zeros: megabytes * 1024 * 1024 } }]);
}

/** A whole zip that says it is a workbook, its workbook part's XML broken off: the zip opens, the workbook does not. */
export const brokenWorkbook = () =>
  zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(XLSX_TYPES) },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets') },
  ]);

/** The same for a Word document: its document part's XML broken off. */
export const brokenWordDocument = () =>
  zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) },
    { name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>') },
  ]);

/** Headings of a plan table as an office writes its own, and rows under them. */
export const HEADINGS = ['Ref', 'Action', 'Owner', 'Target date'] as const;
export const planRows = (ids: readonly string[]): string[][] => ids.map((id) => [id, `Action ${id}`, 'Portfolio Office', 'March 2018']);

/** The process's peak resident set since it was last reset (Linux's VmHWM), or null where /proc does not give it. */
function peakRss(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Sets the peak resident set back to the current one (writing 5 to /proc/self/clear_refs); false where it cannot. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return peakRss() !== null;
  } catch {
    return false;
  }
}

/**
 * Whether the kernel gives this process's peak memory. Without it the peak is sampled every millisecond,
 * which misses memory taken and let go between two turns of the event loop (a synchronous file read).
 */
export const PEAK_RSS_MEASURED = resetPeakRss();

/**
 * A full garbage collection (V8's gc, exposed for the purpose), so that memory an earlier test let go is not
 * handed back in the middle of a measurement, where it would hide what the measured code took.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * How far the process's memory rose while `run` ran: the peak resident set (the kernel's, where it gives
 * it, else sampled) and the highest ArrayBuffer bytes sampled, less what they were at the start.
 */
export async function memoryGrowth(run: () => Promise<unknown>): Promise<{ rss: number; arrayBuffers: number }> {
  collectGarbage();
  const measured = resetPeakRss();
  const start = process.memoryUsage();
  let rss = start.rss;
  let arrayBuffers = start.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    arrayBuffers = Math.max(arrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 1);
  try {
    await run();
  } finally {
    clearInterval(timer);
    sample();
  }
  const peak = measured ? Math.max(rss, peakRss() ?? 0) : rss;
  return { rss: peak - start.rss, arrayBuffers: arrayBuffers - start.arrayBuffers };
}

export const MB = 1024 * 1024;

/**
 * How far memory may rise while a zip bomb declaring 150 MB is refused. Far below what inflating it would
 * take, and above what V8 takes back after the full collection memoryGrowth starts with: where the kernel
 * does not give the peak (CI), the sampled resident set once rose by 39 MB during one refusal as the young
 * generation's pages were committed again.
 */
export const BOMB_MEMORY_BOUND = 64 * MB;
