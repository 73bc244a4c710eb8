import type { Logger } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startItemTurn } from '../../../core/ask/ask.js';
import { submitUpdateForm } from '../../../core/ask/handlers/submit-update.js';
import { checkUpdateForm, type UpdateForm } from '../../../core/ask/update-form-check.js';
import { todayIn } from '../../../core/dates/today.js';
import { STATUSES } from '../../../core/plan/status.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { VIEW } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { modalErrors, parseUpdateMetadata, readUpdateSubmission, type UpdateMetadata } from '../../views/update-modal.js';
import { replyMessage } from '../../views/reply-message.js';
import { askAdminsToSignOff } from '../../sign-off-notice.js';

/**
 * The update modal's Save. Slack gives the ack 3 seconds and shows field errors only through it,
 * so the form is checked from its own values and metadata with no I/O, acknowledged, and only
 * then saved; the confirmation (or why it could not be saved, with the text typed) arrives by DM.
 */
export function registerUpdateSubmission(app: IdListeners, deps: SlackDeps): void {
  app.view(VIEW.update, async ({ ack, body, view, client, logger }) => {
    let form: UpdateForm;
    let plan: string | undefined;
    try {
      const meta = parseUpdateMetadata(view.private_metadata);
      if (!meta) return void (await ack({ response_action: 'errors', errors: modalErrors({ text: LOST_TRACK }) }));
      const values = readUpdateSubmission(view.state?.values as never);
      plan = meta.plan;
      form = { recId: meta.id, text: values.text, status: STATUSES.find((s) => s === values.status) ?? null, delivery: values.delivery, evidence: values.evidence };
      const checked = quickCheck(deps, meta, form);
      if (!checked.ok) return void (await ack({ response_action: 'errors', errors: modalErrors(checked.errors) }));
    } catch (err) {
      // A payload Slack would not send; still acked inside the 3 seconds, with a sentence.
      logger.error(err);
      return void (await ack({ response_action: 'errors', errors: modalErrors({ text: LOST_TRACK }) }));
    }
    await ack();
    await save(deps, client, logger, body.user.id, form, plan);
  });
}

const LOST_TRACK = 'This form has lost track of its recommendation. Close it and open it again with `/concerto update <number>`.';

function quickCheck(deps: SlackDeps, meta: UpdateMetadata, form: UpdateForm) {
  const timeZone = meta.tz ?? deps.services.config.CONCERTO_TIMEZONE ?? 'Europe/London';
  const item = meta.status !== undefined && meta.delivery !== undefined ? { id: meta.id, status: meta.status, deliveryText: meta.delivery } : null;
  return checkUpdateForm(form, item, todayIn(deps.services.clock.now(), timeZone), timeZone);
}

async function save(deps: SlackDeps, client: WebClient, logger: Logger, userId: string, form: UpdateForm, plan: string | undefined): Promise<void> {
  let problem: string;
  try {
    const viewer = await slackViewer(deps, userId);
    const turn = await startItemTurn(slackContext(deps, viewer, `slack:${userId}:modal`), form.recId, plan);
    if ('awaiting' in turn) {
      problem = turn.text;
    } else {
      const result = await submitUpdateForm(turn, form);
      if (result.ok) {
        await client.chat.postMessage({ channel: userId, ...replyMessage(result.reply, { shareable: false }) });
        deps.homes.refreshAfterChange(deps, userId, result.reply.items[0]?.owners ?? []);
        if (result.reply.proposed) await askAdminsToSignOff(deps, logger, result.reply.proposed);
        return;
      }
      // The plan changed between opening the form and saving it (a new status, a new owner).
      problem = Object.values(result.errors).join(' ');
    }
  } catch (err) {
    logger.error(err);
    problem = 'Concerto could not reach its database just now, so nothing was saved.';
  }
  await client.chat.postMessage({ channel: userId, text: notSaved(form, problem) }).catch((err: unknown) => logger.error(err));
}

/** Says why, what to do, and gives back what was typed so nothing has to be written twice. */
function notSaved(form: UpdateForm, problem: string): string {
  const typed = form.text ? `\nWhat you wrote:\n>${escapeText(form.text).replace(/\n/g, '\n>')}` : '';
  return `Your update on ${escapeText(form.recId)} was not saved. ${escapeText(problem)}\nOpen the form again with \`/concerto update ${escapeText(form.recId)}\` and save it once more.${typed}`;
}
