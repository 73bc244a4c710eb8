import type { App } from '@slack/bolt';
import { startTurn } from '../../../core/ask/ask.js';
import { isReadOnly } from '../../../core/ask/read-only.js';
import { updateFormData } from '../../../core/ask/update-form.js';
import { isRecommendationId } from '../../../core/plan/recommendation-id.js';
import { converse } from '../../converse.js';
import type { SlackDeps } from '../../deps.js';
import { COMMAND } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { replyMessage } from '../../views/reply-message.js';
import { updateModal } from '../../views/update-modal.js';
import { COULD_NOT_COMPLETE } from '../failure.js';
import { escapeText } from '../../escape.js';
import { sendReport } from '../../report.js';

const OPEN_UPDATE = /^update\s+(\S+)\s*$/i;
const REPORT = /^(?:report|board paper|paper)\b(.*)$/is;

/** `/concerto <words>`: acknowledged at once, answered ephemerally; `update <id>` alone opens the modal. */
export function registerConcertoCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client, logger }) => {
    // Slack allows 3 seconds; nothing slow happens before this.
    await ack();
    const text = command.text?.trim() || 'help';
    try {
      const open = OPEN_UPDATE.exec(text);
      if (open && isRecommendationId(open[1]!)) {
        const viewer = await slackViewer(deps, client, command.user_id);
        const turn = await startTurn(slackContext(deps, viewer, `slack:${command.user_id}:${command.channel_id}`));
        const data = 'awaiting' in turn ? turn : await updateFormData(turn, open[1]!);
        if ('awaiting' in data) {
          await respond({ response_type: 'ephemeral', ...replyMessage(data, { shareable: false }) });
          return;
        }
        // The trigger_id expires 3 seconds after the command: open the modal before anything else.
        await client.views.open({ trigger_id: command.trigger_id, view: updateModal(data, { channel: command.channel_id }) as never });
        return;
      }
      const report = REPORT.exec(text);
      if (report) {
        await respond({ response_type: 'ephemeral', text: 'Preparing the board paper…' });
        await respond({ response_type: 'ephemeral', text: escapeText(await sendReport(deps, client, command.user_id, report[1] ?? '')) });
        return;
      }
      const { reply } = await converse(deps, client, command.user_id, text, `slack:${command.user_id}:${command.channel_id}`);
      await respond({ response_type: 'ephemeral', ...replyMessage(reply, { shareable: !reply.awaiting && !reply.error && isReadOnly(text), source: text }) });
    } catch (err) {
      logger.error(err);
      await respond({ response_type: 'ephemeral', text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });
}
