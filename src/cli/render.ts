import type { Reply } from '../core/ask/reply.js';

/** The JSON contract of `chat --json` and `ask --json`: one object per reply, on one line. */
export function replyJson(reply: Reply): string {
  return JSON.stringify({
    reply: reply.text,
    ...(reply.plan ? { plan: reply.plan } : {}),
    items: reply.items.map((i) => ({ ...(i.plan ? { plan: i.plan } : {}), id: i.id, title: i.title, theme: i.theme, owners: i.owners, status: i.status, delivery: i.delivery, overdue: i.overdue, ...(i.proposal ? { proposal: i.proposal } : {}) })),
    awaiting: reply.awaiting,
    ...(reply.choices ? { choices: reply.choices } : {}),
    ...(reply.query ? { query: reply.query } : {}),
  });
}

/** For people: the text, with choices numbered when the bot is waiting for one. */
export function replyText(reply: Reply): string {
  // Slack's channel and user mentions read as ids in a terminal.
  return reply.text.replace(/<([#@])([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, sigil: string, id: string, label?: string) => `${sigil}${label ?? id}`);
}
