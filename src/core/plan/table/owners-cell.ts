import { normaliseName, ownerKind } from '../owners.js';

/** A person written as people sign: "Karen Georgiou", "N. Shackleton", "Alison Roome-Gifford". */
const NAME = /^(?:(?:[A-Z]\.\s?)+|[A-Z][a-z'’-]+\s+)(?:[A-Z][a-z'’-]+\s+)*[A-Z][a-z'’][\p{L}'’-]*$/u;

export function looksLikePerson(text: string): boolean {
  return NAME.test(text.trim()) && ownerKind(text) === 'person';
}

/** A line that breaks mid-name: it ends on a joining word, or the next starts in lower case or on one. */
const ENDS_JOINED = /(?:[–—\-&/,]|\band|\bof|\bfor|\bthe)$/i;
const STARTS_JOINED = /^(?:[a-z]|[–—\-&/,]|and\b|of\b|for\b)/;

function lines(cell: string, linesWrap: boolean): string[] {
  const out: string[] = [];
  let broken = false;
  for (const raw of cell.split('\n')) {
    const line = raw.replace(/^\s*[•\uf0b7*]\s*/, '').trim();
    // An empty line between two is a break the writer made (a PDF's reader marks so a line that ended with room to spare).
    if (!line) {
      broken = out.length > 0;
      continue;
    }
    const last = out.at(-1);
    // Where lines may be the column's width (a PDF), a line runs on unless the one before is a whole person's name or ends a list item.
    const runsOn = linesWrap && !broken && last !== undefined && !looksLikePerson(last) && !/[;,]$/.test(last);
    broken = false;
    if (last !== undefined && (runsOn || ENDS_JOINED.test(last) || STARTS_JOINED.test(line))) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
  }
  return out;
}

/**
 * "/", "&" and " and " join two owners only when one side is a person: "Karen Georgiou / Portfolio Office"
 * is two owners, but "PCC’s and CC’s", "Six Corporation Soles & Chief Executives" and
 * "Lead CC’s/ BAU Heads of Service" name one body of people and stay whole, as the board wrote them.
 */
function splitJoined(part: string): string[] {
  const pieces = part.split(/(\s*[/&]\s*|\s+and\s+)/);
  const out: string[] = [];
  let current = pieces[0] ?? '';
  for (let i = 1; i < pieces.length; i += 2) {
    const sep = pieces[i] ?? '';
    const next = pieces[i + 1] ?? '';
    if (current.trim() && next.trim() && (looksLikePerson(current) || looksLikePerson(next)) && /^[\p{Lu}]/u.test(next.trim())) {
      out.push(current);
      current = next;
    } else current = `${current}${sep}${next}`;
  }
  out.push(current);
  return out.map((o) => o.trim()).filter(Boolean);
}

/** The owners in one cell: one a line or between ";", each kept as written; a name written twice counts once. */
export function ownersOfCell(cell: string, options: { linesWrap?: boolean } = {}): string[] {
  const seen = new Set<string>();
  return lines(cell, options.linesWrap ?? false)
    .flatMap((line) => line.split(/\s*;\s*/))
    .flatMap(splitJoined)
    .filter((o) => {
      const key = normaliseName(o);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
