import type { TopLevelSpec } from 'vega-lite';
import type { Rag } from '../core/plan/rag.js';
import { STATUSES, type Status } from '../core/plan/status.js';
import type { BoardPaper } from '../core/report/board-paper.js';
import { RAG_LABELS, statusLabel } from './cells.js';

/**
 * The paper's three charts, drawn by vega-lite (compiled to vega and rendered headless to SVG, no
 * canvas) from the paper's own numbers, each with the same numbers as a table for whoever cannot
 * see the picture (and for the tests). Item text (themes) only ever goes in as data values: the
 * renderer escapes them, and nothing from the plan becomes part of an expression.
 *
 * Colours are chosen for print too: each series differs in lightness, not only in hue, so a
 * black-and-white copy still tells them apart, and every series is named in a legend.
 */

export type ChartId = 'status' | 'overdue' | 'rag';

export interface ChartTable {
  head: string[];
  rows: Array<Array<string | number>>;
  /** A closing row (totals), when the table has one. */
  foot?: Array<string | number>;
}

export interface PaperChart {
  id: ChartId;
  title: string;
  /** One sentence saying what the picture shows, for screen readers and the table's caption. */
  description: string;
  svg: string;
  table: ChartTable;
}

/**
 * Status colours at five distinct greys (about 236, 188, 106, 54 and 145 in luminance), so a black-and-white
 * copy still tells every series apart and no two neighbours in the stack are alike.
 */
export const STATUS_COLOURS: Record<Status, string> = {
  not_started: '#ececec',
  on_going: '#9dc3e6',
  awaiting_decision: '#b85410',
  complete: '#1f3864',
  not_being_implemented: '#919191',
};

/**
 * RAG colours, used for the paper's chips too: red dark, green mid, amber light, grey lightest, apart in
 * grey whichever way a printer converts colour (luminance or a plain average).
 */
export const RAG_COLOURS: Record<Rag, string> = { red: '#a50000', amber: '#ffc000', green: '#33b35a', grey: '#f2f2f2' };
/** Text on each RAG colour, for contrast. */
export const RAG_TEXT: Record<Rag, string> = { red: '#ffffff', amber: '#000000', green: '#000000', grey: '#000000' };
const RAGS: Rag[] = ['red', 'amber', 'green', 'grey'];

/** SVG text asks for Roboto (the font the PDF embeds) and falls back to the page's sans-serif in a browser. */
const FONT = 'Roboto, "Liberation Sans", Arial, Helvetica, sans-serif';
const WIDTH = 205;
const HEIGHT = 130;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2017-10-08" → "8 Oct 2017": week labels for axes and tables. */
export function weekLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function tickLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${String(y).slice(2)}`;
}

const config = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 8, titleFontSize: 8, titleFontWeight: 'normal', labelColor: '#000', titleColor: '#000', gridColor: '#d9d9d9', domainColor: '#595959', tickColor: '#595959' },
  legend: { labelFontSize: 8, titleFontSize: 8, symbolSize: 70, symbolStrokeColor: '#404040', symbolStrokeWidth: 0.5, labelColor: '#000' },
  title: { fontSize: 10, anchor: 'start', color: '#1f3864' },
} as const;

/** The vega-lite specifications, as data: what `paperCharts` draws. */
export function chartSpecs(paper: BoardPaper): Record<ChartId, TopLevelSpec> {
  // Axis ticks are short ("8 Oct 17") and level; where they would overlap, every other one is dropped until none do.
  const weeks = paper.trends.weeks.map((w, i) => ({ i, week: tickLabel(w.weekEnding), ...w }));
  // Past a year or so the weeks are too many to draw apart: bars touch, without outlines, and the line loses its dots.
  const dense = weeks.length > 60;
  const xWeek = {
    field: 'week',
    type: 'ordinal',
    title: null,
    sort: { field: 'i', op: 'min' },
    axis: { labelAngle: 0, labelOverlap: 'parity', labelFontSize: 7, labelPadding: 3 },
  } as const;

  const status: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    config,
    data: {
      values: weeks.flatMap((w) => STATUSES.map((s, k) => ({ i: w.i, week: w.week, status: statusLabel(s), k, items: w.byStatus[s] }))),
    },
    mark: dense ? { type: 'bar' } : { type: 'bar', stroke: '#ffffff', strokeWidth: 0.4 },
    encoding: {
      x: { ...xWeek, scale: { paddingInner: dense ? 0 : 0.15 } },
      y: { field: 'items', type: 'quantitative', stack: 'zero', title: 'Items', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'status',
        type: 'nominal',
        title: null,
        scale: { domain: STATUSES.map(statusLabel), range: STATUSES.map((s) => STATUS_COLOURS[s]) },
        legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolType: 'square' },
      },
      order: { field: 'k', type: 'quantitative', sort: 'ascending' },
    },
  };

  const overdue: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: HEIGHT,
    config,
    data: { values: weeks.map((w) => ({ i: w.i, week: w.week, overdue: w.overdue })) },
    mark: { type: 'line', color: '#c00000', strokeWidth: 1.5, point: dense ? false : { filled: true, color: '#000000', size: 18 } },
    encoding: {
      x: xWeek,
      y: { field: 'overdue', type: 'quantitative', title: 'Overdue items', scale: { zero: true }, axis: { tickMinStep: 1, format: 'd' } },
    },
  };

  // A count is written on its bar only where the bar is wide enough to hold it.
  const widest = Math.max(1, ...paper.summary.byTheme.map((t) => t.total));
  const themes = paper.summary.byTheme.map((t, ti) => {
    let from = 0;
    return RAGS.map((rag, k) => {
      const n = t.byRag[rag];
      const segment = { ti, theme: t.theme, rag: RAG_LABELS[rag], k, n, mid: from + n / 2, labelled: n > 0 && n / widest >= 0.06 };
      from += n;
      return segment;
    });
  });
  const ragDomain = RAGS.map((r) => RAG_LABELS[r]);
  const yTheme = { field: 'theme', type: 'nominal', title: null, sort: { field: 'ti', op: 'min' }, axis: { labelLimit: 110, labelFontSize: 7 } } as const;
  const rag: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 75,
    height: { step: Math.max(10, Math.min(18, Math.floor(HEIGHT / Math.max(1, themes.length)))) },
    config,
    data: { values: themes.flat() },
    layer: [
      {
        mark: { type: 'bar', stroke: '#404040', strokeWidth: 0.4 },
        encoding: {
          y: yTheme,
          x: { field: 'n', type: 'quantitative', stack: 'zero', title: 'Items', axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'rag', type: 'nominal', title: null, scale: { domain: ragDomain, range: RAGS.map((r) => RAG_COLOURS[r]) }, legend: { orient: 'bottom', direction: 'horizontal', columns: 2, symbolType: 'square' } },
          order: { field: 'k', type: 'quantitative', sort: 'ascending' },
        },
      },
      {
        transform: [{ filter: { field: 'labelled', equal: true } }],
        mark: { type: 'text', fontSize: 7, baseline: 'middle', align: 'center' },
        encoding: {
          y: yTheme,
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'n', type: 'quantitative' },
          color: { field: 'rag', type: 'nominal', scale: { domain: ragDomain, range: RAGS.map((r) => RAG_TEXT[r]) }, legend: null },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
  return { status, overdue, rag };
}

/** The three charts as SVG, each with its numbers as a table. */
export async function paperCharts(paper: BoardPaper): Promise<PaperChart[]> {
  const specs = chartSpecs(paper);
  const first = paper.trends.weeks[0]?.weekEnding ?? paper.asAt;
  const span = `from the week ending ${weekLabel(first)} to ${weekLabel(paper.asAt)}`;
  const weekRows = paper.trends.weeks;
  const byStatusHead = ['Week ending', ...STATUSES.map(statusLabel), 'Total'];
  const ragFoot = ['All themes', ...RAGS.map((r) => paper.summary.byRag[r]), paper.summary.total];
  return [
    {
      id: 'status',
      title: 'Items by status, week by week',
      description: `How many items were in each status at the end of each week, ${span}.`,
      svg: await toSvg(specs.status),
      table: { head: byStatusHead, rows: weekRows.map((w) => [weekLabel(w.weekEnding), ...STATUSES.map((s) => w.byStatus[s]), w.total]) },
    },
    {
      id: 'overdue',
      title: 'Overdue items, week by week',
      description: `How many open items had passed their whole delivery window at the end of each week, ${span}.`,
      svg: await toSvg(specs.overdue),
      table: { head: ['Week ending', 'Overdue', 'Open', 'Total'], rows: weekRows.map((w) => [weekLabel(w.weekEnding), w.overdue, openOf(w.byStatus), w.total]) },
    },
    {
      id: 'rag',
      title: `RAG by theme, as at ${weekLabel(paper.asAt)}`,
      description: 'How many items in each theme are rated red, amber, green and grey.',
      svg: await toSvg(specs.rag),
      table: { head: ['Theme', ...RAGS.map((r) => RAG_LABELS[r]), 'Total'], rows: paper.summary.byTheme.map((t) => [t.theme, ...RAGS.map((r) => t.byRag[r]), t.total]), foot: ragFoot },
    },
  ];
}

function openOf(byStatus: Record<Status, number>): number {
  return byStatus.not_started + byStatus.on_going + byStatus.awaiting_decision;
}

/** The charting library is loaded when a paper is drawn, not when a command starts (it takes a tenth of a second). */
async function toSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
