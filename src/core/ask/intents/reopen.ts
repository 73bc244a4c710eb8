import type { Intent } from '../intent.js';
import { commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/** `reopen <id> [reason]`. */
export function matchReopen(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, ['reopen', 're-open', 'unclose'], 'reopen', 'reopen 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  return { kind: 'reopen', id: cmd.id, reason: rawAfter(msg, cmd.used) };
}
