import type { Intent } from '../intent.js';
import { commandId, readCommandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/**
 * A plan admin's answer to a proposed completion: `sign off <id>` (also `signoff`, `sign-off`) and
 * `return <id> "reason"`. Matched before `complete`, whose words they do not share.
 */
export function matchSignOff(msg: NormalisedMessage): Intent | null {
  const w = msg.words.map((x) => x.toLowerCase());
  const two = w[0] === 'sign' && w[1] === 'off';
  if (two || w[0] === 'signoff' || w[0] === 'sign-off') {
    const cmd = readCommandId(msg, 'sign off', 'sign off 4.2.1', two ? 2 : 1);
    return 'reason' in cmd ? unknown(msg, cmd.reason) : { kind: 'sign_off', id: cmd.id };
  }
  const ret = commandId(msg, ['return'], 'return', 'return 4.2.1 "the evidence does not show the benefits"');
  if (!ret) return null;
  if ('reason' in ret) return unknown(msg, ret.reason);
  const reason = (rawAfter(msg, ret.used) ?? '').trim().replace(/^["“']([\s\S]*)["”']$/, '$1').trim();
  return { kind: 'return_proposal', id: ret.id, reason: reason || null };
}
