import type { Rag } from '../core/plan/rag.js';
import { PROPOSALS_HEADING, proposalLine } from '../core/report/proposals-section.js';
import { STATUSES } from '../core/plan/status.js';
import type { BoardPaper } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { boardDate, longDate } from '../core/report/dates.js';
import {
  correctsLine,
  decisionLogHeading,
  NO_WAITING_LINE,
  noDecisionsLine,
  WAITING_HEADING,
  waitingGroupHeading,
  waitingItemLine,
} from '../core/report/governance-sections.js';
import type { Counts } from '../core/report/summary.js';
import { RAG_LABELS, statusLabel } from './cells.js';
import type { ChartTable, PaperChart } from './charts.js';
import { esc } from './html-escape.js';

/** The paper's front matter: the RAG key, the summary and the changed-since section. */

export function ragChip(rag: Rag): string {
  return `<span class="rag rag-${rag}">${esc(RAG_LABELS[rag])}</span>`;
}

export function keySection(paper: BoardPaper): string {
  const rows = (Object.keys(paper.ragKey) as Rag[]).map((rag) => `<tr><td>${ragChip(rag)}</td><td>${esc(paper.ragKey[rag])}</td></tr>`);
  return `<section class="key"><h2>Key</h2><table><thead><tr><th>RAG</th><th>Rule</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function summarySection(paper: BoardPaper): string {
  const s = paper.summary;
  const cells = (c: Counts) => [...STATUSES.map((st) => c.byStatus[st]), c.total, c.overdue].map((n) => `<td class="n">${n}</td>`).join('');
  const head = ['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue'].map((h, i) => `<th${i ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = s.byTheme.map((t) => `<tr><td>${esc(t.theme)}</td>${cells(t)}</tr>`).join('');
  const rag = (Object.keys(s.byRag) as Rag[]).map((r) => `${ragChip(r)} ${s.byRag[r]}`).join(' ');
  return (
    `<section class="summary"><h2>Summary</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody>` +
    `<tfoot><tr><th>All themes</th>${cells(s)}</tr></tfoot></table>` +
    `<p><strong>${s.overdue} overdue</strong> as at ${esc(longDate(paper.asAt))}. RAG: ${rag}</p></section>`
  );
}

export function changesSection(paper: BoardPaper): string {
  const c = paper.changes;
  if (!c) return '';
  const sections = describeChanges(c);
  const body = sections.length
    ? sections
        .map((s) => `<h3>${esc(s.heading)}</h3><ul class="changes">${s.lines.map((l) => `<li><strong>${esc(l.id)}</strong> ${esc(l.text)}</li>`).join('')}</ul>`)
        .join('')
    : `<p>${esc(noChangesLine(c))}</p>`;
  return `<section class="changes"><h2>${esc(changesHeading(c))}</h2>${body}</section>`;
}

/**
 * The charts, each an inline SVG from the charting library (its text already escaped by the SVG
 * renderer) followed by the same numbers as a table, which screen readers are pointed to.
 */
export function chartsSection(charts: readonly PaperChart[]): string {
  const figures = charts.map((c) => {
    const table = `chart-${c.id}-numbers`;
    return (
      `<figure class="chart" id="chart-${c.id}"><figcaption>${esc(c.title)}</figcaption>` +
      `<div class="svg" role="img" aria-label="${esc(`${c.title}. ${c.description}`)}" aria-describedby="${table}">${c.svg}</div>` +
      chartTable(c.table, table, c.description) +
      `</figure>`
    );
  });
  return `<section class="charts"><h2>At a glance</h2><div class="chart-row">${figures.join('')}</div></section>`;
}

function chartTable(t: ChartTable, id: string, caption: string): string {
  const cell = (v: string | number, i: number, tag: 'td' | 'th') => `<${tag}${typeof v === 'number' || i > 0 ? ' class="n"' : ''}>${esc(String(v))}</${tag}>`;
  const head = t.head.map((h, i) => `<th scope="col"${i ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const rows = t.rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('');
  const foot = t.foot ? `<tfoot><tr>${t.foot.map((v, i) => cell(v, i, 'th')).join('')}</tr></tfoot>` : '';
  return `<table class="numbers" id="${id}"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody>${foot}</table>`;
}

/** Completions awaiting sign-off, apart from the plan; only when there are any. */
export function proposalsSection(paper: BoardPaper): string {
  if (!paper.proposals.length) return '';
  const items = paper.proposals.map((p) => `<li><a href="#rec-${esc(p.id)}"><strong>${esc(p.id)}</strong></a> ${esc(proposalLine(p))}</li>`).join('');
  return `<section class="proposals"><h2>${esc(PROPOSALS_HEADING)}</h2><ul class="proposals">${items}</ul></section>`;
}

/** The decision log (board, meeting or day, the decision, the items it affects) and the items waiting on a decision, by board. */
export function governanceSections(paper: BoardPaper): string {
  if (!paper.governanceRecorded) return '';
  const rows = paper.decisions
    .map((d) => {
      const corrects = correctsLine(d);
      return (
        `<tr><td>${esc(d.board)}</td><td>${d.meeting ? `Meeting of ${esc(boardDate(d.decidedOn))}` : esc(boardDate(d.decidedOn))}</td>` +
        `<td><span class="text">${esc(d.text)}</span>${corrects ? `<span class="corrects">${esc(corrects)}</span>` : ''}</td>` +
        `<td>${d.affects.length ? d.affects.map((id) => `<a href="#rec-${esc(id)}">${esc(id)}</a>`).join(', ') : '(no items named)'}</td></tr>`
      );
    })
    .join('');
  const log = paper.decisions.length
    ? `<table class="decisions"><thead><tr><th scope="col">Board</th><th scope="col">Meeting or date</th><th scope="col">Decision</th><th scope="col">Affects</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${esc(noDecisionsLine(paper))}</p>`;
  const waiting = paper.waiting.length
    ? paper.waiting
        .map((g) => `<h3>${esc(waitingGroupHeading(g))}</h3><ul class="waiting">${g.items.map((i) => `<li><strong>${esc(i.id)}</strong> ${esc(waitingItemLine(i))}</li>`).join('')}</ul>`)
        .join('')
    : `<p>${esc(NO_WAITING_LINE)}</p>`;
  return (
    `<section class="decision-log"><h2>${esc(decisionLogHeading(paper))}</h2>${log}</section>` +
    `<section class="waiting"><h2>${esc(WAITING_HEADING)}</h2>${waiting}</section>`
  );
}
