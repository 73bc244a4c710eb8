import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../../src/core/plan/plan-file.js';
import { readPlan } from '../../../src/core/plan/read-plan.js';
import { buildBoardPaper, type BoardPaper } from '../../../src/core/report/board-paper.js';
import { planFileAsAt } from '../../../src/core/report/plan-file-as-at.js';
import { xlsxToPlan, type XlsxReading } from '../../../src/files/plan-xlsx.js';
import { readUpdateLog, updateEntryCell, updateLogCell, xmlSafe } from '../../../src/files/xlsx-format.js';
import { paperToXlsx } from '../../../src/report/xlsx.js';
import { bundledPlanInput } from '../../helpers/plan.js';
import { PLAN } from '../report/fixtures.js';
import { current, t } from '../report/scenario.js';
import { grid, hostilePlan, longLogPlan, openWithExcelJs, paperFromPlan } from '../report/xlsx-fixtures.js';

/** `concerto import` of the board paper workbook: the plan comes back as the paper's JSON export has it. */

const FALLBACK = { title: 'fallback title', asOf: '2030-01-01' };

/** The plan the paper's JSON export writes, as the schema reads it. */
const expected = (paper: BoardPaper) => PlanFile.parse(planFileAsAt(paper, paper.recommendations));

async function readBack(bytes: Buffer): Promise<{ plan: PlanFile; warnings: string[] }> {
  const reading = await xlsxToPlan(bytes, FALLBACK);
  if ('problems' in reading) throw new Error(reading.problems.map((p) => `row ${p.row}: ${p.message}`).join('\n'));
  return { plan: PlanFile.parse(reading.plan), warnings: reading.warnings };
}

function problems(reading: XlsxReading) {
  expect('problems' in reading, JSON.stringify(reading).slice(0, 300)).toBe(true);
  return (reading as { problems: Array<{ row: number; message: string }> }).problems;
}

/** A workbook the way a person's own spreadsheet might be: sheets of rows. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The exported workbook, edited as a person would in Excel, and saved again. */
async function edited(paper: BoardPaper, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await openWithExcelJs(await paperToXlsx(paper));
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the round trip', () => {
  it('the seed plan as at its own date comes back as its JSON export, with nothing to warn about', async () => {
    const paper = paperFromPlan(bundledPlanInput(), { asAt: '2017-10-04' });
    const { plan, warnings } = await readBack(await paperToXlsx(paper));
    expect(plan).toEqual(expected(paper));
    expect(plan.recommendations).toHaveLength(30);
    expect(plan).toMatchObject({ title: 'Concerto Action Plan', asOf: '2017-10-04', timeZone: 'Europe/London' });
    expect(warnings).toEqual([]);
    expect(readPlan(plan).ok).toBe(true);
  });

  it('a plan with history keeps revised dates with their baselines, authors and evidence, as at each date', async () => {
    for (const asAt of ['2017-10-09', '2017-10-12', '2017-10-20']) {
      const paper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt, producedOn: asAt, since: '2017-10-04' });
      const { plan } = await readBack(await paperToXlsx(paper));
      expect(plan).toEqual(expected(paper));
    }
    const withEvidence = paperFromPlan(
      {
        title: 'Plan',
        asOf: '2017-10-04',
        recommendations: [
          {
            id: '1.1',
            theme: 'T',
            text: 'x',
            status: 'complete',
            delivery: 'Q1 2018',
            baseline: '',
            updates: [{ date: '2017-10-01', author: 'Karen Georgiou', text: 'Done.\nSee the file.', evidence: 'Minutes, item 4\nsecond line' }],
          },
          { id: '1.2', theme: 'T', text: 'y', status: 'on_going', delivery: 'Q1 2018', baseline: 'Q1 2018', updates: [] },
        ],
      },
      { asAt: '2017-10-04' },
    );
    const { plan } = await readBack(await paperToXlsx(withEvidence));
    expect(plan).toEqual(expected(withEvidence));
    expect(plan.recommendations.map((r) => r.baseline)).toEqual(['', 'Q1 2018']);
    expect(plan.recommendations[0]!.updates[0]).toEqual({ date: '2017-10-01', author: 'Karen Georgiou', text: 'Done.\nSee the file.', evidence: 'Minutes, item 4\nsecond line' });
  });

  it('a hostile plan survives cell for cell: the plan read back, and the workbook made from it again', async () => {
    const paper = paperFromPlan(hostilePlan(), { asAt: '2017-10-04' });
    const first = await paperToXlsx(paper);
    const { plan, warnings } = await readBack(first);
    expect(warnings).toEqual([]);
    expect(plan).toEqual(expected(paper));
    expect(plan.title).toBe('A plan, "with" everything =1+1 🎺');
    // Export what was read, and every cell of every sheet is as it was.
    const again = await paperToXlsx(paperFromPlan(plan, { asAt: '2017-10-04' }));
    const [a, b] = [await openWithExcelJs(first), await openWithExcelJs(again)];
    for (const name of ['Summary', 'Action plan']) expect(grid(b.getWorksheet(name)!)).toEqual(grid(a.getWorksheet(name)!));
  });

  it('a log cut to fit a cell reads back as the updates it shows, with a warning that says what to do', async () => {
    const paper = paperFromPlan(longLogPlan(), { asAt: '2017-10-04' });
    const { plan, warnings } = await readBack(await paperToXlsx(paper));
    expect(plan.recommendations[0]!.updates.map((u) => u.date)).toEqual(['2017-05-10', '2017-10-01']);
    expect(plan.recommendations[0]!.updates[1]).toEqual({ date: '2017-10-01', author: 'N. Shackleton', text: 'Latest: paper to JCOB.', evidence: 'Minutes of 1 October' });
    expect(warnings).toEqual([
      'row 2 (1.1): the Update cell shows only the latest 2 updates (1 earlier one did not fit in an Excel cell), so only those were read; import the JSON or CSV export to bring in the whole log.',
    ]);
  });
});

describe('a workbook a person has edited', () => {
  const paper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-20', producedOn: '2017-10-20' });
  const row = (wb: ExcelJS.Workbook, id: string) => {
    const ws = wb.getWorksheet('Action plan')!;
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === id) return ws.getRow(r);
    throw new Error(id);
  };

  it('reads a new update typed after a blank line, a status label, owners on new lines, a new date', async () => {
    const bytes = await edited(paper, (wb) => {
      const r = row(wb, '9.4.1');
      r.getCell(5).value = '21/10/2017 (Karen Georgiou): Paper agreed.\n\n22/10/17: Circulated.\nEvidence: JCOB minutes';
      r.getCell(9).value = 'complete';
      r.getCell(4).value = 'Karen Georgiou\r\nPortfolio Office\n';
      r.getCell(6).value = 'end of March 2018';
    });
    const { plan } = await readBack(bytes);
    expect(plan.recommendations.find((r) => r.id === '9.4.1')).toMatchObject({
      status: 'complete',
      owners: ['Karen Georgiou', 'Portfolio Office'],
      delivery: 'end of March 2018',
      updates: [
        { date: '2017-10-21', author: 'Karen Georgiou', text: 'Paper agreed.', evidence: null },
        { date: '2017-10-22', author: null, text: 'Circulated.', evidence: 'JCOB minutes' },
      ],
    });
  });

  it('reads rich text, links Excel made, formulas, numbers and dates as the text they show', async () => {
    const bytes = await edited(paper, (wb) => {
      const r = row(wb, '9.4.1');
      r.getCell(3).value = { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'and plain.' }] };
      r.getCell(4).value = { text: 'Portfolio Office', hyperlink: 'mailto:po@example.com' };
      r.getCell(1).value = { formula: '"Gov"&"ernance"', result: 'Governance' };
      // What Excel makes of "Mar 2018" typed in a cell (a style of its own: exceljs shares loaded styles between cells).
      const date = r.getCell(6);
      date.value = new Date(Date.UTC(2018, 2, 1));
      date.style = { ...date.style, numFmt: 'mmm-yy' };
      row(wb, '5.2').getCell(2).value = 5.2;
    });
    const { plan } = await readBack(bytes);
    expect(plan.recommendations.find((r) => r.id === '9.4.1')).toMatchObject({
      text: 'Bold and plain.',
      owners: ['Portfolio Office'],
      theme: '="Gov"&"ernance"',
      delivery: 'March 2018',
    });
    expect(plan.recommendations.map((r) => r.id)).toContain('5.2');
  });

  it('names the row and says how to write an update log it cannot read', async () => {
    const bytes = await edited(paper, (wb) => {
      row(wb, '5.2').getCell(5).value = 'Spoke to the chair.';
      row(wb, '9.4.1').getCell(5).value = '31/02/2017: Never happened.';
    });
    const found = problems(await xlsxToPlan(bytes, FALLBACK));
    expect(found).toEqual([
      {
        row: 3,
        message:
          'Update (5.2): each update must start with its date, as in "04/10/2017: text" or "04/10/2017 (Karen Georgiou): text", and updates are separated by a blank line; this one starts "Spoke to the chair."',
      },
      { row: 5, message: 'Update (9.4.1): 31/02/2017 is not a real date (updates are dated day first: 04/10/2017 is 4 October 2017)' },
    ]);
  });

  it('finds the plan’s own fields by their labels when the names have gone, and falls back with a warning when they have too', async () => {
    const noNames = await edited(paper, (wb) => {
      for (const n of wb.definedNames.model) wb.definedNames.remove(n.ranges[0]!, n.name);
      wb.getWorksheet('Summary')!.spliceRows(2, 0, ['A row a person added']);
    });
    expect((await readBack(noNames)).plan).toMatchObject({ title: 'Concerto Action Plan', asOf: '2017-10-04', timeZone: 'Europe/London' });

    const noSummary = await edited(paper, (wb) => wb.removeWorksheet(wb.getWorksheet('Summary')!.id));
    const { plan, warnings } = await readBack(noSummary);
    expect(plan).toMatchObject({ title: 'fallback title', asOf: '2030-01-01', timeZone: 'Europe/London' });
    expect(warnings).toEqual(["the workbook does not give the plan's own date (the \"Plan date\" cell on its Summary sheet), so its delivery dates were read as of 1 January 2030."]);
  });

  it('says so when the plan date is not a date', async () => {
    const bytes = await edited(paper, (wb) => {
      wb.getWorksheet('Summary')!.getCell('B4').value = 'soon';
    });
    expect(problems(await xlsxToPlan(bytes, FALLBACK))).toEqual([
      {
        row: 0,
        message:
          'the "Plan date" on the Summary sheet reads "soon", which is not a date. Put the plan\'s own date there (the day its delivery dates were read as of, e.g. 4 October 2017), or export the workbook again.',
      },
    ]);
  });

  it('keeps following the names when rows are inserted above the cells', async () => {
    const bytes = await edited(paper, (wb) => {
      const ws = wb.getWorksheet('Summary')!;
      // What Excel does on "Insert row": the cells move down and the names follow them (exceljs moves them as Excel does).
      ws.spliceRows(1, 0, ['Board, 24 October'], []);
      expect(wb.definedNames.model.find((n) => n.name === 'Concerto_TimeZone')?.ranges).toEqual(['Summary!$B$7']);
      ws.getCell('B7').value = 'Europe/Dublin';
    });
    expect((await readBack(bytes)).plan).toMatchObject({ title: 'Concerto Action Plan', asOf: '2017-10-04', timeZone: 'Europe/Dublin' });
  });
});

describe('a workbook that is not the board paper', () => {
  it.each([
    ['no Action plan sheet', { Sheet1: [['Name', 'Age']] }, 0, /^this workbook has no "Action plan" sheet \(its sheets are "Sheet1"\)\. Concerto imports the workbook that `concerto export --format xlsx` writes: an "Action plan" sheet whose first row names the columns Recommendation No, Theme, Recommendation and Status/],
    ['missing columns', { 'Action plan': [['Recommendation No', 'Recommendation'], ['1.1', 'x']] }, 1, /^the "Action plan" sheet's header row has no Theme and Status columns\. .* Add the missing columns, or export the workbook again\.$/],
    ['a missing column', { 'Action plan': [['Recommendation No', 'Recommendation', 'Theme'], ['1.1', 'x', 'y']] }, 1, /^the "Action plan" sheet's header row has no Status column\. .* Add the missing column, or export the workbook again\.$/],
    ['no header at all', { 'Action plan': [['x', 'y']] }, 1, /^the "Action plan" sheet's header row has no Recommendation No, Theme, Recommendation and Status columns/],
  ])('%s: one sentence that says what is missing and what to do', async (_, sheets, row, message) => {
    const found = problems(await xlsxToPlan(await workbook(sheets), FALLBACK));
    expect(found).toHaveLength(1);
    expect(found[0]!.row).toBe(row);
    expect(found[0]!.message).toMatch(message);
  });

  it('reads a sheet of someone’s own that has the columns, whatever it is called', async () => {
    const bytes = await workbook({ Notes: [['hello']], Plan: [['Recommendation No', 'Theme', 'Recommendation', 'Status', 'Owner'], ['1.1', 'Governance', 'Do it.', 'On-going', 'Portfolio Office']] });
    const reading = await xlsxToPlan(bytes, FALLBACK);
    expect(reading).toMatchObject({ plan: { title: 'fallback title', asOf: '2030-01-01', recommendations: [{ id: '1.1', status: 'on_going', owners: ['Portfolio Office'], updates: [], baseline: null }] } });
  });

  it.each([
    ['a text file', Buffer.from('Recommendation No,Theme\n1.1,x\n'), /^this is not an Excel workbook \(\.xlsx\)/],
    ['an empty file', Buffer.alloc(0), /^this is not an Excel workbook \(\.xlsx\)/],
    ['an old .xls or a password-protected workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /^this is an Excel 97–2003 workbook \(\.xls\) or a password-protected one/],
    ['a damaged workbook', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /^the file could not be read as an Excel workbook: it is damaged/],
  ])('%s: a sentence, never a stack trace', async (_, bytes, message) => {
    const found = problems(await xlsxToPlan(bytes, FALLBACK));
    expect(found).toEqual([{ row: 0, message: expect.stringMatching(message) }]);
    expect(found[0]!.message).not.toMatch(/\n\s+at /);
  });

  it('a workbook cut short (a partial download): a sentence', async () => {
    const whole = await paperToXlsx(paperFromPlan(bundledPlanInput(), { asAt: '2017-10-04' }));
    const found = problems(await xlsxToPlan(whole.subarray(0, Math.floor(whole.length / 2)), FALLBACK));
    expect(found).toEqual([{ row: 0, message: expect.stringMatching(/^the file could not be read as an Excel workbook/) }]);
  });

  it('reads the control characters LibreOffice writes as lower-case escapes (_x000b_), as Excel’s upper-case ones', async () => {
    // exceljs writes the string as given, so these reach the file exactly as LibreOffice writes them.
    const bytes = await workbook({
      'Action plan': [
        ['Recommendation No', 'Theme', 'Recommendation', 'Status'],
        ['1.1', 'Governance', 'vertical_x000b_tab, form_x000c_feed, escape_x001b_ and _x000D_ return', 'On-going'],
      ],
    });
    expect(await xlsxToPlan(bytes, FALLBACK)).toMatchObject({ plan: { recommendations: [{ text: 'vertical\vtab, form\ffeed, escape\x1b and \r return' }] } });
  });

  it('a SheetJS-written workbook (another writer) reads too', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Recommendation No', 'Theme', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status'],
      ['1.1', 'Governance', 'Do it.', 'Karen Georgiou\nPortfolio Office', '04/10/2017 (N. Shackleton): Started.', 'By end 2017', 'On-going'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Action plan');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(await xlsxToPlan(bytes, FALLBACK)).toMatchObject({
      plan: { recommendations: [{ id: '1.1', owners: ['Karen Georgiou', 'Portfolio Office'], updates: [{ date: '2017-10-04', author: 'N. Shackleton', text: 'Started.' }] }] },
    });
  });
});

describe('the update log in one cell', () => {
  const entry = (text: string, author: string | null = null, evidence: string | null = null) => ({ date: '2017-10-04', author, text, evidence });

  it.each([
    ['plain', entry('Plain.'), '04/10/2017: Plain.'],
    ['with author and evidence', entry('Done.', 'Karen Georgiou', 'Minutes'), '04/10/2017 (Karen Georgiou): Done.\nEvidence: Minutes'],
    ['a paragraph that starts with a date', entry('One.\n\n05/10/2017: two.'), '04/10/2017: One.\n\n\u206005/10/2017: two.'],
    ['a line that starts like evidence', entry('One.\nEvidence: not really'), '04/10/2017: One.\n\u2060Evidence: not really'],
    ['an author with "): "', entry('x', 'Bob): tricky'), '04/10/2017 (Bob)\u2060: tricky): x'],
  ])('%s is written so it reads back exactly', (_, u, cell) => {
    expect(updateEntryCell(u)).toBe(cell);
    expect(readUpdateLog(cell)).toEqual({ ok: true, updates: [u], omitted: 0 });
  });

  it('reads back every hostile text as text, author and evidence, in any combination', () => {
    const texts = hostilePlan().recommendations.map((r) => r.text);
    const updates = texts.flatMap((s, i) => [entry(s, i % 3 ? texts[(i + 1) % texts.length]! : null, i % 2 ? texts[(i + 2) % texts.length]! : null)]);
    const { text } = updateLogCell(updates);
    expect(readUpdateLog(text)).toEqual({ ok: true, updates, omitted: 0 });
  });

  it('escapes for the file format exactly what Excel does: control characters, the carriage return, and a literal _xHHHH_', () => {
    expect(xmlSafe('a\rb\u000bc_x0041_d_X_e\u0085')).toBe('a_x000D_b_x000B_c_x005F_x0041_d_X_e\u0085');
  });
});
