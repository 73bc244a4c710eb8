import type { QueryFilter } from '../intent.js';
import type { Taken } from './query-kinds.js';
import { startsDate } from './vocab.js';

/** "what was completed in December?", "what closed last month?", "what's been done since October?": completions in a period. */
const COMPLETED_IN =
  /\b(?:(?:was|were|got|been|have been|has been|had been)\s+)?(?:completed|complete|closed|done|finished|delivered|signed off)\s+(?:(?:anything|something|any(?: items| actions)?)\s+)?(since|in|during|over|within|this|last|the last|the past|past|between)\s+(.+?)\s*$/i;
/** "what did we deliver last month?", "what did ICT finish in October?": the doer (kept, unless "we"), then the period. */
const DID_COMPLETE =
  /\bdid\s+(?:(we|you|they|us|I)\s+|((?:\S+\s+){1,3}?))(?:complete|finish|deliver|close|sign off|get done|get through|achieve)\s+(?:(?:anything|something|any(?: items| actions)?)\s+)?(since|in|during|over|within|this|last|the last|the past|past|between)\s+(.+?)\s*$/i;
/** "anything completed recently?", "what's been closed lately": the past 30 days. */
const COMPLETED_LATELY = /\b(?:(?:was|were|got|been|have been|has been|had been)\s+)?(?:completed|closed|finished|delivered|signed off)\s+(?:recently|lately|of late)\s*$/i;

/** "in the past 30 days", "over the last fortnight": a stretch back from today, which starts with no date word. */
const STRETCH = /^(?:the\s+)?(?:past|last|previous)\s+(?:\S+\s+)?(?:days?|weeks?|fortnights?|months?|years?)$/i;

/**
 * Completions in a period, which run to the end of the question: "what was completed in December?", "closed since
 * October", "completed in the past 30 days", "anything completed recently?" (the past 30 days). "not complete in ICT"
 * is open items in a theme: only a period after the verb makes it a completion question.
 */
export function readCompleted(s: string): Taken<NonNullable<QueryFilter['completed']>> {
  const m = COMPLETED_IN.exec(s);
  const period = m?.[2]?.trim() ?? '';
  // "what will be delivered in March?" looks ahead: a due question, not completions.
  const ahead = m !== null && /\bbe\s*$/i.test(s.slice(0, m.index));
  if (m && !ahead && (STRETCH.test(period) || startsDate(m[2]!.split(' '), 0)) && !/\bnot\s*$/i.test(s.slice(0, m.index).replace(/[*_~]/g, ''))) {
    const word = m[1]!.toLowerCase();
    const phrase = /^(?:this|last|the last|the past|past)$/.test(word) ? `${m[1]} ${m[2]}` : m[2]!;
    return { rest: `${s.slice(0, m.index)} `, value: { phrase: phrase.trim(), since: word === 'since' } };
  }
  const did = DID_COMPLETE.exec(s);
  const didPeriod = did?.[4]?.trim() ?? '';
  if (did && (STRETCH.test(didPeriod) || startsDate(didPeriod.split(' '), 0))) {
    const word = did[3]!.toLowerCase();
    const phrase = /^(?:this|last|the last|the past|past)$/.test(word) ? `${did[3]} ${didPeriod}` : didPeriod;
    return { rest: `${s.slice(0, did.index)} ${did[2] ?? ''} `, value: { phrase: phrase.trim(), since: word === 'since' } };
  }
  const lately = COMPLETED_LATELY.exec(s);
  if (lately) return { rest: `${s.slice(0, lately.index)} `, value: { phrase: 'the past 30 days', since: false } };
  return { rest: s, value: null };
}
