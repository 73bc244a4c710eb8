import { todayIn } from '../dates/today.js';
import type { Intent, QueryFilter } from './intent.js';
import { parseIntent } from './intents/parse-intent.js';
import type { AskContext, Turn } from './context.js';
import { ConversationState, type ChooseOwnerState } from './conversation/state.js';
import { continueUpdate, startUpdate } from './conversation/update-flow.js';
import { isCancel } from './conversation/answers.js';
import { addItem, assign } from './handlers/admin.js';
import { changeable, complete, postUpdate, redate, reopen, setStatus } from './handlers/change.js';
import { answerHelp, notUnderstood } from './handlers/help.js';
import { answerHistory } from './handlers/history.js';
import { answerStatus, answerWhoOwns } from './handlers/item.js';
import { answerQuery } from './handlers/query.js';
import { answerWhen } from './handlers/when.js';
import { isReply } from './lookup.js';
import { say, type Reply } from './reply.js';
import { expiresAt } from './conversation/state.js';

/**
 * One turn of conversation: (who, text, now) → a reply as plain data.
 * Every front end (Slack command, DM, mention, terminal) calls this and only renders the result.
 */
export async function ask(ctx: AskContext, text: string): Promise<Reply> {
  const turn = await startTurn(ctx);
  if ('awaiting' in turn) return turn;

  const pending = ConversationState.safeParse(await ctx.conversations.load(ctx.conversationKey, ctx.now.toISOString()));
  if (pending.success) {
    if (pending.data.flow === 'update') return continueUpdate(turn, pending.data, text);
    return continueChooseOwner(turn, pending.data, text);
  }
  return act(turn, parseIntent(text));
}

/** Resolves the plan and "today" for a turn, or says that there is no plan yet. */
export async function startTurn(ctx: AskContext): Promise<Turn | Reply> {
  const plan = await ctx.store.plan();
  if (!plan) return say('No plan is loaded yet. Run `concerto seed` to load the bundled plan, or `concerto import FILE`.', { error: 'no_plan' });
  const timeZone = ctx.timeZone ?? plan.timeZone;
  return { ...ctx, plan, timeZone, today: todayIn(ctx.now, timeZone) };
}

async function act(turn: Turn, intent: Intent): Promise<Reply> {
  switch (intent.kind) {
    case 'help':
      return answerHelp(intent.topic);
    case 'status':
      return answerStatus(turn, intent.id);
    case 'who_owns':
      return answerWhoOwns(turn, intent.id);
    case 'history':
      return answerHistory(turn, intent.id);
    case 'query':
      return withOwnerChoice(turn, intent.filter);
    case 'update': {
      if (intent.text !== null) return postUpdate(turn, intent.id, intent.text);
      const rec = await changeable(turn, intent.id);
      return isReply(rec) ? rec : startUpdate(turn, rec);
    }
    case 'complete':
      return complete(turn, intent.id, intent.evidence);
    case 'reopen':
      return reopen(turn, intent.id, intent.reason);
    case 'date':
      return redate(turn, intent.id, intent.phrase);
    case 'set_status':
      return setStatus(turn, intent.id, intent.status);
    case 'when':
      return answerWhen(turn, intent.phrase);
    case 'assign':
      return assign(turn, intent.id, intent.owners);
    case 'add':
      return addItem(turn, intent.id, intent.fields);
    case 'unknown':
      return notUnderstood(intent.reason);
  }
}

/** An ambiguous owner name becomes a question; the answer finishes the original query. */
async function withOwnerChoice(turn: Turn, filter: QueryFilter): Promise<Reply> {
  const reply = await answerQuery(turn, { ...filter });
  if (reply.awaiting === 'choose_owner' && reply.choices) {
    const state: ChooseOwnerState = { flow: 'choose_owner', options: reply.choices, filter: { ...filter } };
    await turn.conversations.save(turn.conversationKey, state, turn.now.toISOString(), expiresAt(turn.now));
    const numbered = reply.choices.map((c, i) => `${i + 1}. ${c}`).join('  ');
    return { ...reply, text: `${reply.text} ${numbered} (or \`cancel\`)` };
  }
  return reply;
}

async function continueChooseOwner(turn: Turn, state: ChooseOwnerState, answer: string): Promise<Reply> {
  await turn.conversations.clear(turn.conversationKey);
  if (isCancel(answer)) return say('Cancelled.');
  const trimmed = answer.trim();
  const picked = /^\d+$/.test(trimmed) ? state.options[Number(trimmed) - 1] : state.options.find((o) => o.toLowerCase() === trimmed.toLowerCase());
  // Not one of the offered names: treat it as a fresh message rather than trapping the person.
  if (!picked) return act(turn, parseIntent(answer));
  // The pick replaces whatever word was ambiguous ("constables" as owner or as a loose `about`).
  const { about: _ambiguous, ...filter } = state.filter as QueryFilter;
  return answerQuery(turn, { ...filter, owner: picked });
}
