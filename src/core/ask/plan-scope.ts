import { todayIn } from '../dates/today.js';
import { unknownPlanMessage } from '../plan/plan-key.js';
import type { PlanInfo } from '../ports.js';
import type { AskContext, Turn } from './context.js';
import { inPlanView, say, type Reply } from './reply.js';

/** Which plan a message is about: one plan, or several still open to choose from. */
export type Scope = { kind: 'plan'; plan: PlanInfo } | { kind: 'open'; plans: PlanInfo[] };

/**
 * The plan a message means, in this order: the plan it names (or the door names: `--plan`, a modal's
 * pick); the channel's home plan; the plan the person chose with `use`; the only active plan. With
 * none of these, every active plan is still a candidate and the caller narrows them or asks — never guesses.
 */
/** What any message gets before a plan is loaded. */
export const noPlanYet = (): Reply => say('No plan is loaded yet. Run `concerto seed` to load the bundled plan, or `concerto import FILE`.', { error: 'no_plan' });

export async function resolveScope(ctx: AskContext, all: PlanInfo[], named?: string): Promise<Scope | Reply> {
  const key = named ?? ctx.planKey;
  if (key) {
    const plan = all.find((p) => p.key === key.toLowerCase());
    return plan ? { kind: 'plan', plan } : say(unknownPlanMessage(key, all.map((p) => p.key)), { error: 'not_found' });
  }
  if (!all.length) return noPlanYet();
  const home = ctx.channel ? all.find((p) => p.homeChannel === ctx.channel) : undefined;
  if (home) return { kind: 'plan', plan: home };
  const active = all.filter((p) => p.state === 'active');
  if (all.length > 1) {
    const chosen = await ctx.plans.chosenBy(ctx.actor.id);
    if (chosen) return { kind: 'plan', plan: all.find((p) => p.id === chosen.id) ?? chosen };
  }
  if (active.length === 1) return { kind: 'plan', plan: active[0]! };
  if (all.length === 1) return { kind: 'plan', plan: all[0]! };
  return { kind: 'open', plans: active.length ? active : all };
}

/** A turn in one plan: "today" in its timezone (or the asker's), and its own admins on top of everyone's. */
export function turnFor(ctx: AskContext, plan: PlanInfo, all: readonly PlanInfo[]): Turn {
  const timeZone = ctx.timeZone ?? plan.timeZone;
  return {
    ...ctx,
    actor: { ...ctx.actor, admin: ctx.actor.admin || plan.admins.includes(ctx.actor.id) },
    plan,
    store: ctx.plans.store(plan),
    governance: ctx.plans.governance(plan),
    timeZone,
    today: todayIn(ctx.now, timeZone),
    manyPlans: all.length > 1,
    adminEverywhere: ctx.actor.admin,
    context: ctx,
  };
}

/** "[audit-2018] …": once there is more than one plan, every reply says which plan it is about. */
export function labelled(turn: Pick<Turn, 'plan' | 'manyPlans'>, reply: Reply): Reply {
  if (!turn.manyPlans || reply.plan) return reply;
  return { ...reply, plan: turn.plan.key, text: `[${turn.plan.key}] ${reply.text}`, items: reply.items.map((i) => inPlanView(i, turn.plan.key)) };
}
