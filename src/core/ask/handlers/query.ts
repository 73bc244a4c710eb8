import { readDelivery, UNREADABLE_HELP } from '../../dates/read-delivery.js';
import type { RecQuery } from '../../ports.js';
import { parseStatus, STATUS_LABELS } from '../../plan/status.js';
import type { Recommendation } from '../../plan/recommendation.js';
import type { QueryFilter } from '../intent.js';
import type { Turn } from '../context.js';
import { describeWindow, formatDate, itemLine, plural } from '../format.js';
import { itemView, say, type QueryReading, type Reply } from '../reply.js';
import { bestScore, matchThemes, resolveName } from './resolve-names.js';
import { nearNames } from './near-names.js';
import { matchesQuery } from '../rec-query.js';
import { planAsAt } from '../../report/as-at.js';
import { buildBoardPaper } from '../../report/board-paper.js';
import { describeChanges, noChangesLine } from '../../report/describe-changes.js';
import { checkPaperDates, readPastDay } from '../../report/paper-request.js';
import type { IsoDate } from '../../dates/delivery-window.js';
import { latestUpdate, titleOf } from '../../plan/recommendation.js';
import type { Status } from '../../plan/status.js';

/** Lines shown in text before "…and N more"; the items array always carries everything. */
const TEXT_LIMIT = 40;

/** Answers a question about many items: overdue, due, by owner, theme or status, counts, as at a date, changes, slipped dates, stale items. */
export async function answerQuery(turn: Turn, filter: QueryFilter): Promise<Reply> {
  const asked: QueryFilter = JSON.parse(JSON.stringify(filter));
  const q: RecQuery = {};
  const reply = await answerFilters(turn, filter, q);
  // How the question was read, as data beside the reply (`ask --json`): the filters as typed, and what they matched.
  const query: QueryReading = {
    read: asked,
    understood: understoodParts(filter),
    ...(q.owners ? { owners: q.owners } : {}),
    ...(q.themes ? { themes: q.themes } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.endBefore || q.endFrom || q.endTo ? { due: { ...(q.endBefore ? { before: q.endBefore } : {}), ...(q.endFrom ? { from: q.endFrom } : {}), ...(q.endTo ? { to: q.endTo } : {}) } } : {}),
  };
  return { ...reply, query };
}

async function answerFilters(turn: Turn, filter: QueryFilter, q: RecQuery): Promise<Reply> {
  const said: string[] = [];
  let dueNote = '';

  if (filter.about) {
    const about = await resolveAbout(turn, filter.about, filter);
    if ('text' in about) return about;
    Object.assign(filter, about);
  }
  const not = filter.not ? await resolveExclusions(turn, filter) : {};
  if ('text' in not) return not;
  if (filter.status) {
    q.status = filter.status;
    said.push(STATUS_LABELS[filter.status].toLowerCase());
  }
  if (filter.open) q.openOnly = true;
  // As at a past day, "today" for overdue and due windows is that day.
  const day = filter.asAt ? readPastDay(filter.asAt, turn.today, 'end') : { ok: true as const, day: turn.today };
  if (!day.ok) return say(day.error, { error: 'unreadable_date' });
  const asAt = day.day ?? turn.today;
  if (filter.overdue) {
    q.openOnly = true;
    q.endBefore = asAt;
  }
  if (filter.owner && filter.owner !== 'me' && !filter.theme && bestScore(filter.owner, await turn.store.owners()) === 0) {
    // "what's due for ICT": the word after "for" names a theme, not an owner.
    if (bestScore(filter.owner, await turn.store.themes()) > 0) [filter.theme, filter.owner] = [filter.owner, undefined];
  }
  if (filter.owner) {
    const owners = await resolveOwner(turn, filter);
    if (!Array.isArray(owners)) return owners;
    q.owners = owners;
    said.push(`for ${filter.owner === 'me' ? 'you' : owners.join(' / ')}`);
  }
  if (filter.theme) {
    const themes = matchThemes(filter.theme, await turn.store.themes());
    if (!themes.length) return notUnderstood(filter, filter.theme, 'theme');
    q.themes = themes;
    said.push(`in ${themes.join(' / ')}`);
  }
  if (filter.due) {
    const read = readDelivery(filter.due.phrase, { today: asAt, timeZone: turn.timeZone });
    if (!read.ok) return say(read.error, { error: 'unreadable_date' });
    const w = read.window;
    if (!w.start || !w.end) return say(`"${filter.due.phrase}" has no date in it, so nothing can be due then. ${UNREADABLE_HELP}`, { error: 'unreadable_date' });
    q.openOnly = true;
    if (filter.due.mode === 'within') {
      q.endFrom = w.start;
      q.endTo = w.end;
      dueNote = `due ${describeWindow(w).replace(/^by /, 'on ')}`;
    } else if (filter.due.mode === 'after') {
      q.endFrom = dayAfter(w.end);
      dueNote = `due after ${formatDate(w.end)}`;
    } else if (filter.due.mode === 'between') {
      const until = readDelivery(filter.due.until ?? '', { today: asAt, timeZone: turn.timeZone });
      if (!until.ok || !until.window.end) return say(until.ok ? `"${filter.due.until}" has no date in it. ${UNREADABLE_HELP}` : until.error, { error: 'unreadable_date' });
      q.endFrom = w.start;
      q.endTo = until.window.end;
      dueNote = `due between ${formatDate(w.start)} and ${formatDate(until.window.end)}`;
    } else {
      q.endFrom = asAt;
      q.endTo = filter.due.mode === 'before' ? dayBefore(w.start) : w.end;
      dueNote = `due ${filter.due.mode === 'before' ? 'before' : 'by'} ${formatDate(filter.due.mode === 'before' ? w.start : w.end)}`;
    }
  }

  if (filter.changedSince) return answerChanges(turn, filter, q);
  if (filter.asAt) {
    // The same sentence as the board paper for a day before the plan began, or one still to come.
    const plan = await turn.store.plan();
    const problem = plan ? checkPaperDates({ asAt, since: null }, turn.today, plan.asOf) : null;
    if (problem) return say(problem, { error: 'invalid' });
  }
  const kinds = narrowKinds(filter, not, filter.asAt ? await asAtItems(turn, q, asAt) : await turn.store.find(q), asAt);
  if ('text' in kinds) return kinds;
  const what = [filter.overdue ? 'overdue' : dueNote, ...said, ...kinds.said].filter(Boolean).join(' ');
  return listReply(turn, kinds.recs, what, filter, asAt);
}

async function resolveOwner(turn: Turn, filter: QueryFilter): Promise<string[] | Reply> {
  if (filter.owner === 'me') {
    if (turn.actor.owns.length) return turn.actor.owns;
    return say(
      `I don't know which plan owner you are. In the terminal, start with --as "Your Name"; in Slack, ask an admin to \`link\` you to your name or role.`,
      { error: 'invalid' },
    );
  }
  const known = await turn.store.owners();
  const match = resolveName(filter.owner!, known);
  if (match.kind === 'one') return [match.name];
  // "Karens", "rachels": a possessive typed without its apostrophe names the owner without the s.
  if (match.kind === 'none' && /[^s]s$/i.test(filter.owner!)) {
    const bare = resolveName(filter.owner!.slice(0, -1), known);
    if (bare.kind === 'one') return [bare.name];
  }
  if (match.kind === 'none') {
    // One typo away from a name ("Karan", "Shakleton"): asked about, never assumed.
    const near = nearNames(filter.owner!, known);
    if (near.length) return didYouMean(filter.owner!, near);
    return say(`No owner matches "${filter.owner}". Owners in the plan include: ${known.slice(0, 15).join(', ')}.`, { error: 'invalid' });
  }
  return say(`"${filter.owner}" could be ${match.names.join(' or ')}. Which one did you mean?`, {
    awaiting: 'choose_owner',
    choices: match.names,
  });
}

/** "show me the ICT actions": a status, a theme or an owner, whichever the word fits best. */
async function resolveAbout(turn: Turn, about: string, filter: QueryFilter): Promise<QueryFilter | Reply> {
  const status = parseStatus(about);
  if (status) return { status };
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  const t = bestScore(about, themes);
  const o = bestScore(about, owners);
  if (t === 0 && o === 0 && /[^s]s$/i.test(about) && bestScore(about.slice(0, -1), owners) >= 2) return { owner: about.slice(0, -1) };
  if (t === 0 && o === 0) {
    const near = nearNames(about, owners);
    if (near.length) return didYouMean(about, near);
    return notUnderstood(filter, about, 'about');
  }
  return t >= o ? { theme: about } : { owner: about };
}

type Exclusions = { owners?: string[]; themes?: string[]; status?: Status };

/** "except ICT", "not owned by the Portfolio Office", "apart from the complete ones": what to leave out. */
async function resolveExclusions(turn: Turn, filter: QueryFilter): Promise<Exclusions | Reply> {
  const not = filter.not ?? {};
  const out: Exclusions = {};
  if (not.status) out.status = not.status;
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  if (not.owner) {
    const match = resolveName(not.owner, owners);
    if (match.kind === 'none') return notUnderstood(filter, not.owner, 'owner');
    out.owners = match.kind === 'one' ? [match.name] : match.names;
  }
  if (not.theme || not.about) {
    const word = (not.theme ?? not.about)!;
    const status = parseStatus(word.replace(/\s+ones?$/i, ''));
    if (status && !not.theme) out.status = status;
    else if (bestScore(word, themes) >= bestScore(word, owners) && bestScore(word, themes) > 0) out.themes = matchThemes(word, themes);
    else if (bestScore(word, owners) > 0) out.owners = [...(out.owners ?? []), ...matchThemes(word, owners)];
    else return notUnderstood(filter, word, 'about');
  }
  return out;
}

/**
 * A word that named a filter but matches nothing: said, with what was understood, and nothing listed —
 * an answer from the rest of the question would be an answer to a question nobody asked.
 */
function notUnderstood(filter: QueryFilter, word: string, as: 'about' | 'theme' | 'owner'): Reply {
  const parts = understoodParts(filter).filter((p) => !p.includes(word));
  const got = parts.length ? `I understood ${joinAnd(parts.map((p) => `*${p}*`))} but not *${word}*` : `I didn't understand *${word}*`;
  const what = as === 'theme' ? 'a theme' : as === 'owner' ? 'an owner' : 'a theme, an owner or a status';
  return say(`${got}: it is not ${what} in the plan. Say it another way, or try \`list ICT\`, \`overdue for Karen\` or \`list complete\`.`, { error: 'not_understood' });
}

function didYouMean(typed: string, near: string[]): Reply {
  return say(`No owner is called "${typed}". Did you mean ${joinOr(near)}?`, { awaiting: 'choose_owner', choices: near });
}

/** The filters read from a question, in words, for "I understood …". */
function understoodParts(f: QueryFilter): string[] {
  return [
    f.count ? 'how many' : '',
    f.overdue ? 'overdue' : '',
    f.open ? 'open' : '',
    f.status ? STATUS_LABELS[f.status].toLowerCase() : '',
    f.owner ? (f.owner === 'me' ? 'yours' : f.owner) : '',
    f.theme ?? '',
    f.due ? `due ${f.due.mode === 'within' ? 'in' : f.due.mode} ${f.due.phrase}${f.due.until ? ` and ${f.due.until}` : ''}` : '',
    f.asAt ? `as at ${f.asAt}` : '',
    f.changedSince ? `changed since ${f.changedSince}` : '',
    f.slipped ? (f.slipped.times > 1 ? `re-dated ${f.slipped.times} times or more` : 'slipped dates') : '',
    f.stale ? `no update ${f.stale.since ? `since ${f.stale.since}` : `for ${f.stale.days} days`}` : '',
    f.order ? f.order.replace(/_/g, ' ') : '',
    f.limit ? `the first ${f.limit}` : '',
  ].filter(Boolean);
}

const joinAnd = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const joinOr = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

/** The plan as it stood at the end of `asAt`, rebuilt from the trail exactly as the board paper is, then narrowed. */
async function asAtItems(turn: Turn, q: RecQuery, asAt: IsoDate): Promise<Recommendation[]> {
  const history = await turn.store.planHistory();
  if (!history) return [];
  return planAsAt(history.recommendations, history.events, history.plan.asOf, asAt, history.plan.timeZone).filter((r) => matchesQuery(r, q));
}

/** Exclusions, slipped dates, staleness, order and limits, over the items found. */
function narrowKinds(filter: QueryFilter, not: Exclusions, found: Recommendation[], asAt: IsoDate): { recs: Recommendation[]; said: string[] } | Reply {
  let recs = found;
  const said: string[] = [];
  if (not.owners) {
    recs = recs.filter((r) => !r.owners.some((o) => not.owners!.includes(o)));
    said.push(`not owned by ${not.owners.join(' / ')}`);
  }
  if (not.themes) {
    recs = recs.filter((r) => !not.themes!.includes(r.theme));
    said.push(`outside ${not.themes.join(' / ')}`);
  }
  if (not.status) {
    recs = recs.filter((r) => r.status !== not.status);
    said.push(`not ${STATUS_LABELS[not.status].toLowerCase()}`);
  }
  if (filter.slipped) {
    const times = filter.slipped.times;
    recs = recs.filter((r) => r.revisions >= times || (times === 1 && r.baseline.end !== null && r.delivery.end !== null && r.delivery.end > r.baseline.end));
    said.push(times > 1 ? `re-dated ${times} times or more` : 'with a slipped date');
  }
  if (filter.stale) {
    let before: IsoDate;
    if (filter.stale.since) {
      const since = readPastDay(filter.stale.since, asAt, 'start');
      if (!since.ok) return say(since.error, { error: 'unreadable_date' });
      before = since.day ?? asAt;
      said.push(`with no update since ${formatDate(before)}`);
    } else {
      before = addDays(asAt, -(filter.stale.days ?? 30));
      said.push(`with no update for ${filter.stale.days ?? 30} days`);
    }
    recs = recs.filter((r) => !CLOSED_STATUSES.has(r.status) && (latestUpdate(r)?.date ?? '') < before);
  }
  if (filter.order) recs = [...recs].sort(ORDERS[filter.order]);
  if (filter.limit !== undefined) recs = recs.slice(0, filter.limit);
  return { recs, said };
}

const CLOSED_STATUSES = new Set<Status>(['complete', 'not_being_implemented']);
const endOf = (r: Recommendation) => r.delivery.end ?? '9999-12-31';
const lastUpdate = (r: Recommendation) => latestUpdate(r)?.date ?? '';
const ORDERS: Record<NonNullable<QueryFilter['order']>, (a: Recommendation, b: Recommendation) => number> = {
  most_overdue: (a, b) => endOf(a).localeCompare(endOf(b)),
  soonest_due: (a, b) => endOf(a).localeCompare(endOf(b)),
  oldest_update: (a, b) => lastUpdate(a).localeCompare(lastUpdate(b)),
  newest_update: (a, b) => lastUpdate(b).localeCompare(lastUpdate(a)),
};

/** "what changed since 4 October": exactly the board paper's changes section for the same dates, grouped by item. */
async function answerChanges(turn: Turn, filter: QueryFilter, q: RecQuery): Promise<Reply> {
  const history = await turn.store.planHistory();
  if (!history) return say('There is no plan yet.', { error: 'no_plan' });
  const since = readPastDay(filter.changedSince!, turn.today, 'start');
  if (!since.ok) return say(since.error, { error: 'unreadable_date' });
  const sinceDay = since.day ?? turn.today;
  // "this week" starts today at the earliest: changes "since" the day before its first day.
  const from = /^(?:this|last|past|today|yesterday)\b/i.test(filter.changedSince!) ? addDays(sinceDay, -1) : sinceDay;
  const problem = checkPaperDates({ asAt: turn.today, since: from }, turn.today, history.plan.asOf);
  if (problem) return say(problem, { error: 'invalid' });
  const paper = buildBoardPaper(history, { asAt: turn.today, producedOn: turn.today, since: from });
  const changes = paper.changes!;
  const changed = new Set([...changes.added.map((c) => c.id), ...changes.updates.map((c) => c.id), ...changes.statusChanges.map((c) => c.id), ...changes.dateRevisions.map((c) => c.id), ...changes.ownersChanges.map((c) => c.id), ...changes.rewordings.map((c) => c.id)]);
  const recs = paper.recommendations.filter((r) => changed.has(r.id) && matchesQuery(r, q));
  const items = recs.map((r) => itemView(r, turn.today));
  if (!recs.length) return say(`${filter.count ? '0 — ' : ''}${noChangesLine(changes)}`, { items });
  // Grouped by item, in plan order: each change with its kind, when and who.
  const sections = describeChanges(changes);
  const lines = recs.flatMap((r) => [
    `• ${r.id} ${titleOf(r.text, 70)}`,
    ...sections.flatMap((section) => section.lines.filter((l) => l.id === r.id).map((l) => `   – ${section.heading}: ${l.text}`)),
  ]);
  const head = `${plural(recs.length, 'item')} changed after ${formatDate(from)} and up to ${formatDate(turn.today)}:`;
  return say([...(filter.count ? [`${recs.length}`] : []), head, ...lines].join('\n'), { items });
}

function addDays(iso: IsoDate, n: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function listReply(turn: Turn, recs: Recommendation[], what: string, filter: QueryFilter, asAt: IsoDate = turn.today): Reply {
  const items = recs.map((r) => itemView(r, asAt));
  const when = `as at ${formatDate(asAt)}`;
  const subject = what ? ` ${what}` : '';
  if (!recs.length) {
    const nothing = filter.overdue ? `Nothing is overdue${subject.replace(/^ overdue/, '')} ${when}.` : `No items${subject} ${when}.`;
    return say(`${filter.count ? '0 — ' : ''}${nothing}`.replace(/ +/g, ' '), { items });
  }
  const head = filter.overdue
    ? `${plural(recs.length, 'item is', 'items are')} overdue${subject.replace(/^ overdue/, '')} ${when}:`
    : `${plural(recs.length, 'item')}${subject} ${when}:`;
  // Slipped dates show the baseline beside the date now in force.
  const line = (r: Recommendation) =>
    filter.slipped ? `${itemLine(r, asAt)} — baseline ${r.baseline.text.trim() || 'none'}, now ${r.delivery.text.trim() || 'none'} (re-dated ${r.revisions === 1 ? 'once' : `${r.revisions} times`})` : itemLine(r, asAt);
  const lines = recs.slice(0, TEXT_LIMIT).map(line);
  if (recs.length > TEXT_LIMIT) lines.push(`…and ${recs.length - TEXT_LIMIT} more. Narrow it down, e.g. \`list ICT\` or \`overdue for Karen\`.`);
  // A count says the number first, on a line of its own; the list follows.
  const first = filter.count ? [`${recs.length}`] : [];
  return say([...first, head.replace(/ +/g, ' '), ...lines].join('\n'), { items });
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
