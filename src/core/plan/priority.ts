/**
 * Priorities are kept as the plan writes them ("High", "1 - High", "Priority 2", "Significant"): plans rank
 * their recommendations in their own words, so a question's level is matched against the words of each
 * item's priority rather than mapped onto a scale of Concerto's.
 */
export function priorityMatches(priority: string | null | undefined, asked: string): boolean {
  if (!priority) return false;
  const words = priority.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const want = asked.toLowerCase();
  // "P1" and "priority 1" are the number 1.
  return words.some((w) => w === want || w === `p${want}`);
}
