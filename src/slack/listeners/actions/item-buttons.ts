import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { converse } from '../../converse.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { ACTION } from '../../ids.js';
import { openUpdateModal } from '../../open-update-modal.js';
import { itemWords, readItemRef } from '../../item-ref.js';
import { replyMessage } from '../../views/reply-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/** Buttons that act on one item (App Home, nudges, replies): Update opens the modal; Complete and History answer by DM or in place. */
export function registerItemButtons(app: IdListeners, deps: SlackDeps): void {
  // "Change date" on a nudge opens the same form: the date is one of its fields.
  for (const actionId of [ACTION.openUpdate, ACTION.changeDate]) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, logger }) => {
      await ack();
      try {
        const { id, plan } = readItemRef(action.value);
        await openUpdateModal(deps, client, logger, { triggerId: body.trigger_id, userId: body.user.id, recId: id, ...(plan ? { plan } : {}), ...(body.view?.type === 'modal' && body.view.id ? { viewId: body.view.id } : {}), ...(body.channel?.id ? { channel: body.channel.id } : {}) });
      } catch (err) {
        logger.error(err);
        await tell(client, body, respond, { text: COULD_NOT_COMPLETE });
      }
    });
  }

  for (const [actionId, verb] of [
    [ACTION.complete, 'complete'],
    [ACTION.history, 'history'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, logger }) => {
      await ack();
      try {
        const { reply } = await converse(deps, body.user.id, itemWords(verb, action.value), `slack:${body.user.id}:buttons`);
        await tell(client, body, respond, replyMessage(reply, { shareable: false }));
      } catch (err) {
        logger.error(err);
        await tell(client, body, respond, { text: COULD_NOT_COMPLETE });
      }
    });
  }
}

/** Answers where the button was: in place for a message, by DM for App Home (which has no response_url). */
async function tell(client: WebClient, body: BlockAction, respond: (m: never) => Promise<unknown>, message: { text: string; blocks?: unknown[] }): Promise<void> {
  if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, ...message } as never);
  else await client.chat.postMessage({ channel: body.user.id, ...(message as { text: string }) });
}
