import type { Reply } from '../core/ask/reply.js';

/** The JSON contract of `chat --json` and `ask --json`: one object per reply, on one line. */
export function replyJson(reply: Reply): string {
  return JSON.stringify({
    reply: reply.text,
    items: reply.items.map((i) => ({ id: i.id, title: i.title, theme: i.theme, owners: i.owners, status: i.status, delivery: i.delivery, overdue: i.overdue })),
    awaiting: reply.awaiting,
  });
}

/** For people: the text, with choices numbered when the bot is waiting for one. */
export function replyText(reply: Reply): string {
  return reply.text;
}
