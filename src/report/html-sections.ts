import type { Rag } from '../core/plan/rag.js';
import { STATUSES } from '../core/plan/status.js';
import type { BoardPaper } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { longDate } from '../core/report/dates.js';
import type { Counts } from '../core/report/summary.js';
import { RAG_LABELS, statusLabel } from './cells.js';
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
