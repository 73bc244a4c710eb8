import { extname } from 'node:path';

export type DocumentKind = 'docx' | 'xlsx' | 'csv' | 'pdf';
/** What a file's name promises: one of the kinds read, the 97–2003 formats, no extension at all, or anything else. */
export type NamedKind = DocumentKind | 'legacy' | 'none' | 'other';
/** What its first bytes show; a zip is told apart as docx or xlsx only once its directory has been read. */
export type Content = 'zip' | 'ole' | 'pdf' | 'text' | 'binary';

const BY_EXTENSION: Record<string, DocumentKind | 'legacy'> = {
  docx: 'docx', docm: 'docx', dotx: 'docx',
  xlsx: 'xlsx', xlsm: 'xlsx', xltx: 'xlsx',
  csv: 'csv', tsv: 'csv', txt: 'csv',
  pdf: 'pdf',
  doc: 'legacy', xls: 'legacy',
};

export function namedKind(fileName: string): NamedKind {
  const ext = extname(fileName).slice(1).toLowerCase();
  if (!ext) return 'none';
  return BY_EXTENSION[ext] ?? 'other';
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/**
 * An Office file saved with a password is not a zip but an OLE compound file holding an "EncryptedPackage"
 * stream; the directory stores names in UTF-16, so those bytes tell it from a Word or Excel 97–2003 file.
 */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function sniff(buffer: Buffer): Content {
  const head = buffer.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'zip';
  if (head.equals(OLE_SIGNATURE)) return 'ole';
  // Readers accept junk before the header within the first kilobyte, and so do we.
  if (buffer.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (head[0] === 0xff && head[1] === 0xfe) return 'text';
  if (head[0] === 0xfe && head[1] === 0xff) return 'text';
  return buffer.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

export function isEncryptedOle(buffer: Buffer): boolean {
  return buffer.includes(ENCRYPTED_PACKAGE);
}

/** How a person would name the kind of file, for sentences such as "… is a Word document, not a PDF". */
export function describe(kind: DocumentKind | 'legacy' | 'zip' | 'text', fileName: string): string {
  switch (kind) {
    case 'docx':
      return 'a Word document';
    case 'xlsx':
      return 'an Excel workbook';
    case 'pdf':
      return 'a PDF';
    case 'csv':
      return extname(fileName).toLowerCase() === '.tsv' ? 'a TSV file' : 'a CSV file';
    case 'text':
      return 'a text file';
    case 'legacy':
      return 'a Word or Excel 97–2003 file';
    case 'zip':
      return 'a zip archive that is not a Word document or an Excel workbook';
  }
}

/** "20 MB", "512 KB": limits read by people, not byte counts. */
export function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
