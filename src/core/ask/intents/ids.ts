import type { Intent } from '../intent.js';
import { canonicalId, ID_IN_TEXT, isRecommendationId } from '../../plan/recommendation-id.js';
import type { NormalisedMessage } from './normalise.js';

/** Words people put between a verb and the number: "update rec 4.2.1", "status of #4.2.1". */
const LINK = /^(?:of|for|on|to)$/;
const PREFIX = /^(?:rec\.?|recommendation|item|action|no\.?|number|#)$/;

export type CommandId = { id: string; used: number } | { reason: string };

/** A token that was probably meant as a number: "4.2.x", "4..2", "2018", "4.2.1.1.1.1". */
function looksLikeId(s: string): boolean {
  return /^\d/.test(s) || /\d\.|\.\d/.test(s) || /^[A-Za-z]{1,4}-\d/.test(s);
}

export function cleanIdToken(token: string): string {
  return canonicalId(token.replace(/^#/, '').replace(/[:,;.?!]+$/, ''));
}

export function badIdReason(token: string): string {
  return `"${token}" isn't a recommendation number; they look like 4.2.1.`;
}

export function missingIdReason(verb: string, example: string): string {
  return `${verb} needs a recommendation number, for example "${example}".`;
}

/**
 * Reads the id a command names right after its verb (word `start - 1`). `used` counts the words up to and
 * including the id, so the payload is whatever follows.
 */
export function readCommandId(msg: NormalisedMessage, verb: string, example: string, start = 1): CommandId {
  const w = msg.words;
  let i = start;
  if (LINK.test(w[i]?.toLowerCase() ?? '') && w[i + 1] !== undefined) i++;
  if (PREFIX.test(w[i]?.toLowerCase() ?? '') && w[i + 1] !== undefined) i++;
  const token = w[i];
  if (token === undefined) return { reason: missingIdReason(verb, example) };
  const id = cleanIdToken(token);
  if (isRecommendationId(id)) return { id, used: i + 1 };
  if (looksLikeId(id)) return { reason: badIdReason(id) };
  return { reason: missingIdReason(verb, example) };
}

/** `readCommandId` when word 0 is one of `verbs`; null otherwise. */
export function commandId(msg: NormalisedMessage, verbs: readonly string[], verb: string, example: string): CommandId | null {
  const first = msg.words[0]?.toLowerCase();
  return first !== undefined && verbs.includes(first) ? readCommandId(msg, verb, example) : null;
}

export function unknown(msg: NormalisedMessage, reason: string | null): Intent {
  return { kind: 'unknown', text: msg.original.trim(), reason };
}

/**
 * Recommendation numbers mentioned anywhere. A dotted number after "due by/before/on…" is a date
 * the person wrote ("due by 1.12.17"), not an id.
 */
export function findIds(msg: NormalisedMessage): string[] {
  const found: string[] = [];
  for (const m of msg.text.matchAll(ID_IN_TEXT)) {
    const id = m[1] ?? m[2] ?? m[3];
    if (id === undefined || found.includes(id) || !isRecommendationId(id)) continue;
    if (/^\.\w/.test(msg.text.slice(m.index + id.length))) continue; // part of "4.2.x"
    if (/\bdue\s+(?:by|before|on|in|until|till)\s+$/i.test(msg.text.slice(0, m.index))) continue;
    found.push(id);
  }
  return found;
}

/** A word that was meant as an id but isn't one ("who owns 4.2.x"). */
export function findBadId(msg: NormalisedMessage): string | null {
  for (const w of msg.words) {
    const t = cleanIdToken(w);
    if (/^\d{1,3}\.[\w.?]*[a-z?][\w.?]*$/i.test(t) && !isRecommendationId(t)) return t;
  }
  return null;
}

/** The message is just an id, maybe with "rec"/"#" in front: "4.2.1", "rec 4.2.1". */
export function bareId(msg: NormalisedMessage): string | null {
  const w = msg.words.filter((x, i) => !(i === 0 && msg.words.length === 2 && PREFIX.test(x.toLowerCase())));
  if (w.length !== 1 || w[0] === undefined) return null;
  const id = cleanIdToken(w[0]);
  return isRecommendationId(id) ? id : null;
}
