import { writeCsv } from '../files/csv-write.js';
import { ranksItems, type BoardPaper } from '../core/report/board-paper.js';
import { describeWaiting } from '../core/governance/waiting.js';
import { proposalLine } from '../core/report/proposals-section.js';
import { baselineLabel, datedUpdate, ragLabel, statusLabel } from './cells.js';

export const PAPER_CSV_COLUMNS = ['Theme', 'Recommendation No', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status', 'RAG', 'Baseline Delivery Date', 'Waiting On', 'Awaiting Sign-off'] as const;

/**
 * The paper for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one row per
 * recommendation, owners one per line, updates separated by a blank line and each led by its date.
 * The last two columns carry the boards' business: what an item at Awaiting decision waits on (and from
 * which board), and a completion proposed and awaiting sign-off (the status column keeps the status it has).
 */
export function paperToCsv(paper: BoardPaper): string {
  const priorities = ranksItems(paper);
  const rows: string[][] = [[...PAPER_CSV_COLUMNS, ...(priorities ? ['Priority'] : [])]];
  const waiting = new Map(paper.waiting.flatMap((g) => g.items.map((i) => [i.id, describeWaiting({ what: i.what ?? 'a decision', board: g.board })] as const)));
  const proposals = new Map(paper.proposals.map((p) => [p.id, proposalLine(p)]));
  for (const group of paper.groups) {
    for (const r of group.rows) {
      rows.push([
        group.theme,
        r.id,
        r.text,
        r.owners.join('\n'),
        r.updates.map(datedUpdate).join('\n\n'),
        r.delivery,
        statusLabel(r.status),
        ragLabel(r.rag),
        baselineLabel(r.baseline),
        waiting.get(r.id) ?? '',
        proposals.get(r.id) ?? '',
        ...(priorities ? [r.priority ?? ''] : []),
      ]);
    }
  }
  return writeCsv(rows.map((row) => row.map(neutralise)));
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first: OWASP's list)
 * is prefixed with a single quote, which spreadsheets show as text and do not evaluate.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
