import type { Logger } from '@slack/bolt';
import { startTurn } from '../core/ask/ask.js';
import { updateFormData } from '../core/ask/update-form.js';
import type { SlackDeps, WebClient } from './deps.js';
import { slackContext, slackViewer } from './identity.js';
import { COULD_NOT_COMPLETE } from './listeners/failure.js';
import { loadingModal, noticeModal, updateModal, type UpdateModalOptions } from './views/update-modal.js';

/**
 * Opens the update form for an item from a command or a button. The trigger_id dies 3 seconds
 * after the click, and looking the person up (users.info) or reading the plan can take longer
 * under load or a rate limit, so a loading view opens first, with nothing read, and the form
 * (or the reason it cannot be shown) replaces it.
 */
export async function openUpdateModal(deps: SlackDeps, client: WebClient, logger: Logger, o: { triggerId: string; userId: string; recId: string } & UpdateModalOptions): Promise<void> {
  const { triggerId, userId, recId, ...where } = o;
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(recId) as never });
  const viewId = opened.view?.id;
  if (!viewId) return;
  let view;
  try {
    const viewer = await slackViewer(deps, userId);
    const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:modal`));
    const data = 'awaiting' in turn ? turn : await updateFormData(turn, recId);
    view = 'awaiting' in data ? noticeModal(recId, data.text) : updateModal(data, where);
  } catch (err) {
    logger.error(err);
    view = noticeModal(recId, COULD_NOT_COMPLETE);
  }
  await client.views.update({ view_id: viewId, view: view as never });
}
