import type { Logger } from '@slack/bolt';
import { startItemTurn } from '../core/ask/ask.js';
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
export async function openUpdateModal(
  deps: SlackDeps,
  client: WebClient,
  logger: Logger,
  o: { triggerId: string; userId: string; recId: string; viewId?: string } & UpdateModalOptions,
): Promise<void> {
  const { triggerId, userId, recId, viewId: within, ...where } = o;
  // A plan picked inside the modal (its buttons) fills that modal; anything else opens one.
  const viewId = within ?? (await client.views.open({ trigger_id: triggerId, view: loadingModal(recId) as never })).view?.id;
  if (!viewId) return;
  let view;
  try {
    const viewer = await slackViewer(deps, userId);
    const turn = await startItemTurn(slackContext(deps, viewer, `slack:${userId}:modal`, where.channel ? { channel: where.channel } : {}), recId, where.plan);
    const data = 'awaiting' in turn ? turn : await updateFormData(turn, recId);
    if ('awaiting' in data) {
      const pick = data.awaiting === 'choose_plan' ? (data.choices ?? []) : [];
      view = noticeModal(recId, pick.length ? `${recId} is in ${pick.length} plans. Which one?` : data.text, pick);
    } else {
      view = updateModal(data, { ...where, ...('manyPlans' in turn && turn.manyPlans ? { plan: turn.plan.key } : {}) });
    }
  } catch (err) {
    logger.error(err);
    view = noticeModal(recId, COULD_NOT_COMPLETE);
  }
  await client.views.update({ view_id: viewId, view: view as never });
}
