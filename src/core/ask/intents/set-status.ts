import type { Intent } from '../intent.js';
import { parseStatus, type Status } from '../../plan/status.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { rawAfter, textAfter, type NormalisedMessage } from './normalise.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { isDateWord } from './vocab.js';

/**
 * Completion is its own intent wherever it is asked for ("mark 4.2.1 complete", "status 4.2.1 done"):
 * closing an item is a deliberate act with its own evidence, so it always takes the `complete` path.
 */
export function statusIntent(id: string, status: Status, evidence: string | null = null): Intent {
  return status === 'complete' ? completeIntent(id, evidence) : { kind: 'set_status', id, status };
}

/** Completion with what was said after it: evidence, or only when it was done ("4.2.1 was completed on 5 December"). */
export function completeIntent(id: string, said: string | null): Intent {
  const done = whenDone(said);
  return done ? { kind: 'complete', id, evidence: null, done } : { kind: 'complete', id, evidence: evidenceOf(said) };
}

const LINKING = /^(?:on|at|as|of|from|since|this|last|in|by|the|and|around|about)$/i;

/** "on 5 December", "last week", "as of yesterday": words that only say when, which are not evidence of anything. */
function whenDone(said: string | null): string | undefined {
  const phrase = said?.trim().replace(/[.!]+$/, '') ?? '';
  const words = phrase.split(/\s+/).filter(Boolean);
  return words.some((w) => isDateWord(w)) && words.every((w) => LINKING.test(w) || isDateWord(w)) ? phrase : undefined;
}

/** The evidence as said, without the label people put in front of it: "evidence: TOM signed off", "with evidence - minutes". */
export function evidenceOf(said: string | null): string | null {
  if (said === null) return null;
  // Only a label: "Evidence gathered from all forces" keeps its first word.
  const bare = said.replace(/^(?:(?:with|and)\s+(?:the\s+)?(?:evidence|proof)\b\s*[:=\u2013-]?|(?:evidence|proof)\s*(?:is\b|[:=\u2013-]))\s*/i, '').trim();
  return bare || null;
}

export function statusReason(words: string): string {
  return `"${words}" isn't a status I know; use not started, on going, awaiting decision, complete or not being implemented.`;
}

/** Status words from word `from` on, after "as", "to be", "now"…; the longest reading wins. */
function skipLinks(words: readonly string[], from: number): number {
  let i = from;
  while (i < words.length && /^(?:as|to|be|now|is|has|have|been|can|could|should|will|was|now|:|-)$/i.test(words[i] ?? '')) i++;
  return i;
}

export function readStatusAt(words: readonly string[], from: number): { status: Status; used: number } | null {
  const i = skipLinks(words, from);
  for (let n = Math.min(5, words.length - i); n >= 1; n--) {
    const status = parseStatus(words.slice(i, i + n).join(' ').replace(/[:,;?!.]+$/, ''));
    if (status) return { status, used: i + n };
  }
  return null;
}

/**
 * The status named from word `at` on. Anything after it is evidence when closing, and a
 * mistake otherwise (unless `strict` is off, for natural sentences that may mean something else).
 */
export function statusFrom(msg: NormalisedMessage, id: string, at: number, strict = true): Intent | null {
  const read = readStatusAt(msg.words, at);
  if (read && read.used === msg.words.length) return statusIntent(id, read.status);
  if (read?.status === 'complete') return statusIntent(id, 'complete', rawAfter(msg, read.used));
  // "mark 4.2.1 as awaiting decision from JCOB", "4.2.1 is awaiting a decision on the funding bid by SAS": what it waits on.
  const waits = read?.status === 'awaiting_decision' ? AWAITS.exec(rawAfter(msg, read.used) ?? '') : null;
  if (waits && (waits[1] || waits[2])) return { kind: 'awaiting', id, what: waits[1]?.trim() || 'a decision', board: waits[2] ?? null };
  return strict ? unknown(msg, statusReason(textAfter(msg, skipLinks(msg.words, at)))) : null;
}

/** After "awaiting decision": on what, and whose ("on the funding bid", "from JCOB"). */
const AWAITS = /^(?:(?:on|for|about)\s+(.+?))?\s*(?:(?:from|by|of)\s+(?:the\s+)?([A-Za-z][\w&-]*))?\s*[.!]?$/i;

const STATUS_OF = /^(?:change|set|update|move|put) (?:the )?status (?:of|for|on) (?:rec |item )?(\S+) (?=to |as )/i;

/** "we won't be doing 4.2.1", "we're not going ahead with 4.2.1", "drop 4.2.1": it will not be implemented. */
const NOT_GOING_AHEAD = [
  /^(?:(?:we|i)(?:'re|'m| are| am)?\s+)?(?:won't|will not|shan't|aren't|are not|am not|not)\s+(?:be\s+)?(?:doing|going ahead with|go ahead with|implementing|implement|taking forward|take forward|proceeding with|proceed with|pursuing|pursue|progressing|progress)\s+(?:with\s+)?(?:rec\s+|item\s+|recommendation\s+)?(\S+?)(?:\s+(?:after all|any more|anymore))?[.!]?$/i,
  /^(?:drop|abandon|withdraw|shelve|scrap)\s+(?:rec\s+|item\s+|recommendation\s+)?(\S+?)[.!]?$/i,
];

/** "4.2.1 is waiting for SAS to agree the funding": a board in capitals, and what it is to do. */
const WAITS_FOR_BOARD_TO = /^(?<id>\S+?)[:,]?\s+(?:is\s+)?(?:waiting|awaiting|waits)\s+(?:for|on)\s+(?:the\s+)?(?<board>[A-Z][A-Z0-9&-]+)\s+to\s+(?<todo>.+?)[.!]?$/;
/** "4.2.1 needs a decision from JCOB on funding", "4.2.1 needs approval from SAS": the kind of decision, whose, on what. */
const NEEDS_BOARDS =
  /^(?<id>\S+?)[:,]?\s+(?:needs|requires|is waiting for|is awaiting|awaits)\s+(?:an?\s+|the\s+)?(?<kind>decision|agreement|approval|sign[- ]off)\s+(?:from|by|of)\s+(?:the\s+)?(?<board>[A-Z][A-Z0-9&-]+)(?:\s+(?:on|about|for|re)\s+(?<on>.+?))?[.!]?$/;

/** The kind of decision needed, as the verb `asNoun` reads. */
const NEEDED: Record<string, string> = { decision: 'decide on', agreement: 'agree', approval: 'approve', 'sign-off': 'sign off' };

/** What a board is to do, as a log names what an item waits on: "agree the funding" → "agreement of the funding". */
const AS_NOUN: Array<[RegExp, string]> = [
  [/^agree\s+(?:to\s+)?/i, 'agreement of '],
  [/^approve\s+/i, 'approval of '],
  [/^(?:decide|rule)\s+(?:on|about|whether)\s+/i, 'a decision on '],
  [/^decide\s+/i, 'a decision on '],
  [/^sign\s+off\s+/i, 'sign-off of '],
  [/^confirm\s+/i, 'confirmation of '],
  [/^endorse\s+/i, 'endorsement of '],
  [/^fund\s+/i, 'funding for '],
  [/^review\s+/i, 'review of '],
];
const asNoun = (words: string) => AS_NOUN.reduce((w, [verb, noun]) => (w === words && verb.test(w) ? w.replace(verb, noun) : w), words.trim());

/** What an item waits on, said as a sentence about a board's decision. */
function waitsForBoard(text: string): Intent | null {
  const to = WAITS_FOR_BOARD_TO.exec(text)?.groups;
  // Only what a board decides ("to agree …", "to approve …"); "waiting for SAS to meet" is news, said with `update`.
  const todo = to ? asNoun(to.todo!) : '';
  if (to && todo !== to.todo!.trim() && isRecommendationId(cleanIdToken(to.id!))) return { kind: 'awaiting', id: cleanIdToken(to.id!), what: todo, board: to.board! };
  const needs = NEEDS_BOARDS.exec(text)?.groups;
  if (!needs || !isRecommendationId(cleanIdToken(needs.id!))) return null;
  const kind = needs.kind!.toLowerCase().replace(/\s/, '-');
  const what = needs.on ? asNoun(`${NEEDED[kind]} ${needs.on}`) : kind === 'decision' ? 'a decision' : kind;
  return { kind: 'awaiting', id: cleanIdToken(needs.id!), what, board: needs.board! };
}

/** "set 4.2.1 to awaiting decision", "mark 4.2.1 as not being implemented", "4.2.1 is now on going". */
export function matchSetStatus(msg: NormalisedMessage): Intent | null {
  const waits = waitsForBoard(msg.text.trim());
  if (waits) return waits;
  for (const re of NOT_GOING_AHEAD) {
    const m = re.exec(msg.text);
    if (m && isRecommendationId(cleanIdToken(m[1]!))) return { kind: 'set_status', id: cleanIdToken(m[1]!), status: 'not_being_implemented' };
  }
  const of = STATUS_OF.exec(msg.text);
  if (of?.[1] !== undefined && isRecommendationId(cleanIdToken(of[1]))) {
    return statusFrom(msg, cleanIdToken(of[1]), of[0].trim().split(' ').length);
  }
  const cmd = commandId(msg, ['set', 'mark', 'flag'], msg.words[0]?.toLowerCase() ?? 'mark', 'mark 4.2.1 as on going');
  if (cmd) {
    if ('reason' in cmd) return unknown(msg, cmd.reason);
    if (cmd.used === msg.words.length) {
      return unknown(msg, `Say which status after the number, for example "mark ${cmd.id} as on going".`);
    }
    return statusFrom(msg, cmd.id, cmd.used);
  }
  // A sentence that starts with the id: "4.2.1 is complete", "4.2.1 done". Questions are left to status.
  const first = cleanIdToken(msg.words[0] ?? '');
  if (!msg.question && msg.words.length > 1 && isRecommendationId(first)) return statusFrom(msg, first, 1, false);
  return null;
}
