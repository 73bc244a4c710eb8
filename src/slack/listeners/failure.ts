/**
 * Said when a turn fails inside Concerto (the database went away, say): never a false "saved", and
 * never an answer from memory the database could not confirm.
 */
export const COULD_NOT_COMPLETE = 'Sorry — I could not complete that just now: I could not check the plan, so I have not answered from what I knew before, and nothing was saved. Please try again in a moment.';
