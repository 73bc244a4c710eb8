import type { ItemView } from '../../core/ask/reply.js';
import { formatDate } from '../../core/ask/format.js';
import type { OutboxPayload } from '../../core/reminders/outbox-message.js';
import { STATUS_LABELS } from '../../core/plan/status.js';
import type { Block, Message } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { context, section, splitLines } from './parts.js';

type Digest = Extract<OutboxPayload, { kind: 'digest' }>;

/** Four sections of ten ~270-character lines keep a thread message under Slack's ~12,000 characters. */
const LINES_PER_SECTION = 10;
const SECTIONS_PER_MESSAGE = 4;

/** The weekly digest: a summary in the channel, details in the thread (as many messages as the plan needs). */
export function digestMessages(d: Digest): { summary: Message; details: Message[] } {
  const counts = d.byStatus.filter((s) => s.count > 0).map((s) => `${STATUS_LABELS[s.status]}: ${s.count}`).join(' · ');
  const head = `Weekly digest — ${escapeTruncate(d.planTitle, 150)}, ${formatDate(d.on)}`;
  const summary: Message = {
    text: `${head}: ${d.overdue.length} overdue, ${d.dueSoon.length} due in the next two weeks, ${d.completed.length} completed since the last digest.`,
    blocks: [
      section(`*${head}*`),
      section(`🔴 *${d.overdue.length}* overdue · 🟠 *${d.dueSoon.length}* due in the next two weeks · 🟢 *${d.completed.length}* completed since the last digest`),
      context(`${d.total} recommendations — ${counts || 'none'}`, 'Details in the thread.'),
    ],
  };
  const lines: string[] = [];
  const list = (title: string, items: ItemView[]) => {
    lines.push(`*${title}* (${items.length})`);
    if (!items.length) lines.push('_none_');
    for (const i of items) lines.push(`• *${i.id}* ${escapeTruncate(i.title, 90)} — ${escapeTruncate(i.owners.join(', '), 80)} — ${escapeTruncate(i.delivery.text || 'no date', 40)}`);
  };
  list('Overdue', d.overdue);
  list('Due in the next two weeks', d.dueSoon);
  list('Completed since the last digest', d.completed);
  const sections: Block[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) {
    for (const chunk of splitLines(lines.slice(i, i + LINES_PER_SECTION).join('\n'))) sections.push(section(chunk));
  }
  const details: Message[] = [];
  for (let i = 0; i < sections.length; i += SECTIONS_PER_MESSAGE) {
    details.push({ text: `Digest details ${details.length + 1}`, blocks: sections.slice(i, i + SECTIONS_PER_MESSAGE) });
  }
  return { summary, details };
}
