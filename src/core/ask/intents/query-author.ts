import type { Taken } from './query-kinds.js';
import { isDateWord } from './vocab.js';

/** Saying, posting and writing: what a person does when they give an update. */
const SAYS = String.raw`(?:said|say|posted|post|written|write|wrote|added|add|logged|log|given|give|sent|send|put\s+in|reported|report|updated|update)`;
/** A name as people type it: up to three words ("Karen", "N. Shackleton", "alison roome-gifford"), or a Slack mention. */
const NAME = String.raw`(<@[A-Z0-9]+(?:\|[^>]*)?>|[\p{L}][\p{L}.'’-]*(?:\s+[\p{L}][\p{L}.'’-]*){0,2}?)`;
/** Words that end a name written after "by" or "from": a period, a topic, the question's end. */
const AFTER_NAME = String.raw`(?=\s+(?:since|this|last|in|on|during|over|about|for|recently|lately|today|yesterday|the|and|between|before|after|so|to)\b|\s*[?.!,]|\s*$)`;

const READERS: RegExp[] = [
  // "what did Karen say last week?", "what updates has N. Shackleton posted?", "anything Karen has written this month?"
  new RegExp(String.raw`\b(?:what|which|any(?:thing)?)\s+(?:updates?\s+|news\s+)?(?:did|has|have|had)\s+${NAME}\s+(?:got\s+to\s+)?${SAYS}\b(?:\s+(?:about|on))?`, 'iu'),
  // "did Karen post anything this week?", "has Nick updated anything lately?"
  new RegExp(String.raw`\b(?:did|has|have)\s+${NAME}\s+${SAYS}\s+(?:anything|any\s+updates?|an\s+update|updates?)\b`, 'iu'),
  // "updates by N. Shackleton", "updates posted by Karen since October", "the updates from Karen"
  new RegExp(String.raw`\bupdates?\s+(?:(?:that\s+)?(?:were\s+|was\s+|have\s+been\s+)?(?:posted|written|added|given|made|logged|sent|submitted|put\s+in)\s+)?(?:by|from)\s+${NAME}${AFTER_NAME}`, 'iu'),
  // "anything new from Karen?", "any news from Nick this week?", "what's new from N. Shackleton?"
  new RegExp(String.raw`\b(?:anything\s+new|any\s+news|news|what(?:'s|\s+is)\s+new|any\s+updates?|(?:the\s+)?latest)\s+from\s+${NAME}${AFTER_NAME}`, 'iu'),
  // "Karen's updates", "N. Shackleton's latest updates"
  new RegExp(String.raw`(?<![\p{L}.'’-])${NAME}['’]s\s+(?:recent\s+|latest\s+|last\s+|own\s+)?updates\b`, 'iu'),
];

/** The asker's own: "my updates", "what have I posted this month?", "updates I've written". */
const MINE = new RegExp(
  String.raw`\bmy\s+(?:recent\s+|latest\s+|last\s+|own\s+)?updates\b|\b(?:what|which)\s+(?:updates?\s+)?(?:have|did)\s+(?:I|we)\s+${SAYS}\b|\bupdates?\s+(?:I|we)(?:'ve|\s+have)?\s+${SAYS}\b|\bupdates?\s+(?:posted\s+|written\s+)?by\s+me\b`,
  'iu',
);

/** Words that are never a person's name in these sentences ("what did the board say", "what has been said"). */
const NOT_A_NAME = /^(?:i|we|you|they|he|she|it|the|this|that|anyone|anybody|someone|somebody|everyone|everybody|people|been|the board|board)$/i;

const LEADING_WORDS = /^(?:(?:show|list|give|get|see|find|what|which|are|is|were|was|all|the|any|of|me|us)\s+)+/i;

/** Who wrote the updates asked about; the rest of the question is left for its period and other filters. */
export function readAuthor(s: string): Taken<string> {
  const mine = MINE.exec(s);
  if (mine) return { rest: `${s.slice(0, mine.index)} ${s.slice(mine.index + mine[0].length)}`, value: 'me' };
  for (const re of READERS) {
    const m = re.exec(s);
    // "show Karen's updates": the command in front of a name is not part of it.
    const name = m?.[1]?.replace(LEADING_WORDS, '').trim();
    // "this month's updates" is a time, not a person.
    if (!m || !name || NOT_A_NAME.test(name) || name.split(/\s+/).every((w) => isDateWord(w) || /^(?:the|of)$/i.test(w))) continue;
    // A mention is kept as its user id alone, as Slack's markup names them: the engine finds who they are.
    return { rest: `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`, value: name.replace(/^<@([A-Z0-9]+)\|[^>]*>$/, '<@$1>') };
  }
  return { rest: s, value: null };
}
