import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startItemTurn } from '../../../core/ask/ask.js';
import type { Turn } from '../../../core/ask/context.js';
import { decisionAnswerable, stillWaiting } from '../../../core/ask/handlers/decision-answers.js';
import { isReply } from '../../../core/ask/lookup.js';
import { say, type Reply } from '../../../core/ask/reply.js';
import { readDecisionRef } from '../../decision-ref.js';
import type { SlackDeps } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { openUpdateModal } from '../../open-update-modal.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/**
 * How long Move on checks the press before opening the form. A trigger_id dies 3 s after the click;
 * a check slower than this (a users.info look-up under a rate limit) opens the form anyway, and the
 * form makes its own check of who may change the item.
 */
const CHECK_MS = 1500;

const NOT_OURS = say('That button does not name a decision Concerto knows, so nothing was changed.', { error: 'not_found' });

/** Move on and Still waiting, on the message owners get when a decision affecting their items is recorded. */
export function registerDecisionButtons(app: IdListeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.decisionStillWaiting, async ({ ack, body, action, respond, logger }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text } as never);
    try {
      const ref = readDecisionRef(action.value);
      const turn = await turnFor(deps, body.user.id, ref);
      const reply = isReply(turn) ? turn : ref.decision === null ? NOT_OURS : await stillWaiting(turn, ref.id, ref.decision);
      await tell(answerText(turn, reply));
    } catch (err) {
      logger.error(err);
      await tell(COULD_NOT_COMPLETE).catch(() => {});
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION.decisionMoveOn, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text } as never);
    const ref = readDecisionRef(action.value);
    try {
      const check = (async () => {
        const turn = await turnFor(deps, body.user.id, ref);
        if (isReply(turn)) return answerText(turn, turn);
        if (ref.decision === null) return answerText(turn, NOT_OURS);
        const found = await decisionAnswerable(turn, ref.id, ref.decision);
        return isReply(found) ? answerText(turn, found) : null;
      })();
      // A check that fails after the form has opened has nothing left to answer.
      check.catch(() => {});
      const refused = await Promise.race([check, new Promise<null>((resolve) => setTimeout(() => resolve(null), CHECK_MS).unref())]);
      if (refused !== null) return void (await tell(refused));
      await openUpdateModal(deps, client, logger, { triggerId: body.trigger_id, userId: body.user.id, recId: ref.id, ...(ref.plan ? { plan: ref.plan } : {}), ...(body.channel?.id ? { channel: body.channel.id } : {}) });
    } catch (err) {
      logger.error(err);
      await tell(COULD_NOT_COMPLETE).catch(() => {});
    }
  });
}

async function turnFor(deps: SlackDeps, userId: string, ref: { id: string; plan?: string }): Promise<Turn | Reply> {
  const viewer = await slackViewer(deps, userId);
  return startItemTurn(slackContext(deps, viewer, `slack:${userId}:buttons`), ref.id, ref.plan);
}

/** One ephemeral line, naming the plan once there are several. */
function answerText(turn: Turn | Reply, reply: Reply): string {
  const text = !isReply(turn) && turn.manyPlans ? `[${turn.plan.key}] ${reply.text}` : reply.text;
  return escapeText(text);
}
