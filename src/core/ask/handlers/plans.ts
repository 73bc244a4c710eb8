import { readDelivery } from '../../dates/read-delivery.js';
import { isTimeZone } from '../../dates/today.js';
import { planKeyProblem, unknownPlanMessage } from '../../plan/plan-key.js';
import type { PlanInfo, PlanSettings } from '../../ports.js';
import { HOLIDAY_CALENDAR_LABELS, isHolidayCalendar } from '../../reminders/bank-holidays.js';
import { actionableReply } from '../actionable.js';
import { meta } from './change.js';
import type { AskContext } from '../context.js';
import type { PlanSettingsText } from '../intent.js';
import { noPlanYet, resolveScope, turnFor } from '../plan-scope.js';
import { itemView, say, type Reply } from '../reply.js';
import { titleOf, type Recommendation } from '../../plan/recommendation.js';
import { STATUS_LABELS } from '../../plan/status.js';

/** Listing, choosing and administering plans. Nothing here deletes a plan: archiving is how one ends. */

export function listPlans(all: PlanInfo[]): Reply {
  if (!all.length) return say('There are no plans yet. An admin can `plan create KEY --title "…"`, or `seed` loads the bundled plan.');
  const lines = all.map((p) => {
    const where = [p.homeChannel ? `home channel ${p.homeChannel}` : null, p.digestChannel ? `digest channel ${p.digestChannel}` : null, p.admins.length ? `admins ${p.admins.join(', ')}` : null, p.signOff ? 'completions need sign-off' : null]
      .filter(Boolean)
      .join(', ');
    return `• *${p.key}* — ${p.title} (as of ${p.asOf}, ${p.timeZone}, ${HOLIDAY_CALENDAR_LABELS[p.holidays]} holidays${where ? `; ${where}` : ''})${p.state === 'archived' ? ' — archived' : ''}`;
  });
  return say([`${all.length === 1 ? 'One plan' : `${all.length} plans`}:`, ...lines, 'Name one in a question (`status 4.2.1 in KEY`), or `use KEY` to make it your default.'].join('\n'));
}

export async function usePlan(ctx: AskContext, all: PlanInfo[], key: string, byTitle = false): Promise<Reply> {
  const titled = all.find((p) => p.key === key) ? [] : plansTitled(all, key);
  if (titled.length > 1) {
    return say(`"${key}" fits ${titled.length} plans: ${titled.map((p) => `${p.key} (${p.title})`).join(', ')}. Say which with \`use KEY\`.`, { error: 'invalid' });
  }
  const plan = all.find((p) => p.key === key) ?? titled[0];
  if (!plan) return say(byTitle ? `No plan's title has "${key}" in it. ${unknownPlanMessage(key, all.map((p) => p.key))}` : unknownPlanMessage(key, all.map((p) => p.key)), { error: 'not_found' });
  await ctx.plans.choose(ctx.actor.id, plan.id, ctx.now.toISOString());
  const archived = plan.state === 'archived' ? ' It is archived: you can ask about it, but it takes no changes.' : '';
  return say(`Your questions now go to ${plan.key} — ${plan.title}, unless you name another plan or ask in a plan's channel.${archived}`);
}

/** Plans whose title (or key) holds every word given, active ones first: "audit" → audit-2018 — Internal audit 2018. */
function plansTitled(all: readonly PlanInfo[], words: string): PlanInfo[] {
  const said = words.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w && !['the', 'our', 'plan', 'action'].includes(w));
  if (!said.length) return [];
  const fits = all.filter((p) => {
    const own = new Set([...p.title.toLowerCase().split(/[^\p{L}\d]+/u), ...p.key.split('-')]);
    return said.every((w) => own.has(w));
  });
  const active = fits.filter((p) => p.state === 'active');
  return active.length ? active : fits;
}

/** "what plan am I using?": where a question without a plan goes now, and why, in the order the engine decides it. */
export async function currentPlan(ctx: AskContext, all: PlanInfo[]): Promise<Reply> {
  const scope = await resolveScope(ctx, all);
  if ('text' in scope) return scope;
  if (scope.kind === 'open') {
    return say(`No one plan: there are ${scope.plans.length} (${scope.plans.map((p) => p.key).join(', ')}), so I ask which when it matters. Choose one with \`use KEY\`, or name it in a question ("… in ${scope.plans[0]!.key}").`);
  }
  const plan = scope.plan;
  const home = ctx.channel && plan.homeChannel === ctx.channel;
  const why = all.length === 1 ? 'it is the only plan' : home ? "this channel is its home" : (await ctx.plans.chosenBy(ctx.actor.id))?.id === plan.id ? 'you chose it with `use`' : 'it is the only active plan';
  return say(`${plan.key} — ${plan.title}: ${why}.${all.length > 1 ? ' Another plan is named in a question ("… in KEY") or chosen with `use KEY`; `plans` lists them.' : ''}`);
}

/** "which plans have 4.2.1?": each plan with an item of that number, with what the item is there (numbers repeat across plans). */
export async function plansWithItem(ctx: AskContext, all: PlanInfo[], id: string): Promise<Reply> {
  if (!all.length) return noPlanYet();
  const found: Array<{ plan: PlanInfo; rec: Recommendation }> = [];
  for (const plan of all) {
    const rec = await ctx.plans.store(plan).get(id);
    if (rec) found.push({ plan, rec });
  }
  if (!found.length) return say(`No plan has an item ${id} (${all.map((p) => p.key).join(', ')}). Type \`list\` to see a plan's items, or \`plans\` for the plans.`, { error: 'not_found' });
  const lines = found.map(({ plan, rec }) => `• ${plan.key} — ${plan.title}${plan.state === 'archived' ? ' (archived)' : ''}: ${titleOf(rec.text, 70)} — ${rec.owners.join(', ') || 'no owner'} — ${STATUS_LABELS[rec.status]}`);
  const lead = found.length === 1 ? `${id} is only in ${found[0]!.plan.key}:` : `${id} is in ${found.length} plans:`;
  return say([lead, ...lines, `Ask "status ${id} in ${found[0]!.plan.key}" for one of them.`].join('\n'), { items: found.map(({ plan, rec }) => ({ ...itemView(rec, turnFor(ctx, plan, all).today), plan: plan.key })) });
}

export async function createPlan(ctx: AskContext, key: string, typed: PlanSettingsText): Promise<Reply> {
  if (!ctx.actor.admin) return say('Only an admin (CONCERTO_ADMINS) can create a plan; ask one of them.', { error: 'not_permitted' });
  const problem = planKeyProblem(key);
  if (problem) return say(problem, { error: 'invalid' });
  if (!typed.title?.trim()) return say(`Give the plan a title: \`plan create ${key} --title "Internal audit 2018"\`.`, { error: 'invalid' });
  let asOf = ctx.now.toISOString().slice(0, 10);
  if (typed.asOf) {
    const read = readDelivery(typed.asOf, { today: asOf, timeZone: typed.timeZone ?? 'Europe/London' });
    if (!read.ok || !read.window.end || read.window.start !== read.window.end) return say(`"${typed.asOf}" is not one day; give the plan's date as e.g. 2018-01-15.`, { error: 'invalid' });
    asOf = read.window.end;
  }
  const settings = checkSettings({ ...typed, title: undefined, asOf: undefined });
  if ('text' in settings) return settings;
  const timeZone = settings.timeZone ?? 'Europe/London';
  try {
    let plan = await ctx.plans.create({ key, title: typed.title.trim(), asOf, timeZone }, meta(ctx));
    const { timeZone: _tz, ...rest } = settings;
    if (Object.keys(rest).length) plan = await ctx.plans.update(plan.id, rest, meta(ctx));
    return say(`Created ${plan.key} — ${plan.title}, as of ${plan.asOf} (${plan.timeZone}). Import its items with \`concerto import FILE --plan ${plan.key}\`.`, { changed: true });
  } catch (err) {
    return actionableReply(err) ?? Promise.reject(err);
  }
}

export async function setPlan(ctx: AskContext, all: PlanInfo[], key: string, typed: PlanSettingsText): Promise<Reply> {
  const plan = all.find((p) => p.key === key);
  if (!plan) return say(unknownPlanMessage(key, all.map((p) => p.key)), { error: 'not_found' });
  const refused = notPlanAdmin(ctx, plan, 'change its settings');
  if (refused) return refused;
  if (typed.asOf) return say(`A plan's date is the date of its document and does not change; a new document is a new plan.`, { error: 'invalid' });
  const settings = checkSettings(typed);
  if ('text' in settings) return settings;
  if (!Object.keys(settings).length) return say(`Say what to change, e.g. \`plan set ${key} --home-channel C0123ABCD --digest-channel C0456EFGH --admins U0123ABCD\`.`, { error: 'invalid' });
  try {
    const after = await ctx.plans.update(plan.id, settings, meta(ctx));
    return say(`${after.key} is set: ${describe(after, settings.signOff !== undefined)}.`, { changed: true });
  } catch (err) {
    return actionableReply(err) ?? Promise.reject(err);
  }
}

export async function changePlanState(ctx: AskContext, all: PlanInfo[], key: string, state: 'active' | 'archived'): Promise<Reply> {
  const plan = all.find((p) => p.key === key);
  if (!plan) return say(unknownPlanMessage(key, all.map((p) => p.key)), { error: 'not_found' });
  const refused = notPlanAdmin(ctx, plan, state === 'archived' ? 'archive it' : 'restore it');
  if (refused) return refused;
  if (plan.state === state) return say(`${plan.key} is already ${state === 'archived' ? 'archived' : 'active'}.`);
  try {
    await ctx.plans.update(plan.id, { state }, meta(ctx));
  } catch (err) {
    return actionableReply(err) ?? Promise.reject(err);
  }
  return say(
    state === 'archived'
      ? `${plan.key} is archived: questions and papers still work; changes, nudges and digests stop. \`plan restore ${plan.key}\` undoes it.`
      : `${plan.key} is active again: it takes changes, and its nudges and digest start again.`,
    { changed: true },
  );
}

function notPlanAdmin(ctx: AskContext, plan: PlanInfo, what: string): Reply | null {
  if (ctx.actor.admin || plan.admins.includes(ctx.actor.id)) return null;
  return say(`Only an admin of ${plan.key} can ${what}. Its admins are listed by \`plans\` and in CONCERTO_ADMINS; ask one of them.`, { error: 'not_permitted' });
}

const NONE = /^(?:none|no|-|off|clear)$/i;

/** Typed settings → checked settings, or the first problem as a reply that says what would do. */
function checkSettings(typed: PlanSettingsText): PlanSettings | Reply {
  const out: PlanSettings = {};
  if (typed.title !== undefined) {
    if (!typed.title.trim() || typed.title.length > 200) return say('A plan title needs 1 to 200 characters.', { error: 'invalid' });
    out.title = typed.title.trim();
  }
  if (typed.timeZone !== undefined) {
    if (!isTimeZone(typed.timeZone)) return say(`"${typed.timeZone}" is not a timezone I know; use an IANA name such as Europe/London or America/New_York.`, { error: 'invalid' });
    out.timeZone = typed.timeZone;
  }
  if (typed.holidays !== undefined) {
    const h = typed.holidays.trim().toLowerCase().replace(/\s+|_/g, '-').replace(/^england$|^wales$/, 'england-and-wales');
    if (!isHolidayCalendar(h)) return say(`"${typed.holidays}" is not a bank holiday calendar; use england-and-wales, scotland or northern-ireland.`, { error: 'invalid' });
    out.holidays = h;
  }
  if (typed.admins !== undefined) {
    const ids = NONE.test(typed.admins.trim()) ? [] : typed.admins.split(/[\s,]+/).filter(Boolean).map(slackId);
    const bad = ids.find((id) => !/^[UW][A-Z0-9]+$/.test(id));
    if (bad !== undefined) return say(`"${bad}" is not a Slack user id. Plan admins are member ids such as U0123ABCD (in Slack: profile → ⋮ → Copy member ID), or a mention.`, { error: 'invalid' });
    out.admins = [...new Set(ids)];
  }
  for (const field of ['homeChannel', 'digestChannel'] as const) {
    const value = typed[field];
    if (value === undefined) continue;
    if (NONE.test(value.trim())) {
      out[field] = null;
      continue;
    }
    const id = slackId(value.trim());
    if (!/^[CGD][A-Z0-9]+$/.test(id)) return say(`"${value}" is not a Slack channel id. Use the channel's id such as C0123ABCD (channel details → About), or mention it as #channel in Slack.`, { error: 'invalid' });
    out[field] = id;
  }
  if (typed.signOff !== undefined) {
    const v = typed.signOff.trim().toLowerCase();
    if (!/^(?:on|off|yes|no|true|false)$/.test(v)) return say(`--sign-off takes on or off, not "${typed.signOff}".`, { error: 'invalid' });
    out.signOff = /^(?:on|yes|true)$/.test(v);
  }
  return out;
}

/** "<@U123|ann>" → "U123", "<#C123|general>" → "C123"; ids as typed otherwise. */
function slackId(s: string): string {
  const m = /^<[@#]([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(s);
  return m ? m[1]! : s;
}

/** Sign-off is named when it is on, or was just set. */
function describe(p: PlanInfo, signOffSet = false): string {
  return [
    `title "${p.title}"`,
    `timezone ${p.timeZone}`,
    `${HOLIDAY_CALENDAR_LABELS[p.holidays]} bank holidays`,
    `admins ${p.admins.length ? p.admins.join(', ') : 'none of its own'}`,
    `home channel ${p.homeChannel ?? 'none'}`,
    `digest channel ${p.digestChannel ?? 'none'}`,
    ...(p.signOff || signOffSet ? [`sign-off ${p.signOff ? 'on' : 'off'}`] : []),
  ].join(', ');
}

