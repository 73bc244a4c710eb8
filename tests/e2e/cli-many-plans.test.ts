import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanInfo } from '../../src/core/ports.js';
import { CLI_TIMEOUT, jsonLines, runCli, tempDirs, type CliResult, namedSteps } from '../helpers/cli.js';

/**
 * The "done when", through the real `concerto` process: the bundled plan and an internal audit
 * side by side in one data directory. One sequence of commands, in order (each spawn is slow, and each
 * step builds on the last): the pending "which plan?" question carries from one `ask` process to the next.
 */

const dirs = tempDirs();
let dataDir: string;
const results: Record<string, CliResult> = {};
/** Every command runs on 1 Feb 2018 unless it says otherwise: after both plans' dates. */
const cli = (args: string[]) => runCli(args, { dataDir, env: { CONCERTO_NOW: '2018-02-01' } });

/** Runs the whole sequence once; each `it` checks one step's result, so a failure names the step. */
const STEPS: Array<[string, string[]]> = [
  ['seed', ['seed']],
  ['create', ['plan', 'create', 'audit-2018', '--title', 'Internal audit 2018', '--as-of', '2018-01-15']],
  ['import', ['import', 'tests/fixtures/audit-2018.json', '--plan', 'audit-2018']],
  ['which', ['ask', 'status 4.2.1']],
  ['pick', ['ask', '1']],
  ['named', ['ask', 'status 4.2.1 in audit-2018']],
  ['mine', ['ask', "what's overdue for me?", '--as', 'Karen Georgiou', '--as-of', '2018-06-01']],
  ['unknown', ['ask', 'status 4.2.1 in hmicfrs-2081']],
  ['export', ['export', '--plan', 'audit-2018', '--format', 'csv']],
  ['export-which', ['export', '--format', 'csv']],
  ['plans', ['plans', '--json']],
  ['archive', ['plan', 'archive', 'audit-2018']],
  ['refused', ['ask', 'complete 1.2 in audit-2018 done']],
  ['after', ['ask', 'status 1.2 in audit-2018']],
];

beforeAll(async () => {
  dataDir = dirs.make('concerto-e2e-many-plans-');
  for (const [name, args] of STEPS) results[name] = await cli(args);
}, STEPS.length * CLI_TIMEOUT);
afterAll(() => dirs.cleanup());

const { step, ok } = namedSteps(results);

describe('many plans through the concerto CLI', () => {
  it('seed loads the bundled plan as concerto-2017; plan create makes audit-2018; import fills it', () => {
    expect(ok('seed')).toMatch(/^Bundled plan \(concerto-2017, created\): 30 added, /);
    expect(ok('create')).toMatch(/^Created audit-2018 — Internal audit 2018, as of 2018-01-15 \(Europe\/London\)\./);
    expect(ok('import')).toMatch(/^Imported tests\/fixtures\/audit-2018\.json into audit-2018: 6 added, 0 changed, 0 unchanged, /);
  });

  it('`ask "status 4.2.1"` asks which plan, numbered', () => {
    const out = ok('which');
    expect(out).toMatch(/^4\.2\.1 is in 2 plans\. Which one do you mean\? 1\. audit-2018 — Internal audit 2018 {2}2\. concerto-2017 — .+/);
    expect(out.indexOf('1. audit-2018')).toBeLessThan(out.indexOf('2. concerto-2017'));
  });

  it('`ask "1"` in the next process answers from audit-2018', () => {
    const out = ok('pick');
    expect(out).toMatch(/^\[audit-2018\] 4\.2\.1 \(Finance\): Benefits claimed by projects/);
  });

  it('`ask "status 4.2.1 in audit-2018"` answers from audit-2018 without asking', () => {
    const out = ok('named');
    expect(out.startsWith('[audit-2018] ')).toBe(true);
    expect(out).toContain('Benefits claimed by projects');
    expect(out).not.toContain('Which one do you mean');
  });

  it('"what\'s overdue for me?" as Karen Georgiou lists both plans\' items, grouped by plan', () => {
    const out = ok('mine');
    const auditAt = out.indexOf('*audit-2018*');
    const bundledAt = out.indexOf('*concerto-2017*');
    expect(auditAt).toBeGreaterThanOrEqual(0);
    expect(bundledAt).toBeGreaterThan(auditAt);
    const audit = out.slice(auditAt, bundledAt);
    const bundled = out.slice(bundledAt);
    expect(audit.split('\n')[0]).toBe('*audit-2018* — Internal audit 2018');
    for (const id of ['1.1', '4.2.1']) expect(audit, `audit-2018 lists ${id}`).toMatch(new RegExp(`(^|\\W)${id.replace(/\./g, '\\.')}(\\W|$)`, 'm'));
    // Owned by others in the audit: not Karen's.
    for (const id of ['1.2', '6.1']) expect(audit, `audit-2018 leaves out ${id}`).not.toMatch(new RegExp(`(^|\\s)${id.replace(/\./g, '\\.')}\\s`, 'm'));
    for (const id of ['1.1', '3.6']) expect(bundled, `concerto-2017 lists ${id}`).toMatch(new RegExp(`(^|\\W)${id.replace(/\./g, '\\.')}(\\W|$)`, 'm'));
  });

  it('a plan that is not there: exit 1, named, with the nearest keys or the plans there are', () => {
    const r = step('unknown');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('There is no plan hmicfrs-2081');
    expect(r.stdout).not.toContain('Benefits claimed');
  });

  it('`export --plan audit-2018 --format csv` is that plan: 6 items', () => {
    const rows = csvParse(ok('export').replace(/^\uFEFF/, ''));
    const items = rows.filter((r) => r['Recommendation No'] !== '#plan');
    expect(items).toHaveLength(6);
    expect(items.map((r) => r['Recommendation No'])).toEqual(['1.1', '1.2', '4.2.1', '4.2.2', '5.2', '6.1']);
    expect(items.find((r) => r['Recommendation No'] === '4.2.1')!['Recommendation']).toMatch(/^Benefits claimed by projects/);
  });

  it('`export --format csv` with no --plan: exit 1, saying there are 2 plans', () => {
    const r = step('export-which');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('There are 2 plans (audit-2018, concerto-2017): say which with --plan KEY.');
  });

  it('`plans --json` prints one JSON line per plan', () => {
    const plans = jsonLines<PlanInfo>(ok('plans'));
    expect(plans).toHaveLength(2);
    expect(plans.map((p) => [p.key, p.state])).toEqual([
      ['audit-2018', 'active'],
      ['concerto-2017', 'active'],
    ]);
    expect(plans[0]).toMatchObject({ title: 'Internal audit 2018', asOf: '2018-01-15', timeZone: 'Europe/London' });
  });

  it('once audit-2018 is archived, a change to it is refused with exit 1; questions still work', () => {
    expect(ok('archive')).toMatch(/^audit-2018 is archived: /);
    const r = step('refused');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The plan audit-2018 is archived, so it takes no changes.');
    const after = ok('after');
    expect(after).toMatch(/^\[audit-2018\] 1\.2 \(Governance\): /);
    expect(after).toContain('Status: Not started');
  });
});
