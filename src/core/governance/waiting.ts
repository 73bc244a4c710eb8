/** What an item waits on: a decision, in words, and the board that must take it (when one is named). */
export interface Waiting {
  what: string;
  board: string | null;
}

/** "agreement of new governance framework (SAS)" */
export const describeWaiting = (w: Waiting) => (w.board ? `${w.what} (${w.board})` : w.what);
