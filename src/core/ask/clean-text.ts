/** The longest update or evidence we store; longer text belongs in a linked document. */
export const MAX_TEXT = 10_000;

/** Control characters (C0 but tab and line breaks, C1) and bidi marks: never part of what anyone meant to type. */
export const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Nothing a reader would see: blanks, format characters (zero-width spaces and joiners, BOM) and lone combining marks. */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{M}]*$/u;

/**
 * Free text as we store it: control characters (C0 other than newline and tab, and C1) removed, line
 * endings unified, surrounding blanks trimmed. Bidi marks are dropped too, so a right-to-left
 * override cannot make the stored text read differently from what was typed. Text with nothing
 * visible left (only zero-width characters, say) is empty.
 */
export function cleanText(raw: string): string {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .trim();
  return INVISIBLE_ONLY.test(text) ? '' : text;
}

export function tooLong(text: string): string | null {
  return text.length > MAX_TEXT
    ? `That text is ${text.length.toLocaleString('en-GB')} characters; the limit is ${MAX_TEXT.toLocaleString('en-GB')}. Shorten it, or put the detail in a document and send the link.`
    : null;
}

export const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;
