import { matchOwners, ownerMatchScore } from '../../plan/owners.js';

/** Picks themes a typed word means: exact beats word-prefix beats substring. */
export function matchThemes(typed: string, themes: readonly string[]): string[] {
  // Theme names and owner names follow the same loose matching rules.
  return matchOwners(typed, themes);
}

export type NameMatch = { kind: 'one'; name: string } | { kind: 'many'; names: string[] } | { kind: 'none' };

export function resolveName(typed: string, known: readonly string[]): NameMatch {
  const found = matchOwners(typed, known);
  if (found.length === 1) return { kind: 'one', name: found[0]! };
  if (found.length > 1) {
    // Several equally good partial matches: "Karen" could be two people. Exact matches never reach here.
    return { kind: 'many', names: found };
  }
  return { kind: 'none' };
}

export function bestScore(typed: string, known: readonly string[]): number {
  return known.reduce((m, k) => Math.max(m, ownerMatchScore(typed, k)), 0);
}
