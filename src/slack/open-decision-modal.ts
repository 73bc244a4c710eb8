import type { Logger } from '@slack/bolt';
import { startTurn } from '../core/ask/ask.js';
import { decisionFormData } from '../core/ask/decision-form.js';
import type { SlackDeps, WebClient } from './deps.js';
import { slackContext, slackViewer } from './identity.js';
import { COULD_NOT_COMPLETE } from './listeners/failure.js';
import { decisionLoadingModal, decisionModal, decisionNoticeModal } from './views/decision-modal.js';

/**
 * Opens the decision form (`/concerto decision`). The trigger_id dies 3 seconds after the command, so a
 * loading view opens first with nothing read; the form, or why it cannot open (not an admin, no boards,
 * which plan?), replaces it.
 */
export async function openDecisionModal(
  deps: SlackDeps,
  client: WebClient,
  logger: Logger,
  o: { triggerId: string; userId: string; plan?: string; viewId?: string; channel?: string },
): Promise<void> {
  const viewId = o.viewId ?? (await client.views.open({ trigger_id: o.triggerId, view: decisionLoadingModal() as never })).view?.id;
  if (!viewId) return;
  let view;
  try {
    const viewer = await slackViewer(deps, o.userId);
    const turn = await startTurn(slackContext(deps, viewer, `slack:${o.userId}:decision`, o.channel ? { channel: o.channel } : {}), o.plan);
    const data = 'awaiting' in turn ? turn : await decisionFormData(turn);
    if ('awaiting' in data) {
      const pick = data.awaiting === 'choose_plan' ? (data.choices ?? []) : [];
      view = decisionNoticeModal(pick.length ? 'Which plan is the decision for?' : data.text, pick);
    } else {
      view = decisionModal(data);
    }
  } catch (err) {
    logger.error(err);
    view = decisionNoticeModal(COULD_NOT_COMPLETE);
  }
  await client.views.update({ view_id: viewId, view: view as never });
}
