import type { App } from '@slack/bolt';
import { isReadOnly } from '../../../core/ask/read-only.js';
import { canonicalId, isRecommendationId } from '../../../core/plan/recommendation-id.js';
import { converse } from '../../converse.js';
import type { SlackDeps } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { COMMAND } from '../../ids.js';
import { openDecisionModal, openMeetingModal } from '../../open-admin-form.js';
import { openUpdateModal } from '../../open-update-modal.js';
import { deliverAskedPaper, sendReport } from '../../report.js';
import { replyMessage } from '../../views/reply-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';
import { importHowTo } from './import-how-to.js';

const OPEN_UPDATE = /^update\s+(\S+)(?:\s+(?:in|for)\s+(?:plan\s+)?([a-z][a-z0-9-]*))?\s*$/i;
/** `decision` with nothing after it opens the form; with its words it is the typed command, answered like any other. */
const OPEN_DECISION = /^(?:record\s+(?:a\s+)?)?decision(?:\s+(?:in|for)\s+(?:plan\s+)?([a-z][a-z0-9-]*))?\s*$/i;
/** `meeting add` (or `add a meeting`) with nothing after it opens the meeting form. */
const OPEN_MEETING = /^(?:meeting\s+add|add\s+(?:a\s+)?meeting)(?:\s+(?:in|for)\s+(?:plan\s+)?([a-z][a-z0-9-]*))?\s*$/i;
const REPORT = /^(?:report|board paper|paper)\b(.*)$/is;
const IMPORT = /^import\b(.*)$/is;

/** `/concerto <words>`: acknowledged at once, answered ephemerally; `update <id>` alone opens the update form, `decision` alone the decision form, `meeting add` alone the meeting form. */
export function registerConcertoCommand(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond, client, logger }) => {
    // Slack allows 3 seconds; nothing slow happens before this.
    await ack();
    const text = command.text?.trim() || 'help';
    try {
      const open = OPEN_UPDATE.exec(text);
      if (open && isRecommendationId(canonicalId(open[1]!))) {
        await openUpdateModal(deps, client, logger, { triggerId: command.trigger_id, userId: command.user_id, recId: canonicalId(open[1]!), ...(open[2] ? { plan: open[2].toLowerCase() } : {}), channel: command.channel_id });
        return;
      }
      const decision = OPEN_DECISION.exec(text);
      if (decision) {
        await openDecisionModal(deps, client, logger, { triggerId: command.trigger_id, userId: command.user_id, ...(decision[1] ? { plan: decision[1].toLowerCase() } : {}), channel: command.channel_id });
        return;
      }
      const meeting = OPEN_MEETING.exec(text);
      if (meeting) {
        await openMeetingModal(deps, client, logger, { triggerId: command.trigger_id, userId: command.user_id, ...(meeting[1] ? { plan: meeting[1].toLowerCase() } : {}), channel: command.channel_id });
        return;
      }
      const report = REPORT.exec(text);
      if (report) {
        await respond({ response_type: 'ephemeral', text: 'Preparing the board paper…' });
        await respond({ response_type: 'ephemeral', text: escapeText(await sendReport(deps, client, command.user_id, report[1] ?? '', command.channel_id)) });
        return;
      }
      const imports = IMPORT.exec(text);
      if (imports) return void (await respond({ response_type: 'ephemeral', ...(await importHowTo(deps, command.user_id, imports[1]!)) }));
      const { reply } = await converse(deps, command.user_id, text, `slack:${command.user_id}:${command.channel_id}`, command.channel_id);
      const paper = await deliverAskedPaper(deps, client, command.user_id, reply, command.channel_id);
      if (paper !== null) return void (await respond({ response_type: 'ephemeral', text: escapeText(paper) }));
      await respond({ response_type: 'ephemeral', ...replyMessage(reply, { shareable: !reply.awaiting && !reply.error && isReadOnly(text), source: text }) });
    } catch (err) {
      logger.error(err);
      await respond({ response_type: 'ephemeral', text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });
}
