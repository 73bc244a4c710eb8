import type { QueryFilter } from '../intent.js';
import { NUMBER, numberOf } from './query-kinds.js';

/** Order and limits: "the five most overdue", "top 10", "oldest updates first", "most recently updated". */
const MOST_OVERDUE = new RegExp(String.raw`\b(?:(?:the\s+)?(?:top|first)?\s*${NUMBER}?\s*)(?:most|longest|worst|furthest|oldest)\s+(?:overdue|late|behind)\b`, 'i');
const TOP = new RegExp(String.raw`\b(?:top|first)\s+${NUMBER}\b`, 'i');
const NEXT_DUE = new RegExp(String.raw`\b(?:the\s+)?next\s+${NUMBER}\s+(?:things?|items?|actions?|recs?|recommendations?)(?:\s+(?:due|coming up))?\b`, 'i');
const THE_N = new RegExp(String.raw`\b(?:the|which|what)\s+${NUMBER}\s+(?=(?:\w+\s+)?(?:things?|items?|actions?|recs?|recommendations?|ones?)\b)`, 'i');
/** One item: "what's the latest deadline?", "the last due date" (a plural asks for them all, latest first). */
const SINGULAR_LATEST = /\b(?:the|what's the|what is the|which has the|which item has the|which action has the)\s+(?:latest|furthest|last)\s+(?:due date|deadline|delivery date|end date)\b(?!s)/i;
const SINGULAR_MOST = /\b(?:the|which is the|what is the|what's the)\s+(?:single\s+)?(?:most|oldest|longest|worst) (?:overdue|late)\s+(?:action|item|recommendation|rec|one|thing)\b/i;
/** One item asked for, in an ordered question: "which item is most overdue?", "the oldest open recommendation", "which one was updated last?". */
const SINGULAR = /\b(?:which|what)(?: single)? (?:action|item|recommendation|rec|one|thing) (?:is|was|has|had)\b|\bwhich of\b.{1,40}?\b(?:items|actions|recs|recommendations|ones)\s+(?:is|was|has)\b|\b(?:the|what's the|what is the|which is the)\s+(?:single\s+)?(?:most|oldest|newest|latest|longest|worst|least|earliest|stalest)\b(?:\s+[\p{L}-]+){0,3}?\s+(?:action|item|recommendation|rec|one|thing)\b(?!s)/iu;
const ORDERS: Array<[RegExp, NonNullable<QueryFilter['order']>]> = [
  [/\b(?:oldest|least recent(?:ly)?|stalest)\s+(?:updates?|updated)(?:\s+first)?\b|\bleast recently updated\b|\bby oldest update\b/i, 'oldest_update'],
  [/\b(?:newest|latest|most recent(?:ly)?|freshest)\s+(?:updates?|updated)(?:\s+first)?\b|\bmost recently updated\b|\bupdated (?:most recently|last)\b/i, 'newest_update'],
  [/\b(?:soonest|next)\s+(?:due|deadlines?)(?:\s+first)?\b|\bdue soonest\b|\b(?:is |are )?due next\b(?=\s*(?:$|[?.!,]|(?:for|in|from|owned|with|and)\b))/i, 'soonest_due'],
  // "the latest deadline", "which item is due last?", "what is furthest out?": what is due latest, open or not.
  [/\b(?:latest|furthest|last)\s+(?:due(?:\s+dates?)?|deadlines?|delivery(?:\s+dates?)?|end dates?)(?:\s+first)?\b|\bdue (?:last(?!\s+(?:week|month|quarter|year|fortnight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|christmas|easter|time|meeting)\w*)|latest|furthest (?:out|away|off))\b|\bfurthest (?:out|away|off)\b|\blast to be (?:delivered|done|completed|finished)\b/i, 'latest_due'],
  [/\b(?:sorted |sort |ordered )?by (?:due date|deadline|delivery date)\b|\bin (?:date|due date|deadline) order\b/i, 'by_due_date'],
  // "the oldest open recommendation", "earliest first": the one due longest ago, which has waited longest.
  [/\b(?:oldest|earliest)\b(?!\s+(?:updates?|updated))(?:\s+(?:ones?|items?|actions?|recs?|recommendations?))?(?:\s+first)?/i, 'by_due_date'],
];

export function readOrder(s: string): { rest: string; order: QueryFilter['order'] | null; limit: number | null; overdue: boolean } {
  let rest = s;
  let order: QueryFilter['order'] | null = null;
  let limit: number | null = null;
  let overdue = false;
  if (SINGULAR_MOST.test(rest) || SINGULAR_LATEST.test(rest)) limit = 1;
  const singular = SINGULAR.test(rest);
  const next = NEXT_DUE.exec(rest);
  if (next) {
    order = 'soonest_due';
    limit = numberOf(next[1]!);
    rest = `${rest.slice(0, next.index)} ${rest.slice(next.index + next[0].length)}`;
  }
  const most = MOST_OVERDUE.exec(rest);
  if (most) {
    order = 'most_overdue';
    overdue = true;
    if (most[1]) limit = numberOf(most[1]);
    rest = `${rest.slice(0, most.index)} ${rest.slice(most.index + most[0].length)}`.replace(/\b(?:sort(?:ed)? by|(?:worst |most overdue )?first)\b/gi, ' ');
  }
  for (const [re, o] of ORDERS) {
    const m = re.exec(rest);
    if (m && order === null) {
      order = o;
      rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    }
  }
  const top = TOP.exec(rest) ?? (order !== null || overdue ? THE_N.exec(rest) : null);
  if (top && limit === null) {
    limit = numberOf(top[1]!);
    rest = `${rest.slice(0, top.index)} ${rest.slice(top.index + top[0].length)}`;
  }
  if (order !== null) rest = rest.replace(/\b(?:sort(?:ed)? by|first)\b/gi, ' ');
  if (order !== null && singular) {
    limit ??= 1;
    rest = rest.replace(/\b(?:which|what)(?: single)? (?:one|thing)\b/i, ' ');
  }
  return { rest, order, limit, overdue };
}
