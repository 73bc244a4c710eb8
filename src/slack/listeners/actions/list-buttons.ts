import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { isReadOnly } from '../../../core/ask/read-only.js';
import { converse } from '../../converse.js';
import type { SlackDeps } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION } from '../../ids.js';
import { decodeListValue, replyMessage } from '../../views/reply-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';
import { conversationKeyOf } from '../conversation-key.js';

/**
 * Buttons on answers. "Show more" and "Share in channel" re-run the question they carry, which
 * is only allowed for questions that change nothing; a choice button answers the pending question.
 */
export function registerListButtons(app: IdListeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.showMore, async ({ ack, body, action, respond, logger }) => {
    await ack();
    const value = decodeListValue(action.value);
    if (!value || !isReadOnly(value.q)) return;
    try {
      const { reply } = await converse(deps, body.user.id, value.q, `slack:${body.user.id}:list`, body.channel?.id);
      await respond({ replace_original: true, ...replyMessage(reply, { shareable: true, source: value.q, page: value.p }) } as never);
    } catch (err) {
      logger.error(err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE });
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.share, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const value = decodeListValue(action.value);
    const channel = body.channel?.id;
    if (!value || !channel || !isReadOnly(value.q)) return;
    try {
      const { reply } = await converse(deps, body.user.id, value.q, `slack:${body.user.id}:list`, channel);
      const message = replyMessage(reply, { shareable: false, source: value.q, page: value.p });
      const asked = `<@${body.user.id}> asked: ${escapeText(value.q)}`;
      await client.chat.postMessage({ channel, text: `${asked}\n${message.text}`, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: asked }] }, ...message.blocks] as never });
      await respond({ delete_original: true } as never);
    } catch (err) {
      const notThere = cannotPostIn(err);
      if (!notThere) logger.error(err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: notThere ? notInChannel(channel, notThere) : COULD_NOT_COMPLETE }).catch(() => {});
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.choose, async ({ ack, body, action, respond, logger }) => {
    await ack();
    try {
      const { reply } = await converse(deps, body.user.id, action.value ?? '', conversationKeyOf(body.user.id, body.channel?.id, body.message?.thread_ts as string | undefined), body.channel?.id);
      await respond({ response_type: 'ephemeral', replace_original: false, ...replyMessage(reply, { shareable: false }) } as never);
    } catch (err) {
      logger.error(err);
      await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE });
    }
  });
}

/** Slack's answer when the bot may not post where the answer would be shared. */
function cannotPostIn(err: unknown): 'not_in_channel' | 'channel_not_found' | null {
  const code = (err as { data?: { error?: string } }).data?.error;
  return code === 'not_in_channel' || code === 'channel_not_found' ? code : null;
}

/** Retrying cannot help here: the bot has to be let into the conversation first. */
function notInChannel(channel: string, why: 'not_in_channel' | 'channel_not_found'): string {
  return why === 'not_in_channel'
    ? `I couldn't share this in <#${channel}> because I'm not a member of it. Invite me with \`/invite @Concerto\` in that channel, then press Share again.`
    : `I can't post in this conversation: private channels and group messages need me added first. Invite me with \`/invite @Concerto\` (or add me from the channel's settings), then press Share again.`;
}
