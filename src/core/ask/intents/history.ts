import type { Intent } from '../intent.js';
import { commandId, findIds, unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

const VERBS = ['history', 'audit', 'log', 'changes', 'changelog', 'timeline', 'trail'];
// "update" (singular) is left out: "any update on 4.2.1" asks for its status.
const ASKS_HISTORY = /\b(?:history|changed|changes|audit|audited|log|logs|trail|timeline|updates|updated|edits|edited|revisions)\b/;

/**
 * "all updates on 4.2.1", "the update log for 4.2.1", "what updates has 4.2.1 had", "what did Nick say about 4.2.1?":
 * the item's own log, not the audit trail.
 */
const UPDATE_LOG = /\b(?:updates|update (?:log|history|notes)|progress (?:log|notes|updates)|(?:said|say|says|written|wrote|posted|reported) (?:about|on|of|for)|(?:been )?said)\b/;
const NEWS = /\b(?:any|latest|recent|new|fresh)\s+updates\b/;
/** …unless the changes are asked for: "what changed", "who updated", "the audit trail". */
const CHANGE_WORDS = /\b(?:history|changed|changes|audit|audited|trail|timeline|edits|edited|revisions|who)\b/;

/** `history <id>`, "what changed on 4.2.1", "show the log for 4.2.1", "who updated 4.2.1". */
export function matchHistory(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, VERBS, 'history', 'history 4.2.1');
  if (cmd && 'id' in cmd) return { kind: 'history', id: cmd.id };
  if (cmd && msg.words[0]?.toLowerCase() === 'history') return unknown(msg, cmd.reason);
  const ids = findIds(msg);
  if (ids.length === 1 && ids[0] !== undefined && UPDATE_LOG.test(msg.lower) && !CHANGE_WORDS.test(msg.lower)) {
    // "any updates on 4.2.1?" wants the news: the status card, with its latest updates.
    return NEWS.test(msg.lower) ? { kind: 'status', id: ids[0] } : { kind: 'status', id: ids[0], ask: 'updates' };
  }
  if (ids.length === 1 && ids[0] !== undefined && ASKS_HISTORY.test(msg.lower)) return { kind: 'history', id: ids[0] };
  return null;
}
