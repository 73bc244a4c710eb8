import type { Rag } from '../core/plan/rag.js';
import { STATUSES } from '../core/plan/status.js';
import type { BoardPaper } from '../core/report/board-paper.js';
import { changesHeading, describeChanges, noChangesLine } from '../core/report/describe-changes.js';
import { longDate } from '../core/report/dates.js';
import {
  correctsLine,
  decisionLogHeading,
  decisionWhere,
  meetingLine,
  NO_WAITING_LINE,
  noDecisionsLine,
  WAITING_HEADING,
  waitingGroupHeading,
  waitingItemLine,
} from '../core/report/governance-sections.js';
import type { Counts } from '../core/report/summary.js';
import { PROPOSALS_HEADING, proposalLine } from '../core/report/proposals-section.js';
import { baselineLabel, datedUpdate, RAG_LABELS, ragLabel, statusLabel } from './cells.js';
import { mdText } from './markdown-text.js';

/** The paper as Markdown: the same sections as the HTML, readable as plain text too. */
export function paperToMarkdown(paper: BoardPaper): string {
  const out: string[] = [
    `# ${mdText(paper.title)}`,
    '',
    `**As at ${longDate(paper.asAt)}** · produced ${longDate(paper.producedOn)}`,
    '',
    ...(paper.meeting ? [mdText(meetingLine(paper.meeting)), ''] : []),
    '## Key',
    '',
    ...(Object.keys(paper.ragKey) as Rag[]).map((rag) => `- **${RAG_LABELS[rag]}**: ${mdText(paper.ragKey[rag])}`),
    '',
    ...summary(paper),
    ...changes(paper),
    ...governance(paper),
    ...proposals(paper),
    '## The plan',
  ];
  for (const group of paper.groups) {
    out.push('', `### ${mdText(group.theme)}`);
    for (const r of group.rows) {
      out.push('', `#### ${r.id} · ${statusLabel(r.status)} · ${mdText(ragLabel(r.rag))}`, '', mdText(r.text), '');
      out.push(`- **Owner:** ${r.owners.length ? mdText(r.owners.join('; ')) : '(none)'}`);
      if (r.priority) out.push(`- **Priority:** ${mdText(r.priority)}`);
      const baseline = r.baseline === null ? '' : ` (baseline: ${mdText(baselineLabel(r.baseline))})`;
      out.push(`- **Delivery date:** ${r.delivery.trim() ? mdText(r.delivery) : '(no delivery date given)'}${baseline}`);
      out.push(`- **Updates:**${r.updates.length ? '' : ' (none)'}`);
      for (const u of r.updates) out.push(`  - ${mdText(datedUpdate(u), '    ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function summary(paper: BoardPaper): string[] {
  const s = paper.summary;
  const head = ['Theme', ...STATUSES.map(statusLabel), 'Total', 'Overdue'];
  const row = (name: string, c: Counts) => `| ${[name, ...STATUSES.map((st) => String(c.byStatus[st])), String(c.total), String(c.overdue)].join(' | ')} |`;
  return [
    '## Summary',
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...s.byTheme.map((t) => row(mdText(t.theme), t)),
    row('**All themes**', s),
    '',
    `${s.overdue} overdue as at ${longDate(paper.asAt)}. RAG: ${(Object.keys(s.byRag) as Rag[]).map((r) => `${s.byRag[r]} ${RAG_LABELS[r].toLowerCase()}`).join(', ')}.`,
    '',
  ];
}

function changes(paper: BoardPaper): string[] {
  const c = paper.changes;
  if (!c) return [];
  const sections = describeChanges(c);
  const out = [`## ${changesHeading(c)}`, ''];
  if (!sections.length) return [...out, noChangesLine(c), ''];
  for (const section of sections) {
    out.push(`### ${section.heading}`, '', ...section.lines.map((l) => `- **${l.id}** ${mdText(l.text, '  ')}`), '');
  }
  return out;
}

/** Completions awaiting sign-off, apart from the plan (where they keep their status); only when there are any. */
function proposals(paper: BoardPaper): string[] {
  if (!paper.proposals.length) return [];
  return [`## ${PROPOSALS_HEADING}`, '', ...paper.proposals.map((p) => `- **${p.id}** ${mdText(proposalLine(p), '  ')}`), ''];
}

/** The decision log and the items waiting on a decision, when the paper has any board business in it. */
function governance(paper: BoardPaper): string[] {
  if (!paper.governanceRecorded) return [];
  const out = [`## ${decisionLogHeading(paper)}`, ''];
  if (!paper.decisions.length) out.push(noDecisionsLine(paper), '');
  for (const d of paper.decisions) {
    out.push(`### ${mdText(decisionWhere(d))}`, '', mdText(d.text), '');
    out.push(`- **Affects:** ${d.affects.length ? d.affects.join(', ') : '(no items named)'}`);
    const corrects = correctsLine(d);
    if (corrects) out.push(`- **Correction:** ${mdText(corrects, '  ')}`);
    out.push('');
  }
  out.push(`## ${WAITING_HEADING}`, '');
  if (!paper.waiting.length) out.push(NO_WAITING_LINE, '');
  for (const g of paper.waiting) {
    out.push(`### ${waitingGroupHeading(g)}`, '', ...g.items.map((i) => `- **${i.id}** ${mdText(waitingItemLine(i), '  ')}`), '');
  }
  return out;
}
