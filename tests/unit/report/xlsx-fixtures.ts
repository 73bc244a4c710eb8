import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import type { PlanFileInput } from '../../../src/core/plan/plan-file.js';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { STATUSES } from '../../../src/core/plan/status.js';
import { buildBoardPaper, type BoardPaper } from '../../../src/core/report/board-paper.js';
import { read } from '../../helpers/plan.js';

/** Plans for the Excel tests, and the two readers that open the workbook: exceljs (which wrote it) and SheetJS (which did not). */

/** A paper straight from a plan file, as if the file had been imported on its own date and nothing had happened since. */
export function paperFromPlan(input: unknown, options: { asAt: string; producedOn?: string; since?: string | null }): BoardPaper {
  const { file, delivery } = read(input);
  const recommendations: Recommendation[] = file.recommendations.map((r) => {
    const d = delivery.get(r.id)!;
    return {
      ...r,
      delivery: d.current,
      baseline: d.baseline ?? d.current,
      revisions: d.baseline ? 1 : 0,
      updates: r.updates.map((u) => ({ ...u, source: 'import' as const })),
    };
  });
  return buildBoardPaper(
    { plan: { id: 1, title: file.title, asOf: file.asOf, timeZone: file.timeZone }, recommendations, events: [] },
    { asAt: options.asAt, producedOn: options.producedOn ?? options.asAt, since: options.since ?? null },
  );
}

/**
 * Every kind of line break (and the control characters XML cannot carry), quotes, commas, tabs, formula
 * starts, links, emoji, right-to-left text, and text that looks like the file format's own escapes or like
 * the structure of the update log (a date starting a paragraph, "Evidence:" starting a line).
 */
export const HOSTILE = [
  'line\nfeed',
  'carriage\rreturn',
  'windows\r\nbreak',
  'blank\n\nline',
  'vertical\vtab, form\ffeed and escape\x1b',
  'next\u0085line',
  'line\u2028separator and para\u2029graph',
  'say "hello", then ""twice""',
  'comma, separated, values',
  'semi;colon',
  'tab\there',
  '=HYPERLINK("http://evil.example","click")',
  '=1+1',
  '+44 20 7946 0000',
  '-1',
  '@SUM(A1:A2)',
  'https://evil.example/phish',
  'javascript:alert(1)',
  'mailto:someone@example.com',
  '🎺 emoji 👩🏽‍💼 and flags 🇬🇧',
  'مرحبا بالعالم — عربي',
  'שלום עולם',
  '\u202Ereversed\u202C and \u2066isolated\u2069',
  '_x0041_ is not A, _x005F_ is not an underscore, _x00e9_ is not é',
  '<b>not</b> &amp; markup ]]> <![CDATA[',
  'first paragraph\n\n04/10/2017: looks like the next update',
  'a line\nEvidence: looks like evidence',
  '12/10/2017 (Someone): a stamp at the start',
  'short date\n4/10/17: line\n2017-10-04: ISO date line\n\u2060\u206005/10/2017 joiners already there',
];

/** Names cannot hold a line break (owners are one per line), but anything else goes. */
const NAMES = [...HOSTILE.filter((s) => !/\n/.test(s)), 'Bob): tricky', 'Alice (CFO)', 'Eve)\u2060: joined'];

export function hostilePlan(): PlanFileInput {
  return {
    title: 'A plan, "with" everything =1+1 🎺',
    asOf: '2017-10-04',
    timeZone: 'Europe/London',
    recommendations: HOSTILE.map((s, i) => ({
      id: `${i + 1}.1`,
      theme: HOSTILE[(i + 3) % HOSTILE.length]!,
      text: s,
      owners: [NAMES[i % NAMES.length]!, 'Portfolio Office'],
      status: STATUSES[i % STATUSES.length]!,
      delivery: ['September 2017', 'By end 2017', '', 'Q1 2018', 'With immediate effect'][i % 5]!,
      baseline: i % 4 === 0 ? 'Autumn 2017' : i % 7 === 0 ? '' : null,
      updates: [
        { date: '2017-06-14', author: NAMES[(i + 1) % NAMES.length]!, text: s, evidence: i % 2 ? HOSTILE[(i + 5) % HOSTILE.length]! : null },
        { date: '2017-10-04', author: null, text: HOSTILE[(i + 7) % HOSTILE.length]!, evidence: null },
      ],
    })),
  };
}

/** One item whose update log is longer than an Excel cell: two updates of the longest kind (20,000 characters) and a short one. */
export function longLogPlan(): PlanFileInput {
  const long = (c: string) => `${c.repeat(19_990)} the end.`;
  return {
    title: 'Long log',
    asOf: '2017-10-04',
    timeZone: 'Europe/London',
    recommendations: [
      {
        id: '1.1',
        theme: 'Governance',
        text: 'A recommendation with a long history.',
        owners: ['Portfolio Office'],
        status: 'on_going',
        delivery: 'By end 2017',
        updates: [
          { date: '2017-01-10', author: 'Karen Georgiou', text: long('a'), evidence: null },
          { date: '2017-05-10', author: null, text: long('b'), evidence: null },
          { date: '2017-10-01', author: 'N. Shackleton', text: 'Latest: paper to JCOB.', evidence: 'Minutes of 1 October' },
        ],
      },
    ],
  };
}

export async function openWithExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

export function openWithSheetJs(bytes: Buffer): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellDates: true, cellFormula: true, cellHTML: false });
}

/** The workbook's parts as stored (an .xlsx is a zip of XML files), read with SheetJS's own container reader. */
export function parts(bytes: Buffer): Map<string, string> {
  const container = XLSX.CFB.read(bytes, { type: 'buffer' });
  const out = new Map<string, string>();
  container.FullPaths.forEach((p: string, i: number) => {
    const entry = container.FileIndex[i]!;
    if (entry.type === 2 && entry.content) out.set(p.replace(/^Root Entry\//, ''), Buffer.from(entry.content as Uint8Array).toString('utf8'));
  });
  return out;
}

/** Every cell of a sheet as exceljs reads it, row by row, column by column. */
export function grid(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(ws.getCell(r, c).value);
    out.push(row);
  }
  return out;
}
