import type { Status } from '../../plan/status.js';
import { LATELY } from './answer-phrases.js';
import { isDateWord, startsDate } from './vocab.js';

/**
 * The kinds of answer beyond a plain list, each read from its own words wherever they stand in the
 * question: counts, the plan as at a past date, what changed, slipped dates and stale items (order and
 * limits are read in query-order.ts). Each reader takes its words out of the question, so what is left
 * is read for owners, themes, statuses and due dates, and anything still left over is named as not
 * understood.
 */

export interface Taken<T> {
  rest: string;
  value: T | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100, a: 1, an: 1,
};
export const NUMBER = String.raw`(\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)`;

export function numberOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/** Words that end a date phrase read after "since", "as at" and the like. */
const PHRASE_STOP = new Set(['for', 'owned', 'assigned', 'belonging', 'that', 'which', 'who', 'please', 'overdue', 'items', 'actions', 'recommendations', 'by', 'not', 'except', 'and', 'or', 'in', 'with', 'where', 'whose', 'late', 'due', 'is', 'are', 'was', 'were', 'has', 'have', 'to']);

/** The date phrase starting at token `from`: date words, numbers and the small words between them ("the end of October"). */
function phraseAt(tokens: readonly string[], from: number): number {
  if (!startsDate(tokens, from) && !/^\d/.test(tokens[from] ?? '')) return from;
  let end = from + 1;
  while (end < tokens.length) {
    const t = (tokens[end] ?? '').toLowerCase().replace(/[,;:]+$/, '');
    if (PHRASE_STOP.has(t)) break;
    if (!(isDateWord(t) || /^\d/.test(t) || ['of', 'the', 'a', 'week', 'weeks', 'st', 'nd', 'rd', 'th'].includes(t))) break;
    end++;
  }
  return end;
}

/** Finds `trigger` and the date phrase right after it; returns the phrase and the question without both. */
function takePhraseAfter(s: string, trigger: RegExp): { rest: string; phrase: string | null } {
  const m = trigger.exec(s);
  if (!m) return { rest: s, phrase: null };
  const before = s.slice(0, m.index);
  const tokens = s.slice(m.index + m[0].length).split(' ').filter(Boolean);
  const end = phraseAt(tokens, 0);
  if (end === 0) return { rest: `${before} ${tokens.join(' ')}`, phrase: null };
  const phrase = tokens.slice(0, end).join(' ').replace(/[,;:]+$/, '');
  return { rest: `${before} ${tokens.slice(end).join(' ')}`, phrase };
}

const COUNT = /(?:^|\s)(?:how many|how much|number of|no\.? of|num of|count(?: of)?|total(?: number)?(?: of)?|tally of)(?=\s|$)/gi;

export function readCount(s: string): Taken<true> {
  let found = false;
  const rest = s.replace(COUNT, () => {
    found = true;
    return ' ';
  });
  return { rest, value: found ? true : null };
}

/** Looking back: "what was overdue at the end of October", "what did the plan look like on 1 October", "as at 30 September". */
const PAST = /\b(?:was|were|did|had|looked)\b/i;
const AS_AT_EXPLICIT = /\b(?:as (?:at|of)|(?:the )?(?:plan|paper|position) (?:at|on|as (?:at|of)))\s+/i;
const AS_AT_PAST = /\b(?:at the end of|at the start of|at the beginning of|on|at|by the end of)\s+/i;

export function readAsAt(s: string): Taken<string> {
  const explicit = takePhraseAfter(s, AS_AT_EXPLICIT);
  if (explicit.phrase) return { rest: explicit.rest.replace(/\b(?:look(?:ed)? like|stand|stood)\b/gi, ' '), value: explicit.phrase };
  if (!PAST.test(s)) return { rest: s, value: null };
  const m = AS_AT_PAST.exec(s);
  if (!m) {
    // "what was overdue last Friday": a past-tense question with a day and no due date in it.
    if (/\b(?:due|deadlines?)\b/i.test(s)) return { rest: s, value: null };
    const tokens = s.split(' ').filter(Boolean);
    const at = tokens.findIndex((_, i) => startsDate(tokens, i) && /^(?:last|yesterday|the|\d|mon|tues|wednes|thurs|fri|satur|sun|\w+day$)/i.test(tokens[i]!));
    if (at < 0) return { rest: s, value: null };
    const end = phraseAt(tokens, at);
    if (end === at) return { rest: s, value: null };
    return { rest: [...tokens.slice(0, at), ...tokens.slice(end)].join(' '), value: tokens.slice(at, end).join(' ') };
  }
  const lead = /^at the (end|start|beginning) of/i.exec(m[0]);
  const tokens = s.slice(m.index + m[0].length).split(' ').filter(Boolean);
  const end = phraseAt(tokens, 0);
  if (end === 0) return { rest: s, value: null };
  const phrase = `${lead ? `${lead[1]!.toLowerCase()} of ` : ''}${tokens.slice(0, end).join(' ')}`.replace(/[,;:]+$/, '');
  const rest = `${s.slice(0, m.index)} ${tokens.slice(end).join(' ')}`.replace(/\b(?:look(?:ed)? like|stand|stood)\b/gi, ' ');
  return { rest, value: phrase };
}

/** What changed: "what changed since 4 October", "any updates this week", "what's new since the 1st". */
const CHANGED =
  /\b(?:what(?:'s| has| have| is)?\s+(?:changed|moved|happened|different)|(?:any|the)?\s*changes?|changed|(?:any|new|recent|latest)?\s*updates?(?:\s+(?:have\s+|has\s+|were\s+|was\s+|that\s+)?(?:came in|come in|coming in|arrived|received|posted|made|added|submitted|given|logged|recorded)(?:\s+in)?)?|updated|(?<=\b(?:did|does|do)\s+[\p{L}.'-]+(?:\s+[\p{L}.'-]+)?\s+)update|what's new|whats new|anything new|news)\b/iu;
const SINCE = /\bsince\s+/i;
const RECENT = /\b(?:(?:in |over |during )?(?:the )?(?:last|past) (?:\d+|few|couple of|one|two|three|four|five|six|seven|ten|fourteen|thirty)? ?(?:days?|weeks?|months?|fortnight)|this (?:week|month|quarter|year)|last (?:week|month|quarter)|today|yesterday)(?:'s)?\b/i;

/** "in January", "during last month": changes within a period, not since its start. */
const WITHIN = /\b(?:in|during|over|throughout)\s+/i;
const BETWEEN = /\bbetween\s+/i;
const UNTIL = /^\s*(?:and|to|until|till)\s+/i;
/** A period wholly past ("last week", "yesterday"), said alone, is a window with an end; "the last 7 days" runs to today. */
const CLOSED = /^(?:last (?:week|month|quarter|year)|yesterday)$/i;

/** Changes since a day (`since`), or within a window that ends (`until` is the phrase whose end closes it). */
export type ChangedWindow = { since: string; until?: string };

export function readChanged(s: string): Taken<ChangedWindow> {
  const m = CHANGED.exec(s);
  if (!m) return { rest: s, value: null };
  const without = `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`;
  const since = takePhraseAfter(without, SINCE);
  if (since.phrase) return { rest: since.rest, value: { since: since.phrase } };
  const between = takePhraseAfter(without, BETWEEN);
  if (between.phrase) {
    const at = between.rest.search(/\s(?:and|to|until|till)\s/i);
    const and = at < 0 ? null : takePhraseAfter(between.rest.slice(at), UNTIL);
    if (and?.phrase) return { rest: `${between.rest.slice(0, at)} ${and.rest}`, value: { since: between.phrase, until: and.phrase } };
  }
  const recent = RECENT.exec(without);
  if (recent) {
    const phrase = recent[0].replace(/^(?:in|over|during) /i, '').replace(/^the /i, '').replace(/'s$/i, '');
    const rest = `${without.slice(0, recent.index)} ${without.slice(recent.index + recent[0].length)}`;
    return { rest, value: CLOSED.test(phrase) ? { since: phrase, until: phrase } : { since: phrase } };
  }
  // "what did Karen update recently?": the past week, as "any news?" is.
  const lately = /\b(?:recently|lately|of late)\b/i.exec(without);
  if (lately) return { rest: `${without.slice(0, lately.index)} ${without.slice(lately.index + lately[0].length)}`, value: { since: LATELY } };
  // "in ICT in January": the first "in" that a date follows.
  for (const w of without.matchAll(new RegExp(WITHIN.source, 'gi'))) {
    const within = takePhraseAfter(without.slice(w.index), WITHIN);
    if (within.phrase) return { rest: `${without.slice(0, w.index)} ${within.rest}`, value: { since: within.phrase, until: within.phrase } };
  }
  return { rest: s, value: null };
}

/** Slipped dates: "which dates have slipped", "re-dated more than once", "later than its baseline". */
const SLIPPED =
  /\b(?:(?:moved|changed|shifted|pushed|extended|revised|put back)(?: back| out)? (?:its |their |the )(?:delivery |target |due )?(?:dates?|deadlines?)|(?:delivery |target )?deadlines? (?:that )?(?:have |has )?(?:slipped|moved|changed|shifted|been (?:moved|changed|extended|revised|pushed back))|(?:had |have )?(?:its |their |the )?(?:delivery |target |due )?dates? (?:that )?(?:have |has )?(?:slipped|moved|changed|been (?:moved|changed|revised|pushed back))|moved (?:away )?from (?:its |their |the )?(?:baseline|original)(?: (?:delivery |target )?dates?)?|(?:the )?slipped (?:delivery |target )?dates?|slipped|slipping|slippage|(?:has|have) (?:been )?moved(?! (?:to|from|on|in|into)\b)|re-?dated|re-?scheduled|re-?planned|re-?baselined|pushed back|moved back|put back|later than (?:its |their |the )?(?:baseline|original)(?: (?:delivery |target )?dates?)?|later than (?:its |their |the )?first dates?|past (?:its |their |the )?baseline(?: dates?)?|behind (?:its |their |the )?(?:baseline|original)(?: (?:delivery |target )?dates?)?|revised (?:delivery |target )?dates?|(?:(?:had |have |has )(?:its |their |the )?(?:delivery |target |due )?)?dates? (?:were |was |been )?(?:revised|changed|moved|extended))\b/i;
const TIMES = new RegExp(String.raw`\b(?:more than once|more than twice|(?:at least |more than )?${NUMBER} times(?: or more)?|twice|several times|repeatedly|again and again)\b`, 'i');

/**
 * `when`: the dates moved in a period ("what slipped last month?", "re-dated since the last SAS") — when they were
 * moved, read as a change window, not when the items are due.
 */
export function readSlipped(s: string): Taken<{ times: number; when?: ChangedWindow }> {
  const m = SLIPPED.exec(s);
  if (!m) return { rest: s, value: null };
  const after = s.slice(m.index + m[0].length);
  if (/^\s*(?:since|in|during|over|this|last|the\s+(?:past|last))\b/i.test(after)) {
    const when = readChanged(` changed ${after}`);
    if (when.value) return { rest: `${s.slice(0, m.index)} ${when.rest}`, value: { times: 1, when: when.value } };
  }
  let rest = `${s.slice(0, m.index)} ${after}`;
  let times = 1;
  const t = TIMES.exec(rest);
  if (t) {
    const phrase = t[0].toLowerCase();
    const n = t[1] ? numberOf(t[1]) : null;
    times =
      phrase === 'more than twice' ? 3 : phrase === 'more than once' || phrase === 'twice' || phrase === 'several times' || phrase === 'repeatedly' || phrase === 'again and again' ? 2 : n === null ? 1 : phrase.startsWith('more than') ? n + 1 : n;
    rest = `${rest.slice(0, t.index)} ${rest.slice(t.index + t[0].length)}`;
  }
  return { rest, value: { times } };
}

/** No recent update: "what hasn't been updated since August", "no update for 30 days", "gone quiet for six weeks". */
const STALE =
  /\b(?:(?:need|needs|needing|due|overdue for|waiting for|wants?) (?:an? |any )?updat(?:e|es|ing)|(?:need|needs|have|has|got) to (?:be )?updated?|(?:has|have)n't (?:been |had (?:an? |any )?)?updated?s?|(?:has|have)n't (?:I|we|you|they|he|she) (?:yet )?updated|(?:have|has) (?:I|we|you|they|he|she) not (?:yet )?updated|did(?:n't| not) (?:I|we|you|they|he|she) update|(?:has|have) not (?:been |had (?:an? |any )?)?updated?s?|not (?:been )?updated|no (?:updates?|news|progress|word|update posted)|without (?:an? |any )?updates?|(?:gone|been|are|is) (?:quiet|silent)|stale|nothing heard|not heard (?:from|about)?|no one has updated|nobody has updated|(?:has|have)n't been (?:touched|looked at)|not (?:been )?(?:touched|looked at))\b/i;
const FOR_SPAN = new RegExp(String.raw`\b(?:for|in|over)\s+(?:(?:the|a)\s+)?(?:(?:last|past)\s+)?(?:${NUMBER}\s+)?(days?|weeks?|fortnights?|months?)\b`, 'i');

const VAGUE_SPAN = /\b(?:(?:in|for) (?:a (?:good |little )?while|ages|some time|a long time|a bit)|lately|recently|of late)\b/i;

export function readStale(s: string): Taken<{ since?: string; days?: number }> {
  const m = STALE.exec(s);
  if (!m) return { rest: s, value: null };
  // "what haven't I updated?": the speaker's items; the pronoun goes back for the owner reader.
  const who = /\b(I|we)\b/i.exec(m[0]) ? ' my ' : ' ';
  const without = `${s.slice(0, m.index)}${who}${s.slice(m.index + m[0].length)}`;
  const since = takePhraseAfter(without, SINCE);
  if (since.phrase) return { rest: since.rest, value: { since: since.phrase } };
  // "what haven't I updated this month?": nothing after the last month ended.
  const period = /\b(?:this|the current) (week|month|quarter|year)\b/i.exec(without);
  if (period) return { rest: `${without.slice(0, period.index)} ${without.slice(period.index + period[0].length)}`, value: { since: `the end of last ${period[1]!.toLowerCase()}` } };
  const span = FOR_SPAN.exec(without);
  if (span) {
    const after = without.slice(span.index + span[0].length).replace(/^\s*(?:or (?:more|longer)|and (?:more|over)|\+)/i, ' ');
    const n = span[1] ? (numberOf(span[1]) ?? 1) : 1;
    const unit = span[2]!.toLowerCase().replace(/s$/, '');
    const days = n * (unit === 'day' ? 1 : unit === 'week' ? 7 : unit === 'fortnight' ? 14 : 30);
    return { rest: `${without.slice(0, span.index)} ${after}`, value: { days } };
  }
  // "what's gone quiet?", "in a while", "lately": no window said; a month is what people mean. "For ages" is longer.
  const vague = VAGUE_SPAN.exec(without);
  const rest = vague ? `${without.slice(0, vague.index)} ${without.slice(vague.index + vague[0].length)}` : without;
  return { rest, value: { days: vague && /ages|long/i.test(vague[0]) ? 90 : 30 } };
}

/** Exclusions: "everything except ICT", "apart from HR", "not owned by the Portfolio Office", "that isn't on-going". */
const NOT_OWNED = /\b(?:not|isn't|aren't|is not|are not|don't|doesn't|do not|does not) (?:owned by|assigned to|led by|belonging to|belong to|belongs to|for|with)\s+/i;
const EXCEPT = /\b(?:except(?: for)?|apart from|other than|excluding|excepting|but not|leaving aside|leaving out|setting aside|outside(?: of)?|not in|(?<=(?:everything|all|anything) )but)\s+/i;
const NOT_IN = /\b(?:that|which)\s+(?:isn't|aren't|is not|are not)\s+(?:in\s+|for\s+|part of\s+)?/i;
const NOT_POSSESSIVE = /\b(?:isn't|aren't|is not|are not|not)\s+([\p{L}.]+(?:\s+[\p{L}.]+)?)'s\b/iu;
const NOT_STATUS =
  /\b(?:(?:that|which)(?:'s| is| are)? )?(?:isn't|aren't|is not|are not|not|that's not|thats not)\s+(?:yet\s+)?(on[- ]?going|in progress|under ?way|awaiting (?:a )?decision|waiting (?:for|on) (?:a )?decision|pending(?: (?:a )?decision)?|not being implemented|dropped|cancell?ed)\b/i;
const EXCLUDED_STOP = new Set(['and', 'or', 'that', 'which', 'who', 'due', 'overdue', 'late', 'for', 'by', 'in', 'with', 'since', 'before', 'after', 'please', 'items', 'actions', 'recommendations', 'ones', 'theme', 'workstream', 'programme']);

function wordsAt(tokens: readonly string[]): number {
  let end = 0;
  while (end < tokens.length && !EXCLUDED_STOP.has((tokens[end] ?? '').toLowerCase()) && !isDateWord(tokens[end])) end++;
  return end;
}

const STATUS_OF: Array<[RegExp, Status]> = [
  [/^(?:on[- ]?going|in progress|under ?way)$/i, 'on_going'],
  [/^(?:awaiting (?:a )?decision|waiting (?:for|on) (?:a )?decision|pending(?: (?:a )?decision)?)$/i, 'awaiting_decision'],
  [/^(?:not being implemented|dropped|cancell?ed)$/i, 'not_being_implemented'],
];

export function readExclusions(s: string): { rest: string; owner: string | null; about: string | null; status: Status | null } {
  let rest = s;
  let owner: string | null = null;
  let about: string | null = null;
  let status: Status | null = null;
  const st = NOT_STATUS.exec(rest);
  if (st) {
    status = STATUS_OF.find(([re]) => re.test(st[1]!))?.[1] ?? null;
    if (status) rest = `${rest.slice(0, st.index)} ${rest.slice(st.index + st[0].length)}`;
  }
  // "that isn't HR", "which aren't in ICT": a theme or an owner left out (never a status word: "isn't done" is open).
  const notIn = NOT_IN.exec(rest);
  if (notIn && !/^(?:yet\s+)?(?:complete|completed|done|finished|closed|started|begun|over|ready)\b/i.test(rest.slice(notIn.index + notIn[0].length))) {
    const tokens = rest.slice(notIn.index + notIn[0].length).split(' ').filter(Boolean);
    const end = wordsAt(tokens);
    if (end > 0 && !/'s$/i.test(tokens[end - 1]!)) {
      about = tokens.slice(0, end).join(' ').replace(/[,;:.]+$/, '');
      rest = `${rest.slice(0, notIn.index)} ${tokens.slice(end).join(' ')}`;
    }
  }
  const poss = NOT_POSSESSIVE.exec(rest);
  if (poss) {
    owner = poss[1]!;
    rest = `${rest.slice(0, poss.index)} ${rest.slice(poss.index + poss[0].length)}`;
  }
  const by = NOT_OWNED.exec(rest);
  if (by) {
    const tokens = rest.slice(by.index + by[0].length).split(' ').filter(Boolean);
    const end = wordsAt(tokens);
    if (end > 0) {
      owner = tokens.slice(0, end).join(' ').replace(/^the\s+/i, '').replace(/[,;:.]+$/, '');
      rest = `${rest.slice(0, by.index)} ${tokens.slice(end).join(' ')}`;
    }
  }
  const ex = EXCEPT.exec(rest);
  if (ex) {
    const tail = rest.slice(ex.index + ex[0].length).replace(/^(?:the |those )?(?:ones?|items?|actions?) (?:that|which) (?:have been|has been|are|were|is) /i, '');
    const tokens = tail.split(' ').filter(Boolean);
    const end = wordsAt(tokens);
    if (end > 0) {
      const words = tokens.slice(0, end).join(' ').replace(/^(?:the|those|anything|items?|ones?)\s+/i, '').replace(/[,;:.]+$/, '').replace(/'s$/i, '');
      const asStatus = STATUS_OF.find(([re]) => re.test(words))?.[1];
      if (asStatus) status = asStatus;
      else about = words;
      rest = `${rest.slice(0, ex.index)} ${tokens.slice(end).join(' ')}`;
    }
  }
  return { rest, owner, about, status };
}
