import type { BlockAction, ButtonAction, Logger } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startItemTurn } from '../../../core/ask/ask.js';
import { returnProposal, signOff } from '../../../core/ask/handlers/sign-off.js';
import type { Reply } from '../../../core/ask/reply.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { slackContext, slackViewer } from '../../identity.js';
import { ACTION, RETURN_REASON, VIEW } from '../../ids.js';
import { tellOwners } from '../../sign-off-notice.js';
import { readProposalRef, returnModal, signOffAnsweredMessage, type ProposalRef } from '../../views/sign-off-message.js';
import { COULD_NOT_COMPLETE } from '../failure.js';

/**
 * Sign off and Return on the admins' message about a proposed completion. Thin: the core decides (plan
 * admins only, never the proposer, and only the proposal the button names, compared under the row lock),
 * so two admins pressing at once get one completion and one "already signed off".
 */
export function registerSignOffButtons(app: IdListeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.signOff, async ({ ack, body, action, respond, client, logger }) => {
    await ack();
    // On the admin's DM the answer replaces the buttons; on App Home (no response_url) it comes by DM and the tab is redrawn.
    const fromHome = !body.response_url;
    const refuse = (text: string) => (fromHome ? client.chat.postMessage({ channel: body.user.id, text }) : respond({ response_type: 'ephemeral', replace_original: false, text }));
    try {
      const ref = readProposalRef(action.value);
      const outcome = ref ? await answer(deps, body.user.id, ref, (turn) => signOff(turn, ref.id, ref.at)) : null;
      if (!outcome || !outcome.done) {
        await refuse(outcome?.reply.text ?? COULD_NOT_COMPLETE);
        if (fromHome) deps.homes.refresh([body.user.id], true);
        return;
      }
      if (fromHome) await client.chat.postMessage({ channel: body.user.id, text: outcome.reply.text });
      else await respond({ replace_original: true, ...signOffAnsweredMessage(`${outcome.reply.text} (by <@${body.user.id}>)`) } as never);
      deps.homes.refreshAfterChange(deps, body.user.id, outcome.reply.items[0]?.owners ?? []);
    } catch (err) {
      logger.error(err);
      await Promise.resolve(refuse(COULD_NOT_COMPLETE)).catch(() => {});
    }
  });

  // Return opens a small modal for the reason; the trigger_id lasts 3 seconds, so it opens before anything is read.
  app.action<BlockAction<ButtonAction>>(ACTION.signOffReturn, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    try {
      const ref = readProposalRef(action.value);
      if (!ref) throw new Error(`Unreadable proposal on a Return button: ${action.value}`);
      await client.views.open({ trigger_id: body.trigger_id, view: returnModal(ref) as never });
    } catch (err) {
      logger.error(err);
      if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text: COULD_NOT_COMPLETE }).catch(() => {});
      else await client.chat.postMessage({ channel: body.user.id, text: COULD_NOT_COMPLETE }).catch(() => {});
    }
  });

  app.view(VIEW.signOffReturn, async ({ ack, body, view, client, logger }) => {
    const ref = readProposalRef(view.private_metadata);
    const values = view.state?.values as Record<string, Record<string, { value?: string | null }>> | undefined;
    const reason = (values?.[RETURN_REASON.block]?.[RETURN_REASON.input]?.value ?? '').trim();
    if (!ref) return void (await ack({ response_action: 'errors', errors: { [RETURN_REASON.block]: COULD_NOT_COMPLETE } }));
    if (!reason) return void (await ack({ response_action: 'errors', errors: { [RETURN_REASON.block]: 'Say why it goes back: the owners are told.' } }));
    await ack();
    await returned(deps, client, logger, body.user.id, ref, reason);
  });
}

async function returned(deps: SlackDeps, client: WebClient, logger: Logger, userId: string, ref: ProposalRef, reason: string): Promise<void> {
  try {
    const outcome = await answer(deps, userId, ref, (turn) => returnProposal(turn, ref.id, reason, ref.at));
    await client.chat.postMessage({ channel: userId, text: outcome.reply.text });
    if (outcome.done) {
      const owners = outcome.reply.items[0]?.owners ?? [];
      await tellOwners(deps, client, logger, owners, `Your proposed completion of ${ref.id} (${ref.plan}) was returned by <@${userId}>: "${reason}". It keeps its status; \`complete ${ref.id} <evidence>\` proposes it again.`, userId);
      deps.homes.refreshAfterChange(deps, userId, owners);
    }
  } catch (err) {
    logger.error(err);
    await client.chat.postMessage({ channel: userId, text: COULD_NOT_COMPLETE }).catch(() => {});
  }
}

async function answer(
  deps: SlackDeps,
  userId: string,
  ref: ProposalRef,
  act: (turn: Exclude<Awaited<ReturnType<typeof startItemTurn>>, Reply>) => Promise<{ reply: Reply; done: boolean }>,
): Promise<{ reply: Reply; done: boolean }> {
  const viewer = await slackViewer(deps, userId);
  const turn = await startItemTurn(slackContext(deps, viewer, `slack:${userId}:sign-off`), ref.id, ref.plan);
  if ('awaiting' in turn) return { reply: turn, done: false };
  return act(turn);
}
