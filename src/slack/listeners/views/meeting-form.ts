import type { BlockAction, ButtonAction, Logger } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startTurn } from '../../../core/ask/ask.js';
import { addMeeting } from '../../../core/ask/handlers/governance.js';
import { checkMeetingForm, type MeetingForm } from '../../../core/ask/meeting-form.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION, VIEW } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { openMeetingModal } from '../../open-admin-form.js';
import { meetingErrors, parseMeetingMetadata, readMeetingSubmission } from '../../views/meeting-modal.js';

const LOST_TRACK = 'This form has lost track of its plan. Close it and open it again with `/concerto meeting add`.';

/**
 * The meeting form: a plan picked in it, and Add. Add is checked from the form's own values with no I/O
 * (field errors only come through the 3-second ack), then saved through the same `addMeeting` as
 * `meeting add`, which checks it all again (a twin meeting, rights); the outcome comes by DM.
 */
export function registerMeetingForm(app: IdListeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.openMeeting, async ({ ack, body, action, client, logger }) => {
    await ack();
    const viewId = body.view?.type === 'modal' ? body.view.id : undefined;
    await openMeetingModal(deps, client, logger, { triggerId: body.trigger_id, userId: body.user.id, plan: action.value ?? '', ...(viewId ? { viewId } : {}) }).catch((err: unknown) => logger.error(err));
  });

  app.view(VIEW.meeting, async ({ ack, body, view, client, logger }) => {
    let form: MeetingForm;
    let plan: string;
    try {
      const meta = parseMeetingMetadata(view.private_metadata);
      if (!meta) return void (await ack({ response_action: 'errors', errors: meetingErrors({ date: LOST_TRACK }) }));
      form = readMeetingSubmission(view.state?.values as never);
      const checked = checkMeetingForm(form, meta);
      if (!checked.ok) return void (await ack({ response_action: 'errors', errors: meetingErrors(checked.errors) }));
      plan = meta.plan;
    } catch (err) {
      logger.error(err);
      return void (await ack({ response_action: 'errors', errors: meetingErrors({ date: LOST_TRACK }) }));
    }
    await ack();
    await save(deps, client, logger, body.user.id, plan, form);
  });
}

async function save(deps: SlackDeps, client: WebClient, logger: Logger, userId: string, plan: string, form: MeetingForm): Promise<void> {
  let text: string;
  try {
    const viewer = await slackViewer(deps, userId);
    const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:form`), plan);
    const reply = 'awaiting' in turn ? turn : await addMeeting(turn, form.board, form.date, form.papersBy || null);
    text = reply.error || 'awaiting' in turn ? `The meeting was not added. ${reply.text}` : reply.text;
  } catch (err) {
    logger.error(err);
    text = 'The meeting was not added: Concerto could not reach its database just now, so nothing was saved. Open the form again with `/concerto meeting add`.';
  }
  await client.chat.postMessage({ channel: userId, text: escapeText(text) }).catch((err: unknown) => logger.error(err));
}
