import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import { tablesOf } from './helpers.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('readDocumentTables: CSV and TSV', () => {
  it('reads UTF-8 with a byte order mark, quoted line breaks kept, blank lines skipped with the numbers kept', async () => {
    const text = '\uFEFFRef,Action,Owner\r\n\r\n1.1,"Migrate projects, then close them","Karen Georgiou\r\nPortfolio Office"\r\n1.2,Keep an audit trail – 2017,Board\r\n';
    const reading = await tablesOf(await readDocumentTables(utf8(text), 'plan.csv'));
    expect(reading).toEqual({
      ok: true,
      kind: 'csv',
      title: null,
      warnings: [],
      tables: [
        {
          name: "the CSV file's table",
          rows: [
            { number: 1, cells: ['Ref', 'Action', 'Owner'] },
            { number: 3, cells: ['1.1', 'Migrate projects, then close them', 'Karen Georgiou\nPortfolio Office'] },
            { number: 4, cells: ['1.2', 'Keep an audit trail – 2017', 'Board'] },
          ],
        },
      ],
    });
  });

  it('finds a semicolon delimiter past a title line and commas inside the text, padding short rows', async () => {
    const text = 'Action plan 2017\nRecommendation No;Recommendation;Owner;Delivery Date\n1.1;Migrate, then close;Karen Georgiou;September 2017\n1.2;Review, report, repeat;Board\n';
    const reading = await tablesOf(await readDocumentTables(utf8(text), 'plan.csv'));
    expect(reading.tables[0]!.rows).toEqual([
      { number: 1, cells: ['Action plan 2017', '', '', ''] },
      { number: 2, cells: ['Recommendation No', 'Recommendation', 'Owner', 'Delivery Date'] },
      { number: 3, cells: ['1.1', 'Migrate, then close', 'Karen Georgiou', 'September 2017'] },
      { number: 4, cells: ['1.2', 'Review, report, repeat', 'Board', ''] },
    ]);
  });

  it('finds tab and pipe delimiters', async () => {
    const tsv = await tablesOf(await readDocumentTables(utf8('Ref\tAction, with a comma\tOwner\n1.1\tDo it, now\tCEO\n'), 'plan.tsv'));
    expect(tsv.tables).toEqual([{ name: "the TSV file's table", rows: [{ number: 1, cells: ['Ref', 'Action, with a comma', 'Owner'] }, { number: 2, cells: ['1.1', 'Do it, now', 'CEO'] }] }]);
    const piped = await tablesOf(await readDocumentTables(utf8('Ref|Action|Owner\n1.1|Do it|CEO\n'), 'plan.csv'));
    expect(piped.tables[0]!.rows.map((r) => r.cells)).toEqual([['Ref', 'Action', 'Owner'], ['1.1', 'Do it', 'CEO']]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with a warning', async () => {
    // "£" is 0xA3 and "–" (en dash) 0x96 in Windows-1252; 0x96 alone is never valid UTF-8.
    const bytes = Buffer.concat([Buffer.from('Ref,Action,Cost\n1.1,Save 2017', 'latin1'), Buffer.from([0x96]), Buffer.from('18,"', 'latin1'), Buffer.from([0xa3]), Buffer.from('5,000"\n', 'latin1')]);
    const reading = await tablesOf(await readDocumentTables(bytes, 'costs.csv'));
    expect(reading.tables[0]!.rows).toEqual([
      { number: 1, cells: ['Ref', 'Action', 'Cost'] },
      { number: 2, cells: ['1.1', 'Save 2017–18', '£5,000'] },
    ]);
    expect(reading.warnings).toEqual(['costs.csv is not UTF-8 text, so it was read as Windows-1252 (Western European); check accented letters and symbols such as £ and – in the preview.']);
  });

  it('reads UTF-16 with a byte order mark, as Excel saves "Unicode text"', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ref\tOwner\r\n1.1\tZoë Brontë\r\n', 'utf16le')]);
    const reading = await tablesOf(await readDocumentTables(bytes, 'plan.txt'));
    expect(reading.tables[0]!.rows.map((r) => r.cells)).toEqual([['Ref', 'Owner'], ['1.1', 'Zoë Brontë']]);
  });

  it('warns that a sheet named for a file with no sheets was not used', async () => {
    const reading = await tablesOf(await readDocumentTables(utf8('Ref,Owner\n1.1,CEO\n'), 'plan.csv', { sheet: 'Tracker' }));
    expect(reading.tables[0]!.rows).toHaveLength(2);
    expect(reading.warnings).toEqual(['A sheet ("Tracker") was named, but plan.csv is a text file, which has no sheets; all its tables were read.']);
  });

  it('refuses a file whose quote is never closed, saying where it opened', async () => {
    expect(await readDocumentTables(utf8('Ref,Action\n1.1,"Never closed\n1.2,x\n'), 'q.csv')).toEqual({
      ok: false,
      error: 'q.csv could not be read as a CSV file: Quote Not Closed: the parsing is finished with an opening quote at line 3.',
    });
  });

  it('refuses a TSV whose quote is never closed, calling it a TSV file', async () => {
    expect(await readDocumentTables(utf8('Ref\tAction\n1.1\t"Never closed\n1.2\tx\n'), 'q.tsv')).toEqual({
      ok: false,
      error: 'q.tsv could not be read as a TSV file: Quote Not Closed: the parsing is finished with an opening quote at line 3.',
    });
  });

  it('refuses an empty TSV file and one of blank lines', async () => {
    expect(await readDocumentTables(new Uint8Array(0), 'plan.tsv')).toEqual({ ok: false, error: 'plan.tsv is empty: it has no table to read.' });
    // Tabs alone are blank space; quoted empty fields are a file of empty rows.
    expect(await readDocumentTables(utf8('\t\t\n \t \t\n'), 'plan.tsv')).toEqual({ ok: false, error: 'plan.tsv is empty: it has no table to read.' });
    expect(await readDocumentTables(utf8('""\t""\n""\t" "\n'), 'plan.tsv')).toEqual({ ok: false, error: 'plan.tsv has no table: it holds only blank lines.' });
  });

  it('refuses an empty file and one of blank lines', async () => {
    expect(await readDocumentTables(new Uint8Array(0), 'plan.csv')).toEqual({ ok: false, error: 'plan.csv is empty: it has no table to read.' });
    expect(await readDocumentTables(utf8('\uFEFF\r\n \r\n'), 'plan.csv')).toEqual({ ok: false, error: 'plan.csv is empty: it has no table to read.' });
    expect(await readDocumentTables(utf8(',,\n , ,\n'), 'plan.csv')).toEqual({ ok: false, error: 'plan.csv has no table: it holds only blank lines.' });
  });
});
