import type { Intent } from '../intent.js';
import { readCommandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/**
 * `update <id> [text]` (also `note`). No text means the engine asks for it.
 * "update on 4.2.1" / "update me on 4.2.1" with nothing after asks for news: a status question.
 */
export function matchUpdate(msg: NormalisedMessage): Intent | null {
  const verb = msg.words[0]?.toLowerCase();
  if (verb !== 'update' && verb !== 'note') return null;
  const second = msg.words[1]?.toLowerCase();
  const asking = second === 'me' || second === 'on';
  const cmd = readCommandId(msg, verb, `${verb} 4.2.1`, second === 'me' ? 2 : 1);
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  const text = rawAfter(msg, cmd.used);
  if (asking && text === null) return { kind: 'status', id: cmd.id };
  return { kind: 'update', id: cmd.id, text };
}
