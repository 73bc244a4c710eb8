/** Said when a turn fails inside Concerto (the database went away, say): never a false "saved". */
export const COULD_NOT_COMPLETE = 'Sorry — I could not complete that just now, and nothing was saved. Please try again in a moment.';
