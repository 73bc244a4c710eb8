import type { Found } from './reading.js';

/**
 * Phrases that deliberately carry no date. "Completed" is here because the seed plan writes it
 * in the date column of finished items; the status, not the date, records completion.
 */
const NO_DATE =
  /^(?:|-+|tbc|tba|tbd|tbc\?|to be (?:confirmed|agreed|decided|determined|announced)|ongoing|on going|no date|none|n\/a|completed?)$/;

export function matchNoDate(text: string): Found | null {
  return NO_DATE.test(text) ? { none: true } : null;
}
