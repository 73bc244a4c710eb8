import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import { exportPlanTo } from '../../src/cli/plan-io.js';
import type { PlanStore } from '../../src/core/ports.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { testDatabases } from '../helpers/databases.js';
import { exported, servicesOn } from '../unit/report/services.js';

/**
 * The scenario: SAS meets on 14 September and 12 October 2017 (papers by 5 October); 1.1, 3.6 and
 * 4.0.1 wait on SAS's agreement of the new governance framework; SAS agrees it on 12 October. The paper
 * for SAS 2017-10-12 lists them as waiting on SAS; the next SAS's paper carries the decision in its log.
 */
const TODAY = '2017-11-20T12:00:00.000Z';
const meta = (at: string) => ({ actor: 'N. Shackleton', source: 'cli' as const, at });
const FRAMEWORK = 'New governance framework agreed';
const WAITS = 'agreement of new governance framework';
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(testDatabases)('the paper for a meeting on $name', ({ open }) => {
  let services: Services;
  let store: PlanStore;
  let dir: string;

  beforeAll(async () => {
    services = servicesOn(await open(), TODAY);
    const { plan } = await seedBundledPlan(services.plans, { actor: 'seed', at: '2017-10-04T08:00:00.000Z' });
    store = services.plans.store(plan);
    const gov = new DrizzlePlanDirectory(services.database.db).governance(plan);
    await gov.addBoard('SAS', 'Strategic Alliance Summit', meta('2017-10-04T09:00:00.000Z'));
    await gov.addMeeting('SAS', '2017-09-14', '2017-09-07', meta('2017-10-04T09:01:00.000Z'));
    await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', meta('2017-10-04T09:02:00.000Z'));
    await gov.addMeeting('SAS', '2017-11-09', '2017-11-02', meta('2017-10-04T09:03:00.000Z'));
    for (const recId of ['1.1', '3.6', '4.0.1']) {
      await store.change({ ...meta('2017-10-04T10:00:00.000Z'), recId, status: 'awaiting_decision', waiting: { what: WAITS, board: 'SAS' } });
    }
    await gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: FRAMEWORK, affects: ['1.1', '3.6', '4.0.1'], supersedes: null }, meta('2017-10-12T16:00:00.000Z'));
    // Their owners move them on the next day.
    for (const recId of ['1.1', '3.6', '4.0.1']) await store.change({ ...meta('2017-10-13T10:00:00.000Z'), recId, status: 'on_going' });
    dir = mkdtempSync(path.join(tmpdir(), 'concerto-meeting-paper-'));
  });
  afterAll(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('as markdown: as at the papers-by day, the decision log since the last SAS (none yet), the three waiting on SAS', async () => {
    const md = await exported(services, { format: 'md', meeting: 'SAS 2017-10-12' });
    expect(md).toContain('**As at 5 October 2017**');
    expect(md).toContain('Paper for SAS 12 October 2017 · papers due 5 October 2017 · changes and decisions since SAS 14 September 2017');
    expect(md).toContain('## Changed since 14 September 2017');
    expect(md).toContain('## SAS decision log since 14 September 2017\n\nNo decision of SAS recorded between 14 September 2017 and 5 October 2017.');
    const waiting = md.slice(md.indexOf('## Waiting on a decision'), md.indexOf('## The plan'));
    expect(waiting).toMatch(/### Waiting on SAS\n\n- \*\*1\.1\*\* .+ — waits on agreement of new governance framework\n- \*\*3\.6\*\* .+\n- \*\*4\.0\.1\*\* .+\n/);
    // 9.1.1 awaits a decision with no board named.
    expect(waiting).toMatch(/### Waiting on no named board\n\n- \*\*9\.1\.1\*\* .+ — awaiting a decision \(none named\)/);
  });

  it('the next SAS’s paper carries the decision, with its meeting and the items it affects, and nothing waits on SAS any more', async () => {
    const md = await exported(services, { format: 'md', meeting: 'SAS 2017-11-09' });
    expect(md).toContain('## SAS decision log since 12 October 2017\n\n### SAS meeting of 12 October 2017\n\nNew governance framework agreed\n\n- **Affects:** 1.1, 3.6, 4.0.1');
    expect(md).not.toContain('### Waiting on SAS');
  });

  it('a paper as at a day before the decision was recorded does not have it; the day after does', async () => {
    const before = await exported(services, { format: 'md', asOf: '2017-10-11' });
    expect(before).toContain('## Decision log\n\nNo decision of any board recorded up to 11 October 2017.');
    expect(before).toContain('### Waiting on SAS');
    const after = await exported(services, { format: 'md', asOf: '2017-10-13', since: '2017-10-11' });
    expect(after).toContain('## Decision log since 12 October 2017\n\n### SAS meeting of 12 October 2017');
    expect(after).not.toContain('### Waiting on SAS');
  });

  it('as HTML and JSON', async () => {
    const html = await exported(services, { format: 'html', meeting: 'SAS 2017-11-09' });
    expect(html).toMatch(/<section class="decision-log"><h2>SAS decision log since 12 October 2017<\/h2><table class="decisions">.*<td>SAS<\/td><td>Meeting of 12\/10\/2017<\/td><td><span class="text">New governance framework agreed<\/span><\/td><td><a href="#rec-1\.1">1\.1<\/a>, <a href="#rec-3\.6">3\.6<\/a>, <a href="#rec-4\.0\.1">4\.0\.1<\/a><\/td>/);
    const json = JSON.parse(await exported(services, { format: 'json', meeting: 'SAS 2017-11-09' })) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['title', 'asOf', 'timeZone', 'recommendations', 'meeting', 'decisions', 'waiting']);
    expect(json.meeting).toEqual({ board: 'SAS', date: '2017-11-09', papersBy: '2017-11-02', previous: '2017-10-12' });
    expect(json.decisions).toEqual([
      { id: expect.any(Number), board: 'SAS', meeting: 'SAS 2017-10-12', decidedOn: '2017-10-12', text: FRAMEWORK, affects: ['1.1', '3.6', '4.0.1'], corrects: null },
    ]);
    const earlier = JSON.parse(await exported(services, { format: 'json', meeting: 'SAS 2017-10-12' })) as { waiting: unknown };
    expect(earlier.waiting).toEqual([
      { board: 'SAS', items: ['1.1', '3.6', '4.0.1'].map((id) => ({ id, what: WAITS })) },
      { board: null, items: [{ id: '9.1.1', what: null }] },
    ]);
  });

  it.skipIf(!hasPoppler)('as PDF, read back by poppler’s pdftotext: the decision log section with the decision and the items', async () => {
    const file = path.join(dir, 'sas-2017-11-09.pdf');
    await exportPlanTo(services, { format: 'pdf', meeting: 'SAS 2017-11-09', output: file });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Paper for SAS 9 November 2017');
    expect(text).toContain('SAS decision log since 12 October 2017');
    const log = text.slice(text.indexOf('SAS decision log'), text.indexOf('Waiting on a decision'));
    expect(log).toMatch(/SAS\s+Meeting of 12\/10\/2017\s+New governance framework agreed\s+1\.1, 3\.6, 4\.0\.1/);

    const first = path.join(dir, 'sas-2017-10-12.pdf');
    await exportPlanTo(services, { format: 'pdf', meeting: 'SAS 2017-10-12', output: first });
    const firstText = execFileSync('pdftotext', ['-layout', first, '-'], { encoding: 'utf8' });
    expect(firstText).toContain('SAS decision log since 14 September 2017');
    expect(firstText).toMatch(/Waiting on SAS\s+1\.1\s+.+waits on agreement of new governance framework/);
    if (process.env.CONCERTO_KEEP_PDF) execFileSync('cp', [file, first, process.env.CONCERTO_KEEP_PDF]);
  });

  it.each([
    [{ meeting: 'SAS 2017-10-13' }, /^SAS has no meeting on 13 October 2017: the meetings of SAS on record are SAS 2017-09-14, SAS 2017-10-12, SAS 2017-11-09 \(`meetings` lists them\)\.$/],
    [{ meeting: 'JCOB 2017-10-12' }, /^JCOB has no meetings on record \(only SAS has\): the meetings on record are SAS 2017-09-14, SAS 2017-10-12, SAS 2017-11-09/],
    [{ meeting: 'SAS 2017-10-12', asOf: '2017-10-05' }, /^--meeting sets the paper's date .* cannot be given with --as-of: use one or the other\.$/],
    [{ meeting: 'SAS 2017-10-12', since: '2017-10-01' }, /cannot be given with --since/],
  ])('%j is refused in one sentence, nothing written', async (opts, message) => {
    const out = path.join(dir, 'refused.md');
    await expect(exportPlanTo(services, { format: 'md', output: out, ...opts })).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  });

  it('"last SAS" is the latest meeting on or before today', async () => {
    expect(await exported(services, { format: 'md', meeting: 'last SAS' })).toBe(await exported(services, { format: 'md', meeting: 'SAS 2017-11-09' }));
  });
});
