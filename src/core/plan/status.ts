/** The governance status vocabulary boards use, as stable codes. */
export const STATUSES = ['not_started', 'on_going', 'awaiting_decision', 'complete', 'not_being_implemented'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  not_started: 'Not started',
  on_going: 'On-going',
  awaiting_decision: 'Awaiting decision',
  complete: 'Complete',
  not_being_implemented: 'Not being implemented',
};

/** Closed items are never late and are not chased. */
export function isClosed(status: Status): boolean {
  return status === 'complete' || status === 'not_being_implemented';
}

/**
 * Which statuses an item may move to. Closing and reopening are deliberate acts:
 * a closed item only leaves its state through `reopen`, which puts it back on_going.
 */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  not_started: ['on_going', 'awaiting_decision', 'complete', 'not_being_implemented'],
  on_going: ['awaiting_decision', 'complete', 'not_being_implemented'],
  awaiting_decision: ['on_going', 'complete', 'not_being_implemented'],
  complete: ['on_going'],
  not_being_implemented: ['on_going'],
};

export function allowedTransitions(from: Status): readonly Status[] {
  return TRANSITIONS[from];
}

export function canTransition(from: Status, to: Status): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** Reads a status the way people type it: "complete", "Completed", "on going", "awaiting decision", "not being implemented". */
export function parseStatus(input: string): Status | null {
  const s = input.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/[.!]+$/, '');
  const table: Array<[RegExp, Status]> = [
    [/^(not started|not yet started|to do|todo|new)$/, 'not_started'],
    [/^(on ?going|in progress|started|underway|under way|open|active)$/, 'on_going'],
    [/^(awaiting( a)? decision|awaits decision|waiting( for)?( a)? decision|pending( decision)?|awaiting agreement)$/, 'awaiting_decision'],
    [/^(complete|completed|done|closed|finished|delivered)$/, 'complete'],
    [/^(not being implemented|not implemented|won'?t do|(?:will not|won'?t|is not|isn'?t|not to) be(?:ing)? implemented|dropped|not proceeding|not going ahead|shelved|scrapped|abandoned|cancelled|canceled|no longer needed|no longer required|superseded|withdrawn)$/, 'not_being_implemented'],
  ];
  for (const [re, status] of table) if (re.test(s)) return status;
  return null;
}
