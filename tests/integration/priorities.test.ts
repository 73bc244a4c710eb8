import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentPlan } from '../../src/app/document-plan.js';
import { importParsed } from '../../src/app/plan-loading.js';
import type { Services } from '../../src/app/services.js';
import { exportPlanTo } from '../../src/cli/plan-io.js';
import { ask } from '../../src/core/ask/ask.js';
import type { Reply } from '../../src/core/ask/reply.js';
import { admin, owner } from '../helpers/ask.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';
import { exported, servicesOn } from '../unit/report/services.js';

const KEY = 'ia-2018';
const FIRST = '2018-01-15T09:00:00.000Z';
const LATER = '2018-02-20T09:00:00.000Z';
const NOW = '2018-03-01T10:00:00.000Z';

/** An internal audit's tracker as offices keep them: a title block, a Priority column among the others. */
async function tracker(priorities: Record<string, string>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  ws.addRow(['Internal Audit – Procurement 2017/18']);
  ws.addRow([]);
  ws.addRow(['Ref', 'Recommendation', 'Priority', 'Action Owner', 'Target Date', 'Status', 'Progress Update']);
  ws.addRow(['IA-01', 'Keep a complete contracts register', priorities['IA-01'], 'Head of Procurement', 'June 2018', 'In progress', '12.01.18 Register 60% populated']);
  ws.addRow(['IA-02', 'Have every waiver approved by the CFO', priorities['IA-02'], 'CFO', 'March 2018', 'In progress', '']);
  ws.addRow(['IA-03', 'Train budget holders on the procurement rules', priorities['IA-03'], 'HR Business Partner', 'Sept 2018', 'Not started', '']);
  ws.addRow(['IA-04', 'Report contract breaches to the audit committee', priorities['IA-04'], 'Head of Procurement', 'Q1 2018', 'Complete', '10.02.18 First report made']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A plan's own priorities ("High", "Medium", "Low" in an audit tracker's Priority column): read from the
 * document, kept as written, asked about in words, changed by a later import as an audited change the
 * history and the paper as at an earlier day both respect, and carried by the papers and the plan export.
 */
describe.each(testDatabases)('priorities on $name', ({ open }) => {
  let services: Services;
  let n = 0;
  const talk = (text: string, now = NOW): Promise<Reply> =>
    ask(
      { plans: services.plans, conversations: services.conversations, actor: admin('Alice Admin'), now: new Date(now), conversationKey: `priorities:${(n += 1)}` },
      text,
    );
  const ids = (reply: Reply) => reply.items.map((i) => i.id);

  beforeAll(async () => {
    services = servicesOn(await open(), NOW);
    await importAs(services.database.db, bundledPlanInput(), FIRST);
    const read = await readDocumentPlan(await tracker({ 'IA-01': 'High', 'IA-02': 'Medium', 'IA-03': 'Low', 'IA-04': 'High' }), 'tracker.xlsx', { title: 'tracker', asOf: '2018-01-15', timeZone: 'Europe/London' });
    if (!('plan' in read)) throw new Error(read.error);
    expect(read.columns.find((c) => c.field === 'priority')?.heading).toBe('Priority');
    await importParsed(services.plans, KEY, read.plan, 'tracker.xlsx', { actor: 'Alice Admin', source: 'import', at: FIRST });
  });
  afterAll(async () => services?.close());

  it('keeps each item\'s priority as written, shown on its card and in lists', async () => {
    const card = await talk(`status IA-01 in ${KEY}`);
    expect(card.text).toContain('\nPriority: High');
    const list = await talk(`list in ${KEY}`);
    expect(list.text).toContain('• IA-03 Train budget holders on the procurement rules — HR Business Partner — Sept 2018 — Not started — Low priority');
  });

  it.each([
    ['what high priority items are there', ['IA-01', 'IA-04']],
    ['which high-priority recommendations are still open', ['IA-01']],
    ['how many low priority actions are there', ['IA-03']],
    ['medium priority', ['IA-02']],
  ])('"%s in ia-2018" lists the items of that priority', async (question, expected) => {
    const reply = await talk(`${question} in ${KEY}`);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(expected);
  });

  it('"by priority" counts the items of each priority', async () => {
    const reply = await talk(`items by priority in ${KEY}`);
    expect(reply.breakdown).toEqual({
      by: 'priority',
      rows: [
        { name: 'High', items: 2, overdue: 0, open: 1 },
        { name: 'Low', items: 1, overdue: 0, open: 1 },
        { name: 'Medium', items: 1, overdue: 0, open: 1 },
      ],
    });
  });

  it('a plan that gives no priorities says so, with what to do, rather than list nothing', async () => {
    const reply = await talk('what high priority items are overdue in concerto-2017?');
    expect(reply.error).toBe('not_understood');
    expect(reply.text).toContain('concerto-2017 gives its items no priority.');
  });

  it('a later import that changes a priority is an audited change: the history names it, and the plan as at an earlier day keeps the old one', async () => {
    // The tracker as at 20 February: an import takes effect on its document's date.
    const read = await readDocumentPlan(await tracker({ 'IA-01': 'High', 'IA-02': 'High', 'IA-03': 'Low', 'IA-04': 'High' }), 'tracker.xlsx', { title: 'tracker', asOf: '2018-02-20', timeZone: 'Europe/London' });
    if (!('plan' in read)) throw new Error(read.error);
    const result = await importParsed(services.plans, KEY, read.plan, 'tracker.xlsx', { actor: 'Alice Admin', source: 'import', at: LATER });
    expect(result).toMatchObject({ added: 0, changed: 1 });
    expect((await talk(`history IA-02 in ${KEY}`)).text).toMatch(/Alice Admin \(import\): priority Medium → High/);
    expect(ids(await talk(`high priority items in ${KEY}`))).toEqual(['IA-01', 'IA-02', 'IA-04']);
    expect(ids(await talk(`high priority items in ${KEY} as at 1 February 2018`))).toEqual(['IA-01', 'IA-04']);
  });

  it('an admin sets a priority in words, in the plan\'s own spelling, audited; an owner is refused and nothing is written', async () => {
    const refused = await ask(
      { plans: services.plans, conversations: services.conversations, actor: owner('CFO'), now: new Date(LATER), conversationKey: 'priorities:owner' },
      `priority IA-02 low in ${KEY}`,
    );
    expect(refused.error).toBe('not_permitted');
    const set = await talk(`set the priority of IA-03 in ${KEY} to medium`, LATER);
    expect(set.text).toBe(`[${KEY}] IA-03 is now Medium priority (was Low priority).`);
    expect((await talk(`history IA-03 in ${KEY}`)).text).toMatch(/Alice Admin \(cli\): priority Low → Medium/);
    expect((await talk(`set the priority of IA-03 in ${KEY} to low`, LATER)).changed).toBe(true);
  });

  it('the CSV paper and the plan export carry a Priority column, read back by csv-parse; the bundled plan\'s keep their columns', async () => {
    const paper = parse(await exported(services, { format: 'csv', asOf: '2018-03-01', plan: KEY }), { bom: true }) as string[][];
    const at = paper[0]!.indexOf('Priority');
    expect(at).toBe(paper[0]!.length - 1);
    expect(paper.slice(1).map((r) => [r[1], r[at]])).toEqual([
      ['IA-01', 'High'],
      ['IA-02', 'High'],
      ['IA-03', 'Low'],
      ['IA-04', 'High'],
    ]);
    const plan = JSON.parse(await exported(services, { format: 'json', plan: KEY })) as { recommendations: Array<{ id: string; priority?: string }> };
    expect(plan.recommendations.map((r) => r.priority)).toEqual(['High', 'High', 'Low', 'High']);
    const seed = parse(await exported(services, { format: 'csv', asOf: '2018-03-01', plan: 'concerto-2017' }), { bom: true }) as string[][];
    expect(seed[0]).not.toContain('Priority');
  });

  it('the Excel paper has a Priority column that imports back', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'concerto-priorities-'));
    const wb = new ExcelJS.Workbook();
    try {
      const file = path.join(dir, 'paper.xlsx');
      await exportPlanTo(services, { format: 'xlsx', asOf: '2018-03-01', plan: KEY, output: file });
      await wb.xlsx.readFile(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const sheet = wb.getWorksheet('Action plan')!;
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = head.indexOf('Priority') + 1;
    expect(col).toBeGreaterThan(0);
    expect([2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(col).text)).toEqual(['High', 'High', 'Low', 'High']);
  });
});
