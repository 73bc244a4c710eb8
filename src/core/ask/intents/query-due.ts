import type { QueryFilter } from '../intent.js';
import { startsDate } from './vocab.js';

type Due = NonNullable<QueryFilter['due']>;

export interface DueRead {
  /** The question with the due clause taken out. */
  rest: string;
  /** The question is about what is due (so only open items matter). */
  asked: boolean;
  due: Due | null;
  /** Set when the question asks for a window the filter cannot express ("due after Easter"). */
  error: string | null;
}

const KEY =
  /\b(?:due|coming up|falling due|deadlines?|(?:has|have|needs?|must|should|will|is to|are to|ought to) be (?:done|delivered|completed|finished)|(?:promised|promise|committed|pledged|supposed|meant|expected|planned|going|have|has|need|needs|got) to (?:deliver|complete|finish|get done)|(?:finish|finishes|end|ends|conclude|concludes|complete|completes|land|lands|wrap up|wraps up)(?= (?:in|by|before|during|on|within|over)\b)|needs? (?:delivering|doing|finishing|completing)|to be (?:done|delivered|completed|finished)|(?:scheduled|planned)(?: for (?:completion|delivery))?|(?:due )?for (?:completion|delivery))\b/i;
/**
 * How the phrase's window is used: "before X" ends before X starts; "by X" ends on or before X's end;
 * "after X" ends after X's end; "between X and Y" ends from X's start to Y's end; anything else
 * ("in November", "this month", "over the next two weeks") falls within X.
 */
const MODES: Record<string, Due['mode'] | 'unsupported'> = {
  before: 'before',
  by: 'by',
  until: 'by',
  till: 'by',
  in: 'within',
  within: 'within',
  during: 'within',
  for: 'within',
  over: 'within',
  on: 'within',
  at: 'within',
  after: 'after',
  beyond: 'after',
  from: 'after',
  between: 'between',
  since: 'unsupported',
};
/** Words that end a date phrase: what follows is about owners or subjects. */
const PHRASE_STOP = new Set(['for', 'owned', 'assigned', 'belonging', 'that', "that's", 'thats', 'which', 'who', 'please', 'overdue', 'items', 'actions', "aren't", "isn't", 'not']);
const LINKS = new Set(['in', 'on', 'from', 'with', 'under', 'about', 'at', 'and', 'or']);

/** Reads "due before Christmas", "what's coming up in the next two weeks", "deadlines this month". */
export function readDue(question: string): DueRead {
  const key = KEY.exec(question);
  if (!key) return { rest: question, asked: false, due: null, error: null };
  const head = question.slice(0, key.index);
  const tokens = question
    .slice(key.index + key[0].length)
    .replace(/\b(?:ahead of|prior to)\b/gi, 'before')
    .replace(/\b(?:no later than|on or before|up to)\b/gi, 'by')
    // "before the end of March" is by its last day, not before it.
    .replace(/\bbefore (?=the end of\b)/gi, 'by ')
    .replace(/\b(?:later than|beyond)\b/gi, 'after')
    .split(' ')
    .filter((t) => t !== '');
  for (let i = 0; i < tokens.length; i++) {
    const mode = MODES[tokens[i]?.toLowerCase() ?? ''];
    const start = mode !== undefined && startsDate(tokens, i + 1) ? i + 1 : startsDate(tokens, i) ? i : -1;
    if (start < 0) continue;
    let end = start + 1;
    while (end < tokens.length) {
      const t = tokens[end]?.toLowerCase() ?? '';
      if (PHRASE_STOP.has(t) || (LINKS.has(t) && !startsDate(tokens, end + 1))) break;
      end++;
    }
    const how = start === i ? 'within' : (mode ?? 'within');
    // "from January to March" is a window between two phrases; "from January" alone, after it.
    const fromTo = tokens[i]?.toLowerCase() === 'from' && tokens.slice(start).some((t) => /^(?:to|until|till)$/i.test(t));
    if (how === 'between' || fromTo) {
      // "between Christmas and Easter": the first phrase runs to "and", the second from after it.
      const and = tokens.findIndex((t, k) => k > start && /^(?:and|&|to|until|till)$/i.test(t));
      if (and > start && startsDate(tokens, and + 1)) {
        let last = and + 2;
        while (last < tokens.length && !PHRASE_STOP.has(tokens[last]!.toLowerCase()) && !(LINKS.has(tokens[last]!.toLowerCase()) && !startsDate(tokens, last + 1))) last++;
        const first = tokens.slice(start, and).join(' ');
        const second = tokens.slice(and + 1, last).join(' ').replace(/[,;:]+$/, '');
        return { rest: `${head} ${[...tokens.slice(0, i), ...tokens.slice(last)].join(' ')}`, asked: true, due: { phrase: first, mode: 'between', until: second }, error: null };
      }
    }
    const said = tokens.slice(start, end).join(' ').replace(/[,;:]+$/, '');
    // "in the next month" is the month from today, "next month" the calendar month: the "in" stays with the phrase.
    const lead = tokens[i]?.toLowerCase() ?? '';
    const phrase = start === i + 1 && /^(?:in|over|during|within)$/.test(lead) && /^the next (?:days?|weeks?|months?|years?)$/i.test(said) ? `${lead} ${said}` : said;
    const rest = `${head} ${[...tokens.slice(0, i), ...tokens.slice(end)].join(' ')}`;
    if (how === 'unsupported') {
      const example = `"due after ${phrase}" or "due by ${phrase}"`;
      return { rest, asked: true, due: null, error: `I find items due within, by, before, after or between dates, for example ${example}.` };
    }
    return { rest, asked: true, due: { phrase, mode: how === 'between' ? 'within' : how }, error: null };
  }
  return { rest: `${head} ${tokens.join(' ')}`, asked: true, due: null, error: null };
}
