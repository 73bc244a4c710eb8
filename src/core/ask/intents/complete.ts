import type { Intent } from '../intent.js';
import { commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/** `complete <id> [evidence]`; `close`, `done`, `finish` too, but only in front of an id ("closed items" is a list). */
export function matchComplete(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, ['complete', 'close', 'done', 'finish', 'completed', 'closed'], 'complete', 'complete 4.2.1');
  if (!cmd) return null;
  if ('reason' in cmd) return msg.words[0]?.toLowerCase() === 'complete' ? unknown(msg, cmd.reason) : null;
  return { kind: 'complete', id: cmd.id, evidence: rawAfter(msg, cmd.used) };
}
