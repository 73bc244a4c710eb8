import type { Intent } from '../intent.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/** "4.2.1 isn't finished after all", "4.2.1 was closed by mistake", "4.2.1 needs reopening": the close undone. */
const NOT_DONE_AFTER_ALL = [
  /^(\S+?)[:,]?\s+(?:isn't|is not|wasn't|was not)\s+(?:actually\s+|really\s+)?(?:complete|completed|done|finished|closed)\s+(?:after all|really|yet,? reopen it)[.!]?$/i,
  /^(\S+?)[:,]?\s+(?:needs|need|has|should)\s+(?:to\s+be\s+)?re-?open(?:ing|ed)?[.!]?$/i,
  /^(\S+?)[:,]?\s+was\s+(?:closed|completed|marked (?:as )?(?:complete|done))\s+(by mistake|in error|too (?:early|soon)|prematurely)[.!]?$/i,
];

/** `reopen <id> [reason]`, and the close undone in words. */
export function matchReopen(msg: NormalisedMessage): Intent | null {
  for (const re of NOT_DONE_AFTER_ALL) {
    const m = re.exec(msg.text);
    if (m && isRecommendationId(cleanIdToken(m[1]!))) return { kind: 'reopen', id: cleanIdToken(m[1]!), reason: m[2] ? `closed ${m[2]}` : null };
  }
  const cmd = commandId(msg, ['reopen', 're-open', 'unclose'], 'reopen', 'reopen 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  return { kind: 'reopen', id: cmd.id, reason: rawAfter(msg, cmd.used) };
}
