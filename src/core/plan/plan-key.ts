import { editDistance } from './edit-distance.js';

/**
 * A plan's key is what people type to name it: "concerto-2017", "hmicfrs-2018". Lower case letters,
 * digits and hyphens, starting with a letter, so it can never be read as a recommendation number or a date.
 */
const KEY = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const PLAN_KEY_MAX = 40;

/** Why a key breaks the rules, as a sentence that says what would do; null when it is fine. */
export function planKeyProblem(key: string): string | null {
  if (KEY.test(key) && key.length >= 2 && key.length <= PLAN_KEY_MAX) return null;
  const tried = key.trim() ? `"${key}"` : 'An empty key';
  return `${tried} cannot be a plan key: use 2 to ${PLAN_KEY_MAX} lower-case letters, digits and single hyphens, starting with a letter, such as audit-2018.`;
}

export function isPlanKey(key: string): boolean {
  return planKeyProblem(key) === null;
}

/** Keys close to a mistyped one ("hmicfrs-2081" → hmicfrs-2018), nearest first. */
export function suggestPlanKeys(wanted: string, known: readonly string[], limit = 3): string[] {
  const w = wanted.toLowerCase();
  return known
    .map((key) => ({ key, d: key.startsWith(w) || w.startsWith(key) ? 1 : editDistance(w, key) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.key.length / 4)))
    .sort((a, b) => a.d - b.d || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((x) => x.key);
}

/** "There is no plan X — did you mean Y?", with the keys there are when nothing is near. */
export function unknownPlanMessage(wanted: string, known: readonly string[]): string {
  const near = suggestPlanKeys(wanted, known);
  if (near.length) return `There is no plan ${wanted} — did you mean ${near.join(' or ')}?`;
  if (!known.length) return `There is no plan ${wanted}: there are no plans yet. Create one with \`plan create KEY --title "…"\`, or \`seed\` for the bundled plan.`;
  return `There is no plan ${wanted}. The plans are: ${known.join(', ')}.`;
}

/** A key for a plan that has none yet: the first word of its title and the year of its date ("Concerto Action Plan", 2017 → concerto-2017). Migration 0006 uses the same rule. */
export function keyFromTitle(title: string, asOf: string): string {
  const word = (title.trim().split(/\s+/)[0] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const start = /^[a-z]/.test(word) ? word.slice(0, 30) : `plan${word}`.slice(0, 30);
  return `${start}-${asOf.slice(0, 4)}`;
}

