import { joinMeetingReferences, spoken } from '../../governance/meeting-reference.js';
import type { Matcher } from './normalise.js';

/**
 * The decision log asked about in words: "what did SAS decide in October?", "what has JCOB agreed since
 * the summer?", "any decisions from SAS this year?", "what was decided at the last SAS?". The board and
 * the period come back as typed; the handler reads the period as a window (or a meeting's day).
 */
const DID_DECIDE =
  /^(?:so\s+)?(?:what|which things|anything)\s+(?:did|has|have|had)\s+(?:the\s+)?([A-Za-z][\w&-]*)\s+(?:decided?|agreed?|approved?|resolved?)(?:\s+(?:on|about|to do))?(?:\s+(.+))?$/i;
const DECISIONS_OF =
  /^(?:(?:any|what|which|show|list|show me|give me)\s+)?(?:(?:the|recent|latest|new)\s+)?decisions\s+(?:(?:were|have been|has been)\s+)?(?:(?:made|taken|recorded)\s+)?(?:by|of|from|at)\s+(?:the\s+)?([A-Za-z][\w&-]*)(?:\s+(.+))?$/i;
const WAS_DECIDED = /^(?:what|anything)\s+(?:was|were|has been|got)\s+(?:decided|agreed)\s+(?:at|by|in)\s+(.+)$/i;

export const matchDecisionsQuestion: Matcher = (msg) => {
  const text = joinMeetingReferences(msg.text.replace(/[?!.]+$/, '').trim());
  const decided = WAS_DECIDED.exec(text);
  if (decided) {
    // "what was decided at the last SAS": the board is the meeting's; the period, the meeting's day.
    const at = decided[1]!.trim();
    const board = /^(?:the\s+)?(?:next|last|previous|\w+)\u2060([A-Za-z][\w&-]*)/i.exec(at.replace(/^the\u2060/i, ''));
    if (!board) return null;
    return { kind: 'decisions', board: /^(?:board|meeting)$/i.test(board[1]!) ? null : board[1]!, since: null, during: spoken(at) };
  }
  const m = DID_DECIDE.exec(text) ?? DECISIONS_OF.exec(text);
  if (!m) return null;
  const board = m[1]!;
  if (/^(?:we|you|they|i|it|the|board|boards|anyone|anybody|everyone)$/i.test(board)) return null;
  const rest = (m[2] ?? '').trim();
  if (!rest) return { kind: 'decisions', board, since: null, during: null };
  const since = /^since\s+(.+)$/i.exec(rest);
  if (since) return { kind: 'decisions', board, since: spoken(since[1]!), during: null };
  const during = /^(?:in|during|over|on|at|for)\s+(.+)$/i.exec(rest) ?? /^((?:this|last|the past|the last)\s+.+)$/i.exec(rest);
  if (during) return { kind: 'decisions', board, since: null, during: spoken(during[1]!) };
  return null;
};
