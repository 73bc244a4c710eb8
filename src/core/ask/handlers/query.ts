import { readDelivery, UNREADABLE_HELP } from '../../dates/read-delivery.js';
import type { RecQuery } from '../../ports.js';
import { parseStatus, STATUS_LABELS } from '../../plan/status.js';
import type { Recommendation } from '../../plan/recommendation.js';
import type { QueryFilter } from '../intent.js';
import type { Turn } from '../context.js';
import { describeWindow, formatDate, itemLine, plural } from '../format.js';
import { itemView, say, type Reply } from '../reply.js';
import { bestScore, matchThemes, resolveName } from './resolve-names.js';

/** Lines shown in text before "…and N more"; the items array always carries everything. */
const TEXT_LIMIT = 40;

/** Answers a question about many items: overdue, due, by owner, theme or status. */
export async function answerQuery(turn: Turn, filter: QueryFilter): Promise<Reply> {
  const q: RecQuery = {};
  const said: string[] = [];
  let dueNote = '';

  if (filter.about) {
    const about = await resolveAbout(turn, filter.about);
    if ('text' in about) return about;
    Object.assign(filter, about);
  }
  if (filter.status) {
    q.status = filter.status;
    said.push(STATUS_LABELS[filter.status].toLowerCase());
  }
  if (filter.open) q.openOnly = true;
  if (filter.overdue) {
    q.openOnly = true;
    q.endBefore = turn.today;
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
    if (!themes.length) return say(`No theme matches "${filter.theme}". Themes are: ${(await turn.store.themes()).join(', ')}.`, { error: 'invalid' });
    q.themes = themes;
    said.push(`in ${themes.join(' / ')}`);
  }
  if (filter.due) {
    const read = readDelivery(filter.due.phrase, { today: turn.today, timeZone: turn.timeZone });
    if (!read.ok) return say(read.error, { error: 'unreadable_date' });
    const w = read.window;
    if (!w.start || !w.end) return say(`"${filter.due.phrase}" has no date in it, so nothing can be due then. ${UNREADABLE_HELP}`, { error: 'unreadable_date' });
    q.openOnly = true;
    if (filter.due.mode === 'within') {
      q.endFrom = w.start;
      q.endTo = w.end;
      dueNote = `due ${describeWindow(w).replace(/^by /, 'on ')}`;
    } else {
      q.endFrom = turn.today;
      q.endTo = filter.due.mode === 'before' ? dayBefore(w.start) : w.end;
      dueNote = `due ${filter.due.mode === 'before' ? 'before' : 'by'} ${formatDate(filter.due.mode === 'before' ? w.start : w.end)}`;
    }
  }

  const recs = await turn.store.find(q);
  const what = [filter.overdue ? 'overdue' : dueNote, ...said].filter(Boolean).join(' ');
  return listReply(turn, recs, what, filter);
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
  if (match.kind === 'none') return say(`No owner matches "${filter.owner}". Owners in the plan include: ${known.slice(0, 15).join(', ')}.`, { error: 'invalid' });
  return say(`"${filter.owner}" could be ${match.names.join(' or ')}. Which one did you mean?`, {
    awaiting: 'choose_owner',
    choices: match.names,
  });
}

/** "show me the ICT actions": a status, a theme or an owner, whichever the word fits best. */
async function resolveAbout(turn: Turn, about: string): Promise<QueryFilter | Reply> {
  const status = parseStatus(about);
  if (status) return { status };
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  const t = bestScore(about, themes);
  const o = bestScore(about, owners);
  if (t === 0 && o === 0) {
    return say(`I don't know "${about}" as a theme, an owner or a status. Themes are: ${themes.join(', ')}. Try \`list ICT\`, \`list Karen\` or \`list complete\`.`, {
      error: 'not_understood',
    });
  }
  return t >= o ? { theme: about } : { owner: about };
}

function listReply(turn: Turn, recs: Recommendation[], what: string, filter: QueryFilter): Reply {
  const items = recs.map((r) => itemView(r, turn.today));
  const asAt = `as at ${formatDate(turn.today)}`;
  const subject = what ? ` ${what}` : '';
  if (!recs.length) {
    const nothing = filter.overdue ? `Nothing is overdue${subject.replace(/^ overdue/, '')} ${asAt}.` : `No items${subject} ${asAt}.`;
    return say(nothing.replace(/ +/g, ' '), { items });
  }
  const head = filter.overdue
    ? `${plural(recs.length, 'item is', 'items are')} overdue${subject.replace(/^ overdue/, '')} ${asAt}:`
    : `${plural(recs.length, 'item')}${subject} ${asAt}:`;
  const lines = recs.slice(0, TEXT_LIMIT).map((r) => itemLine(r, turn.today));
  if (recs.length > TEXT_LIMIT) lines.push(`…and ${recs.length - TEXT_LIMIT} more. Narrow it down, e.g. \`list ICT\` or \`overdue for Karen\`.`);
  return say([head.replace(/ +/g, ' '), ...lines].join('\n'), { items });
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
