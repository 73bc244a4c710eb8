import type { IsoDate } from '../../dates/delivery-window.js';
import { ownerKind } from '../../plan/owners.js';
import { isOverdue, type Recommendation } from '../../plan/recommendation.js';
import { formatDate, plural } from '../format.js';
import { say, type Reply } from '../reply.js';

const LIMIT = 40;

/**
 * "Who has the most overdue items?", "list the owners", "open items by theme": the items a question
 * selects, counted per owner (an item with two owners counts for both) or per theme, most first, each
 * with how many of them are overdue and how many are still open.
 */
export function breakdownReply(recs: readonly Recommendation[], by: 'owner' | 'theme' | 'priority', kind: 'role' | 'person' | undefined, reading: string[], asAt: IsoDate, overdueOnly: boolean): Reply {
  const groups = new Map<string, Recommendation[]>();
  for (const r of recs) {
    const owners = kind ? r.owners.filter((o) => ownerKind(o) === kind) : r.owners.length ? r.owners : ['(no owner)'];
    for (const key of by === 'owner' ? owners : by === 'priority' ? [r.priority || '(no priority)'] : [r.theme]) {
      const list = groups.get(key) ?? [];
      list.push(r);
      groups.set(key, list);
    }
  }
  const rows = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const noun = kind === 'role' ? 'role' : kind === 'person' ? 'person' : by;
  const itemsCounted = kind ? new Set([...groups.values()].flat()).size : recs.length;
  const scope = [`by ${noun}`, ...reading].join(' · ');
  const head = `${scope.charAt(0).toUpperCase()}${scope.slice(1)} · as at ${formatDate(asAt)} — ${itemsCounted ? plural(itemsCounted, 'item') : 'no items'}${rows.length ? `, ${noun === 'person' ? (rows.length === 1 ? '1 person' : `${rows.length} people`) : plural(rows.length, noun, noun === 'priority' ? 'priorities' : undefined)}` : ''}`;
  const counted = rows.map(([name, items]) => ({
    name,
    items: items.length,
    overdue: items.filter((r) => isOverdue(r, asAt)).length,
    open: items.filter((r) => r.status !== 'complete' && r.status !== 'not_being_implemented').length,
  }));
  const line = (row: (typeof counted)[number]) => `• ${row.name} — ${plural(row.items, 'item')}${overdueOnly ? '' : ` (${row.overdue} overdue, ${row.open} open)`}`;
  const lines = counted.slice(0, LIMIT).map(line);
  if (rows.length > LIMIT) lines.push(`…and ${rows.length - LIMIT} more.`);
  const shared = by === 'owner' && recs.some((r) => r.owners.length > 1) ? ['An item with several owners counts for each of them.'] : [];
  const ask =
    by === 'owner'
      ? 'Ask "what\'s overdue for Karen?" or "what does Karen own?" for one owner\'s items.'
      : by === 'priority'
        ? 'Ask "list high priority" or "what high priority items are overdue?" for one priority\'s items.'
        : 'Ask "list ICT" or "what\'s overdue in ICT?" for one theme\'s items.';
  return say([head, ...lines, ...shared, ask].join('\n'), { breakdown: { by, rows: counted } });
}
