import type { ItemView } from '../../core/ask/reply.js';
import { formatDate } from '../../core/ask/format.js';
import type { DigestListName, DigestPartPayload, DigestPayload } from '../../core/reminders/outbox-message.js';
import { STATUS_LABELS } from '../../core/plan/status.js';
import { describeWaiting } from '../../core/governance/waiting.js';
import type { Block, Message } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { context, section, splitLines } from './parts.js';

/** Ten ~250-character lines keep a section under Slack's 3,000 characters. */
const LINES_PER_SECTION = 10;

const TITLES: Record<DigestListName, string> = {
  overdue: 'Overdue',
  dueSoon: 'Due in the next two weeks',
  completed: 'Completed since the last digest',
  stillWaiting: 'Still waiting after their board met',
  awaitingSignOff: 'Proposed complete, awaiting sign-off',
};

/** The weekly digest's summary, posted to the channel; its details follow in the thread, one outbox row each. */
export function digestSummary(d: DigestPayload): Message {
  const counts = d.byStatus.filter((s) => s.count > 0).map((s) => `${STATUS_LABELS[s.status]}: ${s.count}`).join(' · ');
  const head = `Weekly digest — ${d.plan ? `${escapeTruncate(d.plan.key, 60)}: ` : ''}${escapeTruncate(d.planTitle, 150)}, ${formatDate(d.on)}`;
  return {
    text: `${head}: ${d.overdue.length} overdue, ${d.dueSoon.length} due in the next two weeks, ${d.completed.length} completed since the last digest.`,
    blocks: [
      section(`*${head}*`),
      section(`🔴 *${d.overdue.length}* overdue · 🟠 *${d.dueSoon.length}* due in the next two weeks · 🟢 *${d.completed.length}* completed since the last digest${governance(d)}`),
      context(`${d.total} recommendations — ${counts || 'none'}`, 'Details in the thread.'),
    ],
  };
}

/** One part of the details, as split by the core (`digestParts`); the notifier threads it on the summary. */
export function digestPartMessage(p: DigestPartPayload): Message {
  const lines: string[] = [];
  for (const slice of p.lists) {
    lines.push(`*${TITLES[slice.list]}* (${slice.total}${slice.continued ? ', continued' : ''})`);
    if (!slice.total) lines.push('_none_');
    for (const i of slice.items) lines.push(itemLine(i));
  }
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) {
    for (const chunk of splitLines(lines.slice(i, i + LINES_PER_SECTION).join('\n'))) blocks.push(section(chunk));
  }
  const text = `Weekly digest ${formatDate(p.on)}: details${p.of > 1 ? `, part ${p.part} of ${p.of}` : ''}`;
  return { text, blocks: blocks.length ? blocks : [section('_none_')] };
}

const itemLine = (i: ItemView) =>
  `• *${escapeTruncate(i.id, 20)}* ${escapeTruncate(i.title, 90)} — ${escapeTruncate(i.owners.join(', '), 80)} — ${escapeTruncate(i.delivery.text || 'no date', 40)}${i.waiting ? ` — waits on ${escapeTruncate(describeWaiting(i.waiting), 80)}` : ''}${i.proposal ? ` — proposed by ${escapeTruncate(i.proposal.by, 40)}` : ''}`;

/** The board's business, when there is any: items still waiting after their board met, proposals awaiting sign-off. */
function governance(d: DigestPayload): string {
  const waiting = d.stillWaiting?.length ?? 0;
  const proposals = d.awaitingSignOff?.length ?? 0;
  return `${waiting ? ` · ⏳ *${waiting}* still waiting after their board met` : ''}${proposals ? ` · ✍️ *${proposals}* awaiting sign-off` : ''}`;
}
