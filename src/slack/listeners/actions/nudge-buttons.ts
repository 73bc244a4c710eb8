import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { todayIn } from '../../../core/dates/today.js';
import { mute, snooze } from '../../../core/reminders/preferences.js';
import type { SlackDeps } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION } from '../../ids.js';
import { slackViewer } from '../../identity.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/** Snooze a week, or stop nudges for an item: a preference for this person and item, re-armed by a new date or a reopen. */
export function registerNudgeButtons(app: App, deps: SlackDeps): void {
  for (const [actionId, choose] of [
    [ACTION.snooze, 'snooze'],
    [ACTION.mute, 'mute'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond, logger }) => {
      await ack();
      const item = action.value ?? '';
      try {
        const now = deps.services.clock.now();
        const viewer = await slackViewer(deps, client, body.user.id);
        const plan = await deps.services.store.plan();
        const today = todayIn(now, viewer.timeZone ?? plan?.timeZone ?? 'Europe/London');
        const { preference, message } = choose === 'snooze' ? snooze(item, body.user.id, today, now) : mute(item, body.user.id, now);
        await deps.reminders.setPreference(preference);
        await respond({ response_type: 'ephemeral', replace_original: false, text: escapeText(message) } as never);
      } catch (err) {
        logger.error(err);
        await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE } as never).catch(() => {});
      }
    });
  }
}
