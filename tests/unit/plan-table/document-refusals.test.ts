import { describe, expect, it } from 'vitest';
import { readDocumentPlan, type DocumentReading } from '../../../src/app/document-plan.js';
import { csvOf, HEADINGS, planPdf, planRows, wordWith, workbookWith } from '../file-tables/bad-documents.js';
import { OPTIONS } from './tables.js';

/**
 * Issue 13's bad input that the files read but the plan does not: a table with headings and no rows, a
 * document with several plan-like tables, one number on two rows. Each format, from its bytes to the plan
 * reading (readDocumentPlan), so the sentence checked is the one `concerto import` starts from.
 */

const H = [...HEADINGS];
const read = (bytes: Uint8Array, file: string, sheet?: string, table?: string) =>
  readDocumentPlan(bytes, file, { ...OPTIONS, ...(sheet !== undefined ? { sheet } : {}), ...(table !== undefined ? { table } : {}) });

async function reading(bytes: Uint8Array, file: string, sheet?: string, table?: string): Promise<DocumentReading> {
  const r = await read(bytes, file, sheet, table);
  if (!r.ok) expect.fail(r.error);
  return r;
}

async function refusal(bytes: Uint8Array, file: string): Promise<string> {
  const r = await read(bytes, file);
  if (r.ok) expect.fail(`${file} was read: ${r.plan.recommendations.length} items from ${r.table}`);
  return r.error;
}


describe('a table with its headings and no rows under them', () => {
  const EMPTY = "has its headings and no rows under them, so there is nothing to import; add the plan's rows and try again.";
  it.each([
    ['header.docx', () => wordWith([[H]]), `Table 1 ${EMPTY}`],
    ['header.xlsx', () => workbookWith({ Plan: [H] }), `Sheet Plan ${EMPTY}`],
    ['header.csv', async () => csvOf([H]), `The CSV file's table ${EMPTY}`],
    ['header.tsv', async () => csvOf([H], '\t'), `The TSV file's table ${EMPTY}`],
    // The page number under a PDF's headings is the page's, not a row of the table.
    ['header.pdf', () => planPdf([]), `The PDF's table ${EMPTY}`],
  ] as const)('%s: refused in one sentence saying there is nothing under the headings', async (file, build, says) => {
    expect(await refusal(await build(), file)).toBe(`${file}: ${says}`);
  });
});

describe('a number column of references that are not ids', () => {
  const refs = planRows(['A', 'B', 'C']);
  const SAYS = (where: string) =>
    `${where}'s "Ref" column holds references such as "A", "B", "C", and Concerto's ids are numbers such as 4.2.1 (or 1, 2, 3), a number and a part's letter such as 1a, or a few letters and a number such as IA-01. Renumber that column (keep the old reference in the text if people use it) and import again.`;
  it.each([
    ['refs.docx', () => wordWith([[H, ...refs]]), SAYS('Table 1')],
    ['refs.xlsx', () => workbookWith({ Tracker: [H, ...refs] }), SAYS('Sheet Tracker')],
    ['refs.csv', async () => csvOf([H, ...refs]), SAYS("The CSV file's table")],
  ] as const)('%s: refused with its references as examples and what to do', async (file, build, says) => {
    expect(await refusal(await build(), file)).toBe(`${file}: ${says}`);
  });

  it('references with letters in front, as audit trackers number them, are ids', async () => {
    const r = await reading(await workbookWith({ Tracker: [H, ...planRows(['IA-01', 'ia-02', 'R3'])] }), 'lettered.xlsx');
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['IA-01', 'IA-02', 'R3']);
  });

  it('a recommendation split into parts (1a, 1b, 1(c), 2A) imports, each part an item in order', async () => {
    const r = await reading(await workbookWith({ Tracker: [H, ...planRows(['2A', '1b', '1(c)', '1a', '3'])] }), 'parts.xlsx');
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['2a', '1b', '1c', '1a', '3']);
  });

  it('the same table renumbered imports', async () => {
    const r = await reading(await workbookWith({ Tracker: [H, ...planRows(['1', '2', '3'])] }), 'renumbered.xlsx');
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['1', '2', '3']);
  });
});

describe('several tables that could be the plan', () => {
  it('a Word document: the table with the most numbered rows, saying which it picked and naming the other', async () => {
    const bytes = await wordWith([[H, ...planRows(['1.1', '1.2'])], [H, ...planRows(['2.1', '2.2', '2.3'])]]);
    const r = await reading(bytes, 'two.docx');
    expect(r.table).toBe('table 2');
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['2.1', '2.2', '2.3']);
    expect(r.why).toBe(
      'the table with the most numbered rows (3 numbered rows, a recommendation-number column) of 2 that have recommendation numbers (also table 1: 2); to import another, say which: --table 1',
    );
    // Following the advice picks the other table.
    const first = await reading(bytes, 'two.docx', undefined, '1');
    expect([first.table, first.why]).toEqual(['table 1', 'the table asked for (--table 1), with a recommendation-number column and 2 numbered rows']);
    expect(first.plan.recommendations.map((x) => x.id)).toEqual(['1.1', '1.2']);
  });

  it('an Excel workbook: the sheet with the most numbered rows, saying which it picked and how to choose another (--sheet NAME)', async () => {
    const bytes = await workbookWith({ Closed: [H, ...planRows(['2.1'])], Open: [H, ...planRows(['1.1', '1.2', '1.3'])] });
    const r = await reading(bytes, 'two.xlsx');
    expect(r.table).toBe('sheet Open');
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['1.1', '1.2', '1.3']);
    expect(r.why).toBe(
      'the table with the most numbered rows (3 numbered rows, a recommendation-number column) of 2 that have recommendation numbers (also sheet Closed: 1); to import another, say which: --sheet Closed',
    );
    // Following the advice picks the other sheet.
    const closed = await reading(bytes, 'two.xlsx', 'Closed');
    expect([closed.table, closed.why]).toEqual(['sheet Closed', 'the only table with a recommendation-number column and 1 numbered row']);
    expect(closed.plan.recommendations.map((x) => x.id)).toEqual(['2.1']);
  });
});

describe('one number on two rows', () => {
  const rows = [H, ...planRows(['1.1', '1.2', '1.1'])];
  it.each([
    ['dup.docx', () => wordWith([rows]), [2, 4]],
    ['dup.xlsx', () => workbookWith({ Plan: rows }), [2, 4]],
    ['dup.csv', async () => csvOf(rows), [2, 4]],
    ['dup.tsv', async () => csvOf(rows, '\t'), [2, 4]],
    // A PDF's rows are its lines: the running head is line 1, the header line 2.
    ['dup.pdf', () => planPdf([['1.1: Action 1.1', 'Portfolio Office', 'March 2018'], ['1.2: Action 1.2', 'Portfolio Office', 'March 2018'], ['1.1: Action 1.1 again', 'Portfolio Office', 'March 2018']]), [3, 5]],
  ] as const)('%s: both rows named, the first kept', async (file, build, lines) => {
    const r = await reading(await build(), file);
    expect(r.duplicates).toEqual([{ id: '1.1', rows: lines }]);
    expect(r.plan.recommendations.map((x) => x.id)).toEqual(['1.1', '1.2']);
  });
});
