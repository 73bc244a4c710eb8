import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import { exportPlanTo } from '../../src/cli/plan-io.js';
import { STATUSES } from '../../src/core/plan/status.js';
import type { PlanStore } from '../../src/core/ports.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { columnText, readPdf, squeeze, type PdfPage } from '../helpers/pdf-text.js';
import { servicesOn } from '../unit/report/services.js';

/**
 * The PDF for real, as `concerto export --format pdf` writes it from the bundled plan, read back by
 * pdf.js: no browser and no system package, so nothing here is skipped on a fresh machine.
 */
const plan = bundledPlanInput();
const HOSTILE = 'Minutes at [x](javascript:alert(1)) and <a href="javascript:alert(2)">here</a>; javascript:void(0)';

describe('the board paper as PDF, from the bundled plan', () => {
  let services: Services;
  let store: PlanStore;
  let dir: string;

  beforeAll(async () => {
    const database = await openDatabase({ memory: true });
    await migrate(database);
    services = servicesOn(database, '2025-06-02T09:00:00.000Z');
    const seeded = await seedBundledPlan(services.plans, { actor: 'seed', at: '2025-06-02T09:00:00.000Z' });
    store = services.plans.store(seeded.plan);
    dir = mkdtempSync(path.join(tmpdir(), 'concerto-pdf-test-'));
  });
  afterAll(async () => {
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const exportPdf = async (opts: { asOf: string; since?: string }) => {
    const out = path.join(dir, `paper-${opts.asOf}-${opts.since ?? ''}.pdf`);
    await exportPlanTo(services, { format: 'pdf', output: out, ...opts });
    const bytes = readFileSync(out);
    return { bytes, pages: await readPdf(bytes) };
  };

  /** The plan table's column `i`, page after page, below its repeated header row. */
  const column = (pages: readonly PdfPage[], i: number) => {
    const header = (p: PdfPage) => p.runs.find((r) => r.str.startsWith('Recommendation No'));
    const withHeader = pages.filter(header);
    const y0 = header(withHeader[0]!)!.y;
    const xs = ['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG'].map((h) => withHeader[0]!.runs.find((r) => Math.abs(r.y - y0) < 1 && r.str.startsWith(h))!.x);
    return columnText(withHeader, xs[i]! - 3, (xs[i + 1] ?? 900) - 3, (p) => header(p)!.y + 2);
  };

  it('as at 2017-10-04: every id, recommendation and update word for word, on A4 landscape pages', async () => {
    const { bytes, pages } = await exportPdf({ asOf: '2017-10-04' });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(plan.recommendations).toHaveLength(30);
    const ids = column(pages, 0);
    const texts = squeeze(ids);
    const updates = squeeze(column(pages, 2));
    const owners = column(pages, 1);
    for (const r of plan.recommendations) {
      expect(ids, r.id).toContain(`${r.id}:`);
      expect(texts, r.id).toContain(squeeze(r.text));
      for (const o of r.owners ?? []) expect(owners, `${r.id} owner`).toContain(o);
      for (const u of r.updates ?? []) expect(updates, `${r.id}: ${u.text.slice(0, 50)}`).toContain(squeeze(u.text));
    }
    for (const p of pages) expect([p.width, p.height].map(Math.round)).toEqual([842, 595]);
  });

  it('has the title and "as at" on every page, "Page n of N", and the header row on every page of the plan', async () => {
    const { pages } = await exportPdf({ asOf: '2017-10-04' });
    pages.forEach((p, i) => {
      expect(p.lines[0]).toBe(`${plan.title} — as at 4 October 2017`);
      expect(p.lines.at(-1)).toBe(`Page ${i + 1} of ${pages.length}`);
    });
    const plans = pages.filter((p) => p.lines.includes('Recommendation No Owner Update Delivery Date Status RAG'));
    expect(plans.length).toBeGreaterThan(2);
    expect(plans).toEqual(pages.slice(pages.indexOf(plans[0]!)));
  });

  it('opens with the charts and their numbers, the counts those of the paper', async () => {
    const { pages } = await exportPdf({ asOf: '2017-10-04' });
    const first = pages[0]!.lines.join('\n');
    for (const title of ['Items by status, week by week', 'Overdue items, week by week', 'RAG by theme, as at 4 Oct 2017']) expect(first).toContain(title);
    const counts = STATUSES.map((s) => plan.recommendations.filter((r) => r.status === s).length);
    expect(first).toContain(`4 Oct 2017 ${counts.join(' ')} 30`);
    expect(first).toMatch(/All themes \d+ \d+ \d+ \d+ 30/);
  });

  it('after a later update, has the changed-since section and prints the update as text, nothing live', async () => {
    await store.change({
      actor: 'N. Shackleton',
      source: 'cli',
      at: '2017-10-10T10:00:00.000Z',
      recId: '4.2.1',
      update: { date: '2017-10-10', text: HOSTILE, author: 'N. Shackleton', evidence: null },
    });
    const { bytes, pages } = await exportPdf({ asOf: '2017-10-11', since: '2017-10-04' });
    const text = pages.flatMap((p) => p.lines).join('\n');
    expect(text).toContain('Changed since 4 October 2017');
    expect(text).toContain('New updates');
    expect(squeeze(column(pages, 2))).toContain(squeeze(HOSTILE));
    const raw = bytes.toString('latin1');
    for (const live of ['/URI', '/JavaScript', '/JS', '/Launch', '/Annots', '/OpenAction']) expect(raw).not.toContain(live);
  });
});
