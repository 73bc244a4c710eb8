import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { buildBoardPaper, type BoardPaper } from '../../../src/core/report/board-paper.js';
import { paperToPdf } from '../../../src/report/pdf.js';
import { columnText, linesOf, readPdf, squeeze, type PdfPage } from '../../helpers/pdf-text.js';
import { seededRandom } from '../../helpers/seeded-random.js';
import { PLAN, rec, upd, win } from './fixtures.js';
import { current, t } from './scenario.js';

/**
 * The PDF read back by pdf.js (not by anything that wrote it): every id, recommendation and update word
 * for word, the header row on every page of the plan, page numbers, the title and date on every page,
 * rows kept whole, a row taller than a page split rather than lost, fonts embedded, nothing live.
 */

const WORDS = 'the board agreed a revised timetable for delivery of the estates strategy with JCOB and PCC leads; paper to SAS in March, decision log circulated, risk register updated – evidence filed'.split(' ');
const rand = seededRandom(11);
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');

const HOSTILE = 'See [x](javascript:alert(3)) and <a href="javascript:alert(2)">this</a>, javascript:alert(1) and https://example.org/phish';
const SCRIPTS = 'Signed off 😀 by שלום and مرحبا at the JCOB, with a ✓';
const GIANT = `${sentence(1800)} ${'x'.repeat(6000)} the very end of the giant update`;

function item(i: number): Recommendation {
  const theme = ['Governance and Accountability', 'ICT', 'Delivering Projects and Realising Benefits'][i % 3]!;
  const updates = Array.from({ length: 1 + (i % 4) }, (_, k) => upd(`2017-0${1 + k}-1${k}`, sentence(5 + ((i * 7 + k * 13) % 90))));
  return rec(`${1 + (i % 9)}.${i}.${1 + (i % 3)}`, {
    theme,
    text: `${sentence(12 + (i % 30))}.`,
    owners: i % 2 ? ['Karen Georgiou', 'Portfolio Office'] : ['Chief Constables'],
    updates,
    status: (['on_going', 'complete', 'awaiting_decision'] as const)[i % 3],
    delivery: i % 5 ? win('Autumn 2017', '2017-09-01', '2017-11-30', 'season') : win('', null, null),
  });
}

const recs = [
  ...Array.from({ length: 45 }, (_, i) => item(i)),
  rec('7.7.7', { theme: 'ICT', text: 'The one with the hostile update.', updates: [upd('2017-09-01', HOSTILE), upd('2017-09-02', SCRIPTS)] }),
  rec('8.8.8', { theme: 'ICT', text: 'The one whose update is longer than a page.', updates: [upd('2017-09-03', 'A short first update.'), upd('2017-09-04', GIANT)] }),
];
const paper = buildBoardPaper({ plan: { ...PLAN, title: 'Concerto Action Plan' }, recommendations: recs, events: [] }, { asAt: '2017-10-04', producedOn: '2017-10-05' });
const bytes = await paperToPdf(paper);
const pages = await readPdf(bytes);
const raw = bytes.toString('latin1');

/** The page's header row, when it has one: the y of "Recommendation No" and the x where each column's text starts. */
function headerRow(page: PdfPage): { y: number; xs: number[] } | null {
  const first = page.runs.find((r) => r.str.startsWith('Recommendation No'));
  if (!first) return null;
  const xs = ['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG'].map((h) => page.runs.find((r) => Math.abs(r.y - first.y) < 1 && r.str.startsWith(h))!.x);
  return { y: first.y, xs };
}

/** The text of column `i` of the plan table (0: Recommendation No … 5: RAG), page after page, without its header. */
function planColumn(all: readonly PdfPage[], i: number): string {
  const withHeader = all.filter((p) => headerRow(p));
  const xs = headerRow(withHeader[0]!)!.xs;
  return columnText(withHeader, xs[i]! - 3, (xs[i + 1] ?? 900) - 3, (p) => headerRow(p)!.y + 2);
}

const planPages = pages.filter((p) => headerRow(p));
const column = (i: number) => planColumn(pages, i);

describe('the board paper as PDF', () => {
  it('is a PDF of A4 landscape pages, many of them', () => {
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(pages.length).toBeGreaterThan(8);
    for (const p of pages) expect([p.width, p.height].map(Math.round)).toEqual([842, 595]);
  });

  it('has the title and "as at" date at the top of every page and "Page n of N" at the foot', () => {
    pages.forEach((p, i) => {
      expect(p.lines[0], `page ${i + 1}`).toBe('Concerto Action Plan — as at 4 October 2017');
      expect(p.lines.at(-1), `page ${i + 1}`).toBe(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('opens with the three charts and their numbers, then the summary and the key', () => {
    const first = pages[0]!.lines.join('\n');
    for (const s of ['Concerto Action Plan', 'As at 4 October 2017', 'Produced 5 October 2017', 'At a glance', 'Items by status, week by week', 'Overdue items, week by week', 'RAG by theme, as at 4 Oct 2017']) {
      expect(first).toContain(s);
    }
    // The numbers tables: the status counts of the one week, and the RAG totals.
    const s = paper.summary;
    expect(first).toContain(`4 Oct 2017 ${s.byStatus.not_started} ${s.byStatus.on_going} ${s.byStatus.awaiting_decision} ${s.byStatus.complete} ${s.byStatus.not_being_implemented} ${s.total}`);
    expect(first).toContain(`All themes ${s.byRag.red} ${s.byRag.amber} ${s.byRag.green} ${s.byRag.grey} ${s.total}`);
    const front = pages.slice(0, pages.indexOf(planPages[0]!)).flatMap((p) => p.lines).join('\n');
    expect(front).toContain('Summary');
    expect(front).toContain('Key');
    expect(front).toContain('overdue, or awaiting a decision past its delivery date');
    expect(front).toMatch(/All themes \d+ \d+ \d+ \d+ \d+ 47 \d+/);
  });

  it('draws the charts as vector graphics with their text, not as pictures', () => {
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    expect(pages[0]!.runs.some((r) => r.str === 'Week ending')).toBe(true);
    expect(pages[0]!.runs.some((r) => r.str === 'Items')).toBe(true);
  });

  it('repeats the header row at the top of every page of the plan', () => {
    const start = pages.indexOf(planPages[0]!);
    expect(planPages).toEqual(pages.slice(start));
    expect(planPages[0]!.lines[1]).toBe('Action plan');
    for (const p of planPages) expect(p.lines.filter((l) => l !== 'Action plan')[1]).toBe('Recommendation No Owner Update Delivery Date Status RAG');
  });

  it('prints every recommendation id, text and update word for word', () => {
    const ids = column(0);
    const updates = squeeze(column(2));
    const texts = squeeze(ids);
    for (const r of recs) {
      expect(ids, r.id).toContain(`${r.id}:`);
      expect(texts, r.id).toContain(squeeze(r.text));
      for (const u of r.updates) if (u.text !== SCRIPTS) expect(updates, `${r.id} ${u.text.slice(0, 40)}`).toContain(squeeze(u.text));
    }
    expect(squeeze(column(1))).toContain(squeeze('Karen Georgiou Portfolio Office'));
  });

  it('keeps every row that fits on a page whole, and splits the one that does not', () => {
    const continued = pages.flatMap((p) => p.lines.flatMap((l) => /^([\d.]+) \(continued\)/.exec(l)?.[1] ?? []));
    expect(new Set(continued)).toEqual(new Set(['8.8.8']));
    for (const r of recs.filter((x) => x.id !== '8.8.8')) {
      const on = pages.filter((p) => p.runs.some((run) => run.str.startsWith(`${r.id}:`)));
      expect(on, r.id).toHaveLength(1);
      // The row's last update ends on the page its id is on.
      const last = r.updates.at(-1)!.text.split(' ').slice(-3).join(' ');
      expect(on[0]!.lines.join(' '), r.id).toContain(last);
    }
    const giant = pages.filter((p) => p.lines.some((l) => l.startsWith('8.8.8')));
    expect(giant.length).toBeGreaterThanOrEqual(3);
    expect(giant.at(-1)!.lines.join(' ')).toContain('the very end of the giant update');
    // Pages of the giant row follow one another.
    expect(giant.map((p) => pages.indexOf(p))).toEqual(giant.map((_, k) => pages.indexOf(giant[0]!) + k));
  });

  it('starts each theme with its heading, and repeats it when a theme runs on to another page', () => {
    const all = pages.flatMap((p) => p.lines);
    for (const theme of ['Governance and Accountability', 'ICT', 'Delivering Projects and Realising Benefits']) expect(all).toContain(theme);
    expect(all.filter((l) => /^(ICT|Governance and Accountability|Delivering Projects and Realising Benefits) \(continued\)$/.test(l)).length).toBeGreaterThan(0);
  });

  it('embeds its fonts (subset TrueType) and uses none of the PDF standard 14', () => {
    const fonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+(Roboto|DejaVuSans)/);
    expect(raw.match(/\/FontFile2/g)?.length).toBe(raw.match(/\/Type\s*\/FontDescriptor/g)?.length);
  });

  it('prints links, scripts and markup from item text as text, and has nothing live in it', () => {
    expect(squeeze(column(2))).toContain(squeeze(HOSTILE));
    for (const live of ['/URI', '/JavaScript', '/JS', '/Launch', '/Annots', '/Annot', '/OpenAction', '/AA', '/SubmitForm', '/GoTo']) expect(raw).not.toContain(live);
  });

  it('sets emoji, right-to-left scripts and symbols without failing, keeping the words around them', () => {
    const updates = column(2);
    expect(updates).toContain('Signed off');
    expect(updates).toContain('at the JCOB, with a ✓');
  });
});

describe('the PDF of a paper with absurd text', () => {
  it('cuts a theme longer than a page short in its heading, splits a giant owner and recommendation, and ends', async () => {
    const theme = `Theme ${sentence(3000)}`;
    const owner = `Owner ${'y'.repeat(4000)}`;
    const p = buildBoardPaper(
      { plan: PLAN, recommendations: [rec('1.1', { theme, owners: [owner], text: sentence(4000), updates: [upd('2017-09-01', 'Only update.')] }), rec('1.2', { theme })], events: [] },
      { asAt: '2017-10-04', producedOn: '2017-10-04' },
    );
    const read = await readPdf(await paperToPdf(p));
    expect(read.length).toBeGreaterThan(3);
    expect(read.length).toBeLessThan(100);
    const all = read.flatMap((pg) => pg.lines).join('\n');
    expect(all).toContain('Only update.');
    expect(all).toContain('1.2:');
    expect(squeeze(planColumn(read, 1))).toContain(squeeze(owner));
    read.forEach((pg, i) => expect(pg.lines.at(-1)).toBe(`Page ${i + 1} of ${read.length}`));
  }, 60_000);
});

describe('the PDF of a paper with changes', () => {
  const changed: BoardPaper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-12', producedOn: '2017-10-12', since: '2017-10-09' });

  it('carries the changed-since section and the weekly charts up to the paper date', async () => {
    const read = await readPdf(await paperToPdf(changed));
    const text = read.flatMap((p) => p.lines).join('\n');
    expect(text).toContain('Changed since 9 October 2017');
    expect(text).toContain('Status changes');
    expect(text).toContain('4.2.1 On-going → Awaiting decision (12/10/2017, N. Shackleton)');
    expect(text).toContain('9.3.1 Autumn 2017 (1 Sep – 30 Nov 2017) → Q1 2018 (1 Jan – 31 Mar 2018) (10/10/2017, N. Shackleton)');
    expect(planColumn(read, 3)).toContain('Q1 2018 Baseline: Autumn 2017');
    // The overdue chart's table, in the middle column of the first page: one row a week, then the as-at day.
    const middle = linesOf(read[0]!.runs.filter((r) => r.x > 340 && r.x < 540));
    expect(middle).toContain('Week ending Overdue Open Total');
    expect(middle).toContain('8 Oct 2017 2 3 3');
    expect(middle).toContain('12 Oct 2017 1 2 3');
  });
});
