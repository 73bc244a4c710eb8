import type { Recommendation } from '../../plan/recommendation.js';
import type { QueryFilter } from '../intent.js';
import type { Turn } from '../context.js';
import type { Reply } from '../reply.js';
import { bestScore, matchThemes, resolveName } from './resolve-names.js';
import { nearNames } from './near-names.js';
import { didYouMean, joinOr, notUnderstood } from './query-reading.js';

/**
 * "overdue for ICT or HR", "owned by Karen or the Portfolio Office", "ICT, HR and Finance items": a subject
 * that names several themes or owners means items of any of them. A name that itself holds "and"
 * ("PCC's and CC's") is one name: the phrase is split only when it names nothing whole.
 */
export interface Alternatives {
  themes: string[];
  owners: string[];
  /** The reading: "in ICT or HR", "in ICT or owned by Karen Georgiou". */
  said: string;
  /** Items in any of the themes or owned by any of the owners. */
  matches: (r: Recommendation) => boolean;
}

const SEPARATOR = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and|&)\s+/i;

/** The field a subject was read into, and its phrase, when it lists alternatives; otherwise null. */
function listed(filter: QueryFilter): { field: 'owner' | 'theme' | 'about'; phrase: string } | null {
  for (const field of ['owner', 'theme', 'about'] as const) {
    const phrase = filter[field];
    if (phrase && phrase !== 'me' && SEPARATOR.test(phrase)) return { field, phrase };
  }
  return null;
}

/**
 * Reads a subject of alternatives, taking it out of the filter; null when there is none (or the whole phrase
 * is one name), a reply when one of the alternatives names nothing in the plan.
 */
export async function resolveAlternatives(turn: Turn, filter: QueryFilter): Promise<Alternatives | Reply | null> {
  const found = listed(filter);
  if (!found) return null;
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  if (bestScore(found.phrase, themes) >= 2 || bestScore(found.phrase, owners) >= 2) return null;
  const parts = found.phrase
    .split(SEPARATOR)
    .map((p) => p.replace(/^(?:the|our)\s+/i, '').trim())
    .filter(Boolean);
  if (parts.length < 2) return null;
  // Words none of which name a theme or an owner ("business cases and ERP") are no list: read as before, whole.
  if (parts.every((part) => bestScore(part, themes) === 0 && bestScore(part, owners) === 0)) return null;
  const out = { themes: [] as string[], owners: [] as string[] };
  for (const part of parts) {
    const t = bestScore(part, themes);
    const o = bestScore(part, owners);
    // After "for" or "owned by" a name is an owner's unless only a theme has it; elsewhere the better match wins.
    const asOwner = found.field === 'owner' ? o > 0 || t === 0 : o > t;
    if (t === 0 && o === 0) {
      const near = nearNames(part, owners);
      if (near.length) return didYouMean(part, near);
      const nearThemes = nearNames(part, themes);
      if (nearThemes.length) return didYouMean(part, nearThemes, 'theme');
      return notUnderstood(filter, part, found.field === 'owner' ? 'owner' : 'about');
    }
    if (asOwner) {
      const match = resolveName(part, owners);
      if (match.kind === 'many') return didYouMean(part, match.names);
      if (match.kind === 'one') out.owners.push(match.name);
    } else out.themes.push(...matchThemes(part, themes));
  }
  delete filter[found.field];
  const themeSet = new Set(out.themes);
  const ownerSet = new Set(out.owners);
  const said = [out.themes.length ? `in ${joinOr([...themeSet])}` : '', out.owners.length ? `owned by ${joinOr([...ownerSet])}` : ''].filter(Boolean).join(' or ');
  return {
    themes: [...themeSet],
    owners: [...ownerSet],
    said,
    matches: (r) => themeSet.has(r.theme) || r.owners.some((o) => ownerSet.has(o)),
  };
}
