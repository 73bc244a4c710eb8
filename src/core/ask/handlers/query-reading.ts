import { STATUS_LABELS } from '../../plan/status.js';
import type { QueryFilter } from '../intent.js';
import { plural } from '../format.js';
import { say, type Reply } from '../reply.js';

/** How a question about many items was read, in words: for "I understood …", "did you mean" and the `query` object. */

/**
 * A word that named a filter but matches nothing: said, with what was understood, and nothing listed —
 * an answer from the rest of the question would be an answer to a question nobody asked.
 */
export function notUnderstood(filter: QueryFilter, word: string, as: 'about' | 'theme' | 'owner'): Reply {
  const parts = understoodParts(filter).filter((p) => !p.includes(word));
  const got = parts.length ? `I understood ${joinAnd(parts.map((p) => `*${p}*`))} but not *${word}*` : `I didn't understand *${word}*`;
  const what = as === 'theme' ? 'a theme' : as === 'owner' ? 'an owner' : 'a theme, an owner or a status';
  return say(`${got}: it is not ${what} in the plan. Say it another way, or try \`list ICT\`, \`overdue for Karen\` or \`list complete\`.`, { error: 'not_understood' });
}

/** One typo away from an owner or a theme: asked, with the near names as choices, never assumed. */
export function didYouMean(typed: string, near: string[], field: 'owner' | 'theme' = 'owner'): Reply {
  return say(`No ${field} is called "${typed}". Did you mean ${joinOr(near)}?`, { awaiting: field === 'owner' ? 'choose_owner' : 'choose_theme', choices: near });
}

/** The filters read from a question, in words, for "I understood …". */
export function understoodParts(f: QueryFilter): string[] {
  return [
    f.count ? 'how many' : '',
    f.summary ? 'summary' : '',
    f.completed ? `completed ${f.completed.since ? 'since' : 'in'} ${f.completed.phrase}` : '',
    f.by ? `by ${f.by}` : '',
    f.overdue ? 'overdue' : '',
    f.open ? 'open' : '',
    f.waitingOn ? `waiting on ${f.waitingOn}` : f.status ? STATUS_LABELS[f.status].toLowerCase() : '',
    f.statuses ? f.statuses.map((st) => STATUS_LABELS[st].toLowerCase()).join(' or ') : '',
    f.proposed ? 'awaiting sign-off' : '',
    f.rag ? ragWords(f.rag) : '',
    f.mentions ? `mentioning "${f.mentions}"` : '',
    f.owner ? (f.owner === 'me' ? 'yours' : f.owner) : '',
    f.theme ?? '',
    f.due ? `${f.due.orOverdue ? 'overdue or ' : ''}due ${f.due.mode === 'within' ? 'in' : f.due.mode} ${f.due.phrase}${f.due.until ? ` and ${f.due.until}` : ''}` : '',
    f.asAt ? `as at ${f.asAt}` : '',
    f.changedSince ? (f.changedUntil === undefined ? `changed since ${f.changedSince}` : f.changedUntil === f.changedSince ? `changed in ${f.changedSince}` : `changed between ${f.changedSince} and ${f.changedUntil}`) : '',
    f.slipped ? (f.slipped.times > 1 ? `re-dated ${f.slipped.times} times or more` : 'slipped dates') : '',
    f.stale ? `no update ${f.stale.since ? `since ${f.stale.since}` : `for ${f.stale.days} days`}` : '',
    f.overdueBy ? `overdue by ${f.overdueBy.bound.replace('_', ' ').replace('more', 'more than').replace('less', 'less than')} ${f.overdueBy.amount} ${f.overdueBy.unit}s` : '',
    f.ids ? f.ids.join(', ') : '',
    f.section ? `section ${f.section}` : '',
    f.priority ? `${f.priority} priority` : '',
    f.missing ? { date: 'no delivery date', owner: 'no owner', updates: 'never updated' }[f.missing] : '',
    f.sharedOwners ? 'more than one owner' : '',
    f.order ? f.order.replace(/_/g, ' ') : '',
    f.limit ? `the first ${f.limit}` : '',
  ].filter(Boolean);
}

/**
 * The first line of a list or a count: what was read, then how many ("Overdue · in ICT · as at 4 Oct 2017
 * — 3 items"). A count says its number first ("3 items — overdue · in ICT · as at 4 Oct 2017").
 */
export function readingLine(parts: string[], when: string, n: number, count: boolean): string {
  const read = [...(parts.length ? parts : ['all items']), when].join(' · ');
  const howMany = n === 0 ? 'no items' : plural(n, 'item');
  if (count) return `${n === 0 ? '0 items' : howMany} — ${read}`;
  return `${read.charAt(0).toUpperCase()}${read.slice(1)} — ${howMany}`;
}

export const joinAnd = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
export const joinOr = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);

/** "rated red", "at risk (red or amber)". */
export const ragWords = (rag: NonNullable<QueryFilter['rag']>) => (rag === 'at_risk' ? 'at risk (red or amber)' : `rated ${rag}`);
