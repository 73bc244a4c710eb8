/**
 * The words that choose what kind of answer a question wants, beyond a plain list (intents/query.ts
 * reads them): RAG colours and "at risk", a person mentioned, "overdue or due", "what's new", completions
 * in a period, "what's coming up", words to find, counts per owner or theme, and summaries.
 */

/** "which items are red?", "red items", "the amber ones", "rated green", "RAG red": the board paper's colours. */
const RAG_WORD = String.raw`(red|amber|green|grey|gray)`;
export const RAG = new RegExp(
  String.raw`(?:^|\s)(?:(?:are|is|rated|rag|rag-rated|rag status|rag rating|rating|what's|whats|what|which|list|show|the|any|all|in|at|as|anything|everything|something|still|now|currently|that's|thats|that are|that is|which are|which is|they're|marked|flagged|showing|gone|turned)\s+)${RAG_WORD}(?=[\s,]|$)|(?:^|\s)${RAG_WORD}(?=\s+(?:items?|actions?|recommendations?|recs?|ones|rated|rag|status|tasks?|things|rating)\b)`,
  'i',
);
/** "what's overdue for @Karen": Slack sends a mention as <@U0123ABCD> or <@U0123ABCD|karen>; the engine finds whom they act for. */
export const USER_MENTION = /(?:\b(?:for|by|of|owned by|does|has|is)\s+)?<@([A-Z0-9]+)(?:\|[^>]*)?>(?:'s)?/;

/** "overdue or due this month", "due by March or late": the overdue items and those due, together. */
export const OR_OVERDUE = /\b(?:overdue|late|behind)\s+or\s+(?=(?:are\s+|is\s+)?due\b)|\s+or\s+(?:overdue|late|behind)(?:\s+already)?\b/i;

/** "what's new?", "what changed?", "any updates on HR?": what changed, with no period said: the past week. */
export const CHANGED_LATELY =
  /^\s*(?:so\s+)?(?:what(?:'s|s| has| have)?\s+(?:changed|happened|been happening|been updated|new)|any(?:thing)?\s+(?:changes|updates|news|new)|(?:what\s+are\s+)?the\s+(?:latest|recent)\s+(?:changes|updates|news)|(?:latest|recent)\s+(?:changes|updates|news))\b/i;
export const LATELY = 'the past week';


/** "what's at risk?", "what needs attention?", "red or amber": the paper's two warning colours together. */
/** Items going as planned: "on track", "on target", "on schedule". */
export const ON_TRACK = /(?<!\b(?:not|isn't|aren't)\s)\b(?:on track|on target|on schedule|going to plan)\b/i;
export const AT_RISK = /\b(?:at risk|(?:(?:should|do|must|need to) (?:the boards?|we|i|you|they|people) (?:be )?)?(?:worr(?:y|ied|ying)|concerned) about|(?:biggest|main|key|top) (?:risks?|concerns?|worries|problems?)|(?:needs?|needing|requires?|requiring) (?:(?:our|my|your|urgent|some) )?attention|of concern|causing concern|in trouble|red (?:or|and|\/|&) amber|amber (?:or|and|\/|&) red|red\/amber|amber\/red)\b/i;
/** "what's coming up?", "upcoming deadlines", "what's due soon?": what is still to come, soonest first. */
export const COMING =
  /\b(?:coming up|up next|next up|coming soon|due soon|upcoming(?: (?:deadlines?|dates?|items?|actions?))?|(?:next|upcoming|approaching) deadlines?|what(?:'s|s| is) next)\b(?!\s+(?:in|by|before|within|during|over|this|next|the|until|till|after|between|from)\b)/i;
export const COMING_LIMIT = 10;

/** "which items mention ERP?", "anything containing 'business case'": words in the items' own text, to the end. */
export const MENTIONS = /\b(?:that\s+|which\s+)?(?:mention(?:s|ing)?|contain(?:s|ing)?|referr?(?:s|ing)?\s+to|with\s+the\s+words?|including\s+the\s+words?)\s+("[^"]+"|'[^']+'|[^"'].*?)\s*$/i;

/** "who needs chasing?", "who should I chase?", "who's behind?": the owners with overdue items, counted. */
export const WHO_TO_CHASE = /\bwho\s+(?:needs?|should\s+(?:i|we)|do\s+(?:i|we)(?:\s+need\s+to)?|to|must\s+(?:i|we))\s+(?:be\s+)?chas(?:e|ed|ing)\b|\bwho(?:'s|\s+is|\s+are)\s+behind\b/i;

/** "who has the most overdue items?", "list the owners", "what themes are there?", "overdue by owner": counts per group. */
export const BY_GROUP: Array<[RegExp, 'owner' | 'theme' | 'plan' | 'priority']> = [
  [/\b(?:which|what)\s+plans?\s+(?:has|have|holds?|is|are)\s+(?:got\s+)?(?:the\s+)?(?:most|more|fewest|least|worst|furthest behind|behind)\b/i, 'plan'],
  [/\b(?:who|which owners?|which people|which person|which leads?)\s+(?:has|have|owns?|holds?|is responsible for|leads?)\s+(?:got\s+)?(?:the\s+)?(?:most|more|fewest|least)\b/i, 'owner'],
  // "who's the busiest?", "who has the heaviest load?", "who has nothing overdue?": the owners, counted (with what is overdue).
  [/\bwho(?:'s|\s+is)\s+(?:the\s+)?(?:busiest|most (?:loaded|stretched|overloaded)|least busy)\b|\bwho\s+(?:has|have)\s+(?:got\s+)?(?:the\s+)?(?:heaviest|biggest|largest|lightest|smallest)\s+(?:load|workload|share|portfolio|list)\b|\bwho\s+(?:has|have)\s+(?:got\s+)?(?:nothing|none|no\s+items?)\s+(?:overdue|late|outstanding|open)\b/i, 'owner'],
  [/\b(?:which|what)\s+themes?\s+(?:has|have|holds?)\s+(?:got\s+)?(?:the\s+)?(?:most|more|fewest|least)\b/i, 'theme'],
  // "who is the owner of the HR items?", "who owns the ICT actions?": the owners of those items, counted.
  [/\bwho(?:'s|\s+is|\s+are)\s+(?:the\s+)?owners?\s+(?:of|for)\b/i, 'owner'],
  [/\bwho(?:'s|\s+is|\s+are)?\s+(?:owns|leads(?:\s+on)?|responsible\s+for|accountable\s+for|in\s+charge\s+of)\b/i, 'owner'],
  [/\b(?:(?:list|show|what are|who are|which are|give)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?|(?:what|which|how many)\s+)(owners|people|persons|roles|leads|themes|areas|workstreams)(?:\s+(?:are there|do we have|have we got|are in the plan|own (?:items|anything|things)|have items))?\b/i, 'owner'],
  [/\b(?:breakdown\s+)?(?:by|per|for each|each|broken down by|split by|grouped by)\s+(owner|owners|person|people|lead|theme|themes|area|workstream|plan|plans|priority|priorities)\b/i, 'owner'],
  [/\b(?:(?:list|show|what are|which are)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?|(?:what|which|how many)\s+)(priorities)(?:\s+(?:are there|do we have|are in the plan))?\b/i, 'priority'],
];

/** "how are we doing?", "give me a summary", "what's the RAG for ICT?", "what percentage is complete?": the counts. */
export const SUMMARY =
  /\b(?:(?:rag |status |overall )?breakdown(?! (?:by|per)\b)|summary|summari[sz]e|overall (?:status|position|progress|picture|state|health|rag)|(?:the )?plan(?:'s)? (?:status|position|progress|health)|state of (?:play|the plan)|where (?:do )?we stand|how (?:are|is) (?:we|it|things|the plan|everything) shaping up|health ?check|(?:current |overall )?position(?! (?:of|with)\b)(?: on)?|sum up|overview|progress report|(?<!in )progress|headlines?|big picture|in numbers|the numbers|stats|statistics|dashboard|how (?:are|is) (?:we|it|things|the plan|everything) (?:doing|going|getting on|looking)(?! (?:on|with)\b)|how (?:were|was) (?:we|it|things|the plan|everything) (?:doing|going|getting on|looking)(?! with\b)(?! on (?!\d))|how did (?:we|things|everything) (?:look|do|stand)(?! with\b)(?! on (?!\d))|where did (?:we|the plan) stand|where are we(?: at| up to)?(?! (?:on|with)\b)|(?:are|is) (?:we|it|things|the plan|everything) (?:on track|on target|on schedule)|rag(?: status| ratings?| summary| position)?(?!\s+(?:is\s+)?(?:red|amber|green|grey|gray)\b)|(?:what|which) (?:percentage|proportion|share|fraction)(?: of (?:the )?(?:plan|items|actions|recommendations))?(?: (?:is|are|has been|have been))?(?: (?:complete|completed|done|delivered|finished|closed))?|(?:percentage|per ?cent|%|proportion) (?:complete|completed|done|delivered|finished)|completion rate|how far (?:along|through|on) (?:are we|is the plan|is it)|how much (?:of (?:the )?plan |of it )?(?:is|has been) (?:done|complete|completed|delivered|finished))\b/i;

/** Held with no board named: "what's stuck?", "anything blocked on a decision?", "on hold". */
export const HELD = /\b(?:(?:needs?|needing|requires?|requiring|for|pending|wants?|awaits?)\s+(?:an?\s+|the\s+)?(?:board(?:'s)?\s+)?(?:decisions?|approval|go-ahead)(?:\s+(?:from|by)\s+the\s+board)?|(?:board\s+)?decisions?\s+(?:(?:are|is)\s+(?:still\s+)?)?(?:needed|required|pending|outstanding)|(?:waiting|stuck|blocked|held up|on hold|parked|paused)(?:\s+(?:on|for)\s+(?:(?:a|an|the)\s+)?(?:decisions?|agreement|approval))?(?:\s+(?:items?|ones?|actions?|recommendations?|recs?|things?))?|waiting (?:for|on) (?:something|anything))(?=\s*(?:$|[?.!,]|(?:in|for|owned|with|and|by|from|that|which)\b))/i;

/** A board's agenda: "on the agenda for the next SAS", "which items go to JCOB", "going before SAS". Group 1 is the board. */
export const AGENDA =
  /\b(?:on\s+(?:the\s+)?agenda\s+(?:for|at|of)|(?:go|goes|going|gone|coming(?:\s+up)?|come|comes)\s+(?:to|before)|(?:for|up\s+for)\s+decision\s+(?:at|by)|to\s+be\s+decided\s+(?:at|by)|(?:taken|take|bring|brought)\s+to)\s+(?:the\s+)?(?:(?:next|coming|upcoming|forthcoming)\s+)?(?!(?:board|meeting)\b)([A-Z][A-Z0-9&-]+)(?:'s)?(?:\s+(?:meeting|board))?\b/;
