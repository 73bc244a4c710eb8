import { suggestIds } from '../../plan/recommendation-id.js';
import type { PlanInfo } from '../../ports.js';
import type { AskContext } from '../context.js';
import type { QueryFilter } from '../intent.js';
import { turnFor } from '../plan-scope.js';
import { say, type Reply } from '../reply.js';
import { answerQuery } from './query.js';

/**
 * A question about many items when no plan is meant: asked of every candidate plan and answered
 * grouped by plan. "…for me" covers only the plans the person owns items in.
 */
export async function answerAcrossPlans(ctx: AskContext, all: PlanInfo[], candidates: PlanInfo[], filter: QueryFilter): Promise<Reply> {
  const sections: Array<{ plan: PlanInfo; reply: Reply }> = [];
  let firstEmpty: Reply | null = null;
  let firstError: Reply | null = null;
  for (const plan of candidates) {
    const turn = turnFor(ctx, plan, all);
    if (filter.owner === 'me' && !(await turn.store.owners()).some((o) => ctx.actor.owns.includes(o))) continue;
    const reply = await answerQuery(turn, { ...filter });
    // A name or theme one plan lacks is no answer from that plan, only an error if no plan knows it.
    if (reply.error || reply.awaiting) firstError ??= reply;
    // A summary or a count per owner lists no items; its counts are the answer.
    else if (reply.items.length || (reply.counts?.total ?? 0) > 0 || (reply.breakdown?.rows.length ?? 0) > 0) sections.push({ plan, reply });
    else firstEmpty ??= reply;
  }
  if (!sections.length) {
    if (firstEmpty) return { ...firstEmpty, text: `${firstEmpty.text.replace(/\.$/, '')} in any plan.` };
    if (firstError?.awaiting) return say(`${firstError.text.replace(/ Which one did you mean\?$/, '')} Name the plan too, e.g. \`list Karen in ${candidates[0]!.key}\`.`, { error: 'invalid' });
    return firstError ?? say(`You own no items in any active plan. ${notLinked(ctx)}`, { error: 'invalid' });
  }
  const text = sections.map(({ plan, reply }) => `*${plan.key}* — ${plan.title}\n${reply.text}`).join('\n\n');
  return say(text, { items: sections.flatMap(({ plan, reply }) => reply.items.map((i) => ({ ...i, plan: plan.key }))) });
}

function notLinked(ctx: AskContext): string {
  return ctx.actor.owns.length
    ? `You act for ${ctx.actor.owns.join(', ')}.`
    : `I don't know which plan owner you are. In the terminal, start with --as "Your Name"; in Slack, ask an admin to \`link\` you to your name or role.`;
}

/** The candidate plans that have an item with this id, or the reply that says none has it. */
export async function plansHolding(ctx: AskContext, candidates: PlanInfo[], id: string, fallback: PlanInfo[] = []): Promise<PlanInfo[] | Reply> {
  const holding: PlanInfo[] = [];
  const ids: string[] = [];
  for (const plan of candidates) {
    const store = ctx.plans.store(plan);
    if (await store.get(id)) holding.push(plan);
    else ids.push(...(await store.ids()));
  }
  if (holding.length) return holding;
  for (const plan of fallback) if (await ctx.plans.store(plan).get(id)) holding.push(plan);
  if (holding.length) return holding;
  const near = suggestIds(id, [...new Set(ids)]);
  const hint = near.length ? ` — did you mean ${near.join(', ')}?` : '.';
  return say(`There is no ${id} in any of the plans (${candidates.map((p) => p.key).join(', ')})${hint} Type \`list\` to see every item, or \`plans\` for the plans.`, {
    error: 'not_found',
  });
}

/** The question itself: numbered in text, and the keys as choices for buttons. */
export function whichPlan(plans: PlanInfo[], id: string | null): Reply {
  const numbered = plans.map((p, i) => `${i + 1}. ${p.key} — ${p.title}`).join('  ');
  const lead = id ? `${id} is in ${plans.length} plans. Which one do you mean?` : 'Which plan do you mean?';
  return say(`${lead} ${numbered} (or \`cancel\`; \`use KEY\` makes one your default)`, { awaiting: 'choose_plan', choices: plans.map((p) => p.key) });
}
