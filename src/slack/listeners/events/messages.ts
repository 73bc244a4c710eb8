import type { App } from '@slack/bolt';
import { converse } from '../../converse.js';
import type { SlackDeps } from '../../deps.js';
import { replyMessage } from '../../views/reply-message.js';
import { conversationKeyOf } from '../conversation-key.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/** A leading mention of the bot, as Slack writes it: "<@U123> what's overdue?". */
const LEADING_MENTION = /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/;

/**
 * DMs and @mentions: natural questions and the multi-turn update. In a channel the bot answers in
 * the channel, and in a thread once an exchange takes more than one turn.
 */
export function registerMessages(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, logger }) => {
    if (!event.user || event.bot_id) return;
    const thread = event.thread_ts ?? event.ts;
    const key = conversationKeyOf(event.user, event.channel, thread);
    try {
      const text = typeof event.text === 'string' ? event.text : '';
      const { reply } = await converse(deps, client, event.user, text.replace(LEADING_MENTION, ''), key);
      const inThread = Boolean(event.thread_ts || reply.awaiting);
      await client.chat.postMessage({ channel: event.channel, ...(inThread ? { thread_ts: thread } : {}), ...replyMessage(reply, { shareable: false }) });
    } catch (err) {
      logger.error(err);
      await client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });

  app.message(async ({ message, client, logger }) => {
    // Only people's own words in a DM: no edits, joins, bot posts or our own replies.
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message) || !message.user || 'bot_id' in message && message.bot_id) return;
    const text = 'text' in message ? (message.text ?? '') : '';
    try {
      const { reply } = await converse(deps, client, message.user, text, conversationKeyOf(message.user, message.channel, undefined));
      await client.chat.postMessage({ channel: message.channel, ...replyMessage(reply, { shareable: false }) });
    } catch (err) {
      logger.error(err);
      await client.chat.postMessage({ channel: message.channel, text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });
}
