import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startItemTurn } from '../../../core/ask/ask.js';
import { readItemRef } from '../../item-ref.js';
import { findItem, isReply } from '../../../core/ask/lookup.js';
import type { Reply } from '../../../core/ask/reply.js';
import { mute, snooze } from '../../../core/reminders/preferences.js';
import type { SlackDeps } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { replyMessage } from '../../views/reply-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/** Snooze a week, or stop nudges for an item: a preference for this person and item, re-armed by a new date or a reopen. */
export function registerNudgeButtons(app: IdListeners, deps: SlackDeps): void {
  for (const [actionId, choose] of [
    [ACTION.snooze, 'snooze'],
    [ACTION.mute, 'mute'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, logger }) => {
      await ack();
      const { id: item, plan } = readItemRef(action.value);
      try {
        const viewer = await slackViewer(deps, body.user.id);
        const turn = await startItemTurn(slackContext(deps, viewer, `slack:${body.user.id}:buttons`), item, plan);
        const answer = (reply: Reply) => respond({ response_type: 'ephemeral', replace_original: false, ...replyMessage(reply, { shareable: false }) } as never);
        if ('awaiting' in turn) return void (await answer(turn));
        // A preference is kept only for an item in the plan: a stale or forged button value stores nothing.
        const rec = await findItem(turn, item);
        if (isReply(rec)) return void (await answer(rec));
        const { preference, message } = choose === 'snooze' ? snooze(rec.id, body.user.id, turn.today, turn.now) : mute(rec.id, body.user.id, turn.now);
        await deps.reminders.setPreference(turn.plan.id, preference);
        await respond({ response_type: 'ephemeral', replace_original: false, text: escapeText(turn.manyPlans ? `[${turn.plan.key}] ${message}` : message) } as never);
      } catch (err) {
        logger.error(err);
        await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE } as never).catch(() => {});
      }
    });
  }
}
