import type { Taken } from './query-kinds.js';

/**
 * A priority asked for: "high priority", "high-priority", "low rated", "priority 1", "P1 priority", "top priority".
 * Group 1, 2 or 3 is the priority as said; the engine matches it against the words of each item's own priority.
 */
const PRIORITY =
  /\b(?:(critical|urgent|top|high|higher|medium|moderate|low|lower|major|minor|significant|fundamental|essential|important|advisory|routine|red|amber|green)[- ](?:priority|priorities|rated|rating|risk)|(?:priority|rating|grade)[- ]?(\d|one|two|three|four|five|high|medium|low|critical|a|b|c)|p(\d)[- ]priority)\b/i;

/** Said as numbers or as the words plans use: "priority one" is "1", "higher" and "top" are "high". */
const SAID: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', higher: 'high', lower: 'low', top: 'high' };

export function readPriority(s: string): Taken<string> {
  const m = PRIORITY.exec(s);
  if (!m) return { rest: s, value: null };
  const said = (m[1] ?? m[2] ?? m[3])!.toLowerCase();
  return { rest: `${s.slice(0, m.index)} ${s.slice(m.index + m[0].length)}`, value: SAID[said] ?? said };
}
