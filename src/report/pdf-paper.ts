import type { Rag } from '../core/plan/rag.js';
import { PROPOSALS_HEADING, proposalLine } from '../core/report/proposals-section.js';
import { STATUSES } from '../core/plan/status.js';
import type { BoardPaper, PaperRow } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { boardDate, longDate, opensWithItsDay } from '../core/report/dates.js';
import {
  correctsLine,
  decisionLogHeading,
  meetingLine,
  NO_WAITING_LINE,
  noDecisionsLine,
  WAITING_HEADING,
  waitingGroupHeading,
  waitingItemLine,
} from '../core/report/governance-sections.js';
import type { Counts } from '../core/report/summary.js';
import { baselineLabel, RAG_LABELS, statusLabel } from './cells.js';
import { RAG_COLOURS, RAG_TEXT, type ChartTable, type PaperChart } from './charts.js';
import type { Cell, Layout, Para, Row } from './pdf-layout.js';

/** What goes on the PDF's pages, in the HTML paper's order: the charts first, then the summary, the key, the changes, the plan. */

const NAVY = '#1f3864';
const GREY = '#404040';
const BAND = '#d9e2f3';
const GAP = 14;

export function layOutPaper(l: Layout, paper: BoardPaper, charts: readonly PaperChart[]): void {
  titleBlock(l, paper);
  chartsBlock(l, charts);
  l.ensure(160);
  summaryAndKey(l, paper);
  changesBlock(l, paper);
  governanceBlock(l, paper);
  proposalsBlock(l, paper);
  l.newPage();
  heading(l, 'Action plan');
  planTable(l, paper);
}

function heading(l: Layout, text: string, size = 11): void {
  l.ensure(60);
  l.paras([{ text, font: 'bold', size, colour: NAVY, gap: l.y === l.box.top ? 0 : 8 }]);
  l.y += 3;
}

function titleBlock(l: Layout, paper: BoardPaper): void {
  l.columns([
    {
      left: l.left,
      width: l.width * 0.75,
      fn: () =>
        l.paras([
          { text: paper.title, font: 'bold', size: 16, colour: NAVY },
          { text: `As at ${longDate(paper.asAt)}`, font: 'bold', size: 12, gap: 2 },
          ...(paper.meeting ? [{ text: meetingLine(paper.meeting), font: 'bold' as const, size: 9, colour: NAVY, gap: 2 }] : []),
        ]),
    },
    { left: l.left + l.width * 0.75, width: l.width * 0.25, fn: () => l.paras([{ text: `Produced ${longDate(paper.producedOn)}`, size: 9, colour: GREY, align: 'right', gap: 20 }]) },
  ]);
  l.y += 3;
  l.push({ k: 'rect', x: l.left, y: l.y, w: l.width, h: 1.5, fill: NAVY });
  l.y += 6;
}

function chartsBlock(l: Layout, charts: readonly PaperChart[]): void {
  heading(l, 'At a glance');
  // The status table has the most columns, the overdue table the fewest.
  const shares = charts.length === 3 ? [0.4, 0.25, 0.35] : charts.map(() => 1 / charts.length);
  const widths = shares.map((s) => s * (l.width - (charts.length - 1) * GAP));
  l.columns(
    charts.map((chart, i) => ({
      left: l.left + widths.slice(0, i).reduce((a, b) => a + b + GAP, 0),
      width: widths[i]!,
      fn: () => {
      l.paras([{ text: chart.title, font: 'bold', size: 9, colour: NAVY }]);
      const size = svgSize(chart.svg);
      const scale = Math.min(1, l.width / size.width);
      const h = size.height * scale;
      l.ensure(h);
      l.push({ k: 'svg', x: l.left, y: l.y + 2, w: size.width * scale, h, svg: chart.svg });
      l.y += h + 4;
      l.paras([{ text: chart.description, font: 'italic', size: 7, colour: GREY }]);
      l.y += 2;
        numbersTable(l, chart.table, chart.id === 'rag' ? 0.34 : chart.id === 'status' ? 0.16 : 0.31);
      },
    })),
  );
  l.y += 6;
}

/** A chart's numbers: the first column (week or theme) takes `first` of the width, the counts share the rest. */
function numbersTable(l: Layout, t: ChartTable, first: number): void {
  const rest = (l.width * (1 - first)) / (t.head.length - 1);
  const cell = (v: string | number, i: number, bold = false): Cell => ({ paras: [{ text: String(v), size: 7, font: bold ? 'bold' : 'regular', align: i === 0 ? 'left' : 'right' }] });
  l.table({
    widths: [l.width * first, ...t.head.slice(1).map(() => rest)],
    head: t.head.map((h, i) => ({ paras: [{ text: h, size: 6.5, font: 'bold', colour: '#ffffff', align: i === 0 ? 'left' : 'right' }] })),
    headFill: NAVY,
    padding: 1.8,
    rows: [...t.rows.map((r) => ({ cells: r.map((v, i) => cell(v, i)) })), ...(t.foot ? [{ cells: t.foot.map((v, i) => cell(v, i, true)) }] : [])],
  });
}

function summaryAndKey(l: Layout, paper: BoardPaper): void {
  const summaryWidth = l.width * 0.62;
  const s = paper.summary;
  const summary = () => {
    heading(l, 'Summary');
    const counts = (c: Counts) => [...STATUSES.map((st) => c.byStatus[st]), c.total, c.overdue];
    const n = (v: number | string, i: number, font: Para['font'] = 'regular'): Cell => ({ paras: [{ text: String(v), font, align: i === 0 ? 'left' : 'right' }] });
    const rest = (summaryWidth * 0.74) / 7;
    l.table({
      widths: [summaryWidth * 0.26, ...Array.from({ length: 7 }, () => rest)],
      head: ['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue'].map((h, i) => ({ paras: [{ text: h, font: 'bold', colour: '#ffffff', size: 7, align: i === 0 ? 'left' : 'right' }] })),
      headFill: NAVY,
      rows: [
        ...s.byTheme.map((t) => ({ cells: [t.theme, ...counts(t)].map((v, i) => n(v, i)) })),
        { cells: ['All themes', ...counts(s)].map((v, i) => n(v, i, 'bold')) },
      ],
    });
    const rag = (Object.keys(s.byRag) as Rag[]).map((r) => `${RAG_LABELS[r]} ${s.byRag[r]}`).join(' · ');
    l.paras([{ text: `${s.overdue} overdue as at ${longDate(paper.asAt)}. RAG: ${rag}.`, font: 'bold', gap: 4 }]);
  };
  const key = () => {
    heading(l, 'Key');
    l.table({
      widths: [50, l.width - 50],
      head: ['RAG', 'Rule'].map((h) => ({ paras: [{ text: h, font: 'bold', colour: '#ffffff' }] })),
      headFill: NAVY,
      rows: (Object.keys(paper.ragKey) as Rag[]).map((rag) => ({ cells: [{ paras: [ragChip(rag)] }, { paras: [{ text: paper.ragKey[rag] }] }] })),
    });
  };
  l.columns([
    { left: l.left, width: summaryWidth, fn: summary },
    { left: l.left + summaryWidth + GAP, width: l.width - summaryWidth - GAP, fn: key },
  ]);
  l.y += 6;
}

function changesBlock(l: Layout, paper: BoardPaper): void {
  const c = paper.changes;
  if (!c) return;
  heading(l, changesHeading(c));
  const sections = describeChanges(c);
  if (!sections.length) return l.paras([{ text: noChangesLine(c) }]);
  const idWidth = Math.max(...sections.flatMap((s) => s.lines.map((line) => l.widthOf(line.id, 'bold')))) + 8;
  for (const section of sections) {
    l.ensure(40);
    l.paras([{ text: section.heading, font: 'bold', size: 9, gap: 4 }]);
    l.paras(section.lines.map((line) => ({ text: line.text, label: { text: line.id, width: idWidth }, gap: 2 })));
  }
}

/** Completions awaiting sign-off, apart from the plan; only when there are any. */
function proposalsBlock(l: Layout, paper: BoardPaper): void {
  if (!paper.proposals.length) return;
  l.y += 6;
  heading(l, PROPOSALS_HEADING);
  const idWidth = Math.max(...paper.proposals.map((p) => l.widthOf(p.id, 'bold'))) + 8;
  l.paras(paper.proposals.map((p) => ({ text: proposalLine(p), label: { text: p.id, width: idWidth }, gap: 2 })));
}

/** The decision log as a table (board, meeting or day, the decision, the items it affects), then the items waiting on a decision, by board. */
function governanceBlock(l: Layout, paper: BoardPaper): void {
  if (!paper.governanceRecorded) return;
  l.y += 6;
  heading(l, decisionLogHeading(paper));
  if (!paper.decisions.length) l.paras([{ text: noDecisionsLine(paper) }]);
  else {
    const shares = [0.08, 0.14, 0.58, 0.2];
    l.table({
      widths: shares.map((s) => s * l.width),
      head: ['Board', 'Meeting or date', 'Decision', 'Affects'].map((h) => ({ paras: [{ text: h, font: 'bold', colour: '#ffffff' }] })),
      headFill: NAVY,
      rows: paper.decisions.map((d) => {
        const corrects = correctsLine(d);
        return {
          cells: [
            { paras: [{ text: d.board, font: 'bold' }] },
            { paras: [{ text: d.meeting ? `Meeting of ${boardDate(d.decidedOn)}` : boardDate(d.decidedOn) }] },
            { paras: [{ text: d.text }, ...(corrects ? [{ text: corrects, font: 'italic' as const, colour: GREY, gap: 2 }] : [])] },
            { paras: [{ text: d.affects.length ? d.affects.join(', ') : '(no items named)' }] },
          ],
        };
      }),
    });
  }
  l.y += 6;
  heading(l, WAITING_HEADING);
  if (!paper.waiting.length) return l.paras([{ text: NO_WAITING_LINE }]);
  const idWidth = Math.max(...paper.waiting.flatMap((g) => g.items.map((i) => l.widthOf(i.id, 'bold')))) + 8;
  for (const g of paper.waiting) {
    l.ensure(40);
    l.paras([{ text: waitingGroupHeading(g), font: 'bold', size: 9, gap: 4 }]);
    l.paras(g.items.map((i) => ({ text: waitingItemLine(i), label: { text: i.id, width: idWidth }, gap: 2 })));
  }
}

const COLUMNS = ['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG'];
const SHARES = [0.27, 0.12, 0.37, 0.09, 0.08, 0.07];

function planTable(l: Layout, paper: BoardPaper): void {
  const dateWidth = l.widthOf('00/00/0000:', 'bold') + 4;
  // Made as the table reaches them, so the paragraphs of one row at a time are alive.
  function* rows(): Generator<Row> {
    for (const group of paper.groups) {
      yield { band: true, cells: [{ fill: BAND, paras: [{ text: group.theme, font: 'bold', size: 9, colour: NAVY }] }] };
      for (const r of group.rows) yield planRow(l, r, dateWidth);
    }
  }
  l.table({
    widths: SHARES.map((s) => s * l.width),
    head: COLUMNS.map((h) => ({ paras: [{ text: h, font: 'bold', colour: '#ffffff' }] })),
    headFill: NAVY,
    rows: rows(),
  });
}

function planRow(l: Layout, r: PaperRow, dateWidth: number): Row {
  const delivery: Para[] = [{ text: r.delivery }];
  if (r.baseline !== null) delivery.push({ text: `Baseline: ${baselineLabel(r.baseline)}`, font: 'italic', colour: GREY, gap: 2 });
  if (r.overdue && r.window.end) delivery.push({ text: `Overdue: was due by ${boardDate(r.window.end)}`, font: 'bold', colour: '#c00000', gap: 2 });
  return {
    continued: `${r.id} (continued)`,
    cells: [
      {
        paras: [
          { text: r.text, label: { text: `${r.id}:`, width: l.widthOf(`${r.id}:`, 'bold') + 4 } },
          ...(r.priority ? [{ text: `Priority: ${r.priority}`, font: 'italic' as const, colour: GREY, gap: 2 }] : []),
        ],
      },
      { paras: r.owners.map((o) => ({ text: o })) },
      // An update that opens with its own day ("14.06.17 COMPLETE – …") is not labelled with it again.
      { paras: r.updates.map((u, i) => ({ text: u.text, ...(opensWithItsDay(u) ? {} : { label: { text: `${boardDate(u.date)}:`, width: dateWidth } }), gap: i ? 3 : 0 })) },
      { paras: delivery.filter((p) => p.text.trim() !== '') },
      { paras: [{ text: statusLabel(r.status) }] },
      { paras: [ragChip(r.rag.rag), { text: r.rag.reason, size: 7, colour: GREY, gap: 1.5 }] },
    ],
  };
}

function ragChip(rag: Rag): Para {
  return { text: RAG_LABELS[rag], font: 'bold', chip: { fill: RAG_COLOURS[rag], colour: RAG_TEXT[rag], stroke: '#404040' } };
}

/** The size vega gave its SVG, in CSS pixels (drawn as points, scaled down to fit a column). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: num('width') || 300, height: num('height') || 200 };
}
