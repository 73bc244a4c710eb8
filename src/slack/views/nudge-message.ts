import { itemRef } from '../item-ref.js';
import { formatDate } from '../../core/ask/format.js';
import type { NudgeNotice } from '../../core/reminders/outbox-message.js';
import { STATUS_LABELS } from '../../core/plan/status.js';
import type { Message } from '../block-kit.js';
import { escapeTruncate } from '../escape.js';
import { ACTION } from '../ids.js';
import { button, context, section } from './parts.js';

const HEADLINE: Record<NudgeNotice['kind'], (id: string, due: string, from: string) => string> = {
  due_soon: (id, due) => `${id} is due soon: ${due}.`,
  due_today: (id, due) => `${id} is due today (${due}).`,
  overdue: (id, due) => `${id} is overdue: it was due ${due}.`,
  stale: (id) => `${id} has had no update for a while.`,
  chase: (id, due, from) => `${from} asks for an update on ${id} (due ${due}).`,
};

/** A nudge to an owner: the item, its last update, and the four things they can do about it. */
export function nudgeMessage(p: NudgeNotice): Message {
  const { item } = p;
  const ref = itemRef({ id: item.id, plan: p.plan?.key });
  const due = item.delivery.end ? `${escapeTruncate(item.delivery.text || 'no date', 80)} (by ${formatDate(item.delivery.end)})` : escapeTruncate(item.delivery.text || 'no date', 80);
  const headline = HEADLINE[p.kind](item.id, due, escapeTruncate(p.from ?? 'Someone', 80));
  const last = p.lastUpdate
    ? `Last update, ${formatDate(p.lastUpdate.date)}${p.lastUpdate.author ? ` (${escapeTruncate(p.lastUpdate.author, 80)})` : ''}: ${escapeTruncate(p.lastUpdate.text, 600)}`
    : 'No update has been posted yet.';
  return {
    text: headline,
    blocks: [
      section(`*${headline}*\n*${item.id}* ${escapeTruncate(item.title, 300)}`),
      ...(p.note ? [section(`“${escapeTruncate(p.note, 1000)}”`)] : []),
      ...(p.plan ? [context(`Plan: *${escapeTruncate(p.plan.key, 60)}* — ${escapeTruncate(p.plan.title, 200)}`)] : []),
      context(`Owners: ${escapeTruncate(item.owners.join(', ') || 'none', 300)}`, `Status: ${STATUS_LABELS[item.status]}`),
      section(last),
      {
        type: 'actions',
        elements: [
          button(ACTION.openUpdate, 'Post update', ref, { style: 'primary' }),
          button(ACTION.complete, 'Mark complete', ref),
          button(ACTION.changeDate, 'Change date', ref),
          button(ACTION.snooze, 'Snooze a week', ref),
          button(ACTION.mute, 'Stop nudges for this item', ref),
        ],
      },
    ],
  };
}
