import type { Intent, QueryFilter } from '../intent.js';
import { parseStatus, type Status } from '../../plan/status.js';
import { unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';
import { readDue } from './query-due.js';
import { readOwner } from './query-owner.js';
import { CONNECTORS, FILLERS, NOUNS } from './vocab.js';

/** Read before statuses, so "not complete" is open rather than complete. */
const OPEN =
  /\b(?:not (?:yet )?(?:complete|completed|done|finished|closed)|incomplete|unfinished|outstanding|still open|open|remaining|not closed|in flight|needs? (?:to be )?(?:done|doing)|(?:yet )?to be (?:done|completed|finished))\b/gi;
const NOT_STARTED = /\b(?:(?:has|have)n't (?:been )?started|(?:has|have) not (?:been )?started|yet to (?:start|begin)|not begun)\b/gi;
const STATUS =
  /\b(?:not being implemented|will not be implemented|not implemented|won't do|awaiting (?:a )?decision|waiting (?:for|on) (?:a )?decision|pending(?: decision)?|awaiting agreement|not (?:yet )?started|on[- ]?going|in progress|under ?way|completed?|done|finished|closed|delivered|dropped|cancell?ed|abandoned)\b/gi;
/** Overdue words that mention a deadline go before the due reader sees them; "late" waits until after ("due in late 2017"). */
const MISSED = /\b(?:past (?:its |their |the )?(?:due dates?|deadlines?)|past due|missed(?: (?:its |their |the )?deadlines?)?)\b/gi;
const OVERDUE = /\b(?:overdue|running late|late|behind(?: schedule)?|slipped|slipping|delayed|off track)\b/gi;
const ME = /\b(?:i|i'm|me|my|mine|myself)\b/gi;
/** A request to see items, even with no filter: "list", "show the plan", "what's in HR". */
const LEAD = /^(?:list|show|display|view|give|find|get|search|see|overdue|due|mine|everything)\b|^(?:what(?:'s| is| are|s)?|anything|everything) (?:in|under)\b|^(?:what|how) about\b/;
/** Question openings that make a bare status or "open" a question: "what's complete", "which are on going". */
const ASKING = /^(?:what|what's|whats|which|any|anything|are there|is there|how many|do we have|have we got|list|show)\b/;

/** Removes every match of `re`, reporting whether there was one and the first match. */
function take(s: string, re: RegExp): { rest: string; found: string | null } {
  let found: string | null = null;
  const rest = s.replace(re, (m) => {
    found ??= m;
    return ' ';
  });
  return { rest, found };
}

/** What is left once the filter words are gone: the question's subject ("ICT", "Portfolio Office"). */
function subject(s: string): string | null {
  const out: string[] = [];
  for (const raw of s.split(/\s+/)) {
    const token = raw.replace(/^["'(]+|[.,;:!?"')]+$/g, '');
    const t = token.toLowerCase();
    if (t === '') continue;
    if (CONNECTORS.has(t)) {
      if (out.length > 0 && !CONNECTORS.has(out[out.length - 1]?.toLowerCase() ?? '')) out.push(token);
    } else if (FILLERS.has(t) || NOUNS.has(t)) {
      if (CONNECTORS.has(out[out.length - 1]?.toLowerCase() ?? '')) out.pop();
    } else out.push(token);
  }
  while (CONNECTORS.has(out[out.length - 1]?.toLowerCase() ?? '')) out.pop();
  return out.length > 0 ? out.join(' ') : null;
}

/**
 * Natural questions about many items ("what's overdue for Karen", "ICT recommendations",
 * "what's due before Christmas") and the list/overdue/due/mine commands, which read the same way.
 */
export function matchQuery(msg: NormalisedMessage): Intent | null {
  const lower = msg.lower;
  const filter: QueryFilter = {};
  const s = ` ${msg.text.replace(/\bover due\b/gi, 'overdue').replace(/\b(show|tell|give|get|send|remind|let) me\b/gi, '$1')} `;

  let step = take(s, MISSED);
  const missed = step.found !== null;
  step = take(step.rest, OPEN);
  if (step.found !== null) filter.open = true;
  step = take(step.rest, NOT_STARTED);
  let status: Status | null = step.found !== null ? 'not_started' : null;
  step = take(step.rest, STATUS);
  status ??= step.found === null ? null : parseStatus(step.found.replace(/ on /i, ' for '));
  if (status) filter.status = status;

  const owner = readOwner(step.rest.replace(/\s+/g, ' '));
  if (owner.owner !== null) filter.owner = owner.owner;
  const due = readDue(owner.rest);
  if (due.error !== null) return unknown(msg, due.error);
  if (due.due) filter.due = due.due;
  if (due.asked) filter.open = true;
  step = take(due.rest, OVERDUE);
  if (step.found !== null || missed) filter.overdue = true;
  step = take(step.rest, ME);
  if (step.found !== null && filter.owner === undefined) filter.owner = 'me';

  const about = subject(step.rest);
  if (about !== null) filter.about = about;

  const nouns = lower.split(' ').some((w) => NOUNS.has(w) && w !== 'things' && w !== 'stuff' && w !== 'work');
  const strong = LEAD.test(lower) || nouns || owner.who || due.asked || filter.overdue === true || filter.owner !== undefined;
  const asked = (filter.open === true || filter.status !== undefined) && ASKING.test(lower);
  return strong || asked ? { kind: 'query', filter } : null;
}
