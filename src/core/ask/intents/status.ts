import type { Intent } from '../intent.js';
import { badIdReason, bareId, commandId, findBadId, findIds, missingIdReason, unknown } from './ids.js';
import { statusFrom } from './set-status.js';
import { normalise, textAfter, type NormalisedMessage } from './normalise.js';
import { matchQuery } from './query.js';
import { readAsAt } from './query-kinds.js';

/** `status <id>` asks; `status <id> <status words>` sets ("status 4.2.1 on going"). */
export function matchStatusCommand(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, ['status', 'progress'], 'status', 'status 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) {
    if (msg.words[0]?.toLowerCase() !== 'status') return null;
    // A number that is none ("status 4..2") keeps its error; words after "status" may name a group.
    const group = cmd.reason === missingIdReason('status', 'status 4.2.1') ? statusOfGroup(msg) : null;
    return group ?? unknown(msg, `${cmd.reason} To see a group of items, try "list ICT" or "list overdue".`);
  }
  if (cmd.used === msg.words.length) return { kind: 'status', id: cmd.id };
  const ids = findIds(msg);
  const then = asAtOf(msg, ids);
  if (then) return then;
  if (ids.length > 1 && ONLY_IDS.test(textAfter(msg, 1).toLowerCase())) return { kind: 'query', filter: { ids: [...new Set(ids)] } };
  if (ids.length > 1) return unknown(msg, oneAtATime(cmd.id));
  if (msg.words[0]?.toLowerCase() !== 'status' || /^(?:of|for|on)$/i.test(msg.words[1] ?? '')) {
    return { kind: 'status', id: cmd.id }; // "progress on 4.2.1 so far", "status of 4.2.1 please"
  }
  return statusFrom(msg, cmd.id, cmd.used);
}

/**
 * "status of ICT", "status of Karen's items", "status overdue": a group's statuses are its list, as "list ICT"
 * gives it; "status of the plan" is the plan's summary. A number that is not one ("status 4.2.y") is left to its error.
 */
function statusOfGroup(msg: NormalisedMessage): Intent | null {
  if (findBadId(msg)) return null;
  const rest = textAfter(msg, 1).replace(/^(?:of|for|on)\s+/i, '').replace(/[?.!]+$/, '').trim();
  if (!rest || /^(?:please|update|report|check)$/i.test(rest)) return null;
  if (/^(?:the\s+)?(?:(?:whole|overall|entire)\s+)?(?:plan|action plan|everything|all|overall|things)$/i.test(rest)) return { kind: 'query', filter: { summary: true } };
  const list = matchQuery(normalise(`list ${rest}`));
  return list?.kind === 'query' ? list : null;
}

/**
 * "status 4.2.1 as at 1 November", "what was 4.2.1's status in November?", "4.2.1 and 4.2.2 as of end of October":
 * the items as they stood then, as a list as at that day is (the board paper's reading of the past). A past tense is
 * needed for a bare day ("was … on 1 November"), so "4.2.1 is due on 1 November" stays about the item now.
 */
function asAtOf(msg: NormalisedMessage, ids: readonly string[]): Intent | null {
  if (!ids.length) return null;
  let text = msg.text;
  for (const id of ids) text = text.split(id).join(' ');
  const explicit = /\bas (?:at|of)\b/i.test(text);
  if (/\b(?:due|deadline|date|slipp?(?:ed)?|moved)\b/i.test(text) && !explicit) return null;
  // Without "as at", only a question about how it stood: "4.2.1 was discussed at SAS on 12 October" is news, not a question.
  if (!explicit && !((msg.question || QUESTION_START.test(msg.lower)) && /\b(?:status|position|state|stand|stood|look|looked|where|how)\b/i.test(text))) return null;
  const read = readAsAt(text);
  const month = read.value ? null : PAST_MONTH.exec(text);
  const phrase = read.value ?? (month ? month[1]! : null);
  if (!phrase) return null;
  return { kind: 'query', filter: { ids: [...new Set(ids)], asAt: phrase.replace(/[?.!,]+$/, '') } };
}

/** "what was 4.2.1's status in November (2017)?": a month, in a past-tense question. */
const PAST_MONTH = /\b(?:was|were|did|had|stood|looked)\b.*\b(?:in|during)\s+((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{4})?)\b/i;

/** Nothing but ids and the words between them: "4.2.1 and 4.2.2", "of 5.1, 5.2 & 5.3 please". */
const ONLY_IDS = /^(?:(?:of|for|on)\s+)?[\w.-]+(?:\s*(?:,|and|&|\+)\s*[\w.-]+)+(?:\s+please)?[?.!]*$/;
/** "when is 4.2.1 due?", "what's the deadline for 4.2.1", "4.2.1 due date": the date, not the whole card. */
const ASKS_DUE =
  /^when(?!\s+(?:was|were|did|has|had)\b)(?:'s| is| are| will| does| do| should| must)?\b(?!.*\b(?:updated|changed|added|decided|completed|closed|signed|created)\b)|\b(?:deadline|due date|delivery date|target date|completion date|end date)\b|\bwhen\b.*\bdue\b|\bdue (?:when|by when)\b|\bhow (?:many (?:days|weeks|months) )?(?:late|overdue|behind)\b|\bhow long (?:overdue|late|past)\b|\b(?:days|weeks|months) (?:overdue|late)\b/;

/** "has 4.2.1 slipped?", "has 4.2.3's date moved?", "was 4.2.3 pushed back?": its date against its baseline. */
const ASKS_SLIP =
  /\b(?:slipp?(?:ed|ing)?|slid|moved|re-?dated|re-?scheduled|revised|pushed (?:back|out)|put back|delayed|deferred|extended|original(?:ly)?|baseline|initial(?:ly)? (?:date|deadline|due)|first due|(?:first|original) (?:date|deadline|target))\b/;

function oneAtATime(id: string): string {
  return `Ask about one recommendation at a time, for example "status ${id}".`;
}

const QUESTION_START =
  /^(?:who|whose|who's|due|what|what's|whats|how|how's|hows|where|where's|wheres|when|when's|whens|why|is|are|has|have|had|did|does|do|was|were|will|tell|show|give|get|check|any|anything|status|progress|latest|news|info|details|update|can|could|would|which|remind|explain|describe|summarise|summarize|look|see|compare)\b/;
/** Words that, after a leading id, still make a question: "4.2.1 status", "4.2.1 late". */
const ABOUT_WORDS = /^(?:(?:status|progress|latest|news|info|details|update|summary|overdue|late|due|date|deadline|when|is|it|now|please|so|far|the|on|track|yet)\s?)+$/;

/**
 * Any other message that names one recommendation. Questions about it get its status;
 * a statement about it is probably news, so the reply says how to record it.
 */
export function matchAboutId(msg: NormalisedMessage): Intent | null {
  const ids = findIds(msg);
  if (ids.length === 0) {
    const bad = findBadId(msg);
    const asked = msg.question || msg.words.length === 1 || QUESTION_START.test(msg.lower);
    return bad !== null && asked ? unknown(msg, badIdReason(bad)) : null;
  }
  const id = ids[0];
  const then = asAtOf(msg, ids);
  if (then) return then;
  const asking = bareId(msg) !== null || msg.question || QUESTION_START.test(msg.lower);
  // "status of 4.2.1 and 4.2.2", "where are we on 5.1, 5.2 and 5.3?": those items, listed.
  if (ids.length > 1 && (asking || ONLY_IDS.test(msg.lower))) return { kind: 'query', filter: { ids: [...new Set(ids)] } };
  if (ids.length > 1 || id === undefined) {
    return unknown(msg, oneAtATime(ids[0] ?? '4.2.1'));
  }
  if (asking && ASKS_SLIP.test(msg.lower)) return { kind: 'status', id, ask: 'slipped' };
  if (asking && ASKS_DUE.test(msg.lower)) return { kind: 'status', id, ask: 'due' };
  if (asking) return { kind: 'status', id };
  const first = msg.words[0] ?? '';
  if (first.replace(/[:,;.]+$/, '') === id && ABOUT_WORDS.test(textAfter(msg, 1).toLowerCase())) {
    return ASKS_DUE.test(msg.lower) ? { kind: 'status', id, ask: 'due' } : { kind: 'status', id };
  }
  const news = msg.text.slice(msg.text.indexOf(id) + id.length).replace(/^[\s:,;-]+/, '') || 'Draft agreed by the board';
  const asUpdate = `To record news about ${id}, start with "update", for example "update ${id} ${news}".`;
  const said = STATUS_SAID.exec(msg.lower);
  if (!said) return unknown(msg, asUpdate);
  const [status, example] = said[1] ? ['awaiting decision', `awaiting ${id} "${msg.text.slice(said.index + said[0].length).trim() || 'what it waits on'}"`] : [said[2]!, `status ${id} ${said[2]}`];
  return unknown(msg, `${asUpdate} To set its status to ${status}, say \`${example}\`.`);
}

/** A statement that says a status ("4.1.3 is on hold pending the ERP decision", "4.2.1 not started yet"): the reply shows both commands. */
const STATUS_SAID = /\b(?:is|are|now|has been|was)\s+(?:((?:on hold|paused|parked|held up|stuck|blocked)(?:\s+(?:pending|until|awaiting|waiting (?:for|on)|for|on))?)|(not started|on-?going|in progress|not being implemented|awaiting (?:a )?decision))\b/;
