import type { Intent, QueryFilter } from '../intent.js';
import { parseStatus, type Status } from '../../plan/status.js';
import { unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';
import { readDue } from './query-due.js';
import { readOwner } from './query-owner.js';
import { readAsAt, readChanged, readCount, readExclusions, readSlipped, readStale } from './query-kinds.js';
import { readOrder } from './query-order.js';
import { readMissing, readOverdueBy, readShared } from './query-gaps.js';
import { AGENDA, AT_RISK, BY_GROUP, HELD, ON_TRACK, CHANGED_LATELY, COMING, COMING_LIMIT, LATELY, MENTIONS, OR_OVERDUE, RAG, SUMMARY, USER_MENTION, WHO_TO_CHASE } from './answer-phrases.js';
import { readCompleted } from './query-completed.js';
import { readAuthor } from './query-author.js';
import { readPlansAsked } from './query-plans.js';
import { readPriority } from './query-priority.js';
import { CONNECTORS, FILLERS, NOUNS, isDateWord, startsDate } from './vocab.js';
import { joinMeetingReferences, spoken } from '../../governance/meeting-reference.js';
import { plainQuestion } from './plain-question.js';

const WAITING_ON =
  /\b(?:waiting|awaiting|waits|wait|pending|held up|blocked)\s+(?:(?:on|for|from|by)\s+)?(?:(?:a|an|the)\s+)?(?:(?:decision|agreement|approval|sign[- ]off)s?\s+(?:from|of|by)\s+(?:the\s+)?)?([A-Za-z][\w&-]*)(?:\s+(?:to decide|decisions?|meeting|board))?/i;
/** "awaiting sign-off", "needs signing off", "proposed complete", "completions pending": proposals for an admin to answer. */
const SIGN_OFF =
  /\b(?:(?:awaiting|await|pending|needs?|needing|waiting\s+(?:for|on)|wait\s+for|for|ready\s+for|due)\s+(?:(?:a|an|the|their|my|your)\s+)?sign(?:ing)?[\s-]?offs?|sign[\s-]?offs?\s+(?:pending|outstanding|awaited|to\s+do)|proposed\s+(?:as\s+)?(?:complete|completed|done|closed)|(?:proposed|pending)\s+completions?|completions?(?:\s+(?:are|is))?\s+(?:awaiting|pending|proposed|needing)(?:\s+(?:a\s+)?sign[\s-]?offs?)?|proposals?(?:\s+(?:are|is))?(?:\s+(?:awaiting|pending|for|needing)(?:\s+(?:a\s+)?sign[\s-]?offs?)?)?)\b/i;
/** "what needs a decision from JCOB?", "which items require SAS approval?": a board's decision pending. */
const NEEDS_DECISION =
  /\b(?:needs?|needing|requires?|requiring)\s+(?:(?:a|an|the)\s+)?(?:(?:decision|agreement|approval|sign[- ]off)s?\s+(?:from|of|by)\s+(?:the\s+)?([A-Za-z][\w&-]*)|([A-Z][A-Z0-9&-]+)(?:'s)?\s+(?:decision|agreement|approval|sign[- ]off)s?)\b/;
/** "what has SAS got to decide", "what does JCOB need to decide on": a board named in capitals. */
const BOARD_TO_DECIDE = /\b([A-Z][A-Z0-9&-]+)(?:'s|\s+has|\s+have)?\s+(?:got\s+|still\s+)?(?:to|need to|needs to|have to|has to)\s+decide(?:\s+on)?\b/;

/** Read before statuses, so "not complete" is open rather than complete. */
const OPEN =
  /\b(?:(?:is|are)n't (?:yet )?(?:complete|completed|done|finished|closed)(?: yet)?|(?:is|are) not (?:yet )?(?:complete|completed|done|finished|closed)(?: yet)?|not (?:yet )?(?:complete|completed|done|finished|closed)|incomplete|unfinished|outstanding|still open|remains? open|open|remaining|not closed|in flight|needs? doing|(?:left|still|remaining) to (?:do|be done|deliver|be delivered)|(?<=\bwhat(?:'s|s| is) )(?:left|still left)(?= (?:for|in|on|with|to)\b|\s*$)|yet to be (?:done|completed|finished)|(?:need|needs|have|has|got) to (?:do|deliver|work on)|to-?do|(?:be )?working on|(?<=\bon (?:my|your|our|his|her|their|the|[a-z.]+['’]s) )(?:plate|desk|to-?do list))\b/gi;
const NOT_STARTED =
  /\b(?:(?:has|have)n't (?:we |they |you |it )?(?:been )?started|(?:has|have) not (?:been )?started|(?:is|are|has|have)?(?:n't| not)? ?not been started|yet to (?:start|begin)|not begun)\b/gi;
const STATUS =
  /\b(?:not being implemented|will not be implemented|not implemented|won't do|awaiting (?:a )?decision|waiting (?:for|on) (?:a )?decision|pending(?: (?:a )?decision)?|awaiting agreement|not (?:yet )?started|on[- ]?going|in progress|under ?way|(?<!\bbe )(?:completed?|done|finished|delivered)|closed|dropped|cancell?ed|abandoned)\b/gi;
/**
 * Overdue words that mention a deadline go before the due reader sees them ("should have been done by now" too);
 * "late" waits until after ("due in late 2017").
 */
const MISSED =
  /\b(?:(?:should|ought to|meant to|supposed to) (?:have been (?:done|completed|finished|delivered|closed)(?: by now| already)?(?=\s*[?.!]*\s*$)|be (?:done|completed|finished|delivered|closed) (?:by now|already))|(?:past|beyond|after|missed|passed) (?:its |their |the )?(?:(?:delivery|target|due|end) )?(?:dates?|deadlines?)|past due|(?:has |have )?missed(?: (?:its |their |the )?deadlines?)?|not (?:been )?delivered on time)\b/gi;
const OVERDUE = /\b(?:overdue|running (?:late|behind)|late|behind(?: schedule)?|delayed|off[- ](?:track|target|schedule)|(?:not|isn't|aren't) (?:on track|on target|on schedule)|lagging)\b/gi;
const ME = /\b(?:i|i'm|me|my|mine|myself)\b/gi;
/** A request to see items, even with no filter: "list", "show the plan", "what's in HR". */
const LEAD =
  /^(?:list|show|display|view|give|find|get|search|see|overdue|due|mine|everything)\b|^(?:what(?:'s| is| are|s)?|anything|everything) (?:in|under)\b|^(?:what|how) about\b|^what(?:'s| is|s)? (?:happening|going on) (?:in|with|on)\b|^how (?:are|is) (?:we|it|things) (?:doing|getting on|going) (?:on|with)\b|^where (?:are|is) (?:we|it|things) (?:on|with|up to with)\b|^what (?:sits|falls|comes|is|are) under\b|^what (?:have|has) (?:we|they) got (?:on|in|for)\b/;
/** Question openings that make a bare status or "open" a question: "what's complete", "which are on going". */
const ASKING = /^(?:what|what's|whats|which|any|anything|are there|is there|how many|do we have|have we got|list|show)\b/;

/**
 * "anything for HR this month?", "HR items this quarter": a period at the end of what is left, in a
 * question that gave no date of its own, is when the items are due. Only words that are all date words
 * ("this month", "next quarter", "March 2018") count; anything else stays the subject.
 */
function trailingPeriod(about: string | null, filter: QueryFilter): { rest: string | null; period: string | null } {
  if (about === null || filter.due || filter.asAt || filter.changedSince || filter.stale) return { rest: about, period: null };
  const tokens = about.split(' ');
  for (let i = 0; i < tokens.length; i++) {
    if (!startsDate(tokens, i)) continue;
    const tail = tokens.slice(i);
    if (!tail.every((t, k) => isDateWord(t) || (k === 0 && /^(?:the|a)$/i.test(t)))) continue;
    // A lone "next" or "last" is no period.
    if (tail.length === 1 && /^(?:next|last|this|end|start|early|late|mid|coming)$/i.test(tail[0]!)) return { rest: about, period: null };
    const head = tokens.slice(0, i).join(' ').replace(/\s+(?:in|for|during|by|of)$/i, '').trim();
    return { rest: head || null, period: tail.join(' ') };
  }
  return { rest: about, period: null };
}

/** The question with one match cut out. */
const without = (s: string, m: RegExpExecArray) => `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`;

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
  const joins = (t: string | undefined) => t !== undefined && (CONNECTORS.has(t.toLowerCase()) || ALTERNATIVES.has(t.toLowerCase()));
  // "ICT, HR or Finance": the commas and "or" between names are kept, for the engine to read as alternatives.
  for (const raw of s.replace(/,(?=\s)/g, ' , ').split(/\s+/)) {
    const token = raw === ',' ? ',' : raw.replace(/^["'(]+|[.,;:!?"')]+$/g, '');
    const t = token.toLowerCase();
    if (t === '') continue;
    if (joins(t)) {
      if (out.length > 0 && !joins(out[out.length - 1])) out.push(token);
    } else if (FILLERS.has(t) || NOUNS.has(t)) {
      if (joins(out[out.length - 1])) out.pop();
    } else out.push(token);
  }
  while (joins(out[out.length - 1])) out.pop();
  return out.length > 0 ? out.join(' ').replace(/ ,/g, ',') : null;
}
const ALTERNATIVES = new Set(['or', ',']);

/**
 * Natural questions about many items ("what's overdue for Karen", "ICT recommendations",
 * "what's due before Christmas") and the list/overdue/due/mine commands, which read the same way.
 */
export function matchQuery(msg: NormalisedMessage): Intent | null {
  // `link @alice "Portfolio Office"` is the Slack app's command (slack/converse.ts), never a question.
  if (/^(?:link|unlink)\b/i.test(msg.text)) return null;
  const lower = plainQuestion(msg.lower).toLowerCase();
  const filter: QueryFilter = {};
  // "the last SAS", "the March board": a meeting, kept whole so it is read as a day like any other date.
  // "what's on the agenda for the next SAS?", "which items go to JCOB?": what waits on that board's decision.
  // "who am I linked to?": the owners the asker acts for are the reading line of their own items.
  if (/^(?:who am i(?: linked (?:to|with|as))?|who do i act for|(?:which|what) owners? am i(?: linked to)?|what am i linked to)\s*\??$/i.test(msg.text.trim())) return { kind: 'query', filter: { owner: 'me' } };
  // "what's been completed to date?": up to now, which every answer is ("up to date" is another thing).
  let question = plainQuestion(msg.text).replace(/(?<!\bup\s)\bto date\b/gi, ' ');
  const agenda = AGENDA.exec(question);
  if (agenda) {
    filter.waitingOn = agenda[1]!;
    filter.status = 'awaiting_decision';
    question = without(question, agenda);
  }
  // "due before JCOB", "ready for SAS": a board named bare after a deadline word is its next meeting.
  // ("owned by ICT" is an owner: "by" counts only after "due".)
  const beforeBoard = question.replace(/\b(before|(?<=\bdue\s+)by|ahead of|in time for|ready for)\s+(?:the\s+)?(?!Q[1-4]\b|H[12]\b|FY\b|BST\b|GMT\b|UK\b)([A-Z][A-Z0-9&-]{1,})(?=\s+meeting\b|\s*[?.!,]|\s*$)/g, '$1 the next $2');
  let s = ` ${joinMeetingReferences(beforeBoard).replace(/\bover due\b/gi, 'overdue').replace(/\bthis side of\b/gi, 'before').replace(/\bbetween (?:now|the present) and\b/gi, 'between today and').replace(/\b(show|tell|give|get|send|remind|let) me\b/gi, '$1')} `;

  // "which plans is Karen in?", "compare the plans": the plans counted side by side (for that owner).
  const plans = readPlansAsked(s);
  if (plans.value) {
    filter.by = 'plan';
    if (plans.value.owner) filter.owner = plans.value.owner;
    s = plans.rest;
  }
  const chase = WHO_TO_CHASE.exec(s);
  if (chase) {
    filter.by = 'owner';
    filter.overdue = true;
    s = without(s, chase);
  }
  // A count per owner or theme: before the order reader takes "the most overdue" as an order.
  for (const [re, group] of BY_GROUP) {
    const by = re.exec(s);
    if (!by) continue;
    const word = by[1];
    filter.by = /^priorit/i.test(word ?? '') ? 'priority' : word === undefined ? group : /^(?:themes?|areas?|workstreams?)$/i.test(word) ? 'theme' : /^plans?$/i.test(word) ? 'plan' : 'owner';
    if (word && /^roles?$/i.test(word)) filter.ownerKind = 'role';
    if (word && /^(?:people|persons?)$/i.test(word)) filter.ownerKind = 'person';
    s = without(s, by);
    break;
  }
  // "what did @karen say last week?": a person mentioned as who gave the updates, before a mention is read as an owner.
  const byMention = readAuthor(s);
  if (byMention.value?.startsWith('<@')) {
    filter.author = byMention.value;
    s = byMention.rest;
  }
  // A person mentioned is an owner, whoever they act for: kept as the mention, for the engine to look up.
  const mentioned = USER_MENTION.exec(s);
  if (mentioned) {
    filter.owner = `<@${mentioned[1]}>`;
    s = without(s, mentioned);
  }
  // Words to find in the items' text run to the end of the question: taken first, so no reader sees them.
  const mentions = MENTIONS.exec(s);
  if (mentions) {
    filter.mentions = mentions[1]!.replace(/^["']|["']$/g, '').trim();
    s = `${s.slice(0, mentions.index)} `;
  }
  // Completions in a period run to the end of the question too, before the as-at reader takes "last month".
  const completed = readCompleted(s);
  if (completed.value) filter.completed = completed.value;
  s = completed.rest;
  // "what will be late by Christmas?", "what's going to be overdue next month?": open items whose window ends by then,
  // those already late included — as "overdue or due by Christmas" reads.
  s = s.replace(/\b(?:will|'ll|is going to|are going to|going to|gonna|would) be (?:late|overdue)(?: (?:by|in|before|at|during|for))? (?=\S)/i, ' overdue or due by ');
  const orOverdue = OR_OVERDUE.exec(s);
  if (orOverdue) s = without(s, orOverdue);
  // The counts rather than the list: before the counts, so that "how much is done" is not a count of complete items.
  // "how much of ICT is done?": the share done in ICT, read as "how much is done in ICT".
  s = s.replace(/\bhow much of (?:the )?(?!plan\b|it\b)(.+?) (is|has been) (done|complete|completed|delivered|finished)\b/i, 'how much $2 $3 in $1');
  // "how am I doing?", "how are my actions looking?": the summary of the asker's own items.
  s = s.replace(/\bhow (?:am i|are my (?:items|actions|recommendations|recs|things)) (doing|going|getting on|looking)\b/i, 'how are we $1 for me');
  const summary = SUMMARY.exec(s);
  if (summary) {
    filter.summary = true;
    // "how were we doing at the end of October?": the past tense stays, so the day is read as the one looked back on.
    s = /\b(?:was|were|did)\b/i.test(summary[0]) ? `${without(s, summary)} was ` : without(s, summary);
    // "summarise the plan for the board", "a summary for the SAS meeting": who it is for, not whose items
    // ("a summary for ICT" is ICT's items).
    s = s.replace(/\bfor (?:the |our |this |next |tomorrow's |(?:this|next) week's )?(?:(?:board|committee|meeting|exec(?:utive)?|execs|trustees|governors|members|minister|chief executive|CEO|directors?)|[A-Z][A-Z0-9&-]{1,} (?:board|meeting|paper))(?= *[?.!]?$)/, ' ');
    // "what percentage of Karen's items are done?": the done is what the percentage counts, not a filter.
    if (/\b(?:percentage|per ?cent|proportion|share|fraction|how much|how far)\b|%/i.test(summary[0])) {
      // "what proportion are overdue / red?": the summary of them all, whose lines give that share.
      s = s.replace(/\b(?:(?:are|is|have been|has been)\s+)?(?:done|complete|completed|delivered|finished|closed|overdue|late|behind(?: schedule)?|red|amber|green|grey|gray)\b/gi, ' ');
    }
  }
  // The kinds of answer, each with its own words, taken out first so their dates are not read as due dates.
  const count = readCount(s);
  if (count.value) filter.count = true;
  const late = readOverdueBy(count.rest);
  if (late.value) filter.overdueBy = late.value;
  const order = readOrder(late.rest);
  if (order.order) filter.order = order.order;
  if (order.limit !== null) filter.limit = order.limit;
  if (order.overdue) filter.overdue = true;
  const missing = readMissing(order.rest);
  if (missing.value) filter.missing = missing.value;
  const shared = readShared(missing.rest);
  if (shared.value) filter.sharedOwners = true;
  const stale = readStale(shared.rest);
  if (stale.value) filter.stale = stale.value;
  const slipped = readSlipped(stale.rest);
  if (slipped.value) filter.slipped = { times: slipped.value.times };
  if (slipped.value?.when) {
    filter.changedSince = slipped.value.when.since;
    if (slipped.value.when.until !== undefined) filter.changedUntil = slipped.value.when.until;
  }
  // "what did Karen say last week?": whose updates, then the period they were given in, as for any change.
  const authored = filter.author ? { rest: slipped.rest, value: filter.author } : readAuthor(slipped.rest);
  if (authored.value) filter.author = authored.value;
  const changed = authored.value ? readChanged(` updates ${authored.rest}`) : readChanged(slipped.rest);
  if (authored.value && !changed.value) changed.rest = authored.rest;
  // "anything new from Karen?": what is new is the past week's, as "what's new?" is.
  if (authored.value && !changed.value && /\b(?:new|news)\b/i.test(lower)) filter.changedSince = LATELY;
  if (changed.value) {
    filter.changedSince = changed.value.since;
    if (changed.value.until !== undefined) filter.changedUntil = changed.value.until;
  }
  let changedRest = changed.rest;
  if (!changed.value && !filter.stale && !filter.slipped) {
    const lately = CHANGED_LATELY.exec(changedRest);
    if (lately) {
      filter.changedSince = LATELY;
      changedRest = without(changedRest, lately);
    }
  }
  // "how many were complete at the end of October compared with now?": both days, side by side.
  // ("between Christmas and today" is a window, not a comparison.)
  const versusNow = /\b(?:(?:as\s+)?compared?\s+(?:with|to)|versus|vs\.?|against|(?<!\bbetween\b.*)and)\s+(?:now|today|the present|currently|where we are now)\b/i.exec(changedRest);
  if (versusNow) changedRest = without(changedRest, versusNow);
  // "the plan as it was on 4 October", "as things stood at the end of Q3": the day is what counts.
  const asAt = readAsAt(changedRest.replace(/\bas (?:it|they|things|we) (?:was|were|stood|looked)\b/gi, ' was '));
  if (asAt.value) filter.asAt = asAt.value;
  if (asAt.value && versusNow) filter.compareNow = true;
  const excluded = readExclusions(asAt.rest);
  if (excluded.owner !== null || excluded.about !== null || excluded.status !== null) {
    filter.not = { ...(excluded.owner !== null ? { owner: excluded.owner } : {}), ...(excluded.about !== null ? { about: excluded.about } : {}), ...(excluded.status !== null ? { status: excluded.status } : {}) };
  }
  s = excluded.rest;

  // "awaiting sign-off": read before "waiting on", whose words it shares.
  const signOff = SIGN_OFF.exec(s);
  if (signOff) {
    filter.proposed = true;
    s = without(s, signOff);
  }

  // "what's waiting on me?": what the speaker has open, not a board's decision.
  const onMe = /\b(?:waiting|pending) (?:on|for) (?:me|us)\b/i.exec(s);
  if (onMe) {
    filter.owner ??= 'me';
    filter.open = true;
    s = without(s, onMe);
  }
  // "waiting on SAS", "awaiting a decision from JCOB", "what's SAS got to decide": a board's decision pending.
  const waiting = WAITING_ON.exec(s) ?? NEEDS_DECISION.exec(s) ?? BOARD_TO_DECIDE.exec(s);
  // "blocked items", "the pending ones": a word for the items themselves names no board.
  const waitedOn = waiting ? (waiting[1] ?? waiting[2])! : '';
  if (waiting && !/^(?:a|an|the|decision|decisions|agreement|approval|sign|me|us|you|them|it|this|these|those|any|anything|everything|all|and|or|in|at|now|still|currently|items?|ones?|actions?|recommendations?|recs?|things?|tasks?|work)$/i.test(waitedOn)) {
    filter.waitingOn = waitedOn;
    filter.status = 'awaiting_decision';
    s = without(s, waiting);
  } else {
    // "what's stuck?", "anything blocked on a decision?", "what's on hold?": no board named, so every item
    // held for a decision; "on hold" and "parked" also take in items the board has stopped.
    const held = HELD.exec(s);
    if (held) {
      if (/\b(?:on hold|parked|paused)\b/i.test(held[0])) filter.statuses = ['awaiting_decision', 'not_being_implemented'];
      else filter.status = 'awaiting_decision';
      s = without(s, held);
    }
  }
  // "which decisions are pending for SAS?": the decisions asked about are the items' own.
  if (filter.status === 'awaiting_decision') s = s.replace(/\bdecisions?\b/gi, ' ');

  // "high priority", "priority 1": before the RAG reader, which would take "red rated" for a colour.
  const priority = readPriority(s);
  if (priority.value) filter.priority = priority.value;
  s = priority.rest;
  const risk = AT_RISK.exec(s);
  if (risk) {
    filter.rag = 'at_risk';
    s = without(s, risk);
  }
  // "which items are on track?": open and green (green is also every complete item).
  const onTrack = filter.rag ? null : ON_TRACK.exec(s);
  if (onTrack) {
    filter.rag = 'green';
    filter.open = true;
    s = without(s, onTrack);
  }
  const coming = COMING.exec(s);
  if (coming) {
    filter.order = 'soonest_due';
    filter.open = true;
    filter.limit ??= COMING_LIMIT;
    s = without(s, coming);
  }
  const rag = filter.rag ? null : RAG.exec(s);
  // "the Green Team": a colour written with a capital before another capitalised word starts a name.
  const colourWord = rag ? (rag[1] ?? rag[2])! : '';
  if (rag && !(/^[A-Z][a-z]/.test(colourWord) && /^\s+[A-Z][a-z]/.test(s.slice(rag.index + rag[0].length)))) {
    const colour = colourWord.toLowerCase();
    filter.rag = colour === 'gray' ? 'grey' : (colour as 'red' | 'amber' | 'green' | 'grey');
    s = without(s, rag);
  }

  let step = take(s, MISSED);
  const missed = step.found !== null;
  step = take(step.rest, OPEN);
  if (step.found !== null) filter.open = true;
  step = take(step.rest, NOT_STARTED);
  const statuses: Status[] = step.found !== null ? ['not_started'] : [];
  const said: string[] = [];
  step = { ...step, rest: step.rest.replace(STATUS, (m) => (said.push(m), ' ')) };
  for (const word of said) {
    const status = parseStatus(word.replace(/ on /i, ' for ').replace(/^pending(?: a)?(?: decision)?$/i, 'awaiting decision'));
    if (status && !statuses.includes(status)) statuses.push(status);
  }
  // An item has one status, so two named ("on-going or awaiting decision") mean either.
  if (statuses.length === 1) filter.status = statuses[0]!;
  if (statuses.length > 1) filter.statuses = statuses;

  const owner = readOwner(step.rest.replace(/\s+/g, ' '));
  if (owner.owner !== null) filter.owner = owner.owner;
  const due = readDue(owner.rest);
  if (due.error !== null) return unknown(msg, due.error);
  if (orOverdue && due.due?.mode === 'after') return unknown(msg, 'I can list what is overdue, or what is due after a date, but not both in one list yet: ask "what\'s overdue?" and "what\'s due after …?" one at a time.');
  if (due.due) filter.due = orOverdue ? { ...due.due, orOverdue: true } : due.due;
  // "overdue or …" with no date after it: the overdue items, as asked.
  if (orOverdue && !due.due) filter.overdue = true;
  if (due.asked) filter.open = true;
  step = take(due.rest, OVERDUE);
  if (step.found !== null || missed) filter.overdue = true;
  step = take(step.rest, ME);
  if (step.found !== null && filter.owner === undefined) filter.owner = 'me';

  const read = trailingPeriod(subject(step.rest), filter);
  if (read.period !== null) {
    filter.due = { phrase: read.period, mode: 'within' };
    filter.open = true;
  }
  // A meeting named as a day is one token while reading ("the next SAS"); as a subject it is words again.
  const about = read.rest === null ? null : spoken(read.rest);
  if (about !== null) filter.about = about;

  const nouns = lower.split(' ').map((w) => w.replace(/[,;:.]+$/, '')).some((w) => NOUNS.has(w) && w !== 'things' && w !== 'stuff' && w !== 'work');
  const kinds = filter.count || filter.author || filter.asAt || filter.changedSince || filter.slipped || filter.stale || filter.order || filter.not || filter.missing || filter.sharedOwners || filter.priority || filter.overdueBy;
  const strong =
    LEAD.test(lower) || nouns || owner.who || due.asked || filter.overdue === true || filter.owner !== undefined || filter.proposed === true || filter.rag !== undefined || filter.mentions !== undefined || filter.summary === true || filter.by !== undefined || filter.completed !== undefined || Boolean(kinds);
  const asked = (filter.open === true || filter.status !== undefined || filter.statuses !== undefined) && ASKING.test(lower);
  // "what's blorptastic?": a question about many items whose word is not one Concerto knows. Read as a
  // subject, so the engine names the word it did not understand (or finds it is a theme or an owner).
  const unread = filter.about !== undefined && (ASKING.test(lower) || /^the\b|\b(?:most|least|top|oldest|newest|latest)\b/.test(lower));
  return strong || asked || unread ? { kind: 'query', filter } : null;
}
