import type { BoardPaper, PaperRow } from '../core/report/board-paper.js';
import { boardDate, longDate, opensWithItsDay } from '../core/report/dates.js';
import { baselineLabel, statusLabel } from './cells.js';
import { esc } from './html-escape.js';
import { paperCharts } from './charts.js';
import { chartsSection, changesSection, governanceSections, keySection, proposalsSection, ragChip, summarySection } from './html-sections.js';
import { meetingLine } from '../core/report/governance-sections.js';
import { paperCss } from './html-style.js';

const COLUMNS = ['Recommendation No', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG'];

/**
 * The paper as one standalone page (no external files) that prints on A4 landscape: the charts and
 * their numbers first, then the key, the summary and what changed, then the seed's table, grouped by
 * theme, with status and RAG beside it. Async because the charting library renders asynchronously.
 */
export async function paperToHtml(paper: BoardPaper): Promise<string> {
  const charts = await paperCharts(paper);
  const title = `${paper.title} — as at ${longDate(paper.asAt)}`;
  const cols = ['rec', 'owner', 'update', 'date', 'status', 'rag'].map((c) => `<col class="c-${c}">`).join('');
  const groups = paper.groups
    .map((g) => `<tbody><tr class="theme"><th colspan="${COLUMNS.length}" scope="rowgroup">${esc(g.theme)}</th></tr>${g.rows.map(row).join('')}</tbody>`)
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${paperCss(`${paper.title} — as at ${longDate(paper.asAt)}`)}</style>
</head>
<body>
<header class="paper">
<div><h1>${esc(paper.title)}</h1><p class="as-at">As at ${esc(longDate(paper.asAt))}</p>${paper.meeting ? `<p class="meeting">${esc(meetingLine(paper.meeting))}</p>` : ''}</div>
<p class="produced">Produced ${esc(longDate(paper.producedOn))}</p>
</header>
${chartsSection(charts)}
<div class="front">${summarySection(paper)}${keySection(paper)}</div>
${changesSection(paper)}
${governanceSections(paper)}
${proposalsSection(paper)}
<h2>Action plan</h2>
<table class="plan">
<colgroup>${cols}</colgroup>
<thead><tr>${COLUMNS.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>
${groups}
</table>
</body>
</html>
`;
}

function row(r: PaperRow): string {
  const owners = r.owners.map((o) => `<div>${esc(o)}</div>`).join('');
  const updates = r.updates
    .map((u) => `<div class="update">${opensWithItsDay(u) ? '' : `<span class="date">${esc(boardDate(u.date))}:</span> `}<span class="text">${esc(u.text)}</span></div>`)
    .join('');
  const baseline = r.baseline === null ? '' : `<span class="baseline">Baseline: ${esc(baselineLabel(r.baseline))}</span>`;
  const overdue = r.overdue && r.window.end ? `<span class="overdue">Overdue: was due by ${esc(boardDate(r.window.end))}</span>` : '';
  return (
    `<tr id="rec-${esc(r.id)}">` +
    `<td><span class="id">${esc(r.id)}:</span> <span class="text">${esc(r.text)}</span>${r.priority ? `<span class="priority">Priority: ${esc(r.priority)}</span>` : ''}</td>` +
    `<td>${owners}</td>` +
    `<td>${updates}</td>` +
    `<td><span class="text">${esc(r.delivery)}</span>${baseline}${overdue}</td>` +
    `<td>${esc(statusLabel(r.status))}</td>` +
    `<td>${ragChip(r.rag.rag)}<span class="rag-reason">${esc(r.rag.reason)}</span></td>` +
    `</tr>`
  );
}
