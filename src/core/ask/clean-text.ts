/** The longest update or evidence we store; longer text belongs in a linked document. */
export const MAX_TEXT = 10_000;

/**
 * Free text as we store it: control characters (C0 other than newline and tab, and C1) removed, line
 * endings unified, surrounding blanks trimmed. Bidi marks are dropped too, so a right-to-left
 * override cannot make the stored text read differently from what was typed.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();
}

export function tooLong(text: string): string | null {
  return text.length > MAX_TEXT
    ? `That text is ${text.length.toLocaleString('en-GB')} characters; the limit is ${MAX_TEXT.toLocaleString('en-GB')}. Shorten it, or put the detail in a document and send the link.`
    : null;
}

export const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;
