import { rateRag, type Rag, type RagRules, DEFAULT_RAG_RULES } from '../plan/rag.js';
import { isOverdue, latestUpdate, titleOf, type UpdateEntry } from '../plan/recommendation.js';
import { STATUSES, type Status } from '../plan/status.js';
import type { AskContext, Turn } from './context.js';
import { isReply } from './lookup.js';
import { resolveScope, turnFor } from './plan-scope.js';
import { itemView, type ItemView } from './reply.js';

/** What a person's home page shows: their items (overdue first, each with its RAG and the rule behind it) and the plan at a glance. */
export interface HomeItem extends ItemView {
  rag: Rag;
  ragReason: string;
  lastUpdate: UpdateEntry | null;
}

export interface HomeData {
  viewer: { name: string; owns: string[]; linked: boolean };
  today: string;
  planTitle: string;
  /** The plan at a glance's key, once there is more than one plan. */
  planKey?: string;
  /** The viewer's items; with several plans, grouped by plan (each item says its plan) in plan order. */
  mine: HomeItem[];
  /** The other active plans, in brief, once there is more than one. */
  otherPlans?: Array<{ key: string; title: string; total: number; overdue: number }>;
  byStatus: Array<{ status: Status; count: number }>;
  byTheme: Array<{ theme: string; total: number; open: number; overdue: number }>;
  overdue: number;
  total: number;
  /** Completions proposed by others in plans the viewer administers, for them to sign off or return; oldest first. */
  toSignOff: SignOffItem[];
}

export interface SignOffItem {
  plan: string;
  id: string;
  title: string;
  owners: string[];
  proposal: { by: string; at: string; evidence: string | null };
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, grey: 3 };

/**
 * The viewer's home across plans: their items in every active plan they own items in, grouped by
 * plan, and the plan they use (or the first active one) at a glance, with the others in brief.
 */
export async function homeAcrossPlans(ctx: AskContext, rules: RagRules = DEFAULT_RAG_RULES): Promise<HomeData | null> {
  const all = await ctx.plans.list();
  const active = all.filter((p) => p.state === 'active');
  if (!all.length) return null;
  const scope = await resolveScope(ctx, all);
  const focus = !isReply(scope) && scope.kind === 'plan' ? scope.plan : (active[0] ?? all[0]!);
  const home = await homeData(turnFor(ctx, focus, all), rules);
  if (all.length === 1) return home;
  const mine: HomeItem[] = [];
  const otherPlans: NonNullable<HomeData['otherPlans']> = [];
  const toSignOff: SignOffItem[] = [];
  for (const plan of active.some((p) => p.id === focus.id) ? active : [focus, ...active]) {
    const turn = turnFor(ctx, plan, all);
    const data = plan.id === focus.id ? home : await homeData(turn, rules);
    mine.push(...data.mine.map((i) => ({ ...i, plan: plan.key })));
    if (plan.id !== focus.id) otherPlans.push({ key: plan.key, title: plan.title, total: data.total, overdue: data.overdue });
    if (plan.id !== focus.id) toSignOff.push(...data.toSignOff);
  }
  return { ...home, planKey: focus.key, mine, otherPlans, toSignOff: [...home.toSignOff, ...toSignOff].sort((a, b) => a.proposal.at.localeCompare(b.proposal.at)) };
}

export async function homeData(turn: Turn, rules: RagRules = DEFAULT_RAG_RULES): Promise<HomeData> {
  const all = await turn.store.find({});
  const mine = turn.actor.owns.length ? all.filter((r) => r.owners.some((o) => turn.actor.owns.includes(o))) : [];
  const items = mine
    .map((r): HomeItem => {
      const { rag, reason } = rateRag(r, turn.today, rules);
      return { ...itemView(r, turn.today), rag, ragReason: reason, lastUpdate: latestUpdate(r) };
    })
    .sort((a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || (a.delivery.end ?? '9999').localeCompare(b.delivery.end ?? '9999'));
  const themes = new Map<string, { theme: string; total: number; open: number; overdue: number }>();
  for (const r of all) {
    const t = themes.get(r.theme) ?? { theme: r.theme, total: 0, open: 0, overdue: 0 };
    t.total++;
    if (r.status !== 'complete' && r.status !== 'not_being_implemented') t.open++;
    if (isOverdue(r, turn.today)) t.overdue++;
    themes.set(r.theme, t);
  }
  // An admin answers others' proposals, never their own.
  const toSignOff = turn.actor.admin
    ? all
        .filter((r) => r.proposal && r.proposal.byId !== turn.actor.id)
        .map((r): SignOffItem => ({ plan: turn.plan.key, id: r.id, title: titleOf(r.text), owners: r.owners, proposal: { by: r.proposal!.by, at: r.proposal!.at, evidence: r.proposal!.evidence } }))
        .sort((a, b) => a.proposal.at.localeCompare(b.proposal.at))
    : [];
  return {
    viewer: { name: turn.actor.name, owns: turn.actor.owns, linked: turn.actor.owns.length > 0 },
    toSignOff,
    today: turn.today,
    planTitle: turn.plan.title,
    mine: items,
    byStatus: STATUSES.map((status) => ({ status, count: all.filter((r) => r.status === status).length })),
    byTheme: [...themes.values()],
    overdue: all.filter((r) => isOverdue(r, turn.today)).length,
    total: all.length,
  };
}
