import type { Intent } from '../intent.js';
import { isFormatWord } from '../../report/paper-request.js';
import { normalise, type NormalisedMessage } from './normalise.js';
import { matchQuery } from './query.js';
import { isDateWord } from './vocab.js';

/**
 * "board paper", "send me the report as at 1 March in Excel", "can I have the paper for the next SAS?":
 * the board paper asked for in words. The words after it (format, dates, meeting) are kept as typed for
 * the paper's own reader (core/report/paper-request.ts), so a DM asks exactly what `/concerto report` does.
 */
const ASK_FOR =
  /^(?:(?:please|pls)\s+)?(?:(?:can|could|would|will)\s+(?:you|i|we)\s+(?:please\s+)?|i(?:'d| would)\s+like\s+|i\s+need\s+|we\s+need\s+)?(?:(?:give|send|get|show|make|produce|generate|export|prepare|create|run|build|share|have|do|draw up|pull together|put together)\s+(?:me\s+|us\s+)?)?(?:(?:the|a|an|this month's|today's|the latest|a new|a fresh|our)\s+)?(?:board\s+(?:paper|report)|highlight\s+report|progress\s+report|status\s+report|paper|report)(?:\s+please)?\b(.*)$/i;

/** "export the plan to Excel", "I need the action plan as a PDF for JCOB": the plan itself asked for as a file is the paper. */
const PLAN_AS_FILE =
  /^(?:(?:please|pls)\s+)?(?:(?:can|could|would|will)\s+(?:you|i|we)\s+(?:please\s+)?|i(?:'d| would)\s+like\s+|i\s+need\s+|we\s+need\s+)?(?:(?:give|send|get|show|export|download|produce|generate|share|have|email|print|save)\s+(?:me\s+|us\s+)?)?(?:(?:the|a|an|our)\s+)?(?:(?:whole|full|entire|action|current)\s+)?plan\s+((?:as|in|to|into)\s+(?:an?\s+)?(\S+)\b.*)$/i;

/** "report on ICT", "a report about overdue items": a subject, not a day or a format — a question, answered as one. */
const ON_A_SUBJECT = /^(?:on|about|regarding|covering|into)\s+(.+)$/i;

export function matchPaper(msg: NormalisedMessage): Intent | null {
  const said = msg.text.trim().replace(/[?!.]+$/, '');
  const file = PLAN_AS_FILE.exec(said);
  if (file && isFormatWord(file[2]!)) return { kind: 'paper', words: file[1]!.replace(/^to\s+|^into\s+/i, 'in ').replace(/\s+/g, ' ').trim() };
  const m = ASK_FOR.exec(said);
  if (!m) return null;
  const words = m[1]!.replace(/\bplease\b/gi, ' ').replace(/\s+/g, ' ').trim();
  const subject = ON_A_SUBJECT.exec(words)?.[1];
  if (subject !== undefined && !subject.split(' ').some((w) => isDateWord(w) || /\d/.test(w) || isFormatWord(w))) return matchQuery(normalise(`list ${subject}`));
  return { kind: 'paper', words };
}
