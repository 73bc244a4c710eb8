import type { Intent } from '../intent.js';
import { isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import { MONTH_OR_PERIOD } from './decisions-question.js';
import { cleanIdToken } from './ids.js';
import type { Matcher } from './normalise.js';

/** `awaiting ID what from BOARD`: the id, then the rest. */
const AWAITING = new RegExp(String.raw`^awaiting\s+(${TYPED_ID})(?=\s|$)\s*([\s\S]*)$`, 'i');
/** `affects 4.2.1, 4.2.2 and IA-01` in a decision. */
const AFFECTS = new RegExp(String.raw`^(?:--?)?affect(?:s|ing)?[=\s]+((?:${TYPED_ID}(?:\s*(?:,|and|&)\s*|\s+))*${TYPED_ID})\s*`, 'i');

/**
 * Boards, meetings, the decision log and what an item waits on:
 *   boards · board add SAS --title "…" · meetings [SAS] · meeting add SAS 2017-10-12 [--papers-by DATE]
 *   decision SAS [on] 2017-10-12 "…" [affects 1.1, 3.6] [--corrects 4] · decisions [SAS] [since DATE]
 *   awaiting 1.1 "agreement of the framework" [from SAS]
 * Names and dates come back as typed; the handler checks them against the plan and reads the dates.
 */
export const matchGovernance: Matcher = (msg) => {
  // Curly quotes are straightened here (not in `raw`), so a decision's own words keep everything else.
  const raw = msg.raw.trim().replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
  const lower = msg.lower;
  if (/^(?:(?:list|show|which|what)\s+(?:the\s+|are\s+the\s+)?)?boards(?:\s+are\s+there)?$/.test(lower)) return { kind: 'boards' };

  const boardAdd = /^board\s+(?:add|new|create)\b\s*(\S*)\s*([\s\S]*)$/i.exec(raw);
  if (boardAdd) {
    const flags = readFlags(boardAdd[2]!, ['title']);
    if ('error' in flags) return refuse(msg.text, `${flags.error} For example: \`board add SAS --title "Strategic Alliance Summit"\`.`);
    return { kind: 'board_add', name: boardAdd[1]!, title: flags.title ?? null };
  }

  const meetingAdd = /^meeting\s+(?:add|new|create)\b\s*(\S*)\s*([\s\S]*)$/i.exec(raw);
  if (meetingAdd) {
    const [date, rest] = splitAtFlag(meetingAdd[2]!);
    const flags = readFlags(rest, ['papers-by']);
    if ('error' in flags) return refuse(msg.text, `${flags.error} For example: \`meeting add SAS 2017-10-12 --papers-by 2017-10-05\`.`);
    return { kind: 'meeting_add', board: meetingAdd[1]!, date: unquote(date), papersBy: flags['papers-by'] ?? null };
  }

  // "add meeting SAS 2017-11-09", "schedule a meeting of JCOB on 14 December", "book SAS for 9 November".
  const scheduled = MEETING_IN_WORDS.exec(raw) ?? BOARD_MEETING_IN_WORDS.exec(raw) ?? (msg.question ? null : BOARD_MEETS.exec(raw));
  if (scheduled && !isRecommendationId(cleanIdToken(scheduled[1]!))) {
    const [date, rest] = splitAtFlag(scheduled[2]!);
    const flags = readFlags(rest, ['papers-by']);
    if ('error' in flags) return refuse(msg.text, `${flags.error} For example: \`meeting add SAS 2017-10-12 --papers-by 2017-10-05\`.`);
    return { kind: 'meeting_add', board: scheduled[1]!, date: unquote(date).replace(/[.]$/, ''), papersBy: flags['papers-by'] ?? null };
  }

  const meetings = /^(?:(?:list|show|which|what)\s+(?:the\s+|are\s+the\s+)?)?meetings(?:\s+are\s+there)?\b\s*([\s\S]*)$/i.exec(msg.text);
  if (meetings) {
    const board = readBoardFilter(meetings[1]!);
    // Anything else ("meetings before Christmas") is left to the question readers.
    if (board === undefined) return null;
    return { kind: 'meetings', board };
  }

  // "correct the date of decision 4 to 12 October", "decision 4 was on 12 October, not 10 October": the day it was taken.
  const redated = DECISION_REDATED.map((re) => re.exec(raw)).find((m) => m !== null);
  if (redated) {
    const [n, day] = redated.length === 4 ? [redated[1] ?? redated[2], redated[3]] : [redated[1], redated[2]];
    return { kind: 'correct_decision', n: Number(n), text: '', affects: null, date: day! };
  }

  // "correct decision 2 "Governance framework agreed with amendments"": the words it should have had.
  const correct = /^(?:correct|amend|fix|revise|change)\s+(?:the\s+)?decision\s+#?(\d+)\s*(?:to\s+(?:say|read)\s+(?:that\s+)?|to\s+|[:,–-]\s*)?([\s\S]*)$/i.exec(raw);
  if (correct) return readCorrection(msg.text, Number(correct[1]), correct[2]!.trim());

  // "decision log for SAS" asks for the log (decisions-question.ts).
  // "record a decision: JCOB …", "log decision SAS …" are the command said in words.
  const decision = /^(?:(?:record|log|add|note)\s+(?:a\s+|the\s+|new\s+)?)?decision\s*:?\s+(?!s\b|log\b)(\S*)\s*([\s\S]*)$/i.exec(raw);
  // "decision on 4.3.1?" is a question about the log, not a decision to record.
  if (decision && !msg.question) {
    // "record a decision: JCOB approved the ICT strategy on 20 October": the board's words, said as people say them.
    const inWords = SAID_DECISION.exec(`${decision[1]!.replace(/[,;:]+$/, '')} ${decision[2]!}`);
    if (inWords) return readSaidDecision(msg.text, inWords);
    return readDecision(msg.text, decision[1]!.replace(/[,;:]+$/, ''), decision[2]!);
  }

  // "SAS agreed on 12 October to close 4.3.1", "JCOB decided today that 9.1.1 will not be implemented";
  // "record that JCOB approved …", "note that SAS agreed …" say the same.
  const said = msg.question ? null : SAID_DECISION.exec(raw.replace(/^(?:please\s+)?(?:record|note|log|minute)\s+that\s+/i, ''));
  if (said) return readSaidDecision(msg.text, said);

  const decisions = /^(?:(?:list|show)\s+(?:the\s+)?)?decisions\b\s*([\s\S]*)$/i.exec(msg.text);
  if (decisions) {
    const [head, rest] = splitAtFlag(decisions[1]!);
    const flags = readFlags(rest, ['board', 'since']);
    const words = /^(?:(?:of|by|for|from)\s+)?(?:(?!since\b)([A-Za-z][\w&-]*))?\s*(?:since\s+([\s\S]+))?$/i.exec(head.trim());
    // "decisions by SAS in October" and other questions about the log are the question readers' (decisions-question.ts).
    if ('error' in flags || !words || (words[1] && MONTH_OR_PERIOD.test(words[1]))) return null;
    return { kind: 'decisions', board: flags.board ?? words[1] ?? null, since: flags.since ?? words[2] ?? null };
  }

  const awaiting = AWAITING.exec(raw);
  if (awaiting && isRecommendationId(cleanIdToken(awaiting[1]!))) return readAwaiting(cleanIdToken(awaiting[1]!), awaiting[2]!.trim());
  return null;
};

const SCHEDULE = String.raw`(?:add|schedule|book|arrange|set up|plan|put in)\s+(?:a\s+|an\s+|the\s+|another\s+|next\s+)?`;
/** "add meeting SAS 2017-11-09", "schedule a meeting of JCOB on 14 December". */
const MEETING_IN_WORDS = new RegExp(String.raw`^${SCHEDULE}meeting\s+(?:of\s+|for\s+|with\s+)?(?:the\s+)?([A-Za-z][\w&-]*)\s+(?:on\s+|for\s+)?([\s\S]+)$`, 'i');
/** "book SAS for 9 November", "schedule the next JCOB meeting on 14 December": a board in capitals, then its day. */
const BOARD_MEETING_IN_WORDS = new RegExp(String.raw`^(?:[Aa]dd|[Ss]chedule|[Bb]ook|[Aa]rrange|[Ss]et up|[Pp]lan|[Pp]ut in)\s+(?:(?:a|an|the|another|next)\s+)?([A-Z][A-Z&-]+)(?:\s+meeting)?\s+(?:on|for)\s+([\s\S]+)$`);

/** "SAS meets on 9 November", "the next JCOB is on 14 December", "JCOB will meet on 3 May": a board in capitals, then its day. */
const BOARD_MEETS = /^(?:the\s+)?(?:next\s+)?([A-Z][A-Z0-9&-]+)(?:\s+meeting)?\s+(?:meets|is meeting|will meet|will be meeting|is on|is)\s+(?:next\s+on\s+|on\s+)?((?:\d|[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Nn]ext|[Tt]omorrow|[Tt]his)[\s\S]*)$/;
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** A day as a decision is dated: ISO, dd/mm/yyyy, "21 September [2017]", "today", "yesterday". */
const DECISION_DAY = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_WORD}(?:\s+\d{4})?|today|yesterday)`;

/**
 * A decision's day put right. Said with "date", any phrase is the day (the handler reads it, or says it can't);
 * "decision 4 was on …" only with a day, and perhaps the one it replaces ("…, not 10 October").
 */
const DECISION_REDATED = [
  new RegExp(
    String.raw`^(?:correct|amend|fix|revise|change|move)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?decision\s+#?(\d+)|decision\s+#?(\d+)(?:'s|’s)?\s*[:,–-]?\s*(?:the\s+)?date)\s*(?:to\s+(?:be\s+)?|is\s+|was\s+|should\s+be\s+|[:=,–-]\s*)?(?:on\s+)?(\S[\s\S]*?)(?:\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+(?:on\s+)?${DECISION_DAY})?\s*[.!]?$`,
    'i',
  ),
  new RegExp(
    String.raw`^decision\s+#?(\d+)\s+was\s+(?:(?:taken|made|agreed|recorded|decided)\s+)?on\s+(${DECISION_DAY})(?:\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+(?:on\s+)?${DECISION_DAY})?\s*[.!]?$`,
    'i',
  ),
];
/** "correct decision 4 to 12 October": nothing but a day after "to" is the day, not the words. */
const ONLY_A_DAY = new RegExp(String.raw`^(?:on\s+)?(${DECISION_DAY})\s*[.!]?$`, 'i');

/** A decision said in words: a board in capitals, what it did, [on] a day, then "to …"/"that …" or the words. */
const SAID_DECISION = new RegExp(
  String.raw`^(?:the\s+)?([A-Z][A-Z0-9&-]+)\s+(?:has\s+|have\s+)?(agreed|decided|approved|resolved|endorsed|rejected|accepted|confirmed|signed off)\b\s*(?:(?:at\s+its\s+meeting\s+)?(?:on\s+)?(${DECISION_DAY})\b)?\s*,?\s*([\s\S]*)$`,
  'i',
);

/** A decision's day at the end of its words, or just before what it affects: "… on 20 October, affects 4.2.2". */
const DAY_LAST = new RegExp(String.raw`\s*,?\s+(?:at\s+its\s+meeting\s+)?(?:on\s+(${DECISION_DAY})|(today|yesterday))\s*(?=(?:[,;]?\s*(?:affect(?:s|ing)?|which\s+affects)\b[\s\S]*)?$)`, 'i');

function readSaidDecision(text: string, m: RegExpExecArray): Intent | null {
  const [, board, verb, dayFirst, rest] = m;
  // A board's name is written in capitals; "I agreed …" or "Karen decided …" is no decision of a board.
  if (board !== board!.toUpperCase()) return null;
  let words = rest!.trim().replace(/[.]+$/, '');
  // "SAS approved the ICT strategy on 20 October[, affecting 4.2.2]": the day said last, after what was decided. After
  // "to …" or "that …" a day at the end belongs to what was decided ("agreed to review 4.2.1 on 1 March"), so it needs its own.
  const dayLast = dayFirst || /^(?:to|that)\b/i.test(words) ? null : DAY_LAST.exec(words);
  if (dayLast) words = `${words.slice(0, dayLast.index)}${words.slice(dayLast.index + dayLast[0].length)}`.trim();
  const day = dayFirst ?? dayLast?.[1] ?? dayLast?.[2];
  if (!words) return null;
  if (!day) {
    const example = /^(?:to|that)\b/i.test(words) ? `${board} ${verb!.toLowerCase()} on 12 October 2017 ${words}` : `${board} ${verb!.toLowerCase()} ${words} on 12 October 2017`;
    return refuse(text, `Say which day ${board} ${verb!.toLowerCase()} it, for example "${example}", or \`decision ${board} 2017-10-12 "…"\`.`);
  }
  // "…, affects 4.2.2" names the items; the decision's own words end before it.
  const own = words.replace(new RegExp(String.raw`\s*[,;]?\s*(?:which\s+)?affect(?:s|ing)?\s+(?:(?:${TYPED_ID})(?:\s*(?:,|and|&)\s*|\s+))*(?:${TYPED_ID})\s*$`, 'i'), '');
  const said = `${verb!.charAt(0).toUpperCase()}${verb!.slice(1).toLowerCase()} ${own || words}`;
  const affects = [...new Set([...words.matchAll(new RegExp(String.raw`(?<![\w.])(${TYPED_ID})(?![\w])`, 'g'))].map((x) => cleanIdToken(x[1]!)).filter(isRecommendationId))];
  return { kind: 'decision', board: board!, date: day, outsideMeeting: 'unless_met', text: said, affects, corrects: null };
}

/** An unquoted decision: "[on] DAY words [affects IDS]", the day as ISO, dd/mm/yyyy or "21 September [2017]". */
const UNQUOTED = new RegExp(
  String.raw`^((?:on\s+)?${DECISION_DAY})\s*[,:–-]?\s+([\s\S]+?)(\s*,?\s*(?:--?)?affect(?:s|ing)?[=\s]+(?:(?:${TYPED_ID})(?:\s*(?:,|and|&)\s*|\s+))*(?:${TYPED_ID})\s*(?:--?correct(?:s|ing)?[=\s]+\S+)?)?$`,
  'i',
);

function readDecision(text: string, board: string, rest: string): Intent {
  const usage = 'For example: `decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6` (or `decision SAS on 2017-10-12 "…"` for a decision taken outside a meeting).';
  const quoted = /^([\s\S]*?)"([\s\S]*)"([\s\S]*)$/.exec(rest);
  // Without quotes, a day written out then the words, up to "affects …" at the end:
  // `decision JCOB 2017-09-21 scorecard approach agreed, affects 9.1.3`. Anything else has no words,
  // which the handler refuses as an empty decision, with the example.
  const bare = quoted ? null : UNQUOTED.exec(rest.trim());
  const [when, words, tail] = quoted ? [quoted[1]!, quoted[2]!, quoted[3]!] : bare ? [bare[1]!, bare[2]!.replace(/[,;:]\s*$/, '').trim(), bare[3] ?? ''] : [rest, '', ''];
  // Words with no day before them: "record a decision: JCOB agreed the scorecard approach".
  if (!quoted && !bare && rest.trim() && !/^(?:on\s+)?\d/.test(rest.trim())) return refuse(text, `Say which day ${board || 'the board'} decided it, before its words. ${usage}`);
  const on = /^on\s+/i.test(when.trim());
  const date = when.trim().replace(/^on\s+/i, '');
  let affects: string[] = [];
  let corrects: number | null = null;
  let left = tail.trim().replace(/^[,;]\s*/, '');
  for (let before = ''; left && before !== left; ) {
    before = left;
    const a = AFFECTS.exec(left);
    if (a) {
      affects = [...affects, ...a[1]!.split(/\s*(?:,|\band\b|&)\s*|\s+/).filter(Boolean).map(cleanIdToken)];
      left = left.slice(a[0].length);
      continue;
    }
    const c = /^(?:--?)?correct(?:s|ing)?[=\s]+(?:decision\s+)?#?(\d+)\s*/i.exec(left);
    if (c) {
      corrects = Number(c[1]);
      left = left.slice(c[0].length);
    }
  }
  if (left) return refuse(text, `I don't know "${left}" after a decision's words. ${usage}`);
  if (!date) return refuse(text, `Say which day ${board || 'the board'} decided it. ${usage}`);
  return { kind: 'decision', board, date, outsideMeeting: on, text: words, affects, corrects };
}

/** The corrected words (quoted, or up to "affects …"), and the items when they change too. */
function readCorrection(text: string, n: number, rest: string): Intent {
  const usage = `For example: \`correct decision ${n} "Governance framework agreed with amendments"\` (add \`affects 1.1, 3.6\` when the items change too), or \`correct the date of decision ${n} to 12 October 2017\`.`;
  const day = ONLY_A_DAY.exec(rest);
  if (day) return { kind: 'correct_decision', n, text: '', affects: null, date: day[1]! };
  const quoted = /^"([\s\S]*)"\s*([\s\S]*)$/.exec(rest);
  const affectsAt = quoted ? -1 : rest.search(/(?:^|,?\s+)(?:--?)?affect(?:s|ing)?[=\s]/i);
  const [words, tail] = quoted ? [quoted[1]!.trim(), quoted[2]!.trim()] : affectsAt >= 0 ? [rest.slice(0, affectsAt).trim(), rest.slice(affectsAt).replace(/^,\s*/, '').trim()] : [rest, ''];
  // "correct decision 4 affects 1.1": the same words, other items.
  if (!words && !tail) return refuse(text, `Say what decision #${n} should say. ${usage}`);
  let affects: string[] | null = null;
  if (tail) {
    const a = AFFECTS.exec(tail);
    if (!a || a[0].length !== tail.length) return refuse(text, `I don't know "${tail}" after the corrected words. ${usage}`);
    affects = a[1]!.split(/\s*(?:,|\band\b|&)\s*|\s+/).filter(Boolean).map(cleanIdToken);
  }
  return { kind: 'correct_decision', n, text: words, affects };
}

function readAwaiting(id: string, rest: string): Intent {
  const quoted = /^"([\s\S]*)"\s*(?:(?:--?)?(?:from|on|by)[=\s]+(\S+))?$/i.exec(rest);
  if (quoted) return { kind: 'awaiting', id, what: quoted[1]!, board: quoted[2] ?? null };
  const unquoted = /^([\s\S]*?)(?:\s*(?:--?)?\bfrom[=\s]+(\S+))?$/i.exec(rest)!;
  return { kind: 'awaiting', id, what: unquoted[1]!, board: unquoted[2] ?? null };
}

/** "SAS", "of SAS", "--board SAS" or nothing → the board as typed, null for none, undefined for anything else. */
function readBoardFilter(rest: string): string | null | undefined {
  const m = /^(?:(?:of|for|by)\s+|--board[=\s]+)?(?:the\s+)?([A-Za-z][\w&-]*)?$/i.exec(rest.trim());
  return m ? (m[1] ?? null) : undefined;
}

/** The words before the first `--flag`, and the flags. */
function splitAtFlag(s: string): [string, string] {
  const i = s.search(/(?:^|\s)--[a-z]/i);
  return i < 0 ? [s.trim(), ''] : [s.slice(0, i).trim(), s.slice(i).trim()];
}

const unquote = (s: string) => s.trim().replace(/^"([\s\S]*)"$/, '$1').trim();

/** `--name value` pairs; a value is quoted or runs to the next `--flag`. */
function readFlags<N extends string>(s: string, names: readonly N[]): Partial<Record<N, string>> | { error: string } {
  const out: Partial<Record<N, string>> = {};
  const parts = s.trim() ? s.trim().split(/(?:^|\s+)(?=--[a-z])/i) : [];
  for (const part of parts) {
    const m = /^--([a-z-]+)(?:[=\s]+([\s\S]*))?$/i.exec(part.trim());
    const name = m?.[1]?.toLowerCase().replace(/^papersby$/, 'papers-by') as N | undefined;
    if (!m || !name || !names.includes(name)) return { error: `I don't know "${part.trim().split(/\s/)[0]}" here; ${names.length === 1 ? `the option is --${names[0]}` : `the options are ${names.map((n) => `--${n}`).join(', ')}`}.` };
    const value = unquote(m[2] ?? '');
    if (!value) return { error: `--${name} needs a value.` };
    out[name] = value;
  }
  return out;
}

const refuse = (text: string, reason: string): Intent => ({ kind: 'unknown', text, reason });
