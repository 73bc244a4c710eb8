/**
 * Whether an item's words contain every word of a phrase ("ERP", "business case"): each word of the
 * phrase starts a word of the text, case and a plural aside, so "business cases" finds "Business Case"
 * and "policies" finds "policy". Words of one letter and little words ("the", "of") are left out; a
 * phrase with no word left mentions nothing.
 */
export function mentionsAll(text: string, phrase: string): boolean {
  const words = phraseWords(phrase);
  return words.length > 0 && words.every((w) => w.test(text));
}

/** Words every text has: "the audit trail" looks for "audit" and "trail". */
const LITTLE_WORDS = new Set('the an of and or to in on for with by at its their our is are be'.split(' '));

function phraseWords(phrase: string): RegExp[] {
  return phrase
    .toLowerCase()
    .replace(/["'\u2018\u2019\u201c\u201d]/g, ' ')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length >= 2 && !LITTLE_WORDS.has(w))
    .map(stem)
    .map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}`, 'iu'));
}

/** A stem that starts the word's other forms: "cases" → "case", "policies" and "policy" → "polic". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('y')) return word.slice(0, -1);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
