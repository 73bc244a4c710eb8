import { isDottedDate } from '../../dates/numeric-dates.js';
import { canonicalId, isRecommendationId } from '../recommendation-id.js';

export interface Numbered {
  id: string;
  /** The text after the number ("" when the cell held only the number). */
  rest: string;
  /** A numbered sub-heading line dropped before the number ("9.1 Business as Usual:"). */
  subheading?: string;
}

const PREFIX = String.raw`^\s*(?:rec(?:ommendation)?\.?\s*(?:no\.?\s*)?)?`;
/** "4.2.1 A mechanism", "1.1: BCH needs", "4.2.1. A", "4.2.1 – A": a dotted number needs only a space after it. */
const DOTTED = new RegExp(`${PREFIX}(\\d{1,3}(?:\\.\\d{1,3}){1,4}(?:[a-z](?![a-z])|\\([a-z]\\))?)\\.?(?:\\s*[:)\\u2013\\u2014-]\\s*|\\s+|$)([\\s\\S]*)$`, 'i');
/** "7. Develop", "7) Develop", "7: Develop": a lone number needs punctuation, or "10 officers" would become item 10. */
const SINGLE = new RegExp(`${PREFIX}(\\d{1,3}(?:[a-z](?![a-z]))?)\\s*[.:)]\\s+([\\s\\S]+)$`, 'i');
/** "3(a) Set up the register": a part's letter in brackets is punctuation enough. */
const BRACKETED = new RegExp(`${PREFIX}(\\d{1,3}\\([a-z]\\))[.:]?\\s+([\\s\\S]+)$`, 'i');
const SUBHEADING = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3})\.?\s+([^\n]{1,80}):\s*\n/;

function looksLikeDate(id: string): boolean {
  const parts = id.split('.');
  return parts.length === 3 && isDottedDate(parts[0]!, parts[1]!, parts[2]!);
}

function plain(text: string): Numbered | null {
  const m = DOTTED.exec(text) ?? SINGLE.exec(text) ?? BRACKETED.exec(text);
  if (!m) return null;
  // "4.2.1A mechanism": a capital after the number starts the text (a PDF's lost space), not a part's letter.
  const glued = /\d[A-Z]$/.exec(m[1]!);
  const id = canonicalId(glued ? m[1]!.slice(0, -1) : m[1]!);
  if (!isRecommendationId(id) || looksLikeDate(id)) return null;
  const rest = glued ? text.slice(text.indexOf(m[1]!) + m[1]!.length - 1) : (m[2] ?? '');
  return { id, rest: rest.trim() };
}

/**
 * The recommendation number written at the start of a cell, and the text after it. A sub-heading line
 * such as "9.1 Business as Usual:" above "9.1.1 BaU functions…" is a heading of the numbers below it,
 * not the item's number, so it is set aside.
 */
export function numberAtStart(text: string): Numbered | null {
  const sub = SUBHEADING.exec(text);
  if (sub) {
    const after = plain(text.slice(sub[0].length));
    if (after && after.id.startsWith(`${sub[1]}.`)) return { ...after, subheading: sub[0].trim() };
  }
  return plain(text);
}

const LETTERED_AT_START = /^\s*([A-Z]{1,4}-?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?:\s*[:)\u2013\u2014-]\s*|\s+)([\s\S]+)$/;
const ID_CELL_WORD = /^(?:#|(?:no|nr|number|ref|reference|rec|recommendation|item|action|finding|para|paragraph)\b\.?)\s*(?:no\b\.?\s*)?(?=\d)/i;

const SPACED_REFERENCE = /^([A-Z]{1,4})\s+(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)$/;

/** An id column's cell: the number alone ("4.2.1", "4.2.1.", "Rec 4.2.1"), or a number with the text after it, as the seed writes. */
export function numberInIdCell(cell: string): Numbered | null {
  // "#1", "No. 2", "Rec 3", "Item 4.1": the word in front of a number alone in its cell is no part of it.
  const bare = canonicalId(
    cell
      .trim()
      .replace(ID_CELL_WORD, '')
      .replace(/(?<!\([A-Za-z])[.:)]+$/, '')
      .replace(/\.$/, ''),
  );
  if (isRecommendationId(bare) && !looksLikeDate(bare)) return { id: bare, rest: '' };
  // "AFI 1", "R 3": an inspection's reference with a space, alone in its cell, is held as typed without it ("AFI1").
  const spaced = SPACED_REFERENCE.exec(bare);
  if (spaced && isRecommendationId(`${spaced[1]}${spaced[2]}`)) return { id: `${spaced[1]}${spaced[2]}`, rest: '' };
  // "IA-01 Review access quarterly": in the number column, a lettered reference may start the text too.
  const lettered = LETTERED_AT_START.exec(cell);
  if (lettered && isRecommendationId(canonicalId(lettered[1]!))) return { id: canonicalId(lettered[1]!), rest: lettered[2]!.trim() };
  return numberAtStart(cell);
}
