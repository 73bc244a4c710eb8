import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../../src/core/plan/status.js';
import { buildBoardPaper, type BoardPaper } from '../../../src/core/report/board-paper.js';
import { boardDate } from '../../../src/core/report/dates.js';
import { describeChanges } from '../../../src/core/report/describe-changes.js';
import { CELL_LIMIT, PLAN_NAMES, PLAN_SHEET_COLUMNS } from '../../../src/files/xlsx-format.js';
import { RAG_LABELS, ragLabel, statusLabel } from '../../../src/report/cells.js';
import { paperToXlsx } from '../../../src/report/xlsx.js';
import { bundledPlanInput } from '../../helpers/plan.js';
import { PLAN } from './fixtures.js';
import { current, t } from './scenario.js';
import { grid, hostilePlan, longLogPlan, openWithExcelJs, openWithSheetJs, paperFromPlan, parts } from './xlsx-fixtures.js';

/**
 * The board paper as a workbook, opened by exceljs (the library that wrote it) and by SheetJS (an
 * independent reader), and checked down to the XML it is stored as.
 */

const RAG_FILLS = { red: 'C00000', amber: 'FFC000', green: '00B050', grey: 'A6A6A6' };
const rowsOf = (paper: BoardPaper) => paper.groups.flatMap((g) => g.rows.map((r) => ({ ...r, theme: g.theme })));

describe('the seed plan as at 4 October 2017', () => {
  const paper = paperFromPlan(bundledPlanInput(), { asAt: '2017-10-04', producedOn: '2017-10-05' });
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let sheetjs: XLSX.WorkBook;
  beforeAll(async () => {
    bytes = await paperToXlsx(paper);
    wb = await openWithExcelJs(bytes);
    sheetjs = openWithSheetJs(bytes);
  });

  it('has the Summary, Action plan and Changes sheets, in both readers; without --since, Changes says how to ask for it', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Action plan', 'Changes']);
    expect(sheetjs.SheetNames).toEqual(['Summary', 'Action plan', 'Changes']);
    expect(String(wb.getWorksheet('Changes')!.getCell('A3').value)).toMatch(/^Nothing is listed here: this paper was made without a "since" date\. Export it with --since DATE/);
  });

  it('has a header row and 30 item rows in the paper columns, in plan order under their themes', () => {
    const ws = wb.getWorksheet('Action plan')!;
    expect(ws.rowCount).toBe(31);
    expect(grid(ws)[0]).toEqual([...PLAN_SHEET_COLUMNS]);
    const rows = rowsOf(paper);
    expect(rows).toHaveLength(30);
    const cells = grid(ws).slice(1);
    expect(cells.map((c) => [c[0], c[1]])).toEqual(rows.map((r) => [r.theme, r.id]));
    // SheetJS reads the same table.
    const table = XLSX.utils.sheet_to_json<string[]>(sheetjs.Sheets['Action plan']!, { header: 1, raw: false, defval: '' });
    expect(table).toHaveLength(31);
    expect(table.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.id));
  });

  it('writes each item as the CSV paper does, with owners one per line and each update led by its date and author', () => {
    const ws = wb.getWorksheet('Action plan')!;
    const byId = new Map(grid(ws).slice(1).map((c) => [c[1], c]));
    for (const r of rowsOf(paper)) {
      const [theme, id, text, owners, updates, delivery, , , status, rag, baseline] = byId.get(r.id)!;
      expect({ theme, id, text, owners, delivery, status, rag, baseline }).toEqual({
        theme: r.theme,
        id: r.id,
        text: r.text,
        owners: r.owners.join('\n'),
        delivery: r.delivery || null,
        status: statusLabel(r.status),
        rag: ragLabel(r.rag),
        baseline: null,
      });
      const stamp = (u: (typeof r.updates)[number]) => `${boardDate(u.date)}${u.author ? ` (${u.author})` : ''}: `;
      expect(updates).toBe(r.updates.length ? r.updates.map((u) => `${stamp(u)}${u.text}`).join('\n\n') : null);
    }
  });

  it('freezes and filters the header row, wraps text and sets widths', () => {
    const ws = wb.getWorksheet('Action plan')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.autoFilter).toBe('A1:K1');
    expect(sheetjs.Sheets['Action plan']!['!autofilter']).toEqual({ ref: 'A1:K1' });
    // Independently of either library: the sheet's XML freezes the pane below row 1.
    const xml = parts(bytes).get('xl/worksheets/sheet2.xml')!;
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(ws.getCell('C2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(60);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });
  });

  it('fills each RAG cell red, amber, green or grey, with the label as text too', () => {
    const ws = wb.getWorksheet('Action plan')!;
    const sj = sheetjs.Sheets['Action plan']!;
    const seen = new Set<string>();
    rowsOf(paper).forEach((r, i) => {
      const cell = ws.getCell(i + 2, 10);
      expect(cell.value).toBe(ragLabel(r.rag));
      expect(String(cell.value)).toMatch(new RegExp(`^${RAG_LABELS[r.rag.rag]}: `));
      expect(cell.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${RAG_FILLS[r.rag.rag]}` } });
      expect((sj[`J${i + 2}`] as XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } }).s?.fgColor?.rgb).toBe(RAG_FILLS[r.rag.rag]);
      seen.add(r.rag.rag);
    });
    expect([...seen].sort()).toEqual(['amber', 'green', 'grey', 'red']);
  });

  it('gives the delivery window as real Excel dates beside the date as written', () => {
    const ws = wb.getWorksheet('Action plan')!;
    const sj = sheetjs.Sheets['Action plan']!;
    const rows = rowsOf(paper);
    rows.forEach((r, i) => {
      for (const [col, letter, iso] of [[7, 'G', r.window.start], [8, 'H', r.window.end]] as const) {
        const cell = ws.getCell(i + 2, col);
        if (iso === null) {
          expect(cell.value).toBeNull();
          continue;
        }
        expect(cell.type).toBe(ExcelJS.ValueType.Date);
        expect((cell.value as Date).toISOString()).toBe(`${iso}T00:00:00.000Z`);
        expect(cell.numFmt).toBe('d mmm yyyy');
        const sjCell = sj[`${letter}${i + 2}`] as XLSX.CellObject;
        expect(sjCell.t).toBe('d');
        expect((sjCell.v as Date).toISOString().slice(0, 10)).toBe(iso);
      }
    });
    const sept = rows.findIndex((r) => r.delivery === 'September 2017');
    expect(sheetjs.Sheets['Action plan']![`G${sept + 2}`]!.w).toBe('1 Sep 2017');
    expect(sheetjs.Sheets['Action plan']![`H${sept + 2}`]!.w).toBe('30 Sep 2017');
  });

  it('summarises by theme and status with totals, RAG with its key, and the overdue count', () => {
    const ws = wb.getWorksheet('Summary')!;
    const cells = grid(ws);
    expect(cells[0]![0]).toBe('Concerto Action Plan');
    const at = (label: string) => cells.findIndex((r) => r[0] === label);
    const head = at('Theme');
    expect(cells[head]!.slice(0, 8)).toEqual(['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue']);
    const s = paper.summary;
    s.byTheme.forEach((theme, i) => {
      expect(cells[head + 1 + i]!.slice(0, 8)).toEqual([theme.theme, ...STATUSES.map((st) => theme.byStatus[st]), theme.total, theme.overdue]);
    });
    expect(cells[at('All themes')]!.slice(0, 8)).toEqual(['All themes', ...STATUSES.map((st) => s.byStatus[st]), 30, s.overdue]);
    for (const rag of ['red', 'amber', 'green', 'grey'] as const) {
      const row = at(RAG_LABELS[rag]);
      expect(cells[row]!.slice(0, 3)).toEqual([RAG_LABELS[rag], s.byRag[rag], paper.ragKey[rag]]);
      expect(ws.getCell(row + 1, 1).fill).toMatchObject({ fgColor: { argb: `FF${RAG_FILLS[rag]}` } });
    }
    expect(cells[at('Overdue as at 4 October 2017')]![1]).toBe(6);
    expect(s.overdue).toBe(6);
  });

  it('carries the plan’s own fields in named, labelled cells, and the title in the document properties', () => {
    const ws = wb.getWorksheet('Summary')!;
    const named = (name: string) => wb.definedNames.model.find((n) => n.name === name)?.ranges;
    expect(named(PLAN_NAMES.title)).toEqual(['Summary!$A$1']);
    expect(named(PLAN_NAMES.asAt)).toEqual(['Summary!$B$2']);
    expect(named(PLAN_NAMES.planDate)).toEqual(['Summary!$B$4']);
    expect(named(PLAN_NAMES.timeZone)).toEqual(['Summary!$B$5']);
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['As at', new Date('2017-10-04T00:00:00Z')]);
    expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['Produced on', new Date('2017-10-05T00:00:00Z')]);
    expect([ws.getCell('A4').value, ws.getCell('B4').value]).toEqual(['Plan date', new Date('2017-10-04T00:00:00Z')]);
    expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['Timezone', 'Europe/London']);
    const concertoNames = sheetjs.Workbook?.Names?.filter((n) => n.Name.startsWith('Concerto_'));
    expect(concertoNames?.map((n) => [n.Name, n.Ref]).sort()).toEqual([
      ['Concerto_AsAt', 'Summary!$B$2'],
      ['Concerto_PlanDate', 'Summary!$B$4'],
      ['Concerto_TimeZone', 'Summary!$B$5'],
      ['Concerto_Title', 'Summary!$A$1'],
    ]);
    expect(wb.title).toBe('Concerto Action Plan');
    expect(sheetjs.Props?.Title).toBe('Concerto Action Plan');
  });

  it('writes no formula and no link anywhere', () => {
    noLiveCells(bytes, wb, sheetjs);
  });
});

describe('with changes since a date, and weeks of history', () => {
  const paper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-20', producedOn: '2017-10-21', since: '2017-10-09' });
  let wb: ExcelJS.Workbook;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await paperToXlsx(paper);
    wb = await openWithExcelJs(bytes);
  });

  it('adds a Changes sheet: one row per change, under its kind, frozen and filtered', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Action plan', 'Changes']);
    expect(openWithSheetJs(bytes).SheetNames).toEqual(['Summary', 'Action plan', 'Changes']);
    const ws = wb.getWorksheet('Changes')!;
    const cells = grid(ws);
    expect(cells[0]![0]).toBe('Changed since 9 October 2017, to 20 October 2017');
    expect(cells[2]).toEqual(['Change', 'Recommendation No', 'Detail']);
    const want = describeChanges(paper.changes!).flatMap((s) => s.lines.map((l) => [s.heading, l.id, l.text]));
    expect(want.length).toBeGreaterThan(5);
    expect(cells.slice(3)).toEqual(want);
    expect(cells.slice(3).map((r) => r[0])).toContain('Delivery dates revised');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe('A3:C3');
  });

  it('says so on the Changes sheet when nothing changed', async () => {
    const quiet = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-09', producedOn: '2017-10-09', since: '2017-10-08' });
    const ws = (await openWithExcelJs(await paperToXlsx(quiet))).getWorksheet('Changes')!;
    expect(ws.getCell('A4').value).toBe('Nothing changed between 8 October 2017 and 9 October 2017.');
  });

  it('shows the baseline beside a revised delivery date', () => {
    const ws = wb.getWorksheet('Action plan')!;
    const row = grid(ws).find((r) => r[1] === '9.3.1')!;
    expect([row[5], row[10]]).toEqual(['Q1 2018', 'Autumn 2017']);
    expect([(row[6] as Date).toISOString().slice(0, 10), (row[7] as Date).toISOString().slice(0, 10)]).toEqual(['2018-01-01', '2018-03-31']);
  });

  it('tabulates the weekly trend the charts draw: week ending as a date, counts by status, total and overdue', () => {
    const ws = wb.getWorksheet('Summary')!;
    const cells = grid(ws);
    const head = cells.findIndex((r) => r[0] === 'Week ending');
    expect(head).toBeGreaterThan(0);
    expect(cells[head]!.slice(0, 8)).toEqual(['Week ending', ...STATUSES.map(statusLabel), 'Total', 'Overdue']);
    const weeks = paper.trends.weeks;
    expect(weeks.map((w) => w.weekEnding)).toEqual(['2017-10-08', '2017-10-15', '2017-10-20']);
    weeks.forEach((w, i) => {
      const row = cells[head + 1 + i]!;
      expect(row.slice(0, 8)).toEqual([new Date(`${w.weekEnding}T00:00:00Z`), ...STATUSES.map((st) => w.byStatus[st]), w.total, w.overdue]);
      expect(ws.getCell(head + 2 + i, 1).numFmt).toBe('d mmm yyyy');
    });
  });

  it('writes no formula and no link anywhere', () => {
    noLiveCells(bytes, wb, openWithSheetJs(bytes));
  });
});

describe('a hostile plan', () => {
  const paper = paperFromPlan(hostilePlan(), { asAt: '2017-10-04', since: null });
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await paperToXlsx(paper);
    wb = await openWithExcelJs(bytes);
  });

  it('keeps every text cell exactly as written: line breaks of every kind, control characters, escapes, emoji, right-to-left', () => {
    const cells = grid(wb.getWorksheet('Action plan')!).slice(1);
    const rows = rowsOf(paper);
    expect(cells).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      expect(cells[i]!.slice(0, 4)).toEqual([r.theme, r.id, r.text, r.owners.join('\n')]);
    });
    expect(wb.getWorksheet('Summary')!.getCell('A1').value).toBe('A plan, "with" everything =1+1 🎺');
  });

  it('SheetJS reads the same text (it turns a CRLF into LF, as Excel does when it shows a cell, and nothing else)', () => {
    const sj = openWithSheetJs(bytes).Sheets['Action plan']!;
    rowsOf(paper).forEach((r, i) => {
      expect(sj[`C${i + 2}`]!.v).toBe(r.text.replace(/\r\n/g, '\n'));
      expect(sj[`A${i + 2}`]!.v).toBe(r.theme.replace(/\r\n/g, '\n'));
    });
  });

  it('makes no formula or link of text that starts with =, +, -, @ or looks like a URL', () => {
    noLiveCells(bytes, wb, openWithSheetJs(bytes));
    const ws = wb.getWorksheet('Action plan')!;
    const formulaLike = grid(ws).flat().filter((v) => typeof v === 'string' && /^[=+\-@]|^(https?|javascript|mailto):/.test(v));
    expect(formulaLike.length).toBeGreaterThan(8);
  });
});

describe('an update log longer than an Excel cell', () => {
  it('keeps the latest updates whole and says how many earlier ones are not shown; no cell is over the limit', async () => {
    const paper = paperFromPlan(longLogPlan(), { asAt: '2017-10-04' });
    const bytes = await paperToXlsx(paper);
    const ws = (await openWithExcelJs(bytes)).getWorksheet('Action plan')!;
    const log = ws.getCell('E2').value as string;
    expect(paper.groups[0]!.rows[0]!.updates.map((u) => u.text.length + 13).reduce((a, b) => a + b)).toBeGreaterThan(40_000);
    expect(log.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(log).toMatch(/^\[1 earlier update is not shown: an Excel cell holds at most 32,767 characters\. Export the plan as JSON or CSV for the whole log\.\]\n\n10\/05\/2017: b{19990} the end\.\n\n01\/10\/2017 \(N\. Shackleton\): Latest: paper to JCOB\.\nEvidence: Minutes of 1 October$/);
    for (const row of grid(ws)) for (const v of row) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(openWithSheetJs(bytes).Sheets['Action plan']!.E2!.v).toBe(log);
  });
});

/** No formula, no hyperlink: as exceljs reads each cell, as SheetJS does, and in the stored XML itself. */
function noLiveCells(bytes: Buffer, wb: ExcelJS.Workbook, sheetjs: XLSX.WorkBook): void {
  const allowed = new Set([ExcelJS.ValueType.Null, ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date, ExcelJS.ValueType.Merge]);
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell((cell) => {
        expect(allowed.has(cell.type), `${ws.name}!${cell.address} is of type ${cell.type}`).toBe(true);
        expect(cell.hyperlink).toBeUndefined();
      }),
    );
  }
  for (const name of sheetjs.SheetNames) {
    const sheet = sheetjs.Sheets[name]!;
    for (const [addr, cell] of Object.entries(sheet)) {
      if (addr.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      expect(c.f, `${name}!${addr}`).toBeUndefined();
      expect(c.l, `${name}!${addr}`).toBeUndefined();
      expect(['s', 'n', 'd', 'z']).toContain(c.t);
    }
  }
  for (const [path, xml] of parts(bytes)) {
    expect(xml, path).not.toMatch(/<f[ >]|<hyperlinks?[ >]|relationships\/hyperlink/);
    if (path.startsWith('xl/worksheets/')) expect(xml, path).not.toMatch(/t="(str|inlineStr|e|b)"/);
  }
}
