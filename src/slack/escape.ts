/** Making user and plan text safe to show in Slack, and short enough for Block Kit's limits. */

// Bidi embeddings/overrides/isolates can make text read differently from what it says; C0 controls other than tab/newline are never wanted.
const UNSAFE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
// Some clients auto-link bare @channel/@here/@everyone; a word joiner after the @ breaks the word without showing anything.
const BROADCAST_WORDS = /@(channel|here|everyone)\b/gi;

/** Strips control characters that spoof or break display; for plain_text, which Slack does not interpret. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_CONTROLS, '');
}

/**
 * Escapes text for mrkdwn (and top-level message text). Slack's only control characters are `&`, `<` and `>`,
 * so escaping them neutralises `<!channel>`, `<@U123>` and forged `<https://x|y>` links.
 */
export function escapeText(s: string): string {
  return cleanText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST_WORDS, '@\u2060$1');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `s` to at most `max` UTF-16 units (what Slack's limits count, conservatively) at a grapheme boundary,
 * ending with `ellipsis` when anything was cut. Emoji with skin tones and surrogate pairs stay whole.
 */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  if (s.length <= max) return s;
  const room = max - ellipsis.length;
  if (room <= 0) return ellipsis.slice(0, Math.max(0, max));
  // A boundary depends on the code point after it; two spare units keep that code point whole in the prefix.
  let end = 0;
  for (const g of graphemes.segment(s.slice(0, max + 2))) {
    const next = g.index + g.segment.length;
    if (next > room) break;
    end = next;
  }
  return s.slice(0, end).trimEnd() + ellipsis;
}

/** Escapes then truncates, never leaving half an entity (`&am…`) behind. */
export function escapeTruncate(s: string, max: number): string {
  const escaped = escapeText(s);
  if (escaped.length <= max) return escaped;
  const cut = truncate(escaped, max);
  return cut.replace(/&[a-z]{0,3}…$/, '…');
}
