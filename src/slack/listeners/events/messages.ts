import type { App } from '@slack/bolt';
import { converse } from '../../converse.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { replyMessage } from '../../views/reply-message.js';
import { conversationKeyOf } from '../conversation-key.js';
import { COULD_NOT_COMPLETE } from '../failure.js';
import type { SharedFile } from '../../file-download.js';
import { previewSharedFile } from './file-import.js';
import { deliverAskedPaper } from '../../report.js';
import { escapeText } from '../../escape.js';

/** A leading mention of the bot, as Slack writes it: "<@U123> what's overdue?". */
const LEADING_MENTION = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;

export const EDITS_NOT_READ = "I don't act on edited messages, so nothing was changed by this edit (and a question waiting for your answer is still waiting). Send what you meant as a new message.";

/** Subtypes that are a person's own new words; every other subtype (edits, joins, bot posts) is not. */
const PEOPLES_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

interface SlackMessage {
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  edited?: unknown;
  message?: SlackMessage;
  files?: SharedFile[];
}

/**
 * DMs and @mentions: natural questions and the multi-turn update. Answers go in the thread the
 * person wrote in; in a channel the bot also moves to a thread once an exchange takes more than one
 * turn. Slack sends an edit as a new event: it is never run again or taken as an answer.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, logger }) => {
    if (!event.user || event.bot_id) return;
    const thread = event.thread_ts ?? event.ts;
    if ((event as { edited?: unknown }).edited) return void (await noteEdit(deps, client, event.channel, event.ts, thread));
    const key = conversationKeyOf(event.user, event.channel, thread);
    try {
      const text = typeof event.text === 'string' ? event.text : '';
      const { reply } = await converse(deps, event.user, text.replace(LEADING_MENTION, ''), key, event.channel);
      const paper = await deliverAskedPaper(deps, client, event.user, reply, event.channel);
      if (paper !== null) return void (await client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: escapeText(paper) }));
      const inThread = Boolean(event.thread_ts || reply.awaiting);
      await client.chat.postMessage({ channel: event.channel, ...(inThread ? { thread_ts: thread } : {}), ...replyMessage(reply, { shareable: false }) });
    } catch (err) {
      logger.error(err);
      await client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });

  app.message(async ({ message, client, logger }) => {
    const m = message as unknown as SlackMessage;
    if (m.channel_type !== 'im') return;
    if (m.subtype === 'message_changed') {
      // Edits by people only: an unfurl or our own edits also arrive as message_changed, without `edited`.
      const edited = m.message;
      if (edited?.edited && edited.user && !edited.bot_id) await noteEdit(deps, client, m.channel, edited.ts, edited.thread_ts ?? edited.ts);
      return;
    }
    if (!PEOPLES_SUBTYPES.has(m.subtype) || !m.user || m.bot_id) return;
    const inThread = m.thread_ts ? { thread_ts: m.thread_ts } : {};
    try {
      // A document sent to the bot: a plan to import, previewed with Import / Cancel.
      if (m.subtype === 'file_share') return void (await previewSharedFile(deps, client, { channel: m.channel, user: m.user, ...(m.text ? { text: m.text } : {}), ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), files: m.files ?? [] }));
      const { reply } = await converse(deps, m.user, m.text ?? '', conversationKeyOf(m.user, m.channel, undefined));
      const paper = await deliverAskedPaper(deps, client, m.user, reply);
      await client.chat.postMessage({ channel: m.channel, ...inThread, ...(paper !== null ? { text: escapeText(paper) } : replyMessage(reply, { shareable: false })) });
    } catch (err) {
      logger.error(err);
      await client.chat.postMessage({ channel: m.channel, ...inThread, text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });
}

/** Says once per message, in its thread, that edits are not read; a second edit of the same message says nothing. */
async function noteEdit(deps: SlackDeps, client: WebClient, channel: string, ts: string, thread: string): Promise<void> {
  const first = await deps.ledger.firstSeen(`edit:${channel}:${ts}`, deps.services.clock.now().toISOString()).catch(() => false);
  if (first) await client.chat.postMessage({ channel, thread_ts: thread, text: EDITS_NOT_READ }).catch(() => {});
}
