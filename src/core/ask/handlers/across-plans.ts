import { suggestIds } from '../../plan/recommendation-id.js';
import type { PlanInfo } from '../../ports.js';
import type { AskContext } from '../context.js';
import type { QueryFilter } from '../intent.js';
import { turnFor } from '../plan-scope.js';
import { plural } from '../format.js';
import { say, type ItemView, type Reply } from '../reply.js';
import { answerQuery } from './query.js';

/**
 * A question about many items when no plan is meant: asked of every candidate plan and answered
 * grouped by plan. "…for me" covers only the plans the person owns items in.
 */
export async function answerAcrossPlans(ctx: AskContext, all: PlanInfo[], candidates: PlanInfo[], filter: QueryFilter): Promise<Reply> {
  const sections: Array<{ plan: PlanInfo; reply: Reply }> = [];
  const empty: PlanInfo[] = [];
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
    else {
      firstEmpty ??= reply;
      empty.push(plan);
    }
  }
  if (!sections.length) {
    if (firstEmpty) return { ...firstEmpty, text: `${firstEmpty.text.replace(/\.$/, '')} in any plan.` };
    return noPlanAnswered(ctx, candidates, firstError);
  }
  // The plans that had nothing are named, so "nothing there" is said rather than left to be inferred.
  const none = empty.length ? [`Nothing in ${empty.map((p) => p.key).join(', ')}.`] : [];
  const text = [...sections.map(({ plan, reply }) => `*${plan.key}* — ${plan.title}\n${reply.text}`), ...none].join('\n\n');
  return say(text, { items: sections.flatMap(({ plan, reply }) => reply.items.map((i) => ({ ...i, plan: plan.key }))) });
}

/**
 * "which plan has the most overdue items?", "open items by plan": the question asked of each plan, and how
 * many items it found there, most first — the plans compared, as a count per owner compares owners.
 */
export async function answerByPlan(ctx: AskContext, all: PlanInfo[], plans: PlanInfo[], filter: QueryFilter): Promise<Reply> {
  const asked: QueryFilter = { ...filter };
  delete asked.by;
  delete asked.count;
  delete asked.summary;
  delete asked.limit;
  const rows: Array<{ plan: PlanInfo; items: ItemView[] }> = [];
  let reading: string | null = null;
  let firstError: Reply | null = null;
  for (const plan of plans) {
    const turn = turnFor(ctx, plan, all);
    if (filter.owner === 'me' && !(await turn.store.owners()).some((o) => ctx.actor.owns.includes(o))) continue;
    const reply = await answerQuery(turn, asked);
    if (reply.error || reply.awaiting) {
      firstError ??= reply;
      continue;
    }
    // The reply's first line says how the question was read: "Overdue · as at 1 Mar 2018 — 14 items".
    reading ??= reply.text.split('\n')[0]!.replace(/ — [^—]*$/, '');
    rows.push({ plan, items: reply.items });
  }
  if (!rows.length) return noPlanAnswered(ctx, plans, firstError);
  const counted = rows
    .map(({ plan, items }) => ({
      plan,
      name: plan.key,
      items: items.length,
      overdue: items.filter((i) => i.overdue).length,
      open: items.filter((i) => i.status !== 'complete' && i.status !== 'not_being_implemented').length,
    }))
    .sort((a, b) => b.items - a.items || a.name.localeCompare(b.name));
  const total = counted.reduce((n, r) => n + r.items, 0);
  const scope = `By plan · ${reading!.charAt(0).toLowerCase()}${reading!.slice(1)}`;
  const head = `${scope} — ${total ? plural(total, 'item') : 'no items'}, ${plural(counted.length, 'plan')}`;
  const lines = counted.map((r) => `• ${r.name} — ${r.plan.title} — ${plural(r.items, 'item')}${filter.overdue ? '' : ` (${r.overdue} overdue, ${r.open} open)`}`);
  const example = counted[0]!.name;
  return say([head, ...lines, `Ask "what's overdue in ${example}?" for one plan's items.`].join('\n'), {
    breakdown: { by: 'plan', rows: counted.map(({ name, items, overdue, open }) => ({ name, items, overdue, open })) },
  });
}

/** No plan gave an answer: the first refusal (a name that fits several owners needs the plan named too), or, for "… for me", that the person owns nothing. */
function noPlanAnswered(ctx: AskContext, plans: PlanInfo[], firstError: Reply | null): Reply {
  if (firstError?.awaiting) return say(`${firstError.text.replace(/ Which one did you mean\?$/, '')} Name the plan too, e.g. \`list Karen in ${plans[0]!.key}\`.`, { error: 'invalid' });
  return firstError ?? say(`You own no items in any active plan. ${notLinked(ctx)}`, { error: 'invalid' });
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
