import type { BlockAction, ButtonAction, Logger } from '@slack/bolt';
import type { IdListeners } from '../listeners-by-id.js';
import { startTurn } from '../../../core/ask/ask.js';
import { checkDecisionForm, matchItems, type DecisionForm } from '../../../core/ask/decision-form.js';
import { recordDecision } from '../../../core/ask/handlers/governance.js';
import { titleOf } from '../../../core/plan/recommendation.js';
import { LIMITS } from '../../block-kit.js';
import type { SlackDeps, WebClient } from '../../deps.js';
import { escapeText } from '../../escape.js';
import { ACTION, VIEW } from '../../ids.js';
import { slackContext, slackViewer } from '../../identity.js';
import { openDecisionModal } from '../../open-admin-form.js';
import { decisionErrors, itemOption, parseDecisionMetadata, readDecisionSubmission } from '../../views/decision-modal.js';
import { replyMessage } from '../../views/reply-message.js';

const LOST_TRACK = 'This form has lost track of its plan. Close it and open it again with `/concerto decision`.';

/**
 * The decision form: a plan picked in it, its item search, and Record. Record is checked from the form's
 * own values and metadata with no I/O (Slack shows field errors only through the 3-second ack), then
 * saved through the same `recordDecision` as the typed command, which checks it all again; the outcome
 * comes by DM, and the owners' messages go out from the outbox the decision was written with.
 */
export function registerDecisionForm(app: IdListeners, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.openDecision, async ({ ack, body, action, client, logger }) => {
    await ack();
    const viewId = body.view?.type === 'modal' ? body.view.id : undefined;
    await openDecisionModal(deps, client, logger, { triggerId: body.trigger_id, userId: body.user.id, plan: action.value ?? '', ...(viewId ? { viewId } : {}) }).catch((err: unknown) => logger.error(err));
  });

  app.options(ACTION.decisionItems, async ({ ack, body, logger }) => {
    try {
      const meta = parseDecisionMetadata((body as { view?: { private_metadata?: string } }).view?.private_metadata);
      if (!meta) return void (await ack({ options: [] }));
      const viewer = await slackViewer(deps, body.user.id);
      const turn = await startTurn(slackContext(deps, viewer, `slack:${body.user.id}:decision`), meta.plan);
      if ('awaiting' in turn) return void (await ack({ options: [] }));
      const items = (await turn.store.find({})).map((r) => ({ id: r.id, title: titleOf(r.text) }));
      await ack({ options: matchItems(items, (body as { value?: string }).value ?? '', LIMITS.selectOptions).map(itemOption) });
    } catch (err) {
      logger.error(err);
      await ack({ options: [] }).catch(() => {});
    }
  });

  app.view(VIEW.decision, async ({ ack, body, view, client, logger }) => {
    let form: DecisionForm;
    let plan: string;
    let day: string;
    try {
      const meta = parseDecisionMetadata(view.private_metadata);
      if (!meta) return void (await ack({ response_action: 'errors', errors: decisionErrors({ text: LOST_TRACK }) }));
      form = readDecisionSubmission(view.state?.values as never);
      const checked = checkDecisionForm(form, meta);
      if (!checked.ok) return void (await ack({ response_action: 'errors', errors: decisionErrors(checked.errors) }));
      plan = meta.plan;
      day = checked.day;
    } catch (err) {
      logger.error(err);
      return void (await ack({ response_action: 'errors', errors: decisionErrors({ text: LOST_TRACK }) }));
    }
    await ack();
    await save(deps, client, logger, body.user.id, plan, { ...form, day });
  });
}

async function save(deps: SlackDeps, client: WebClient, logger: Logger, userId: string, plan: string, form: DecisionForm): Promise<void> {
  let text: string;
  try {
    const viewer = await slackViewer(deps, userId);
    const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:decision`), plan);
    const reply = 'awaiting' in turn ? turn : await recordDecision(turn, { kind: 'decision', board: form.board, date: form.day, outsideMeeting: form.outsideMeeting, text: form.text, affects: form.affects, corrects: null });
    if (!reply.error && !('awaiting' in turn)) {
      await client.chat.postMessage({ channel: userId, ...replyMessage(reply, { shareable: false }) });
      deps.homes.refreshAfterChange(deps, userId, reply.items.flatMap((i) => i.owners));
      return;
    }
    text = reply.text;
  } catch (err) {
    logger.error(err);
    text = 'Concerto could not reach its database just now, so nothing was saved.';
  }
  const typed = `\nWhat you wrote:\n>${escapeText(form.text).replace(/\n/g, '\n>')}`;
  await client.chat.postMessage({ channel: userId, text: `The decision was not recorded. ${escapeText(text)}\nOpen the form again with \`/concerto decision\` and record it once more.${typed}` }).catch((err: unknown) => logger.error(err));
}
