import type { QueryFilter } from '../intent.js';
import { NUMBER, numberOf, type Taken } from './query-kinds.js';

/**
 * Questions that look for gaps: how long items have been overdue ("overdue by more than 3 months"), and
 * what they lack — a delivery date, an owner, any update at all. Each reader takes its words out of the
 * question, as the other kinds of answer do (query-kinds.ts).
 */

/** How long overdue: "overdue by more than 3 months", "more than 30 days late", "overdue for over a month", "less than a week overdue". */
const A_NUMBER = NUMBER.replace('(', '(a|an|');
const SPAN = String.raw`(more than|over|at least|longer than|less than|under|fewer than|within)\s+${A_NUMBER}\s+(days?|weeks?|fortnights?|months?|years?)`;
const LATE_WORD = String.raw`(?:overdue|late|behind(?: schedule)?|past (?:its |their |the )?(?:(?:delivery|target|due) )?(?:dates?|deadlines?))`;
const OVERDUE_BY_AFTER = new RegExp(String.raw`\b${LATE_WORD}\s+(?:by\s+|for\s+)?${SPAN}(?:\s+or\s+(?:more|longer))?\b`, 'i');
const OVERDUE_BY_BEFORE = new RegExp(String.raw`\b${SPAN}(?:\s+or\s+(?:more|longer))?\s+${LATE_WORD}\b`, 'i');
/** "overdue by 2 weeks or more", and "overdue by a month" alone, which means at least that. */
const OR_MORE = new RegExp(String.raw`\b${LATE_WORD}\s+(?:by\s+|for\s+)?${A_NUMBER}\s+(days?|weeks?|fortnights?|months?|years?)\s+(?:or|and)\s+(?:more|longer|over)\b|\b${LATE_WORD}\s+by\s+${A_NUMBER}\s+(days?|weeks?|fortnights?|months?|years?)\b`, 'i');

/** "overdue in ICT by more than 2 months": a few words between the late word and "by"; they stay in the question. */
const APART = new RegExp(String.raw`\b${LATE_WORD}((?:\s+(?!by\b)[\p{L}\d'’.&-]+){1,5}?)\s+by\s+(?:${SPAN}|${A_NUMBER}\s+(days?|weeks?|fortnights?|months?|years?)(?:\s+(?:or|and)\s+(?:more|longer|over))?)\b`, 'iu');

export function readOverdueBy(s: string): Taken<NonNullable<QueryFilter['overdueBy']>> {
  const apart = OR_MORE.exec(s) || OVERDUE_BY_AFTER.exec(s) || OVERDUE_BY_BEFORE.exec(s) ? null : APART.exec(s);
  if (apart) {
    const [, between, limit, count, unit, plainCount, plainUnit] = apart;
    const value = spanOf(limit ?? 'at least', (count ?? plainCount)!, (unit ?? plainUnit)!);
    return { rest: `${s.slice(0, apart.index)} overdue ${between} ${s.slice(apart.index + apart[0].length)}`, value };
  }
  const orMore = OR_MORE.exec(s);
  const m = orMore ?? OVERDUE_BY_AFTER.exec(s) ?? OVERDUE_BY_BEFORE.exec(s);
  if (!m) return { rest: s, value: null };
  const [limit, count, unitWord] = orMore ? ['at least', (m[1] ?? m[3])!, (m[2] ?? m[4])!] : [m[1]!, m[2]!, m[3]!];
  return { rest: `${s.slice(0, m.index)} overdue ${s.slice(m.index + m[0].length)}`, value: spanOf(limit, count, unitWord) };
}

function spanOf(limit: string, count: string, unitWord: string): NonNullable<QueryFilter['overdueBy']> {
  const amount = numberOf(count) ?? 1;
  const unit0 = unitWord.toLowerCase().replace(/s$/, '');
  const [n, unit] = unit0 === 'fortnight' ? [amount * 2, 'week' as const] : [amount, unit0 as 'day' | 'week' | 'month' | 'year'];
  const bound = /^(?:less than|under|fewer than|within)$/i.test(limit) ? 'less' : /^at least$/i.test(limit) ? 'at_least' : 'more';
  return { amount: n, unit, bound };
}

/** Something missing: no delivery date, no owner, or never an update ("which items have no date?", "unowned", "never updated"). */
const DATE_WORD = String.raw`(?:(?:delivery|target|due|end|completion|deadline)\s+)?(?:dates?|deadlines?)`;
const MISSING: Array<[RegExp, NonNullable<QueryFilter['missing']>]> = [
  [new RegExp(String.raw`\b(?:without\s+(?:an?\s+|any\s+)?|no\s+|missing\s+(?:an?\s+|the\s+|their\s+|its\s+)?|lacking\s+(?:an?\s+)?)${DATE_WORD}(?:\s+(?:set|given|agreed|yet))?\b|\bundated\b|\bnot\s+(?:been\s+|yet\s+)?dated\b|\b${DATE_WORD}\s+(?:is\s+|are\s+)?(?:missing|not set|tbc|to be confirmed)\b`, 'i'), 'date'],
  [/\b(?:without\s+(?:an?\s+|any\s+)?owners?|no\s+owners?|(?:un-?owned|unassigned|un-?allocated|orphan(?:ed|s)?)|not\s+(?:yet\s+)?(?:assigned|allocated)(?:\s+to\s+(?:anyone|anybody))?(?!\s+to\b)|(?:nobody|no one|no-one)\s+(?:owns|is responsible for|has)|missing\s+(?:an?\s+)?owners?|owners?\s+(?:is\s+|are\s+)?missing)\b/i, 'owner'],
  [/\b(?:never\s+(?:been\s+|had\s+(?:an?\s+|any\s+)?)?updated?s?|(?:had|have|has|with|got)\s+no\s+updates?(?:\s+at\s+all|\s+ever|\s+yet)?|(?:had|have|has)(?:n't| not)\s+(?:had|got)\s+(?:any|an?)\s+updates?(?:\s+at\s+all|\s+yet)?|without\s+any\s+updates?|no\s+updates?\s+(?:at\s+all|ever|yet)|not\s+(?:been\s+)?updated\s+(?:at\s+all|ever|yet)|not\s+(?:had\s+)?a\s+single\s+update)\b/i, 'updates'],
];
/** A period after "no updates" makes it a question of staleness ("no updates for 30 days", "since August"). */
const STALE_SPAN = /^\s*(?:for|in|over|since|during|this|last|the last|the past)\b/i;

export function readMissing(s: string): Taken<NonNullable<QueryFilter['missing']>> {
  for (const [re, what] of MISSING) {
    const m = re.exec(s);
    if (!m) continue;
    const after = s.slice(m.index + m[0].length);
    if (what === 'updates' && STALE_SPAN.test(after)) continue;
    return { rest: `${s.slice(0, m.index)} ${after}`, value: what };
  }
  return { rest: s, value: null };
}

/** Items in several hands: "owned by more than one person", "with several owners", "jointly owned", "shared ownership". */
const SHARED =
  /\b(?:(?:owned|held|led)\s+by\s+(?:more than one|several|multiple|two or more|many)\s+(?:owners?|people|persons?|teams?|roles?)|(?:with|have|has|having)\s+(?:more than one|several|multiple|two or more)\s+owners?|(?:more than one|several|multiple|two or more)\s+owners|jointly[- ]owned|joint(?:ly)?\s+owners?(?:hip)?|shared\s+(?:ownership|owners?)|co-?owned)\b/i;

export function readShared(s: string): Taken<true> {
  const m = SHARED.exec(s);
  return m ? { rest: `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`, value: true } : { rest: s, value: null };
}
