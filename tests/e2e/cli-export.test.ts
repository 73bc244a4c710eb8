import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledPlanFile } from '../helpers/ask.js';
import { CLI_TIMEOUT, runCli, tempDirs } from '../helpers/cli.js';

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
      const later = await runCli(['export', '--as-of', '2017-10-11', '--format', 'csv'], { dataDir: data });
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
      const section = r.stdout.slice(r.stdout.indexOf('## Changed since 4 October 2017'), r.stdout.indexOf('## The plan'));
      expect(section.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('### '))).toEqual([
        '### New updates',
        expect.stringMatching(/^- \*\*4\.2\.1\*\* 11\/10\/2017 \(.+\): Prioritised ICT plan circulated to the SLT\.$/),
      ]);
    },
    CLI_TIMEOUT,
  );

  it.each([
    [['--format', 'pdf'], /A PDF is binary/],
    [['--format', 'csv', '--since', '2017-10-04'], /--since adds a "changed since" section/],
    [['--format', 'html', '--as-of', '2017-10-01'], /The plan begins on 4 October 2017/],
    [['--format', 'html', '--as-of', '2017-10-12', '--since', '2017-10-12'], /--since \(2017-10-12\) must be before/],
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
