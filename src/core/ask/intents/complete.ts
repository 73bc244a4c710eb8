import type { Intent } from '../intent.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';
import { completeIntent } from './set-status.js';

/** "I've finished 4.2.1", "we completed 4.2.1 yesterday", "done with 4.2.1 - see the SLT minutes". */
const SAID_DONE = /^(?:(?:i|we)(?:'ve| have)?\s+(?:now\s+|just\s+)?(?:finished|completed|closed|delivered|implemented|done)|(?:i'm|i am|we're|we are)\s+done\s+with|done\s+with|finished\s+with)\s+(?:item\s+|rec\s+)?(\S+)/i;

/** `complete <id> [evidence]`; `close`, `done`, `finish` too, but only in front of an id ("closed items" is a list). */
export function matchComplete(msg: NormalisedMessage): Intent | null {
  const said = SAID_DONE.exec(msg.text);
  if (said && isRecommendationId(cleanIdToken(said[1]!))) {
    const used = said[0].trim().split(' ').length;
    // "…yesterday", "…on Friday": when it was done, which the change records as said; anything else is the evidence.
    return completeIntent(cleanIdToken(said[1]!), rawAfter(msg, used));
  }
  const cmd = commandId(msg, ['complete', 'close', 'done', 'finish', 'completed', 'closed'], 'complete', 'complete 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) return msg.words[0]?.toLowerCase() === 'complete' ? unknown(msg, cmd.reason) : null;
  return completeIntent(cmd.id, rawAfter(msg, cmd.used));
}
