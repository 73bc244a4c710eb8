import { isMeetingReference, joinMeetingReferences, spoken } from '../../governance/meeting-reference.js';
import { canonicalId, isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import type { Intent } from '../intent.js';
import type { Matcher } from './normalise.js';

/**
 * The decision log asked in words, however it is put: "what did SAS decide in October?", "what has
 * JCOB agreed since the summer?", "any decisions from SAS this year?", "what was decided at the last
 * SAS?", "what did the boards decide?", "show me the decision log", "what decisions have been made
 * since May?", "has the board decided anything about 4.3.1?", "decision on 4.3.1?". The sentence is
 * taken apart into its parts (a board, an item, a period) in any order; the board, the item and the
 * period come back as typed, and the handler checks them against the plan.
 */

const VERB = String.raw`(?:decided?|agreed?|approved?|resolved?|ruled|concluded)`;
/** Subjects that mean every board: "what did the boards decide?", "what have we agreed?". */
const ANY_BOARD = /^(?:we|you|they|it|board|boards|committee|committees|anyone|anybody|everyone|everybody)$/i;
/** "been" is no board: "what has been decided …" is the passive, read by WAS_DECIDED. */
const SUBJECT = String.raw`(?:the\s+)?(?!(?:been|being)\b)([A-Za-z][\w&-]*)`;

/** "what did SAS decide …", "what have the boards agreed …", "anything JCOB approved …" */
const DID_DECIDE = new RegExp(String.raw`^(?:(?:so|and)\s+)?(?:what|which things|anything|what else)\s+(?:did|has|have|had)\s+${SUBJECT}\s+${VERB}(?:\s+(.+))?$`, 'i');
/** "has the board decided anything about 4.3.1", "did SAS agree anything in October" */
const HAS_DECIDED = new RegExp(String.raw`^(?:has|have|did)\s+${SUBJECT}\s+(?:${VERB}|made\s+(?:a|any)\s+decisions?|reached\s+(?:a|any)\s+decisions?|taken\s+(?:a|any)\s+decisions?)(?:\s+(?:anything|something))?(?:\s+(.+))?$`, 'i');
/** "has anything been decided about 4.3.1", "was a decision made on 9.1.1", "have any decisions been taken since May" */
const ANYTHING_DECIDED = new RegExp(String.raw`^(?:has|have|was|were)\s+(?:anything|something|a decision|any decisions?)\s+(?:been\s+)?(?:${VERB}|made|taken|reached|recorded)(?:\s+(.+))?$`, 'i');
/** "what was decided at the last SAS", "what has been agreed since May", "anything decided about 4.3.1" */
const WAS_DECIDED = new RegExp(String.raw`^(?:what|what's|whats|anything|which things|what else)\s+(?:was|were|has been|have been|had been|got|been)?\s*${VERB}(?:\s+(.+))?$`, 'i');
/** "any decisions since May", "what decisions has the board made", "show me the decision log", "decision on 4.3.1" */
const DECISIONS = new RegExp(
  String.raw`^(?:(?:so|and)\s+)?(?:(?:any|what|which|show|list|see|view|open|read|show me|give me|let me see|what's in|what is in|what were|what are|what have been|which were|are there any|were there any|have there been any|has there been any|there were any|what was|what's|whats|how many)\s+)?(?:(?:the|all|all the|every|our|recent|latest|new|last|past|board|board's|boards'|most recent)\s+)*(?:decisions?(?:\s+log)?|decision-log)(?:\s+(.+))?$`,
  'i',
);
/** What may come between "decisions" and the rest: "has the board made", "have been taken", "were recorded". */
const DECISIONS_VERB = new RegExp(String.raw`^(?:(?:was|were|have|has|had|did|does|do)(?:\s+been)?\s+)?(?:${SUBJECT}\s+)??(?:made|make|taken|take|recorded|record|reached|reach|agreed|agree|logged|given|give)(?:\s+|$)`, 'i');
/** "SAS decisions", "the JCOB's decision log", "show SAS's decisions since May": a board named in front of its log. */
const BOARD_DECISIONS = /^(?:(?:show|list|see|view|give|get|what are|what were)\s+(?:me\s+)?)?(?:the\s+)?([A-Z][A-Za-z0-9&-]*?)(?:['’]s)?\s+(?:decisions?(?:\s+log)?|decision-log)(?:\s+(.+))?$/;
/** Words in front of "decisions" that are not a board: "Recent decisions", "Any decisions". */
const NOT_A_BOARD = /^(?:the|any|all|recent|latest|new|last|past|board|boards|what|which|our|my|your|their|previous|key|major|main|outstanding|pending|show|list)$/i;

/** "what happened at the last SAS?", "what came out of JCOB in October?", "outcome of the last meeting": a meeting's decisions. */
const HAPPENED_AT = /^(?:(?:so|and)\s+)?(?:(?:what|anything)\s+(?:happened|came out|was the outcome|were the outcomes|was the result|were the results)|(?:the\s+)?(?:outcomes?|results?)|what's the outcome)\s+((?:at|of|from)\s+.+)$/i;

const ID = `(${TYPED_ID})`;
/** "on 4 October" is a day, not item 4. */
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b`;
/** Words after "for", "from"… that start a period, not a board's name. */
export const MONTH_OR_PERIOD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|fall|winter|today|yesterday|this|last|past|q[1-4]|\d.*)$/i;

export const matchDecisionsQuestion: Matcher = (msg) => {
  const text = joinMeetingReferences(msg.text.replace(/[?!.]+$/, '').trim());
  const did = DID_DECIDE.exec(text) ?? HAS_DECIDED.exec(text);
  if (did) {
    // "what has SAS got to decide?" is what waits on SAS, not the log: the query readers have it.
    return readTail(did[2] ?? '', ANY_BOARD.test(did[1]!) ? null : did[1]!);
  }
  const anything = ANYTHING_DECIDED.exec(text);
  if (anything) return readTail(anything[1] ?? '', null);
  const happened = HAPPENED_AT.exec(text);
  if (happened) return readTail(happened[1]!.replace(/^(?:of|from)\s+(?=(?:the[\s\u2060]+)?(?:last|next|latest|previous|recent)\b)/i, 'at '), null);
  const was = WAS_DECIDED.exec(text);
  if (was) return readTail(was[1] ?? '', null);
  const named = BOARD_DECISIONS.exec(text);
  if (named && !NOT_A_BOARD.test(named[1]!)) return readTail(named[2] ?? '', named[1]!);
  const log = DECISIONS.exec(text);
  if (log) {
    let rest = (log[1] ?? '').trim();
    let board: string | null = null;
    const verb = DECISIONS_VERB.exec(rest);
    if (verb) {
      if (verb[1] && !ANY_BOARD.test(verb[1])) board = verb[1];
      rest = rest.slice(verb[0].length);
    }
    return readTail(rest, board);
  }
  return null;
};

/**
 * The parts after the verb, in any order: a board ("by SAS", "of the JCOB"), an item ("about 4.3.1",
 * "on 4.3.1", "affecting 4.3.1"), and then a period that runs to the end ("since May", "in October",
 * "this year", "at the last SAS"). Null when something is left that is none of these.
 */
function readTail(tail: string, subject: string | null): Intent | null {
  let board = subject;
  let about: string | null = null;
  // "what did SAS decide last time?": at its last meeting (any board's, when none is named).
  let rest = tail.trim().replace(/^(?:at\s+)?(?:the\s+)?last\s+time$/i, () => `at ${joinMeetingReferences(board ? `the last ${board}` : 'the last meeting')}`);
  for (let before = ''; rest && rest !== before; ) {
    before = rest;
    rest = rest.replace(/^(?:anything|something|so far|to date|ever|yet|recently|lately|then|any)\b\s*/i, '');
    const item = new RegExp(String.raw`^(?:about|on|for|concerning|regarding|re|over|touching|(?:(?:that|which)\s+)?(?:(?:have|has|had)\s+)?affect(?:s|ed|ing)?)\s+(?:item\s+|recommendation\s+|action\s+)?${ID}(?=\s|$)(?!\s+${MONTH_NAME})\s*`, 'i').exec(rest);
    if (item && isRecommendationId(canonicalId(item[1]!))) {
      about = canonicalId(item[1]!);
      rest = rest.slice(item[0].length);
      continue;
    }
    const by = /^(?:by|of|from|at|for)\s+(?:the\s+)?([A-Za-z][\w&-]*)(?=\s|$)\s*/i.exec(rest);
    if (by && !isMeetingReference(by[0]) && !MONTH_OR_PERIOD.test(by[1]!)) {
      board = ANY_BOARD.test(by[1]!) ? board : by[1]!;
      rest = rest.slice(by[0].length);
    }
  }
  if (!rest) return { kind: 'decisions', board, since: null, during: null, about };
  const since = /^since\s+(.+)$/i.exec(rest);
  if (since) return { kind: 'decisions', board, since: spoken(since[1]!), during: null, about };
  const period = /^(?:in|during|over|on|at|for|from|by)\s+(.+)$/i.exec(rest) ?? /^((?:this|last|the past|the last|past)\s+.+)$/i.exec(rest);
  if (!period) return null;
  const during = period[1]!.trim();
  if (isMeetingReference(during)) {
    // "at the last SAS": the meeting's day, and its board unless one was named.
    const named = /^(?:the\u2060)?(?:next|last|previous|coming|upcoming|forthcoming|\w+)\u2060([A-Za-z][\w&-]*)/i.exec(during);
    if (named && !/^(?:board|meeting|meetings)$/i.test(named[1]!)) board ??= named[1]!;
  }
  return { kind: 'decisions', board, since: null, during: spoken(during), about };
}
