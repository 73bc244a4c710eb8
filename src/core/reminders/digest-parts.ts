import type { DigestListName, DigestListSlice, DigestPartPayload, DigestPayload, OutboxMessage } from './outbox-message.js';

/**
 * Lines in one part of the digest's details (a list's heading, an item, or "none", one line each).
 * An item's line is at most ~250 characters once rendered, so forty stay well under Slack's 12,000
 * characters a message; the view's tests check the longest possible part against Slack's limits.
 */
export const LINES_PER_PART = 40;

const LISTS: DigestListName[] = ['overdue', 'dueSoon', 'completed', 'stillWaiting', 'awaitingSignOff'];
/** Lists a digest carries only when it has something in them (older digests never had them). */
const ONLY_WHEN_ANY: ReadonlySet<DigestListName> = new Set(['stillWaiting', 'awaitingSignOff']);

/** A part's own key: derived from the digest's, so queueing the parts twice adds nothing. */
export const digestPartKey = (digestKey: string, part: number) => `${digestKey}#${part}`;

/**
 * The digest's details as thread messages: every list in order, each item exactly once, at most
 * LINES_PER_PART lines a part. A list that runs over goes on in the next part under its heading again.
 */
export function digestParts(digestKey: string, d: DigestPayload, threadRef: string | null): Array<{ key: string; payload: DigestPartPayload }> {
  const parts: DigestListSlice[][] = [[]];
  let used = 0;
  const room = () => LINES_PER_PART - used;
  const newPart = () => {
    parts.push([]);
    used = 0;
  };
  for (const list of LISTS) {
    const items = d[list] ?? [];
    if (!items.length && ONLY_WHEN_ANY.has(list)) continue;
    // A heading alone at the foot of a part says nothing: it needs a line under it.
    if (room() < 2) newPart();
    let slice: DigestListSlice = { list, total: items.length, continued: false, items: [] };
    parts.at(-1)!.push(slice);
    used += items.length ? 1 : 2; // the heading, and "none" under it when the list is empty
    for (const item of items) {
      if (room() < 1) {
        newPart();
        slice = { list, total: items.length, continued: true, items: [] };
        parts.at(-1)!.push(slice);
        used = 1;
      }
      slice.items.push(item);
      used++;
    }
  }
  return parts.map((lists, i) => ({
    key: digestPartKey(digestKey, i + 1),
    payload: { kind: 'digest_part', on: d.on, part: i + 1, of: parts.length, threadRef, lists },
  }));
}

/** What a message brings after it once it is sent: a digest summary, its details threaded on it; anything else, nothing. */
export function followUps(message: OutboxMessage, ref: string | null): Array<{ key: string; payload: DigestPartPayload }> {
  return message.payload.kind === 'digest' ? digestParts(message.key, message.payload, ref) : [];
}
