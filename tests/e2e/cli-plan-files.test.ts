import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/core/plan/plan-file.js';
import { bundledPlanFile } from '../helpers/ask.js';
import { CLI_TIMEOUT, runCli, tempDirs } from '../helpers/cli.js';

/**
 * seed, import and export through the real CLI. One data directory (`main`) carries the plan through
 * the tests in order; the round trips import into fresh directories of their own.
 */

const dirs = tempDirs();
let work: string;
let main: string;
/** `export --format json` of `main` once the failed import has been tried. */
let exportedJson = '';

/** What the plan should export as: the bundled file as the schema reads it, with 4.2.1 re-dated. */
function expectedExport() {
  const plan = PlanFile.parse(bundledPlanFile());
  for (const r of plan.recommendations) {
    if (r.id === '4.2.1') {
      r.delivery = 'Q1 2018';
      r.baseline = '';
    }
  }
  return plan;
}

beforeAll(() => {
  work = dirs.make('concerto-e2e-files-');
  main = dirs.make('concerto-e2e-main-');
});
afterAll(() => dirs.cleanup());

describe('seed', () => {
  it(
    'loads the bundled plan once; a second run adds and changes nothing',
    async () => {
      const first = await runCli(['seed'], { dataDir: main });
      expect(first.code).toBe(0);
      expect(first.stdout).toBe('Bundled plan (concerto-2017, created): 30 added, 0 changed, 0 unchanged, 32 updates added; boards 1, meetings 1, decisions 1 and waits 3 added.\n');
      const second = await runCli(['seed'], { dataDir: main });
      expect(second.code).toBe(0);
      expect(second.stdout).toBe('Bundled plan (concerto-2017): 0 added, 0 changed, 30 unchanged, 0 updates added; boards 0, meetings 0, decisions 0 and waits 0 added.\n');
    },
    2 * CLI_TIMEOUT,
  );

  it(
    'a change through `ask` (the operator is an admin) is kept for the export tests',
    async () => {
      const r = await runCli(['ask', 'date 4.2.1 Q1 2018'], { dataDir: main });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        '4.2.1 is now due "Q1 2018" → 1 Jan – 31 Mar 2018 (was (no delivery date given)). The baseline, (no delivery date given), is kept.\n',
      );
    },
    CLI_TIMEOUT,
  );
});

describe('import refuses a bad file as a whole', () => {
  it(
    'names each bad record and field, exits 1, and changes nothing',
    async () => {
      const input = bundledPlanFile() as unknown as { recommendations: Array<Record<string, unknown>> };
      // #10 is 4.2.1 with a status the schema does not know; #14 (4.3.2) loses its id; #1 gets a new, valid status.
      expect(input.recommendations[9]!.id).toBe('4.2.1');
      input.recommendations[9]!.status = 'in_limbo';
      expect(input.recommendations[13]!.id).toBe('4.3.2');
      delete input.recommendations[13]!.id;
      input.recommendations[0]!.status = 'complete';
      const bad = path.join(work, 'bad.json');
      writeFileSync(bad, JSON.stringify(input, null, 2));

      const r = await runCli(['import', bad], { dataDir: main });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toBe(`${bad} was not imported — nothing was changed:`);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toBe(
        '  • recommendation 4.2.1 (#10), status: must be one of not_started, on_going, awaiting_decision, complete, not_being_implemented',
      );
      expect(lines[2]).toBe('  • recommendation (#14), id: is missing');

      const exported = await runCli(['export', '--format', 'json'], { dataDir: main });
      expect(exported.code).toBe(0);
      exportedJson = exported.stdout;
      const plan = JSON.parse(exportedJson) as ReturnType<typeof expectedExport>;
      expect(plan).toEqual(expectedExport());
      expect(plan.recommendations.find((x) => x.id === '1.1')!.status).toBe('awaiting_decision');
    },
    2 * CLI_TIMEOUT,
  );
});

describe('export → import → export, and files that cannot be read', () => {
  /** Run side by side once `main` is settled: each chain uses its own directory (or only reads `main`). */
  let csvFirst: string;
  let csvCopy: { exported: Awaited<ReturnType<typeof runCli>>; imported: Awaited<ReturnType<typeof runCli>>; again: Awaited<ReturnType<typeof runCli>>; second: string };
  let jsonCopy: { file: string; imported: Awaited<ReturnType<typeof runCli>>; again: Awaited<ReturnType<typeof runCli>> };
  let unreadable: { missing: string; m: Awaited<ReturnType<typeof runCli>>; broken: string; b: Awaited<ReturnType<typeof runCli>> };

  beforeAll(async () => {
    expect(exportedJson).not.toBe('');
    csvFirst = path.join(work, 'plan.csv');
    const json = async () => {
      const file = path.join(work, 'plan.json');
      writeFileSync(file, exportedJson);
      const copy = dirs.make('concerto-e2e-json-copy-');
      const imported = await runCli(['import', file], { dataDir: copy });
      const again = await runCli(['export', '--format', 'json'], { dataDir: copy });
      jsonCopy = { file, imported, again };
    };
    const csv = async () => {
      const exported = await runCli(['export', '--format', 'csv', '-o', csvFirst], { dataDir: main });
      const copy = dirs.make('concerto-e2e-csv-copy-');
      const imported = await runCli(['import', csvFirst], { dataDir: copy });
      const second = path.join(work, 'plan-again.csv');
      const again = await runCli(['export', '--format', 'csv', '-o', second], { dataDir: copy });
      csvCopy = { exported, imported, again, second };
    };
    const bad = async () => {
      const missing = path.join(work, 'missing.json');
      const broken = path.join(work, 'broken.json');
      writeFileSync(broken, '{"title": "Concerto Action Plan", "recommendations": [');
      const other = dirs.make('concerto-e2e-unreadable-');
      const m = await runCli(['import', missing], { dataDir: other });
      const b = await runCli(['import', broken], { dataDir: other });
      unreadable = { missing, m, broken, b };
    };
    await Promise.all([json(), csv(), bad()]);
  }, 4 * CLI_TIMEOUT);

  it('as JSON: a fresh directory imports the export and exports it again byte for byte', () => {
    expect(jsonCopy.imported.code).toBe(0);
    expect(jsonCopy.imported.stdout).toBe(`Imported ${jsonCopy.file} into concerto-2017 (a new plan): 30 added, 0 changed, 0 unchanged, 32 updates added.\n`);
    expect(jsonCopy.again.code).toBe(0);
    expect(jsonCopy.again.stdout).toBe(exportedJson);
  });

  it('as CSV with -o: the same, through the spreadsheet columns', () => {
    expect(csvCopy.exported.code).toBe(0);
    expect(csvCopy.exported.stdout).toBe('');
    const csv = readFileSync(csvFirst, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFRecommendation No,Theme,Recommendation,Owner,Update,Delivery Date,Status,Baseline Delivery Date');
    expect(csv.split('\r\n')[1]).toBe('#plan,Concerto Action Plan,2017-10-04,Europe/London,,,,');
    expect(csv).toMatch(/\r\n4\.2\.1,ICT,A mechanism for capturing/);
    expect(csvCopy.imported.code).toBe(0);
    expect(csvCopy.imported.stdout).toBe(`Imported ${csvFirst} into concerto-2017 (a new plan): 30 added, 0 changed, 0 unchanged, 32 updates added.\n`);
    expect(csvCopy.again.code).toBe(0);
    expect(readFileSync(csvCopy.second, 'utf8')).toBe(csv);
  });

  it('a missing file exits 1 with one sentence', () => {
    const { m, missing } = unreadable;
    expect(m.code).toBe(1);
    expect(m.stdout).toBe('');
    expect(m.stderr).toBe(`Cannot read ${missing}: no such file. Check the path and try again.\n`);
  });

  it('malformed JSON exits 1 with one sentence', () => {
    const { b, broken } = unreadable;
    expect(b.code).toBe(1);
    expect(b.stdout).toBe('');
    const lines = b.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${broken} is not valid JSON (`)).toBe(true);
    expect(lines[0]!.endsWith('). Nothing was imported; fix the file and try again.')).toBe(true);
  });
});
