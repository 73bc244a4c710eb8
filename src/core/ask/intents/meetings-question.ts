import type { Matcher } from './normalise.js';

/**
 * The boards' meetings asked in words: "when is the next SAS?", "when's the next JCOB meeting?", "next
 * board meeting", "when does SAS next meet?", "when do the boards meet next?" (the next meeting), and
 * "upcoming meetings", "what meetings are coming up?" (the list, upcoming first). The board comes back
 * as typed; the handler checks it.
 */

const WHEN = String.raw`(?:when(?:'s|s|\s+is|\s+will\s+be|\s+are)?\s+|(?:tell me|what)\s+about\s+|(?:any\s+)?(?:details|info|news)\s+(?:of|on|about)\s+)?(?:is\s+)?(?:the\s+)?`;
const SOON = String.raw`(?:next|coming|upcoming|forthcoming)`;
/** "next SAS meeting", "the next board meeting", "next meeting", "the next board" */
const NEXT_MEETING = new RegExp(String.raw`^${WHEN}${SOON}\s+(?:([A-Za-z][\w&-]*)\s+)??(?:board\s+)?(meeting|board)$`, 'i');
/** "when is the next SAS": a board's name alone is written in capitals. */
const NEXT_BOARD = new RegExp(String.raw`^${WHEN}${SOON}\s+([A-Z][A-Z0-9&-]{1,19})$`);
/** "when does SAS next meet", "when do the boards meet next", "when is JCOB meeting next" */
const MEETS_NEXT = /^when\s+(?:does|do|will|is|are)\s+(?:the\s+)?([A-Za-z][\w&-]*)\s+(?:next\s+meet(?:ing)?|meet(?:ing)?\s+(?:next|again))$/i;
/** "upcoming meetings", "what meetings are coming up", "any future board meetings" */
const UPCOMING = /^(?:(?:what|which|any|list|show|show me)\s+)?(?:are\s+)?(?:the\s+)?(?:(?:upcoming|future|coming|next|forthcoming)\s+)?(?:board\s+)?meetings(?:\s+(?:are\s+)?(?:coming\s+up|to\s+come|ahead|planned|scheduled))?$/i;

const ANY_BOARD = /^(?:board|boards|meeting|meetings)$/i;

export const matchMeetingsQuestion: Matcher = (msg) => {
  const text = msg.text.replace(/[?!.]+$/, '').trim();
  const next = NEXT_MEETING.exec(text) ?? NEXT_BOARD.exec(text) ?? MEETS_NEXT.exec(text);
  if (next) return { kind: 'meetings', board: next[1] && !ANY_BOARD.test(next[1]) ? next[1] : null, next: true };
  // A bare "meetings" with nothing about when is the governance command's.
  if (UPCOMING.test(text) && !/^meetings$/i.test(text)) return { kind: 'meetings', board: null };
  return null;
};
