import type { Intent } from '../intent.js';
import { unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

/** Ways of asking how a date phrase reads; group 1 is the phrase. */
const ASKS: RegExp[] = [
  /^when (?:does|do|will|did) (.+?)(?: (?:end|start|begin|finish|fall|happen))?$/i,
  /^when(?:'s| is| was)? (.+)$/i,
  /^how (?:would|do|will|should|did) you (?:read|interpret|understand|parse|take) (.+)$/i,
  /^(?:read|interpret|parse) (.+)$/i,
  /^what (?:does|do|would) (.+) mean$/i,
  /^what (?:is|would be) meant by (.+)$/i,
  /^what (?:dates?|days?|window|period) (?:is|are|does|do|would) (.+?)(?: (?:cover|mean|span|be))?$/i,
];
/** A "when" question about items, not about a phrase: "when are my actions due". */
const ABOUT_ITEMS = /\b(?:due|overdue|items?|actions?|recommendations?|recs?|tasks?|my|mine|i|me|deadlines?)\b/i;

function unquote(s: string): string {
  const m = /^(["'])(.*)\1$/.exec(s.trim());
  return (m?.[2] ?? s).trim();
}

/** `when <phrase>`, "when is end of next month", "how would you read 'Autumn 2017'". Ids never get here. */
export function matchWhen(msg: NormalisedMessage): Intent | null {
  if (msg.lower === 'when') return unknown(msg, 'when needs a date phrase, for example "when end of next month".');
  for (const re of ASKS) {
    const m = re.exec(msg.text);
    if (m?.[1] === undefined) continue;
    const phrase = unquote(m[1]);
    if (phrase === '' || ABOUT_ITEMS.test(phrase)) return null;
    return { kind: 'when', phrase };
  }
  return null;
}
