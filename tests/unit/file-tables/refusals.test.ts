import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import {
  brokenWordDocument,
  brokenWorkbook,
  csvOf,
  legacyOffice,
  MB,
  memoryGrowth,
  BOMB_MEMORY_BOUND,
  oleFile,
  passwordProtectedOffice,
  planPdf,
  pngBytes,
  truncated,
  zipBomb,
} from './bad-documents.js';
import { tablesOf } from './helpers.js';
import { patchCentralDirectory, WORD_TYPES, XLSX_TYPES, zipOf } from './zip-fixture.js';

/** Bad input: each refused with one sentence naming the file, before a library is handed anything unsafe. */

async function wordFile(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = new Table({ rows: [new TableRow({ children: [cell('Ref'), cell('Owner')] }), new TableRow({ children: [cell('1.1'), cell('CEO')] })] });
  return Packer.toBuffer(new Document({ sections: [{ children: [table] }] }));
}

async function excelFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Plan').addRows([['Ref', 'Owner'], ['1.1', 'CEO']]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pdfFile(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text('Recommendation', 50, 50).text('Owner', 200, 50).text('Status', 350, 50).end();
  await done;
  return Buffer.concat(chunks);
}

const refused = async (bytes: Uint8Array, name: string, options = {}) => {
  const reading = await readDocumentTables(bytes, name, options);
  if (reading.ok) expect.fail(`${name} was read: ${JSON.stringify(reading).slice(0, 200)}`);
  return reading.error;
};

describe('readDocumentTables refuses', () => {
  it('a file over the size limit, saying the limit', async () => {
    expect(await refused(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv')).toBe('big.csv is 21 MB, over the 20 MB limit on a document Concerto reads.');
    expect(await refused(Buffer.alloc(2048, 0x41), 'plan.csv', { maxBytes: 1024 })).toBe('plan.csv is 2 KB, over the 1 KB limit on a document Concerto reads.');
  });

  it('a zip bomb, from the sizes its directory declares: over 100 times the file size (and 20 MB), or over 200 MB', async () => {
    const bomb = await zipOf([{ name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) }, { name: 'word/document.xml', data: { zeros: 30 * 1024 * 1024 } }]);
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    expect(await refused(bomb, 'bomb.docx')).toBe('bomb.docx would unpack to 30 MB, more than the 20 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).');
    // Just under the floor, a ratio far past 100 is let through: such a file is no danger.
    const small = await zipOf([{ name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) }, { name: 'word/document.xml', data: { zeros: 19 * 1024 * 1024 } }]);
    expect(await refused(small, 'small.docx')).toBe('small.docx is damaged and could not be read as a Word document; open it in Word and save it again.');
    // Padding that does not compress keeps the ratio under 100, so only the 200 MB cap stops this one.
    const big = await zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) },
      { name: 'word/media/padding.bin', data: randomBytes(3 * 1024 * 1024), compress: false },
      { name: 'word/document.xml', data: { zeros: 210 * 1024 * 1024 } },
    ]);
    expect(big.byteLength).toBeLessThan(4 * 1024 * 1024);
    expect(await refused(big, 'big.docx')).toBe('big.docx would unpack to 213 MB, more than the 200 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).');
  });

  it('a zip whose directory declares less than an entry inflates to, as a damaged file', async () => {
    const zip = await zipOf([{ name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) }, { name: 'word/document.xml', data: Buffer.alloc(3 * 1024 * 1024) }]);
    expect(await refused(patchCentralDirectory(zip, 'uncompressedSize', 1000), 'lying.docx')).toBe(
      'lying.docx is damaged and could not be opened as a Word document; open it and save it again, or export it again.',
    );
  });

  it('a damaged zip, and a zip that says it is Word but is not one', async () => {
    const word = await wordFile();
    expect(await refused(word.subarray(0, word.length - 200), 'cut.docx')).toBe('cut.docx is damaged and could not be opened as a Word document; open it and save it again, or export it again.');
    const hollow = await zipOf([{ name: '[Content_Types].xml', data: Buffer.from(WORD_TYPES) }]);
    expect(await refused(hollow, 'hollow.docx')).toBe('hollow.docx is damaged and could not be read as a Word document; open it in Word and save it again.');
    const notes = await zipOf([{ name: 'notes.txt', data: Buffer.from('not a document') }]);
    expect(await refused(notes, 'notes.docx')).toBe('notes.docx is a zip archive that is not a Word document or an Excel workbook.');
  });

  it('a password-protected Office file or zip, and a Word or Excel 97–2003 file', async () => {
    expect(await refused(oleFile(['EncryptionInfo', 'EncryptedPackage']), 'plan.xlsx')).toBe('plan.xlsx is password-protected; save a copy without a password and try again.');
    expect(await refused(patchCentralDirectory(await wordFile(), 'flags', 1), 'plan.docx')).toBe('plan.docx is password-protected; save a copy without a password and try again.');
    expect(await refused(oleFile(['WordDocument', '1Table']), 'plan.doc')).toBe(
      'plan.doc is a Word or Excel 97–2003 file; open it and save it as a Word document (.docx) or an Excel workbook (.xlsx), then try again.',
    );
  });

  it('a renamed file whose content is not what its extension says, naming both', async () => {
    const rest = 'as its name says; give it the right extension or send the original file.';
    expect(await refused(await wordFile(), 'plan.xlsx')).toBe(`plan.xlsx is a Word document, not an Excel workbook ${rest}`);
    expect(await refused(await excelFile(), 'plan.docx')).toBe(`plan.docx is an Excel workbook, not a Word document ${rest}`);
    expect(await refused(await pdfFile(), 'plan.csv')).toBe(`plan.csv is a PDF, not a CSV file ${rest}`);
    expect(await refused(await excelFile(), 'plan.tsv')).toBe(`plan.tsv is an Excel workbook, not a TSV file ${rest}`);
    expect(await refused(Buffer.from('Ref,Owner\n1.1,CEO\n'), 'plan.pdf')).toBe(`plan.pdf is a text file, not a PDF ${rest}`);
  });

  it('a kind of file it does not read, and one that is neither a document nor text', async () => {
    expect(await refused(Buffer.from('x'), 'deck.pptx')).toBe(
      'deck.pptx is not a kind of file Concerto reads a plan from: send a Word document (.docx), an Excel workbook (.xlsx), a CSV or TSV file, or a PDF.',
    );
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), randomBytes(100)]);
    expect(await refused(png, 'plan.csv')).toBe('plan.csv is not a Word document, an Excel workbook, a PDF or a text file, whatever its name says.');
  });

  it('but reads a file with no extension by its content', async () => {
    const reading = tablesOf(await readDocumentTables(await excelFile(), 'upload'));
    expect(reading.kind).toBe('xlsx');
    expect(reading.tables[0]!.rows.map((r) => r.cells)).toEqual([['Ref', 'Owner'], ['1.1', 'CEO']]);
  });
});

/**
 * Issue 13's bad input, in each format it applies to (tests/integration/document-import-refusals.test.ts
 * takes the same files through `concerto import`). Each sentence is checked whole: it names the file,
 * says what is wrong and what to do next.
 */
describe('readDocumentTables refuses, format by format', () => {
  const RENAMED = 'as its name says; give it the right extension or send the original file.';
  const word = () => wordFile();
  const excel = () => excelFile();
  const pdf = () => planPdf([['1.1: Keep an audit trail', 'CEO', 'June 2017']]);
  const text = () => csvOf([['Ref', 'Owner'], ['1.1', 'CEO']]);

  it.each([
    ['cut.docx', async () => truncated(await word()), 'cut.docx is damaged and could not be opened as a Word document; open it and save it again, or export it again.'],
    ['broken.docx', brokenWordDocument, 'broken.docx is damaged and could not be read as a Word document; open it in Word and save it again.'],
    ['cut.xlsx', async () => truncated(await excel()), 'cut.xlsx is damaged and could not be opened as an Excel workbook; open it and save it again, or export it again.'],
    ['broken.xlsx', brokenWorkbook, 'broken.xlsx is damaged and could not be read as an Excel workbook; open it in Excel and save it again.'],
  ] as const)('a corrupt file: %s', async (name, build, error) => {
    expect(await refused(await build(), name)).toBe(error);
  });

  it.each([
    ['locked.docx', async () => passwordProtectedOffice()],
    ['locked.xlsx', async () => passwordProtectedOffice()],
    ['zip-encrypted.xlsx', async () => patchCentralDirectory(await excel(), 'flags', 1)],
  ] as const)('a password-protected file: %s', async (name, build) => {
    expect(await refused(await build(), name)).toBe(`${name} is password-protected; save a copy without a password and try again.`);
  });

  // The first word is what the content is, the second what the name says; the matching pairs read.
  it.each([
    ['a Word document', 'plan.csv', word, `plan.csv is a Word document, not a CSV file ${RENAMED}`],
    ['a Word document', 'plan.tsv', word, `plan.tsv is a Word document, not a TSV file ${RENAMED}`],
    ['a Word document', 'plan.pdf', word, `plan.pdf is a Word document, not a PDF ${RENAMED}`],
    ['an Excel workbook', 'plan.csv', excel, `plan.csv is an Excel workbook, not a CSV file ${RENAMED}`],
    ['an Excel workbook', 'plan.pdf', excel, `plan.pdf is an Excel workbook, not a PDF ${RENAMED}`],
    ['a PDF', 'plan.docx', pdf, `plan.docx is a PDF, not a Word document ${RENAMED}`],
    ['a PDF', 'plan.xlsx', pdf, `plan.xlsx is a PDF, not an Excel workbook ${RENAMED}`],
    ['a PDF', 'plan.tsv', pdf, `plan.tsv is a PDF, not a TSV file ${RENAMED}`],
    ['text', 'plan.docx', text, `plan.docx is a text file, not a Word document ${RENAMED}`],
    ['text', 'plan.xlsx', text, `plan.xlsx is a text file, not an Excel workbook ${RENAMED}`],
    ['a Word or Excel 97–2003 file', 'plan.docx', legacyOffice, 'plan.docx is a Word or Excel 97–2003 file; open it and save it as a Word document (.docx) or an Excel workbook (.xlsx), then try again.'],
    ['a Word or Excel 97–2003 file', 'plan.xlsx', legacyOffice, 'plan.xlsx is a Word or Excel 97–2003 file; open it and save it as a Word document (.docx) or an Excel workbook (.xlsx), then try again.'],
    ['a picture', 'plan.xlsx', pngBytes, 'plan.xlsx is not a Word document, an Excel workbook, a PDF or a text file, whatever its name says.'],
  ] as const)('a renamed file: %s named %s', async (_content, name, build, error) => {
    expect(await refused(await build(), name)).toBe(error);
  });

  it.each(['big.docx', 'big.xlsx', 'big.tsv', 'big.pdf'])('a file over the size limit, saying the limit, whatever its kind: %s', async (name) => {
    expect(await refused(Buffer.alloc(21 * MB, 0x41), name)).toBe(`${name} is 21 MB, over the 20 MB limit on a document Concerto reads.`);
  });

  it('a workbook zip bomb, as a Word one is refused', async () => {
    expect(await refused(await zipBomb('xlsx', 30), 'bomb.xlsx')).toBe(
      'bomb.xlsx would unpack to 30 MB, more than the 20 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).',
    );
  });

  it('a zip bomb from the sizes its directory declares, before inflating anything', async () => {
    // The entries hold a few bytes but declare 150 MB each: had anything been inflated, the first entry's
    // stream would have stopped short of its declared size and the file been called damaged instead.
    const zip = await zipOf([{ name: '[Content_Types].xml', data: Buffer.from(XLSX_TYPES) }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    const declared = patchCentralDirectory(zip, 'uncompressedSize', 150 * MB);
    expect(await refused(declared, 'declared.xlsx')).toBe(
      'declared.xlsx would unpack to 300 MB, more than the 20 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).',
    );
  });

  it('the memory measure sees an allocation the size of an unpacked bomb', async () => {
    let held: Buffer | undefined;
    const growth = await memoryGrowth(async () => {
      held = Buffer.alloc(200 * MB, 1);
    });
    expect(held!.length).toBe(200 * MB);
    // Well over the bombs' 64 MB bound, though less than the 200 MB held: buffers earlier tests left (four of
    // 21 MB just above) are freed while this measures, and the allocator may reuse pages they freed; with
    // 100 MB held that once left 39 MB of growth.
    expect(growth.arrayBuffers).toBeGreaterThan(100 * MB);
    expect(growth.rss).toBeGreaterThan(80 * MB);
  });

  it.each(['docx', 'xlsx'] as const)('a .%s zip bomb declaring 150 MB is refused with memory bounded: a few MB at most', async (kind) => {
    const bomb = await zipBomb(kind, 150);
    await refused(await zipBomb(kind, 21), `warm-up.${kind}`);
    let error = '';
    const growth = await memoryGrowth(async () => {
      error = await refused(bomb, `bomb.${kind}`);
    });
    expect(error).toBe(`bomb.${kind} would unpack to 150 MB, more than the 20 MB Concerto unpacks from a file of its size, so it was not opened (it may be a zip bomb).`);
    expect(growth.rss).toBeLessThan(BOMB_MEMORY_BOUND);
    expect(growth.arrayBuffers).toBeLessThan(BOMB_MEMORY_BOUND);
  });
});
