import { CONTROLS } from '../clean-text.js';
import type { Intent } from '../intent.js';

/**
 * A message made ready for matching. Matchers read `text`/`lower`/`words`; free-text payloads
 * (update text, evidence, reasons) are cut from `raw` so they keep the person's own characters.
 */
export interface NormalisedMessage {
  /** The message exactly as received. */
  original: string;
  /** Without the address ("@concerto") and leading politeness; otherwise untouched (case, quotes, line breaks). */
  raw: string;
  /** `raw` with straight quotes, single spaces, and no trailing "?", "!", "." or "please". Case kept. */
  text: string;
  lower: string;
  /** `text` split on spaces. Word i of `words` is word i of `raw` (only the tail differs). */
  words: string[];
  /** The message ended with a question mark. */
  question: boolean;
}

export type Matcher = (msg: NormalisedMessage) => Intent | null;

const LEADING: RegExp[] = [
  /^<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*/i, // a Slack mention
  /^[@/]?concerto\b[\s,:]*/i,
  /^(?:hey|hi|hello|hiya|good (?:morning|afternoon|evening))\b[\s,!.]*/i,
  /^(?:please|pls|plz|kindly)\b[\s,]*/i,
  /^(?:can|could|would|will) you(?: please)?(?: (?:tell me|let me know))?\b[\s,]*/i,
  // "remind me what's overdue", "I'd like to know who owns 5.2", "tell me if anything is late": the question follows.
  /^(?:remind me|let me know|tell me|show me|i'?d like to know|i would like to know|i want to know|i need to know|i wonder|i was wondering|do you know|any idea)(?:\s+(?:if|whether))?[\s,]+(?=(?:what|what's|whats|which|who|who's|whose|when|how|is|are|has|have|anything|any)\b)/i,
];

const TRAILING_POLITENESS = /[\s,]+(?:please|pls|plz|thanks|thank you|cheers|ta)$/i;
// "N." at the end is an initial, not a full stop, so it survives ("assign 4.2.1 Karen G.").
const TRAILING_STOP = /(?<!(?:^|\s)[A-Z])[.!?]+$/;

function stripLeading(s: string): string {
  let out = s.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING) {
      const m = re.exec(out);
      if (m && m[0].length > 0) {
        out = out.slice(m[0].length).trimStart();
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Invisible controls inside a word (a NUL after "4.2.1", an ANSI escape's ESC, a right-to-left override)
 * are not part of it. A word of nothing but controls stays, so `update 4.2.1 <controls>` is still an update
 * (refused as empty), not a bare `update 4.2.1` that would start a conversation.
 */
function withoutControls(input: string): string {
  return input.replace(/\S+/g, (word) => word.replace(CONTROLS, '') || word);
}

export function normalise(input: string): NormalisedMessage {
  const raw = stripLeading(withoutControls(input));
  let text = raw
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  let question = false;
  for (let prev = ''; prev !== text; ) {
    prev = text;
    if (/\?\s*$/.test(text)) question = true;
    text = text.replace(TRAILING_POLITENESS, '').replace(TRAILING_STOP, '').trim();
  }
  return { original: input, raw, text, lower: text.toLowerCase(), words: text ? text.split(' ') : [], question };
}

/**
 * The free text after the first `n` words, as typed: original case, quotes and line breaks.
 * Null when nothing but politeness or punctuation follows. A separator right after the id
 * ("4.2.1 - done", "4.2.1: done") is dropped, unless the text starts on a new line (a bullet list).
 */
export function rawAfter(msg: NormalisedMessage, n: number): string | null {
  if (msg.words.length <= n) return null;
  const m = new RegExp(`^(?:\\S+(\\s+)){${n}}`).exec(msg.raw);
  if (!m) return null;
  let rest = msg.raw.slice(m[0].length).trimEnd();
  if (!/\n/.test(m[1] ?? '')) rest = rest.replace(/^[:\-\u2013\u2014,]+[ \t]*/, '');
  return rest.trim() === '' ? null : rest;
}

/** The matching text after the first `n` words (case kept), or '' when there is none. */
export function textAfter(msg: NormalisedMessage, n: number): string {
  return msg.words.slice(n).join(' ');
}
