import type { IsoDate } from '../../dates/delivery-window.js';
import type { SourceTable } from './source-table.js';
import { leadingDate } from './update-dates.js';

/** Words that say the date after them is the document's own: "as at", "last updated", "position at", "Date:". */
const CUE = /\b(?:as (?:at|of)|position (?:at|as at)|last updated|updated(?: on)?|dated|date(?: of (?:issue|update))?|version date|produced(?: on)?|correct (?:at|as at))\s*[:\-–]?\s+/gi;

/**
 * The day a tracker says it stands at, from its title block ("Action Tracker — as at 12/02/2018",
 * "Last updated: 12 February 2018"): a whole day after one of the cue words, on a line above the header
 * row, not after `today`. A month alone ("as at October 2017") names no day and is not taken.
 */
export function datedAbove(table: SourceTable, headerRow: number, today: IsoDate): { date: IsoDate; row: number } | null {
  for (const row of table.rows) {
    if (row.number >= headerRow) break;
    for (const cell of new Set(row.cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean))) {
      for (const cue of cell.matchAll(CUE)) {
        const rest = cell.slice(cue.index + cue[0].length);
        if (/^\p{L}/u.test(rest)) continue;
        const found = leadingDate(rest);
        if (found && found.date <= today) return { date: found.date, row: row.number };
      }
    }
  }
  return null;
}
