import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { chartSpecs, paperCharts, weekLabel } from '../../../src/report/charts.js';
import { paperToHtml } from '../../../src/report/html.js';
import { PLAN, rec, win } from './fixtures.js';
import { current, t } from './scenario.js';

const SCRIPT = '<script>alert(1)</script>';
const QUOTE = '"; alert(1)//';
const OCT = win('October 2017', '2017-10-01', '2017-10-31', 'month');

const hostile = buildBoardPaper(
  {
    plan: PLAN,
    recommendations: [
      rec('1.1', { theme: SCRIPT, status: 'complete' }),
      rec('1.2', { theme: SCRIPT }),
      rec('2.1', { theme: QUOTE, delivery: OCT, baseline: OCT }),
      rec('3.1', { theme: "It's & <b>bold</b>", status: 'not_being_implemented' }),
    ],
    events: [],
  },
  { asAt: '2017-10-04', producedOn: '2017-10-04' },
);
const charts = await paperCharts(hostile);
const byId = Object.fromEntries(charts.map((c) => [c.id, c]));

/** The markup of every tag with its attribute values taken out: what would run if text escaped into it. */
const tagsWithoutValues = (svg: string) => (svg.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""')).join('');

describe('the charts', () => {
  it('are three SVG pictures drawn by the charting library, in the order the paper shows them', () => {
    expect(charts.map((c) => c.id)).toEqual(['status', 'overdue', 'rag']);
    for (const c of charts) {
      expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox=/);
      expect(c.svg.trimEnd()).toMatch(/<\/svg>$/);
    }
  });

  it.each([SCRIPT, QUOTE, "It's & <b>bold</b>"])('carries the theme %j only as escaped text, never as markup', (theme) => {
    const svg = byId.rag!.svg;
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(tagsWithoutValues(svg)).not.toMatch(/alert|bold/);
    // As a label (cut short when it is long) and in full in the accessible description of its bars.
    const asText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(svg).toContain(`>${asText(theme.slice(0, 12))}`);
    expect(svg).toContain(`theme: ${asText(theme).replace(/"/g, '&quot;')};`);
  });

  it('puts item text into the specification as data only, never into an expression', () => {
    for (const spec of Object.values(chartSpecs(hostile))) {
      const vega = compile(spec).spec as { data?: Array<{ values?: unknown }> };
      const withoutValues = JSON.stringify({ ...vega, data: (vega.data ?? []).map(({ values: _values, ...rest }) => rest) });
      expect(withoutValues).not.toMatch(/alert|bold/);
    }
  });

  it('has the RAG by theme in its table, themes in plan order, with the totals', () => {
    expect(byId.rag!.table).toEqual({
      head: ['Theme', 'Red', 'Amber', 'Green', 'Grey', 'Total'],
      rows: [
        [SCRIPT, 1, 0, 1, 0, 2],
        [QUOTE, 0, 1, 0, 0, 1],
        ["It's & <b>bold</b>", 0, 0, 0, 1, 1],
      ],
      foot: ['All themes', 1, 1, 1, 1, 4],
    });
  });
});

describe('the trend charts', () => {
  const paper = buildBoardPaper({ plan: PLAN, recommendations: current, events: t.events }, { asAt: '2017-10-20', producedOn: '2017-10-20' });

  it('table the weekly counts by status and the overdue counts, one row a week', async () => {
    const [status, overdue] = await paperCharts(paper);
    expect(status!.table.head).toEqual(['Week ending', 'Not started', 'On-going', 'Awaiting decision', 'Complete', 'Not being implemented', 'Total']);
    expect(status!.table.rows).toEqual(paper.trends.weeks.map((w) => [weekLabel(w.weekEnding), w.byStatus.not_started, w.byStatus.on_going, w.byStatus.awaiting_decision, w.byStatus.complete, w.byStatus.not_being_implemented, w.total]));
    expect(status!.table.rows.map((r) => r[0])).toEqual(['8 Oct 2017', '15 Oct 2017', '20 Oct 2017']);
    expect(overdue!.table.rows).toEqual([
      ['8 Oct 2017', 2, 3, 3],
      ['15 Oct 2017', 1, 2, 3],
      ['20 Oct 2017', 2, 3, 4],
    ]);
  });

  it('draw every week on the axis', async () => {
    const [status] = await paperCharts(paper);
    for (const week of ['8 Oct 17', '15 Oct 17', '20 Oct 17']) expect(status!.svg).toContain(`>${week}</text>`);
  });
});

describe('the HTML paper with its charts', () => {
  it('opens with the three charts and their tables, before the table of recommendations', async () => {
    const html = await paperToHtml(hostile);
    const at = (s: string) => html.indexOf(s);
    expect(at('<section class="charts">')).toBeGreaterThan(at('</header>'));
    expect(at('<section class="charts">')).toBeLessThan(at('<table class="plan">'));
    expect(html.match(/<figure class="chart"/g)).toHaveLength(3);
    expect(html.match(/<svg xmlns/g)).toHaveLength(3);
    expect(html.match(/<table class="numbers"/g)).toHaveLength(3);
    expect(html).toContain('<tfoot><tr><th>All themes</th><th class="n">1</th><th class="n">1</th><th class="n">1</th><th class="n">1</th><th class="n">4</th></tr></tfoot>');
    expect(html).not.toContain('<script');
    expect(tagsWithoutValues(html)).not.toMatch(/alert|bold/);
  });
});
