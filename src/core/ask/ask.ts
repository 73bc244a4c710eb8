import type { PlanInfo } from '../ports.js';
import { unknownPlanMessage } from '../plan/plan-key.js';
import type { Intent, QueryFilter } from './intent.js';
import { parseIntent } from './intents/parse-intent.js';
import { findEveryPlan, findPlanByTitle, findPlanMention } from './intents/plan-mention.js';
import type { AskContext, Turn } from './context.js';
import { ConversationState, type ChooseOwnerState, type ChoosePlanState } from './conversation/state.js';
import { continueUpdate, startUpdate } from './conversation/update-flow.js';
import { isCancel } from './conversation/answers.js';
import { addItem, assign, setPriority } from './handlers/admin.js';
import { changeable, complete, postUpdate, redate, reopen, setStatus } from './handlers/change.js';
import { answerChat, answerHelp, notUnderstood } from './handlers/help.js';
import { answerHistory } from './handlers/history.js';
import { answerDue, answerStatus, answerUpdates, answerWhoOwns } from './handlers/item.js';
import { answerPaper } from './handlers/paper.js';
import { answerQuery } from './handlers/query.js';
import { chase } from './handlers/chase.js';
import { setNudgePreference } from './handlers/nudge-preference.js';
import { answerAcrossPlans, answerByPlan, plansHolding, whichPlan } from './handlers/across-plans.js';
import { changePlanState, createPlan, currentPlan, listPlans, plansWithItem, setPlan, usePlan } from './handlers/plans.js';
import { answerWhen } from './handlers/when.js';
import { addBoard, addMeeting, correctDecision, listBoards, listDecisions, listMeetings, answerNextMeeting, recordDecision } from './handlers/governance.js';
import { setAwaiting } from './handlers/waiting.js';
import { returnProposal, signOff } from './handlers/sign-off.js';
import { isReply } from './lookup.js';
import { headsSection } from '../plan/recommendation-id.js';
import { actionableReply } from './actionable.js';
import { labelled, noPlanYet, resolveScope, turnFor } from './plan-scope.js';
import { say, type Reply } from './reply.js';
import { expiresAt } from './conversation/state.js';

/**
 * One turn of conversation: (who, where, text, now) → a reply as plain data.
 * Every front end (Slack command, DM, mention, terminal) calls this and only renders the result.
 */
export function ask(ctx: AskContext, text: string): Promise<Reply> {
  // A read model that could not be confirmed (its database is away) is a sentence, wherever the turn first read.
  return answer(ctx, text).catch((err: unknown) => actionableReply(err) ?? Promise.reject(err));
}

async function answer(ctx: AskContext, text: string): Promise<Reply> {
  const all = await ctx.plans.list();
  const pending = ConversationState.safeParse(await ctx.conversations.load(ctx.conversationKey, ctx.now.toISOString()));
  if (pending.success) {
    const state = pending.data;
    if (state.flow === 'choose_plan') return continueChoosePlan(ctx, state, text);
    const plan = all.find((p) => p.id === state.planId) ?? (state.planId === undefined ? [...all].sort((a, b) => a.id - b.id)[0] : undefined);
    if (plan) {
      const turn = turnFor(ctx, plan, all);
      const reply = state.flow === 'update' ? await continueUpdate(turn, state, text) : await continueChooseOwner(turn, state, text);
      return labelled(turn, reply);
    }
    // The plan went away under the conversation: start afresh with this message.
    await ctx.conversations.clear(ctx.conversationKey);
  }
  return fresh(ctx, all, text);
}

/** Questions, whose words are all Concerto's to read: "in the audit plan" there names a plan by its title. */
const NAMES_PLAN_BY_TITLE = new Set<Intent['kind']>(['status', 'who_owns', 'history', 'query', 'paper', 'decisions', 'meetings', 'unknown']);

/** A message with nothing pending: find its plan (or plans), then answer. */
async function fresh(ctx: AskContext, all: PlanInfo[], text: string): Promise<Reply> {
  // Plan commands name their plan themselves, and a title may hold a key ("Review of concerto-2017 findings").
  const whole = parseIntent(text);
  const planCommand = ['plans', 'use', 'which_plan', 'plans_holding', 'plan_create', 'plan_set', 'plan_state'].includes(whole.kind);
  // "what's overdue across all plans?": every active plan, whatever the channel's or the person's default.
  const every = planCommand ? null : findEveryPlan(text);
  if (every) return acrossEveryPlan(ctx, all, every.text);
  const keyed = planCommand ? ({ kind: 'none', text } as const) : findPlanMention(text, all.map((p) => p.key), { bareKeys: whole.kind === 'unknown' ? 'last' : NAMES_PLAN_BY_TITLE.has(whole.kind) });
  const byTitle = NAMES_PLAN_BY_TITLE.has(whole.kind) ? {} : 'id' in whole ? { rightAfter: whole.id } : null;
  const mention = keyed.kind === 'none' && byTitle ? findPlanByTitle(text, all, byTitle) : keyed;
  if (mention.kind === 'unknown') return say(unknownPlanMessage(mention.key, all.map((p) => p.key)), { error: 'not_found' });
  let named = mention.kind === 'plan' ? mention.key : undefined;
  if (mention.kind === 'several') {
    // "the audit plan" with two audits: the plan this place or person already means, if it is one of them; else ask.
    // Archived plans are asked about only when no active plan has those words.
    const plans = activeOf(all.filter((p) => mention.keys.includes(p.key)));
    const scope = plans.length === 1 ? { kind: 'plan' as const, plan: plans[0]! } : await resolveScope(ctx, all);
    if (isReply(scope) || scope.kind !== 'plan' || !plans.includes(scope.plan)) return askWhichPlan(ctx, mention.text, plans, null);
    named = scope.plan.key;
  }
  const intent = planCommand || mention.kind === 'none' ? whole : parseIntent(mention.text);
  switch (intent.kind) {
    case 'help':
      return answerHelp(intent.topic);
    case 'chat':
      return answerChat(intent.says);
    case 'unknown':
      return notUnderstood(intent.reason);
    case 'plans':
      return listPlans(all);
    case 'use':
      return usePlan(ctx, all, intent.key, intent.byTitle === true);
    case 'which_plan':
      return currentPlan(ctx, all);
    case 'plans_holding':
      return plansWithItem(ctx, all, intent.id);
    case 'plan_create':
      return createPlan(ctx, intent.key, intent.settings);
    case 'plan_set':
      return setPlan(ctx, all, intent.key, intent.settings);
    case 'plan_state':
      return changePlanState(ctx, all, intent.key, intent.state);
    default:
  }
  // "which plan has the most overdue items?" is about the plans themselves: every active one, unless one is named.
  if (intent.kind === 'query' && intent.filter.by === 'plan') {
    const plan = named ? all.find((p) => p.key === named) : undefined;
    return answerByPlan(ctx, all, plan ? [plan] : activeOf(all), intent.filter);
  }
  const scope = await resolveScope(ctx, all, named);
  if (isReply(scope)) return scope;
  if (scope.kind === 'plan') return inPlan(turnFor(ctx, scope.plan, all), intent);
  const candidates = scope.plans;
  // No plan is meant by the place or the person: narrow by what the message is about, or ask.
  if (intent.kind === 'when') return answerWhen(turnFor(ctx, candidates[0]!, all), intent.phrase);
  if (intent.kind === 'query') return answerAcrossPlans(ctx, all, candidates, intent.filter);
  const id = 'id' in intent ? intent.id : null;
  // An archived plan that alone holds the number still answers (and says it takes no changes).
  const archived = all.filter((p) => !candidates.includes(p));
  const holding = id && intent.kind !== 'add' ? await plansHolding(ctx, candidates, id, archived) : candidates;
  if (isReply(holding)) return (await answerHeading(ctx, all, candidates, intent)) ?? holding;
  if (holding.length === 1) return inPlan(turnFor(ctx, holding[0]!, all), intent);
  return askWhichPlan(ctx, mention.text, holding, id);
}

const activeOf = (all: PlanInfo[]) => (all.some((p) => p.state === 'active') ? all.filter((p) => p.state === 'active') : all);

/** A message that names every plan: a question is asked of each active plan; anything else goes on with the plans as candidates. */
async function acrossEveryPlan(ctx: AskContext, all: PlanInfo[], text: string): Promise<Reply> {
  if (!all.length) return noPlanYet();
  const intent = parseIntent(text);
  const candidates = activeOf(all);
  if (intent.kind === 'query') return intent.filter.by === 'plan' ? answerByPlan(ctx, all, candidates, intent.filter) : answerAcrossPlans(ctx, all, candidates, intent.filter);
  const id = 'id' in intent && intent.kind !== 'add' ? intent.id : null;
  if (!id) return candidates.length === 1 ? inPlan(turnFor(ctx, candidates[0]!, all), intent) : askWhichPlan(ctx, text, candidates, null);
  const holding = await plansHolding(ctx, candidates, id);
  if (isReply(holding)) return (await answerHeading(ctx, all, candidates, intent)) ?? holding;
  return holding.length === 1 ? inPlan(turnFor(ctx, holding[0]!, all), intent) : askWhichPlan(ctx, text, holding, id);
}

/** "status 4.2" where no plan has a 4.2 but some number items under it (a heading): those items, from the plans that have them. */
async function answerHeading(ctx: AskContext, all: PlanInfo[], plans: PlanInfo[], intent: Intent): Promise<Reply | null> {
  if (intent.kind !== 'status' || intent.ask) return null;
  const heading: PlanInfo[] = [];
  for (const plan of plans) if (headsSection(await ctx.plans.store(plan).ids(), intent.id)) heading.push(plan);
  if (!heading.length) return null;
  return heading.length === 1 ? inPlan(turnFor(ctx, heading[0]!, all), intent) : answerAcrossPlans(ctx, all, heading, { section: intent.id });
}

async function inPlan(turn: Turn, intent: Intent): Promise<Reply> {
  // A change that lost a race ("changed a moment ago") or hit an archived plan is a sentence, whichever handler made it.
  const reply = await act(turn, intent).catch((err: unknown) => actionableReply(err) ?? Promise.reject(err));
  return labelled(turn, reply);
}

async function act(turn: Turn, intent: Intent): Promise<Reply> {
  switch (intent.kind) {
    case 'status': {
      const reply = intent.ask === 'updates' ? await answerUpdates(turn, intent.id) : intent.ask ? await answerDue(turn, intent.id, intent.ask) : await answerStatus(turn, intent.id);
      // "status 4.2" where 4.2 is a heading over items, not an item: the items under it.
      if (!intent.ask && reply.error === 'not_found' && headsSection(await turn.store.ids(), intent.id)) return answerQuery(turn, { section: intent.id });
      return reply;
    }
    case 'who_owns':
      return answerWhoOwns(turn, intent.id);
    case 'chase':
      return chase(turn, intent.id, intent.note);
    case 'nudge_preference':
      return setNudgePreference(turn, intent.id, intent.action, intent.until, intent.for);
    case 'history':
      return answerHistory(turn, intent.id);
    case 'query':
      return intent.filter.compareNow ? thenAndNow(turn, intent.filter) : withOwnerChoice(turn, intent.filter);
    case 'update': {
      if (intent.text !== null) return postUpdate(turn, intent.id, intent.text);
      const rec = await changeable(turn, intent.id);
      return isReply(rec) ? rec : startUpdate(turn, rec);
    }
    case 'complete':
      return complete(turn, intent.id, intent.evidence, intent.done);
    case 'reopen':
      return reopen(turn, intent.id, intent.reason);
    case 'sign_off':
      return (await signOff(turn, intent.id)).reply;
    case 'return_proposal':
      return (await returnProposal(turn, intent.id, intent.reason)).reply;
    case 'date':
      return redate(turn, intent.id, intent.phrase, intent.shift);
    case 'set_status':
      return setStatus(turn, intent.id, intent.status);
    case 'when':
      return answerWhen(turn, intent.phrase);
    case 'paper':
      return answerPaper(turn, intent.words);
    case 'assign':
      return assign(turn, intent.id, intent.owners, { ...(intent.replacing !== undefined ? { replacing: intent.replacing } : {}), ...(intent.edit ? { edit: intent.edit } : {}) });
    case 'set_priority':
      return setPriority(turn, intent.id, intent.priority);
    case 'add':
      return addItem(turn, intent.id, intent.fields);
    case 'boards':
      return listBoards(turn);
    case 'board_add':
      return addBoard(turn, intent.name, intent.title);
    case 'meetings':
      return intent.next ? answerNextMeeting(turn, intent.board) : listMeetings(turn, intent.board);
    case 'meeting_add':
      return addMeeting(turn, intent.board, intent.date, intent.papersBy);
    case 'decision':
      return recordDecision(turn, intent);
    case 'correct_decision':
      return correctDecision(turn, intent.n, intent.text, intent.affects, intent.date ?? null);
    case 'decisions':
      return listDecisions(turn, intent.board, intent.since, intent.during ?? null, intent.about ?? null);
    case 'awaiting':
      return setAwaiting(turn, intent.id, intent.what, intent.board);
    default:
      // Plan commands, help and the unknown are answered before a plan is chosen.
      return notUnderstood(null);
  }
}

/** "Which plan?" as a question with the keys as choices; the answer asks the same message again in that plan. */
async function askWhichPlan(ctx: AskContext, text: string, plans: PlanInfo[], id: string | null): Promise<Reply> {
  const state: ChoosePlanState = { flow: 'choose_plan', text, options: plans.map((p) => p.key) };
  await ctx.conversations.save(ctx.conversationKey, state, ctx.now.toISOString(), expiresAt(ctx.now));
  return whichPlan(plans, id);
}

async function continueChoosePlan(ctx: AskContext, state: ChoosePlanState, answer: string): Promise<Reply> {
  await ctx.conversations.clear(ctx.conversationKey);
  if (isCancel(answer)) return say('Cancelled.');
  const trimmed = answer.trim().toLowerCase();
  const picked = /^\d+$/.test(trimmed) ? state.options[Number(trimmed) - 1] : state.options.find((o) => o === trimmed);
  // Not one of the offered plans: a fresh message, rather than trapping the person in the question.
  if (!picked) return ask(ctx, answer);
  return ask({ ...ctx, planKey: picked }, state.text);
}

/** An ambiguous owner name becomes a question; the answer finishes the original query. */
/**
 * The same question as at the day asked and as at today, one after the other, under a line of how it moved
 * ("Then → now: 9 → 14 (+5)"; a summary's overdue, complete and red). The items carried are today's.
 */
async function thenAndNow(turn: Turn, filter: QueryFilter): Promise<Reply> {
  const { compareNow: _, ...asked } = filter;
  const then = await withOwnerChoice(turn, asked);
  if (then.error || then.awaiting) return then;
  const { asAt: __, ...today } = asked;
  const now = await answerQuery(turn, today);
  if (now.error) return now;
  const change = (a: number, b: number) => `${a} → ${b}${b === a ? '' : ` (${b > a ? '+' : ''}${b - a})`}`;
  // A summary moves in its counts; a list or a count in its number of items.
  const moved =
    then.counts && now.counts
      ? `Then → now: overdue ${change(then.counts.overdue, now.counts.overdue)} · complete ${change(then.counts.byStatus.complete, now.counts.byStatus.complete)} · red ${change(then.counts.byRag.red, now.counts.byRag.red)}`
      : `Then → now: ${change(then.items.length, now.items.length)}`;
  return { ...now, text: [moved, '', then.text, '', now.text].join('\n') };
}

async function withOwnerChoice(turn: Turn, filter: QueryFilter): Promise<Reply> {
  const reply = await answerQuery(turn, { ...filter });
  if ((reply.awaiting === 'choose_owner' || reply.awaiting === 'choose_theme') && reply.choices) {
    const field = reply.awaiting === 'choose_theme' ? 'theme' : 'owner';
    const state: ChooseOwnerState = { flow: 'choose_owner', planId: turn.plan.id, field, options: reply.choices, filter: { ...filter } };
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
  if (!picked) return ask(turn.context, answer);
  // The pick replaces whatever word was ambiguous ("constables" as owner or as a loose `about`).
  const { about: _ambiguous, ...filter } = state.filter as QueryFilter;
  return answerQuery(turn, state.field === 'theme' ? { ...filter, theme: picked } : { ...filter, owner: picked });
}

/**
 * A turn for one item (a button, a modal): the plan named, else the one plan meant by the place or
 * person, else the one candidate plan holding the id; "which plan?" when several hold it.
 */
export async function startItemTurn(ctx: AskContext, id: string, planKey?: string): Promise<Turn | Reply> {
  const all = await ctx.plans.list();
  const scope = await resolveScope(ctx, all, planKey);
  if (isReply(scope)) return scope;
  if (scope.kind === 'plan') return turnFor(ctx, scope.plan, all);
  const holding = await plansHolding(ctx, scope.plans, id);
  if (isReply(holding)) return holding;
  if (holding.length === 1) return turnFor(ctx, holding[0]!, all);
  const asked = whichPlan(holding, id);
  return { ...asked, text: `${asked.text.replace(/ \(or `cancel`.*\)$/, '')}. Say it with the plan, e.g. \`update ${id} in ${holding[0]!.key}\`.` };
}

/** A turn in the one plan a door or a place means (Slack's Home, buttons, modals); "which plan?" when that is open. */
export async function startTurn(ctx: AskContext, planKey?: string): Promise<Turn | Reply> {
  const all = await ctx.plans.list();
  const scope = await resolveScope(ctx, all, planKey);
  if (isReply(scope)) return scope;
  if (scope.kind === 'plan') return turnFor(ctx, scope.plan, all);
  return whichPlan(scope.plans, null);
}
