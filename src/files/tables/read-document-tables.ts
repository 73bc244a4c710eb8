import type { SourceTable } from '../../core/plan/table/source-table.js';
import { describe, type DocumentKind, isEncryptedOle, namedKind, size, sniff } from './document-kind.js';
import type { TablesReading } from './source-rows.js';
import { lookInsideZip } from './zip-guard.js';

export type { DocumentKind } from './document-kind.js';

export interface ReadDocumentOptions {
  /** The worksheet to read from an .xlsx; every sheet with something in it otherwise. */
  sheet?: string;
  /** Files larger than this are refused before anything is read (default 20 MB). */
  maxBytes?: number;
}

export type DocumentTables =
  | { ok: true; kind: DocumentKind; tables: SourceTable[]; title: string | null; warnings: string[] }
  | { ok: false; error: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Gets the tables out of a document a plan lives in (Word, Excel, CSV/TSV or PDF), as rows of cell texts.
 * The format is decided by the content, and a file whose content is not what its name says is refused, so
 * that a person who sent the wrong file hears so instead of reading a preview of nonsense. Every refusal is
 * one sentence naming the file.
 */
export async function readDocumentTables(bytes: Uint8Array, fileName: string, options: ReadDocumentOptions = {}): Promise<DocumentTables> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) return fail(`${fileName} is ${size(bytes.byteLength)}, over the ${size(maxBytes)} limit on a document Concerto reads.`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const named = namedKind(fileName);
  if (named === 'other') return fail(`${fileName} is not a kind of file Concerto reads a plan from: send a Word document (.docx), an Excel workbook (.xlsx), a CSV or TSV file, or a PDF.`);

  const found = await contentKind(buffer, fileName, named);
  if ('error' in found) return fail(found.error);
  const kind = found.kind;
  if (named !== 'none' && named !== kind) {
    return fail(`${fileName} is ${describe(kind === 'csv' ? 'text' : kind, fileName)}, not ${describe(named, fileName)} as its name says; give it the right extension or send the original file.`);
  }
  const reading = await read(kind, buffer, fileName, options);
  if ('error' in reading) return fail(reading.error);
  // A sheet named for a file that has none is said, not silently ignored: the person may have sent the wrong file.
  if (options.sheet !== undefined && kind !== 'xlsx') reading.warnings.push(`A sheet ("${options.sheet}") was named, but ${fileName} is ${describe(kind === 'csv' ? 'text' : kind, fileName)}, which has no sheets; all its tables were read.`);
  return { ok: true, kind, ...reading };
}

/** Each reader (and its library: saxes, exceljs, pdf.js) is loaded only for a file of its kind. */
async function read(kind: DocumentKind, buffer: Buffer, fileName: string, options: ReadDocumentOptions): Promise<TablesReading> {
  switch (kind) {
    case 'docx':
      return (await import('./docx-tables.js')).docxTables(buffer, fileName);
    case 'xlsx':
      return (await import('./xlsx-tables.js')).xlsxTables(buffer, fileName, options.sheet);
    case 'csv':
      return (await import('./csv-tables.js')).csvTables(buffer, fileName);
    case 'pdf':
      return (await import('./pdf-tables.js')).pdfTables(buffer, fileName);
  }
}

async function contentKind(buffer: Buffer, fileName: string, named: Exclude<ReturnType<typeof namedKind>, 'other'>): Promise<{ kind: DocumentKind } | { error: string }> {
  const passworded = `${fileName} is password-protected; save a copy without a password and try again.`;
  switch (sniff(buffer)) {
    case 'pdf':
      return { kind: 'pdf' };
    case 'text':
      return { kind: 'csv' };
    case 'binary':
      return { error: `${fileName} is not a Word document, an Excel workbook, a PDF or a text file, whatever its name says.` };
    case 'ole':
      if (isEncryptedOle(buffer)) return { error: passworded };
      return { error: `${fileName} is ${describe('legacy', fileName)}; open it and save it as a Word document (.docx) or an Excel workbook (.xlsx), then try again.` };
    case 'zip': {
      const look = await lookInsideZip(buffer);
      if (look.ok) return look.office ? { kind: look.office } : { error: `${fileName} is ${describe('zip', fileName)}.` };
      if (look.problem === 'encrypted') return { error: passworded };
      if (look.problem === 'bomb') {
        return { error: `${fileName} would unpack to ${size(look.unpacked)}, more than the ${size(look.limit)} Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).` };
      }
      const as = named === 'docx' || named === 'xlsx' ? describe(named, fileName) : 'a Word document or an Excel workbook';
      return { error: `${fileName} is damaged and could not be opened as ${as}; open it and save it again, or export it again.` };
    }
  }
}

function fail(error: string): DocumentTables {
  return { ok: false, error };
}
