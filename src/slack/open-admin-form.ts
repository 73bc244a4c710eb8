import type { Logger } from '@slack/bolt';
import { startTurn } from '../core/ask/ask.js';
import type { Turn } from '../core/ask/context.js';
import { decisionFormData } from '../core/ask/decision-form.js';
import { meetingFormData } from '../core/ask/meeting-form.js';
import type { Reply } from '../core/ask/reply.js';
import type { ModalView } from './block-kit.js';
import type { SlackDeps, WebClient } from './deps.js';
import { slackContext, slackViewer } from './identity.js';
import { COULD_NOT_COMPLETE } from './listeners/failure.js';
import { decisionLoadingModal, decisionModal, decisionNoticeModal } from './views/decision-modal.js';
import { meetingLoadingModal, meetingModal, meetingNoticeModal } from './views/meeting-modal.js';

/** Where an admin form was asked for: the command's trigger, or the modal a plan was picked in. */
export interface OpenFormAt {
  triggerId: string;
  userId: string;
  plan?: string;
  viewId?: string;
  channel?: string;
}

interface AdminForm<D> {
  loading: () => ModalView;
  notice: (text: string, plans?: string[]) => ModalView;
  /** The form's data, or why it cannot open (not an admin of the plan, no boards). */
  data: (turn: Turn) => Promise<D | Reply>;
  view: (data: D) => ModalView;
  /** Asked when the plan is open: "Which plan is the decision for?" */
  whichPlan: string;
}

/**
 * Opens a plan admin's form (`/concerto decision`, `/concerto meeting add`). The trigger_id dies 3 seconds
 * after the command, so a loading view opens first with nothing read; the form, or why it cannot open
 * (not an admin, no boards, which plan?), replaces it.
 */
async function openAdminForm<D>(deps: SlackDeps, client: WebClient, logger: Logger, at: OpenFormAt, form: AdminForm<D>): Promise<void> {
  const viewId = at.viewId ?? (await client.views.open({ trigger_id: at.triggerId, view: form.loading() as never })).view?.id;
  if (!viewId) return;
  let view: ModalView;
  try {
    const viewer = await slackViewer(deps, at.userId);
    const turn = await startTurn(slackContext(deps, viewer, `slack:${at.userId}:form`, at.channel ? { channel: at.channel } : {}), at.plan);
    const data = 'awaiting' in turn ? turn : await form.data(turn);
    if (data && typeof data === 'object' && 'awaiting' in data) {
      const reply = data as Reply;
      const pick = reply.awaiting === 'choose_plan' ? (reply.choices ?? []) : [];
      view = form.notice(pick.length ? form.whichPlan : reply.text, pick);
    } else {
      view = form.view(data as D);
    }
  } catch (err) {
    logger.error(err);
    view = form.notice(COULD_NOT_COMPLETE);
  }
  await client.views.update({ view_id: viewId, view: view as never });
}

export const openDecisionModal = (deps: SlackDeps, client: WebClient, logger: Logger, at: OpenFormAt) =>
  openAdminForm(deps, client, logger, at, { loading: decisionLoadingModal, notice: decisionNoticeModal, data: decisionFormData, view: decisionModal, whichPlan: 'Which plan is the decision for?' });

export const openMeetingModal = (deps: SlackDeps, client: WebClient, logger: Logger, at: OpenFormAt) =>
  openAdminForm(deps, client, logger, at, { loading: meetingLoadingModal, notice: meetingNoticeModal, data: meetingFormData, view: meetingModal, whichPlan: 'Which plan is the meeting for?' });
