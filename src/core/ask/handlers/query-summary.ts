import type { IsoDate } from '../../dates/delivery-window.js';
import { DEFAULT_RAG_RULES } from '../../plan/rag.js';
import type { Recommendation } from '../../plan/recommendation.js';
import { STATUSES, STATUS_LABELS } from '../../plan/status.js';
import { countItems } from '../../report/summary.js';
import { formatDate, plural } from '../format.js';
import { say, type Reply } from '../reply.js';

/**
 * "How are we doing?", "summary for ICT", "what's the RAG for HR?": the board paper's counts for the
 * items a question selects, in a few lines — by status, overdue, by RAG, and how much of what is to be
 * delivered is complete — with the questions that list each group.
 */
export function summaryReply(recs: readonly Recommendation[], reading: string[], asAt: IsoDate): Reply {
  const scope = reading.length ? reading.join(' · ') : 'all items';
  const head = `Summary · ${scope} · as at ${formatDate(asAt)} — ${recs.length ? plural(recs.length, 'item') : 'no items'}`;
  const counts = countItems(recs, asAt, DEFAULT_RAG_RULES);
  if (!recs.length) return say(head, { counts });
  const statuses = STATUSES.filter((s) => counts.byStatus[s] > 0).map((s) => `${counts.byStatus[s]} ${STATUS_LABELS[s].toLowerCase()}`);
  const toDeliver = counts.total - counts.byStatus.not_being_implemented;
  const done = counts.byStatus.complete;
  // "What proportion is overdue?": of what is still open, since only an open item can be late.
  const open = toDeliver - done;
  const lines = [
    head,
    `• ${statuses.join(' · ')}`,
    `• ${counts.overdue} overdue${counts.overdue > 0 && open > 0 ? ` (${Math.round((100 * counts.overdue) / open)}% of the ${open} open)` : ''}`,
    `• RAG: ${counts.byRag.red} red · ${counts.byRag.amber} amber · ${counts.byRag.green} green · ${counts.byRag.grey} grey`,
    ...(toDeliver > 0 ? [`• ${done} of ${toDeliver} to be delivered complete (${Math.round((100 * done) / toDeliver)}%)`] : []),
    'Ask "which are red?", "what\'s overdue?" or "list complete" for the items.',
  ];
  return say(lines.join('\n'), { counts });
}
