import type { App } from '@slack/bolt';
import { startTurn } from '../../../core/ask/ask.js';
import { submitUpdateForm } from '../../../core/ask/handlers/submit-update.js';
import { STATUSES, type Status } from '../../../core/plan/status.js';
import type { SlackDeps } from '../../deps.js';
import { VIEW, UPDATE_BLOCK } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { republishHomes } from '../../home.js';
import { modalErrors, readUpdateSubmission } from '../../views/update-modal.js';
import { replyMessage } from '../../views/reply-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/**
 * The update modal's Save. Problems go back as field errors in the ack (the only way Slack shows
 * them); a saved update closes the modal and the confirmation, with how the date was read, arrives by DM.
 */
export function registerUpdateSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEW.update, async ({ ack, body, view, client, logger }) => {
    const userId = body.user.id;
    let recId = '';
    try {
      recId = String((JSON.parse(view.private_metadata || '{}') as { id?: unknown }).id ?? '');
    } catch {
      // A tampered or truncated private_metadata: answered below as a missing item.
    }
    try {
      const form = readUpdateSubmission(view.state.values as never);
      const status = STATUSES.includes(form.status as Status) ? (form.status as Status) : null;
      const viewer = await slackViewer(deps, client, userId);
      const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:modal`));
      if ('awaiting' in turn) {
        await ack({ response_action: 'errors', errors: { [UPDATE_BLOCK.text]: turn.text } });
        return;
      }
      const result = await submitUpdateForm(turn, { recId, text: form.text, status, delivery: form.delivery, evidence: form.evidence });
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: modalErrors(result.errors) });
        return;
      }
      await ack();
      await client.chat.postMessage({ channel: userId, ...replyMessage(result.reply, { shareable: false }) });
      await republishHomes(deps, client, userId, result.reply.items[0]?.owners ?? []);
    } catch (err) {
      logger.error(err);
      await ack({ response_action: 'errors', errors: { [UPDATE_BLOCK.text]: COULD_NOT_COMPLETE } }).catch(() => {});
    }
  });
}
