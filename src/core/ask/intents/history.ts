import type { Intent } from '../intent.js';
import { commandId, findIds, unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

const VERBS = ['history', 'audit', 'log', 'changes', 'changelog', 'timeline', 'trail'];
// "update" (singular) is left out: "any update on 4.2.1" asks for its status.
const ASKS_HISTORY = /\b(?:history|changed|changes|audit|audited|log|logs|trail|timeline|updates|updated|edits|edited|revisions)\b/;

/** `history <id>`, "what changed on 4.2.1", "show the log for 4.2.1", "who updated 4.2.1". */
export function matchHistory(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, VERBS, 'history', 'history 4.2.1');
  if (cmd && 'id' in cmd) return { kind: 'history', id: cmd.id };
  if (cmd && msg.words[0]?.toLowerCase() === 'history') return unknown(msg, cmd.reason);
  const ids = findIds(msg);
  if (ids.length === 1 && ids[0] !== undefined && ASKS_HISTORY.test(msg.lower)) return { kind: 'history', id: ids[0] };
  return null;
}
