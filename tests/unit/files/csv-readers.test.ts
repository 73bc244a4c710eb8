import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import type { PlanFile } from '../../../src/core/plan/plan-file.js';
import { CSV_COLUMNS, csvToPlan, planToCsv } from '../../../src/files/plan-csv.js';
import { neutralise, PAPER_CSV_COLUMNS, paperToCsv } from '../../../src/report/csv.js';
import { bundledPlanFile } from '../../helpers/ask.js';
import { PLAN, rec, upd } from '../report/fixtures.js';

/**
 * Both CSVs (the plan export and the board paper) read by a CSV implementation that did not write
 * them, and that is as strict as LibreOffice and Python's csv module: d3-dsv ends a record at any
 * unquoted CR or LF (papaparse, like our own csv-parse, is lenient and would not have caught the bug).
 * One record per item, every cell as written.
 */

/** Every kind of line break, quotes, delimiters, tabs, formula starts, emoji and right-to-left text. */
const HOSTILE = [
  'line\nfeed',
  'carriage\rreturn',
  'windows\r\nbreak',
  'trailing break\n',
  '\nleading break',
  'blank\n\nline',
  'say "hello", then ""twice""',
  '"',
  ',',
  'semi;colon',
  'tab\there',
  '=HYPERLINK("http://evil.example","click")',
  '+44 20 7946 0000',
  '-1',
  '@SUM(A1:A2)',
  '🎺 emoji 👩🏽‍💼 and flags 🇬🇧',
  'مرحبا بالعالم — عربي',
  'שלום עולם',
  '\u202Ereversed\u202C',
  'line\u2028separator and para\u2029graph',
  '',
];

/** Reads CSV text with d3-dsv, the BOM removed as a spreadsheet would. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csvParseRows(csv.slice(1));
}

const hostilePlan = (): PlanFile => ({
  title: 'A plan, "with" everything',
  asOf: '2017-10-04',
  timeZone: 'Europe/London',
  recommendations: HOSTILE.map((text, i) => ({
    id: `${i + 1}.1`,
    theme: HOSTILE[(i + 3) % HOSTILE.length] || 'Theme',
    text: text || 'empty text',
    owners: [text || 'Nobody', 'Portfolio Office'],
    status: 'on_going',
    delivery: text,
    baseline: null,
    updates: [{ date: '2017-10-01', author: text || null, text: text || 'no text', evidence: null }],
  })),
});

describe('the plan export (the import format) read by d3-dsv', () => {
  it.each([
    ['the bundled plan', bundledPlanFile()],
    ['a hostile plan', hostilePlan()],
  ])('%s: a header, the #plan row and one record per item, every cell as written', (_name, plan) => {
    const csv = planToCsv(plan);
    const records = readBack(csv);
    expect(records).toHaveLength(plan.recommendations.length + 2);
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records[1]!.slice(0, 4)).toEqual(['#plan', plan.title, plan.asOf, plan.timeZone]);
    plan.recommendations.forEach((r, i) => {
      const row = records[i + 2]!;
      expect(row).toHaveLength(CSV_COLUMNS.length);
      expect(row.slice(0, 4)).toEqual([r.id, r.theme, r.text, r.owners.join('\n')]);
      expect(row[5]).toBe(r.delivery);
    });
  });

  it('the bundled plan reads back through import exactly', () => {
    const plan = bundledPlanFile();
    const back = csvToPlan(planToCsv(plan), { title: 'x', asOf: '2017-01-01' });
    expect('plan' in back && back.plan).toMatchObject({ title: plan.title, asOf: plan.asOf, recommendations: plan.recommendations.map((r) => ({ id: r.id, text: r.text, owners: r.owners, delivery: r.delivery })) });
  });
});

describe('the board paper CSV read by d3-dsv', () => {
  it('the bundled plan as at its own date: a header and 30 records', () => {
    const plan = bundledPlanFile();
    const recommendations = plan.recommendations.map((r) => rec(r.id, { theme: r.theme, text: r.text, owners: r.owners, updates: r.updates.map((u) => upd(u.date, u.text)) }));
    const paper = buildBoardPaper({ plan: PLAN, recommendations, events: [] }, { asAt: '2017-10-04', producedOn: '2017-10-04' });
    const records = readBack(paperToCsv(paper));
    expect(records).toHaveLength(31);
    expect(records[0]).toEqual([...PAPER_CSV_COLUMNS]);
    expect(records.slice(1).map((r) => r[1]).sort()).toEqual(plan.recommendations.map((r) => r.id).sort());
    // Owners one per line in their cell ("Karen Georgiou⏎Portfolio Office" split the row before).
    expect(records.find((r) => r[1] === '1.1')![3]).toBe('Karen Georgiou\nPortfolio Office');
  });

  it('a hostile plan: one record per item, every cell as written (formula starts neutralised)', () => {
    const recommendations = HOSTILE.map((text, i) =>
      rec(`${i + 1}.1`, { theme: `Theme ${i}`, text: text || 'empty text', owners: [text || 'Nobody'], updates: text ? [upd('2017-10-01', text)] : [] }),
    );
    const paper = buildBoardPaper({ plan: PLAN, recommendations, events: [] }, { asAt: '2017-10-04', producedOn: '2017-10-04' });
    const records = readBack(paperToCsv(paper));
    expect(records).toHaveLength(HOSTILE.length + 1);
    HOSTILE.forEach((text, i) => {
      const row = records.find((r) => r[1] === `${i + 1}.1`)!;
      expect(row).toHaveLength(PAPER_CSV_COLUMNS.length);
      expect(row[2]).toBe(neutralise(text || 'empty text'));
      expect(row[3]).toBe(neutralise(text || 'Nobody'));
    });
  });
});
