import type { IsoDate } from '../../dates/delivery-window.js';
import { findBoard } from '../../governance/board.js';
import { matchOwners, ownerKind } from '../../plan/owners.js';
import { cutAtWord, titleOf, type Recommendation, type UpdateEntry } from '../../plan/recommendation.js';
import type { RecQuery } from '../../ports.js';
import type { Turn } from '../context.js';
import { formatDate, plural } from '../format.js';
import type { QueryFilter } from '../intent.js';
import { itemView, say, type Reply } from '../reply.js';
import { changesWindow } from './answer-kinds.js';
import { joinOr } from './query-reading.js';
import { matchesQuery } from '../rec-query.js';

/** Updates shown in full before "…and N more"; every item is still in the reply's items. */
const SHOWN = 20;
const TEXT = 200;

/** An update on one line, cut at a word once it is long: the item's own log has it whole. */
const clip = (text: string) => cutAtWord(text.replace(/\s+/g, ' ').trim(), TEXT, 20);

/**
 * "what did Karen say last week?", "updates by N. Shackleton", "my updates": the updates signed by one person,
 * newest first, each under its item. The name is matched against the updates' own signatures; a name that signs
 * none but owns items ("Portfolio Office's updates") gives the updates on those items instead.
 */
export async function answerAuthored(turn: Turn, filter: QueryFilter, q: RecQuery, said: string[]): Promise<Reply> {
  // Lists carry each item's latest update only: the whole log is the plan's history, as "what changed" reads it.
  const history = await turn.store.planHistory();
  if (!history) return say('There is no plan yet.', { error: 'no_plan' });
  let from: IsoDate | null = null;
  let upTo = turn.today;
  if (filter.changedSince) {
    // Updates are dated as the board wrote them, before the plan's own date too: any past days can be asked about.
    const window = changesWindow(turn, filter, null);
    if ('text' in window) return window;
    ({ from, upTo } = window);
  }
  const recs = history.recommendations.filter((r) => matchesQuery(r, q));
  const signers = [...new Set(recs.flatMap((r) => r.updates.map((u) => u.author ?? '')).filter(Boolean))];
  // A Slack mention is the person-owner they are linked to, whose name their updates are signed with.
  const mentioned = /^<@([A-Z0-9]+)>$/.exec(filter.author!)?.[1];
  const linked = mentioned && turn.people ? await turn.people.ownersFor(mentioned) : [];
  if (mentioned && !linked.length) {
    return say(`<@${mentioned}> is not linked to an owner yet, so I cannot tell which updates are theirs. An admin links them with \`link <@${mentioned}> "Owner name"\`, or ask by the name they sign with.`, { error: 'not_understood' });
  }
  const typed = filter.author === 'me' ? turn.actor.name : mentioned ? linked[0]! : filter.author!;
  // The asker signs with their own name, and the plan's imported updates with the person-owner they are linked to.
  const own = filter.author === 'me' ? [turn.actor.name, ...turn.actor.owns.filter((o) => ownerKind(o) === 'person')] : mentioned ? linked : [];
  const authors = own.length ? signers.filter((a) => own.some((o) => o.toLowerCase() === a.toLowerCase())) : matchOwners(typed, signers);
  // "any updates from HR?": a name that signs nothing may be an owner or a theme, whose items' updates are meant.
  let byOwner: string[] = [];
  let byTheme: string[] = [];
  if (!authors.length && !own.length) byOwner = matchOwners(typed, await turn.store.owners());
  if (!authors.length && !own.length && !byOwner.length) byTheme = matchOwners(typed, await turn.store.themes());
  if (!authors.length && !byOwner.length && !byTheme.length) {
    const board = own.length ? null : findBoard(await turn.governance.boards(), typed);
    if (board) return say(`${board.name} is a board, which decides rather than posts updates: ask "what did ${board.name} decide?" for its decisions.`, { items: [] });
    const who = filter.author === 'me' ? `you (${typed})` : `"${typed}"`;
    return say(`No update in ${turn.plan.key} is signed by ${who}. Ask \`updates 4.2.1\` for one item's log, or "what changed this week?" for everyone's.`, { items: [] });
  }
  const anyone = byOwner.length > 0 || byTheme.length > 0;
  const wanted = (u: UpdateEntry) => (anyone || authors.includes(u.author ?? '')) && (from === null || u.date > from) && u.date <= upTo;
  const ownedBy = (r: Recommendation) => (!byOwner.length || r.owners.some((o) => byOwner.includes(o))) && (!byTheme.length || byTheme.includes(r.theme));
  const entries = recs
    .filter(ownedBy)
    .flatMap((r) => r.updates.filter(wanted).map((u) => ({ rec: r, update: u })))
    .sort((a, b) => b.update.date.localeCompare(a.update.date));
  const withItems = [...new Set(entries.map((e) => e.rec))];
  const who = byOwner.length ? `on items owned by ${joinOr(byOwner)}` : byTheme.length ? `on items in ${joinOr(byTheme)}` : filter.author === 'me' ? `by you (${joinOr(authors)})` : `by ${joinOr(authors)}`;
  const when = from === null ? `up to ${formatDate(upTo)}` : `after ${formatDate(from)} · up to ${formatDate(upTo)}`;
  const head = `Updates ${who}${said.length ? ` · ${said.join(' · ')}` : ''} · ${when} — ${entries.length ? `${plural(entries.length, 'update')} on ${plural(withItems.length, 'item')}` : 'none'}`;
  const lines = entries.slice(0, SHOWN).map(({ rec, update }) => `• ${rec.id} ${titleOf(rec.text, 50)} — ${formatDate(update.date)}${anyone && update.author ? `, ${update.author}` : ''}: ${clip(update.text)}`);
  if (entries.length > SHOWN) lines.push(`…and ${entries.length - SHOWN} more. Ask for a shorter time, e.g. "what did ${filter.author === 'me' ? 'I post' : `${typed} say`} this month?".`);
  return say([head, ...lines].join('\n'), { items: withItems.map((r) => itemView(r, turn.today)) });
}
