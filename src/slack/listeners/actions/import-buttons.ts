import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { decideChatImport } from '../../../app/chat-import.js';
import type { SlackDeps } from '../../deps.js';
import { slackViewer } from '../../identity.js';
import { ACTION } from '../../ids.js';
import { importDecisionMessage } from '../../views/import-preview-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/**
 * Import and Cancel on a document's preview. Acked at once (an import of a long plan takes longer than
 * Slack's 3 seconds); the outcome then replaces the buttons. Only the admin who sent the file can decide,
 * within the preview's time limit; anyone else is told so privately and nothing is written.
 */
export function registerImportButtons(app: IdListeners, deps: SlackDeps): void {
  for (const [actionId, decision] of [
    [ACTION.importConfirm, 'import'],
    [ACTION.importCancel, 'cancel'],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, logger }) => {
      await ack();
      try {
        const viewer = await slackViewer(deps, body.user.id);
        const who = { id: body.user.id, name: viewer.actor.name, admin: viewer.actor.admin };
        const outcome = await decideChatImport(deps.services, deps.pendingImports, who, action.value ?? '', decision);
        if (outcome.kind === 'refused' && outcome.reason === 'not_yours') {
          return void (await respond({ response_type: 'ephemeral', replace_original: false, text: outcome.message }));
        }
        const previous = body.message ? { text: String(body.message.text ?? ''), blocks: (body.message.blocks ?? []) as never[] } : null;
        await respond({ replace_original: true, ...importDecisionMessage(outcome, previous) } as never);
        if (outcome.kind === 'imported') deps.homes.refresh([body.user.id]);
      } catch (err) {
        logger.error(err);
        await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE }).catch(() => {});
      }
    });
  }
}
