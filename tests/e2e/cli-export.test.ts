import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvParseRows } from 'd3-dsv';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanFile } from '../../src/core/plan/plan-file.js';
import { bundledPlanFile } from '../helpers/ask.js';
import { CLI_TIMEOUT, runCli, tempDirs } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf-text.js';

/** `concerto export` as a board secretary runs it: the paper as at a date, and what changed since the last one. */

const dirs = tempDirs();
let data: string;
const on = (day: string) => ({ dataDir: data, env: { CONCERTO_NOW: day } });

beforeAll(async () => {
  data = dirs.make('concerto-e2e-export-');
  expect((await runCli(['seed'], { dataDir: data })).code).toBe(0);
}, CLI_TIMEOUT);
afterAll(() => dirs.cleanup());

describe('concerto export, the board paper', () => {
  it(
    '--as-of 2017-10-04 --format csv is the seed row for row; a later update is not in it but is in a later paper',
    async () => {
      const before = await runCli(['export', '--as-of', '2017-10-04', '--format', 'csv'], { dataDir: data });
      expect(before.code).toBe(0);
      const rows = parse(before.stdout, { bom: true }) as string[][];
      expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual(bundledPlanFile().recommendations.map((r) => [r.theme, r.id, r.delivery]));

      const update = await runCli(['ask', 'update 4.2.1 Prioritised ICT plan circulated to the SLT.'], on('2017-10-11'));
      expect(update.code).toBe(0);
      const again = await runCli(['export', '--as-of', '2017-10-04', '--format', 'csv'], { dataDir: data });
      expect(again.stdout).toBe(before.stdout);
      const later = await runCli(['export', '--as-of', '2017-10-11', '--format', 'csv'], on('2017-10-11'));
      expect(later.stdout).toContain('11/10/2017: Prioritised ICT plan circulated to the SLT.');
    },
    4 * CLI_TIMEOUT,
  );

  it(
    '--since adds exactly what changed; --as-of defaults to today',
    async () => {
      const r = await runCli(['export', '--format', 'md', '--since', '2017-10-04'], on('2017-10-12'));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('**As at 12 October 2017**');
      // The section runs to the next heading of its level (the decision log, when the plan has one).
      const start = r.stdout.indexOf('## Changed since 4 October 2017');
      const section = r.stdout.slice(start, r.stdout.indexOf('\n## ', start + 1));
      expect(section.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('### '))).toEqual([
        '### New updates',
        expect.stringMatching(/^- \*\*4\.2\.1\*\* 11\/10\/2017 \(.+\): Prioritised ICT plan circulated to the SLT\.$/),
      ]);
    },
    CLI_TIMEOUT,
  );

  it.each([
    [['--format', 'pdf'], /A PDF file is not written to the terminal: give a file, e\.g\. -o board-paper\.pdf\./],
    [['--format', 'xlsx'], /An? XLSX file is not written to the terminal/],
    [['--format', 'docx'], /A DOCX file is not written to the terminal: give a file, e\.g\. -o board-paper\.docx\./],
    [['--format', 'odt'], /argument 'odt' is invalid\. Allowed choices are pdf, xlsx, docx, csv, html, md, json/],
    [['--format', 'html', '--as-of', '2017-10-05'], /^5 October 2017 has not happened yet, so there is no paper as at it\. Ask for today \(4 October 2017\) or an earlier day\./],
    [['--format', 'csv', '--since', '2017-10-04'], /--since adds a "changed since" section/],
    [['--format', 'html', '--as-of', '2017-10-01'], /The plan begins on 4 October 2017/],
    [['--format', 'html', '--as-of', '2017-10-04', '--since', '2017-10-04'], /^"Since" must come before the paper's date \(4 October 2017\)/],
    [['--format', 'md', '--as-of', '4/10/2017'], /use a date written YYYY-MM-DD/],
  ])(
    'export %j is refused with a message that says what to do',
    async (args, message) => {
      const r = await runCli(['export', ...args], { dataDir: data });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    },
    CLI_TIMEOUT,
  );
});

describe('concerto export, files the board opens (read back by readers we did not write)', () => {
  it(
    'csv -o: a header and 30 records to a strict CSV reader; pdf and docx -o: every id in their text; xlsx -o: imports into an empty database as the same plan',
    async () => {
      const out = dirs.make('concerto-e2e-files-');
      const file = (name: string) => path.join(out, name);
      for (const format of ['csv', 'pdf', 'xlsx', 'docx']) {
        const r = await runCli(['export', '--format', format, '--as-of', '2017-10-04', '-o', file(`p.${format}`)], { dataDir: data });
        expect(r, r.stderr).toMatchObject({ code: 0, stdout: '' });
      }
      expect(csvParseRows(readFileSync(file('p.csv'), 'utf8').replace(/^\uFEFF/, ''))).toHaveLength(31);
      const text = await pdfText(readFileSync(file('p.pdf')));
      for (const r of bundledPlanFile().recommendations) expect(text).toContain(r.id);
      const word = (await mammoth.extractRawText({ path: file('p.docx') })).value;
      for (const r of bundledPlanFile().recommendations) expect(word).toContain(`${r.id}: `);

      const empty = dirs.make('concerto-e2e-xlsx-import-');
      const imported = await runCli(['import', file('p.xlsx')], { dataDir: empty });
      expect(imported, imported.stderr).toMatchObject({ code: 0 });
      const json = (dir: string) => runCli(['export', '--format', 'json'], { dataDir: dir }).then((r) => JSON.parse(r.stdout) as PlanFile);
      const [theirs, ours] = await Promise.all([json(empty), runCli(['export', '--format', 'json', '--as-of', '2017-10-04'], { dataDir: data }).then((r) => JSON.parse(r.stdout) as PlanFile)]);
      // The plan itself round-trips; its board business (decision log, waits) is the plan's own record, not read back from a paper.
      const plan = ({ title, asOf, timeZone, recommendations }: PlanFile) => ({ title, asOf, timeZone, recommendations });
      expect(plan(theirs)).toEqual(plan(ours));
    },
    6 * CLI_TIMEOUT,
  );

  it(
    '-o into a folder that does not exist, or onto a folder: a sentence, exit 1, and nothing left behind',
    async () => {
      const out = dirs.make('concerto-e2e-nowhere-');
      for (const [target, why] of [
        [path.join(out, 'missing', 'p.pdf'), /^Cannot write .+p\.pdf: there is no folder .+missing\. Nothing was written; check the path and try again\.$/m],
        [out, /^Cannot write .+: it is a folder\. Nothing was written/m],
      ] as const) {
        const r = await runCli(['export', '--format', 'pdf', '--as-of', '2017-10-04', '-o', target], { dataDir: data });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(why);
      }
      expect(readdirSync(out)).toEqual([]);
    },
    2 * CLI_TIMEOUT,
  );
});
