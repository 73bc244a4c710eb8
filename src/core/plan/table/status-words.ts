import { parseStatus, type Status } from '../status.js';

/** Lower case, dashes and punctuation to spaces: "On-going", "ON GOING" and "on going." are one phrase. */
function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Status words as boards write them, beyond status.ts's own. Phrases are matched as the whole cell or
 * as its first words, longest first, so "not started" never reads as "started" nor "not implemented" as "implemented".
 */
const WORDS: Array<[string, Status]> = (
  [
    ['complete', 'complete'], ['completed', 'complete'], ['closed', 'complete'], ['done', 'complete'],
    ['delivered', 'complete'], ['implemented', 'complete'], ['finished', 'complete'], ['achieved', 'complete'],
    ['on going', 'on_going'], ['ongoing', 'on_going'], ['in progress', 'on_going'], ['on track', 'on_going'],
    ['open', 'on_going'], ['started', 'on_going'], ['underway', 'on_going'], ['under way', 'on_going'],
    ['delayed', 'on_going'], ['behind', 'on_going'], ['behind schedule', 'on_going'], ['at risk', 'on_going'],
    ['active', 'on_going'], ['progressing', 'on_going'], ['in hand', 'on_going'], ['overdue', 'on_going'],
    ['partially complete', 'on_going'], ['partially completed', 'on_going'], ['partially implemented', 'on_going'], ['part implemented', 'on_going'],
    // Proposed as done but not yet signed off by whoever closes items: still open until they do.
    ['proposed for closure', 'on_going'], ['ready for closure', 'on_going'], ['awaiting closure', 'on_going'], ['awaiting sign off', 'on_going'],
    ['not due', 'not_started'], ['not commenced', 'not_started'], ['not yet commenced', 'not_started'],
    ['on hold', 'awaiting_decision'],
    ['not started', 'not_started'], ['not yet started', 'not_started'], ['planned', 'not_started'], ['to do', 'not_started'],
    ['not yet due', 'not_started'],
    ['awaiting decision', 'awaiting_decision'], ['awaiting a decision', 'awaiting_decision'], ['awaits decision', 'awaiting_decision'],
    ['awaits agreement', 'awaiting_decision'], ['awaiting agreement', 'awaiting_decision'], ['awaiting approval', 'awaiting_decision'],
    ['pending decision', 'awaiting_decision'], ['pending', 'awaiting_decision'], ['on hold awaiting', 'awaiting_decision'],
    ['decision required', 'awaiting_decision'],
    ['not being implemented', 'not_being_implemented'], ['not implemented', 'not_being_implemented'],
    ['superseded', 'not_being_implemented'], ['withdrawn', 'not_being_implemented'], ['rejected', 'not_being_implemented'],
    ['not accepted', 'not_being_implemented'], ['cancelled', 'not_being_implemented'], ['canceled', 'not_being_implemented'],
    ['not proceeding', 'not_being_implemented'], ['no longer required', 'not_being_implemented'],
  ] as Array<[string, Status]>
).sort((a, b) => b[0].length - a[0].length);

/** Phrases that say what follows is still awaited; they may run on ("Awaits agreement of new governance framework"). */
const RUNS_ON = new Set(['awaits agreement', 'awaiting agreement', 'awaiting decision', 'awaiting a decision', 'awaits decision',
  'pending decision', 'on hold awaiting', 'awaiting approval', 'not being implemented', 'not yet started', 'not started']);

/** A status cell: the whole cell is a status phrase, or starts with one ("Complete – 14/06/17", "On hold awaiting SAS"). */
export function statusOfCell(cell: string): Status | null {
  const key = phraseKey(cell);
  if (!key) return null;
  const known = parseStatus(cell);
  if (known) return known;
  for (const [phrase, status] of WORDS) if (key === phrase || key.startsWith(`${phrase} `)) return status;
  return null;
}

/** The cell is a status word and nothing else ("Complete", "Completed."), as the seed writes in its date column. */
export function isOnlyStatusWord(cell: string): Status | null {
  const key = phraseKey(cell);
  return WORDS.find(([phrase]) => phrase === key)?.[1] ?? parseStatus(cell);
}

/**
 * The status an update opens with. Prose starts with these words too ("Delivered the first workshop…"),
 * so a word counts only when punctuation closes it ("COMPLETE –", "On-going -", "Completed.") or the
 * cell ends there; only the phrases that cannot be prose ("Awaits agreement of…") may run on.
 */
const OPENINGS: Array<[RegExp, Status]> = WORDS.map(([phrase, status]) => {
  const words = phrase.split(' ').join('[\\s-]*');
  return [new RegExp(`^${words}(?:\\s*(?:[-\\u2013\\u2014:;.,!]|$)${RUNS_ON.has(phrase) ? '|\\s' : ''})`, 'i'), status];
});

export function statusAtStartOfUpdate(text: string): Status | null {
  const head = text.trim();
  return OPENINGS.find(([re]) => re.test(head))?.[1] ?? null;
}
