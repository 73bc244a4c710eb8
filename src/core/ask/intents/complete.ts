import type { Intent } from '../intent.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';
import { evidenceOf } from './set-status.js';
import { isDateWord } from './vocab.js';

/** "I've finished 4.2.1", "we completed 4.2.1 yesterday", "done with 4.2.1 - see the SLT minutes". */
const SAID_DONE = /^(?:(?:i|we)(?:'ve| have)?\s+(?:now\s+|just\s+)?(?:finished|completed|closed|delivered|implemented|done)|(?:i'm|i am|we're|we are)\s+done\s+with|done\s+with|finished\s+with)\s+(?:item\s+|rec\s+)?(\S+)/i;

/** `complete <id> [evidence]`; `close`, `done`, `finish` too, but only in front of an id ("closed items" is a list). */
export function matchComplete(msg: NormalisedMessage): Intent | null {
  const said = SAID_DONE.exec(msg.text);
  if (said && isRecommendationId(cleanIdToken(said[1]!))) {
    const used = said[0].trim().split(' ').length;
    const rest = rawAfter(msg, used);
    // "…yesterday", "…on Friday": when it was done, which the change records as now; anything else is the evidence.
    const when = rest !== null && rest.split(/\s+/).every((w) => /^(?:on|at|this|last)$/i.test(w) || isDateWord(w));
    return { kind: 'complete', id: cleanIdToken(said[1]!), evidence: when ? null : evidenceOf(rest) };
  }
  const cmd = commandId(msg, ['complete', 'close', 'done', 'finish', 'completed', 'closed'], 'complete', 'complete 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) return msg.words[0]?.toLowerCase() === 'complete' ? unknown(msg, cmd.reason) : null;
  return { kind: 'complete', id: cmd.id, evidence: evidenceOf(rawAfter(msg, cmd.used)) };
}
