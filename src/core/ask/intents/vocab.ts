import { isMeetingReference } from '../../governance/meeting-reference.js';
/** Word lists the question matchers share. All lower case. */

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december';
const DATE_WORD = new RegExp(
  `^(?:${MONTHS}|spring|summer|autumn|winter|q[1-4]|h[12]|fy\\S*|\\d{1,4}(?:st|nd|rd|th)?|\\d{4}[/-]\\d{2,4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{1,4}` +
    '|today|tomorrow|tonight|yesterday|this|next|last|end|start|beginning|mid|middle|early|late|christmas|xmas|easter' +
    '|(?:mon|tues|wednes|thurs|fri|satur|sun)day|weeks?|fortnight|months?|quarters?|years?|weekend|soon|asap|immediately|tbc' +
    '|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|coming|financial|calendar|academic|half|second|third|fourth' +
    // "w/c 6 November": the week commencing, as diaries write it.
    '|w/c|w/b|w/e' +
    `|(?:mid|early|late|end)-(?:${MONTHS})` +
    ')$',
  'i',
);

export function isDateWord(word: string | undefined): boolean {
  return word !== undefined && DATE_WORD.test(word.replace(/[,;:.!?]+$/, ''));
}

/** A date phrase starts at token i ("the next two weeks", "a week", "Christmas"). */
export function startsDate(tokens: readonly string[], i: number): boolean {
  const t = tokens[i]?.toLowerCase();
  // A meeting named as a day ("the next SAS"), joined into one token by the question reader.
  if (t !== undefined && isMeetingReference(t)) return true;
  // "the new year": "new" is a date word only before "year".
  const newYear = (k: number) => tokens[k]?.toLowerCase() === 'new' && /^years?$/i.test(tokens[k + 1] ?? '');
  if (t === 'the' || t === 'a' || t === 'an') return isDateWord(tokens[i + 1]) || newYear(i + 1);
  return isDateWord(t) || newYear(i);
}

/** What the plan's entries get called. */
export const NOUNS = new Set(
  ('item items action actions recommendation recommendations rec recs task tasks thing things stuff work plan ' +
    'everything entries entry points deliverables ones lot list lists').split(' '),
);

/** Words that carry no filter by themselves; what is left of a question after them is its subject. */
export const FILLERS = new Set(
  (
    "what what's whats which who whose where how how's show list display view give get find see tell let look " +
    'the a an all any anything every each some of in on at to for from with about under into by than ' +
    'is are am was were be been being has have had do does did can could would should will there theres ' +
    "there's still currently now yet right please just only also other up so far that these those it its " +
    'we our us you your they them i me my mine myself own owns got left status statuses report summary ' +
    'overview current latest plate whole entire full and or whatever happening going doing responsible ' +
    'accountable charge lead leads leading run runs theme themes area areas section category related relating ' +
    "regarding need needs want like know else pls ok today when working many much that's thats it's " +
    'gone now hook name belong belongs happening going sits sit fall falls remains remain more within across organisation organization ' +
    'programme programmes program workstream workstreams section sections sort sorted delivery completion rag rated rating overall plan\'s ' +
    // "what did we promise to deliver by Christmas?", "what are we committed to this year?": a due question.
    'promise promised promises committed commit commitments pledged supposed meant'
  ).split(' '),
);

/** Between two subject words these stay ("Head of HR", "PCC's and CC's"); elsewhere they go. */
export const CONNECTORS = new Set(['and', 'of', '&']);

/** Words that end an owner's name when reading "for Karen Georgiou this month". */
export const NAME_STOP = new Set(
  ('due overdue late behind by before after in within on during until till that which who whose with from about ' +
    'is are was were has have had please now still yet to at or what so items actions recommendations recs tasks ' +
    'things status since over this next').split(' '),
);

/** Captured "owners" that are really not names. */
export const NOT_A_NAME = new Set(
  ('the anything everything everyone everybody anyone anybody all any some we us you it that this these those there ' +
    'what which who a an is are am was be been doing due overdue late behind now running currently delivery completion hook').split(' '),
);
