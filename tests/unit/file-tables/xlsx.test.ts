import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocumentTables } from '../../../src/files/tables/read-document-tables.js';
import { tablesOf } from './helpers.js';

/** A tracker as an office keeps one: a title block, its own headings in row 4, merged cells, dates and formulas. */
async function tracker(options: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.title) wb.title = options.title;
  const ws = wb.addWorksheet('Tracker');
  ws.getCell('B1').value = 'Audit action tracker';
  ws.getCell('B2').value = { richText: [{ text: 'Status at ' }, { text: '4 October 2017', font: { bold: true } }] };
  // Row 3 is left blank, as title blocks are.
  ws.getRow(4).values = [null, 'Ref', 'Action', 'Action owner', 'Target date', 'Progress update', 'RAG'];
  ws.getRow(5).values = [null, 'Governance'];
  ws.mergeCells('B5:G5');
  ws.getRow(6).values = [null, '1.1', 'Migrate projects to BAU', 'Karen Georgiou\r\nPortfolio Office', new Date(Date.UTC(2017, 8, 30)), 'Awaits new governance', 'Amber'];
  ws.getRow(7).values = [null, 1.2, 'Separate change governance', null, 'Sept 2017', { formula: 'F6', result: 'Awaits new governance' }, { formula: 'G6', result: 'Amber' }];
  ws.mergeCells('D6:D7');
  ws.getRow(8).values = [null, '1.3', { text: 'Publish the log', hyperlink: 'https://example.org/log' }, 'Board secretary', 0.1 + 0.2, true, { error: '#N/A' }];
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'RAG means red, amber, green.';
  wb.addWorksheet('Empty');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TRACKER = {
  name: 'sheet Tracker',
  rows: [
    { number: 1, cells: ['Audit action tracker', '', '', '', '', ''] },
    { number: 2, cells: ['Status at 4 October 2017', '', '', '', '', ''] },
    { number: 4, cells: ['Ref', 'Action', 'Action owner', 'Target date', 'Progress update', 'RAG'] },
    { number: 5, cells: ['Governance', '', '', '', '', ''] },
    { number: 6, cells: ['1.1', 'Migrate projects to BAU', 'Karen Georgiou\nPortfolio Office', '30/09/2017', 'Awaits new governance', 'Amber'] },
    {
      number: 7,
      cells: ['1.2', 'Separate change governance', 'Karen Georgiou\nPortfolio Office', 'Sept 2017', 'Awaits new governance', 'Amber'],
      continued: [false, false, true, false, false, false],
    },
    { number: 8, cells: ['1.3', 'Publish the log', 'Board secretary', '0.3', 'TRUE', '#N/A'] },
  ],
};

describe('readDocumentTables: Excel', () => {
  it('reads each sheet with content as a table, rows numbered as Excel numbers them, cells as Excel shows them', async () => {
    const reading = await tablesOf(await readDocumentTables(await tracker(), 'tracker.xlsx'));
    expect(reading.kind).toBe('xlsx');
    expect(reading.title).toBeNull();
    expect(reading.warnings).toEqual([]);
    expect(reading.tables).toEqual([TRACKER, { name: 'sheet Notes', rows: [{ number: 1, cells: ['RAG means red, amber, green.'] }] }]);
  });

  it('reads only the sheet asked for, by name in any case, and gives the workbook title', async () => {
    const reading = await tablesOf(await readDocumentTables(await tracker({ title: 'Audit 2017' }), 'tracker.xlsx', { sheet: 'tracker' }));
    expect(reading.title).toBe('Audit 2017');
    expect(reading.tables).toEqual([TRACKER]);
    const empty = await tablesOf(await readDocumentTables(await tracker(), 'tracker.xlsx', { sheet: 'Empty' }));
    expect(empty.tables).toEqual([{ name: 'sheet Empty', rows: [] }]);
  });

  it('refuses a sheet the workbook does not have, listing those it has', async () => {
    expect(await readDocumentTables(await tracker(), 'tracker.xlsx', { sheet: 'Plan' })).toEqual({
      ok: false,
      error: 'tracker.xlsx has no sheet "Plan"; its sheets are "Tracker", "Notes", "Empty".',
    });
  });

  it('warns of a formula with no saved result rather than reading it as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Plan').addRows([['Ref', 'Due'], ['1.1', { formula: 'TODAY()' }]]);
    const reading = await tablesOf(await readDocumentTables(Buffer.from(await wb.xlsx.writeBuffer()), 'plan.xlsx'));
    expect(reading.tables[0]!.rows).toEqual([{ number: 1, cells: ['Ref', 'Due'] }, { number: 2, cells: ['1.1', ''] }]);
    expect(reading.warnings).toEqual(['Cell B2 of sheet Plan holds a formula with no saved result (the file was not last saved by Excel), so it is read as empty.']);
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    expect(await readDocumentTables(Buffer.from(await wb.xlsx.writeBuffer()), 'blank.xlsx')).toEqual({ ok: false, error: 'blank.xlsx has no table: every sheet in it is empty.' });
  });
});
