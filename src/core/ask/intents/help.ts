import type { Intent } from '../intent.js';
import type { NormalisedMessage } from './normalise.js';

/** Words that name a help topic; the topic is the command that does it. */
const TOPICS: Array<[RegExp, string]> = [
  [/^(?:update|updates|updating|progress|note|notes)$/, 'update'],
  [/^(?:complete|completing|completed|close|closing|done|finish|finishing|mark|evidence)$/, 'complete'],
  [/^(?:reopen|reopening|re-open)$/, 'reopen'],
  [/^(?:date|dates|dating|redate|revise|reschedule|deadline|deadlines|delivery)$/, 'date'],
  [/^(?:assign|assigning|reassign|owner|owners|ownership)$/, 'assign'],
  [/^(?:priority|priorities|prioritise|prioritize|rating|ratings)$/, 'priority'],
  [/^(?:chase|chasing|nudge|nudges|remind|reminder)$/, 'chase'],
  [/^(?:add|adding|new|create)$/, 'add'],
  [/^(?:status|statuses|set)$/, 'status'],
  [/^(?:list|lists|listing|query|queries|search|find|show)$/, 'list'],
  [/^(?:history|audit|log|changes)$/, 'history'],
  [/^(?:overdue|late)$/, 'overdue'],
  [/^(?:due)$/, 'due'],
  [/^(?:mine)$/, 'mine'],
  [/^(?:when)$/, 'when'],
  [/^(?:report|reports|paper|papers|export|pdf|xlsx|excel|docx|word|csv|print)$/, 'report'],
];

function topicOf(words: string[]): string | null {
  for (const w of words) for (const [re, topic] of TOPICS) if (re.test(w)) return topic;
  return null;
}

const GENERAL = [
  /^(?:help|help me|i need help|commands|usage|menu|instructions|options)$/,
  /^what (?:can|do) (?:you|i|we) (?:do|ask|say|type)\b/,
  /^what (?:are|are the) (?:your |the )?commands\b/,
  /^how (?:does (?:this|it|concerto) work|do (?:i|you) use (?:this|you|it|concerto))\b/,
];

/** "help", "help update", "?", "what can you do", "how do I update an item". */
export function matchHelp(msg: NormalisedMessage): Intent | null {
  if (msg.text === '' && msg.question) return { kind: 'help', topic: null };
  const lower = msg.lower;
  if (GENERAL.some((re) => re.test(lower))) return { kind: 'help', topic: null };
  const words = lower.split(' ');
  if (words[0] === 'help') {
    const rest = words.slice(1).filter((w) => !/^(?:me|with|on|about|for|the|a|an|to)$/.test(w));
    return { kind: 'help', topic: rest.length === 0 ? null : (topicOf(rest) ?? rest.join(' ')) };
  }
  const how = /^(?:how (?:do|can|should|would) (?:i|we)|how to)\s+(.+)$/.exec(lower);
  if (how?.[1] !== undefined) return { kind: 'help', topic: topicOf(how[1].split(' ')) };
  return null;
}
