import { FILLERS, NAME_STOP, NOT_A_NAME, NOUNS, isDateWord } from './vocab.js';

export interface OwnerRead {
  /** The question with the owner's name taken out. */
  rest: string;
  owner: string | null;
  /** A "who owns …" question: its subject is a theme or a group, not an owner. */
  who: boolean;
}

const WHO = /^\s*who(?:'s| is| are)? (?:owns?|responsible for|in charge of|leads?|leading|running|runs|looks after|looking after)\b/i;
const WHO_IS = /^\s*who(?:'s| is| are)\s+((?:the\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)*)\s*$/u;
const BY = /\b(?:owned by|assigned to|allocated to|belonging to|belongs to|belong to|led by|owner is|owners are)\s+/i;
/** The name sits between two words; group 1. */
const AROUND: RegExp[] = [
  /\b(?:does|do)\s+(.+?)\s+(?:own|have|lead|hold|look after|run)\b/di,
  /\b(?:is|are|am|what's|whats)\s+(.+?)\s+(?:responsible|accountable|in charge|on the hook|leading|doing|working on)\b/di,
  /\b(?:has|have)\s+(.+?)\s+got\b/di,
  /\bwhat(?:'s|s| has| have)\s+(.+?)\s+got\b/di,
  // The overdue word stays for the overdue check: "is the portfolio office behind on anything".
  /\b(?:is|are|am)\s+(.+?)\s+(?=(?:behind|late|overdue|running late|slipping)\b)/di,
];
/** "what's", "let's" are not possessives. */
const CONTRACTED = new Set(['what', 'whats', 'that', 'who', 'it', 'there', 'here', 'where', 'how', 'when', 'let', 'he', 'she']);

/** A captured name, or null when it is not one ("anything", "the ICT actions", "next week"). */
function cleanOwner(text: string): string | null {
  const s = text
    .replace(/^[\s,;:]*(?:(?:the|our)\s+)?/i, '')
    .replace(/[\s,;:]+$/, '')
    .replace(/\s+(?:and|or|&)$/i, '')
    .replace(/(\s(?:or|and)|,)\s+(?:the|our)\s+/gi, '$1 ');
  const words = s.toLowerCase().split(' ');
  if (!/^[\p{L}\d]/u.test(s) || isDateWord(words[0])) return null;
  if (/^(?:i|me|myself)$/i.test(s)) return 'me';
  // "for the ICT theme", "for theme HR": a theme named as one, for the subject reader.
  if (THEME_WORD.test(words[0]!) || THEME_WORD.test(words.at(-1)!)) return null;
  return words.some((w) => NOUNS.has(w) || NOT_A_NAME.has(w)) ? null : s;
}

const THEME_WORD = /^(?:themes?|workstreams?|categor(?:y|ies))$/;

/** The words of a name at the start of `text`, up to a date word or a word like "due", "in", "that". */
function takeName(text: string): string {
  const out: string[] = [];
  const tokens = text.trim().split(' ');
  for (const [i, token] of tokens.entries()) {
    const t = token.toLowerCase();
    // "for Karen or Rachel", "for ICT, HR or Finance": alternatives stay in the name, for the engine to split.
    if (t === 'or' && out.length > 0 && /^(?:the\s+)?\p{Lu}/u.test(tokens.slice(i + 1).join(' '))) {
      out.push(token);
      continue;
    }
    if (!/[\p{L}\d]/u.test(t) || NAME_STOP.has(t) || NOUNS.has(t) || (out.length > 0 && isDateWord(t))) break;
    out.push(token);
    if (token.endsWith(',') && !/^\p{Lu}/u.test(tokens[i + 1] ?? '')) break;
  }
  return out.join(' ').replace(/,$/, '');
}

function cut(s: string, from: number, to: number): string {
  return `${s.slice(0, from)} ${s.slice(to)}`;
}

/** "Karen's actions", "the Portfolio Office's items": the words before the 's, back to a filler word. */
function possessive(s: string): OwnerRead | null {
  const tokens = s.trim().split(/ +/);
  for (let i = 0; i < tokens.length; i++) {
    const m = /^(.+?)(?:'s|s')$/i.exec(tokens[i] ?? '');
    const base = m?.[1] === undefined ? undefined : tokens[i]?.endsWith("s'") ? `${m[1]}s` : m[1];
    if (base === undefined || CONTRACTED.has(base.toLowerCase())) continue;
    let j = i;
    while (j > 0 && !isPlainWord(tokens[j - 1])) j--;
    const owner = cleanOwner([...tokens.slice(j, i), base].join(' '));
    if (owner !== null) return { rest: [...tokens.slice(0, j), ...tokens.slice(i + 1)].join(' '), owner, who: false };
  }
  return null;
}

function isPlainWord(token: string | undefined): boolean {
  const t = (token ?? '').toLowerCase();
  return FILLERS.has(t) || NAME_STOP.has(t) || NOUNS.has(t) || isDateWord(t) || t.endsWith("'s");
}

/** Finds who a question is about: "owned by X", "does X own", "is X responsible for", "for X", "X's". */
export function readOwner(question: string): OwnerRead {
  const who = WHO.exec(question);
  if (who) return { rest: question.slice(who[0].length), owner: null, who: true };
  // "who is N. Shackleton?", "who's the Portfolio Office?": the owner, answered with what they own.
  const whoIs = WHO_IS.exec(question);
  const named = whoIs ? cleanOwner(whoIs[1]!) : null;
  if (whoIs && named !== null && named !== 'me') return { rest: ' ', owner: named, who: false };
  const by = BY.exec(question);
  if (by) {
    const name = takeName(question.slice(by.index + by[0].length));
    const owner = cleanOwner(name);
    if (owner !== null) return { rest: cut(question, by.index, by.index + by[0].length + name.length), owner, who: false };
  }
  for (const re of AROUND) {
    const m = re.exec(question);
    const span = m?.indices?.[1];
    const owner = m?.[1] === undefined ? null : cleanOwner(m[1]);
    if (span && owner !== null) return { rest: cut(question, span[0], span[1]), owner, who: false };
  }
  for (const m of question.matchAll(/\bfor\s+/gi)) {
    const at = m.index + m[0].length;
    const name = takeName(question.slice(at));
    const owner = cleanOwner(name);
    if (owner !== null) return { rest: cut(question, m.index, at + name.length), owner, who: false };
  }
  return possessive(question) ?? { rest: question, owner: null, who: false };
}
