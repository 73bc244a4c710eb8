import type { IsoDate } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';

/**
 * The date a paper is asked for, in words: "as at 4 October 2017", "as of end of September", "2017-10-04",
 * or nothing (today). A period means its last day: "as at September 2017" is the paper of 30 September.
 */
export function readReportDate(words: string, today: IsoDate): { ok: true; asAt: IsoDate } | { ok: false; error: string } {
  const phrase = words.trim().replace(/^(?:as\s+(?:at|of)|at|for|on)\s+/i, '');
  if (!phrase) return { ok: true, asAt: today };
  const read = readDelivery(phrase, { today });
  if (!read.ok) return { ok: false, error: read.error };
  if (!read.window.end) return { ok: false, error: `"${phrase}" has no date in it. Ask for \`report as at 4 October 2017\`, or just \`report\` for today.` };
  return { ok: true, asAt: read.window.end > today ? today : read.window.end };
}
