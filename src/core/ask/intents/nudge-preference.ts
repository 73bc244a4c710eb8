import { canonicalId, isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import type { Intent } from '../intent.js';
import type { Matcher } from './normalise.js';
import { unknown } from './ids.js';
import { readSpan } from './span.js';

/**
 * A person's own nudges about one item, typed rather than pressed: "snooze 4.2.1" (a week), "snooze 4.2.1 for
 * two weeks" / "until 1 March", "stop nudging me about 4.2.1" / "mute 4.2.1", "resume reminders for 4.2.1".
 * The same preference the nudge's buttons set.
 */
const ITEM = String.raw`(?:item\s+|recommendation\s+|action\s+)?(${TYPED_ID})`;
const REMINDERS = String.raw`(?:(?:the\s+|my\s+)?(?:reminders?|nudges?|chasers?|chasing)\s+(?:for|about|on|re)\s+)`;
const SNOOZE = new RegExp(String.raw`^(?:please\s+)?(?:snooze|pause|hold off)\s+${REMINDERS}?${ITEM}(?:\s+(?:for|until|till|to)\s+(.+?))?[.!]?$`, 'i');
/** "don't nudge me about 4.2.1 until March", "no reminders for 4.2.1 for a fortnight": a snooze said the other way round. */
const NOT_UNTIL = new RegExp(
  String.raw`^(?:please\s+)?(?:(?:don'?t|do not|stop|no)\s+(?:nudg(?:e|ing)|remind(?:ing)?|chas(?:e|ing)|reminders?|nudges?)(?:\s+(?:me|us))?\s+(?:about|for|on|re)\s+)${ITEM}\s+(?:until|till|before|for)\s+(.+?)[.!]?$`,
  'i',
);
const MUTE = new RegExp(
  String.raw`^(?:please\s+)?(?:mute\s+${REMINDERS}?|(?:stop|no more|don'?t|do not|never)\s+(?:nudg(?:e|ing)|remind(?:ing)?|chas(?:e|ing)|reminders?|nudges?)(?:\s+(?:me|us))?\s+(?:about|for|on|re)\s+|turn off\s+${REMINDERS})${ITEM}[.!]?$`,
  'i',
);
/** "remind me about 4.2.1" alone asks about the item; "start nudging me about 4.2.1" or "… again" wants the nudges back. */
const RESUME = new RegExp(
  String.raw`^(?:please\s+)?(?:(?:unmute|unsnooze)\s+${REMINDERS}?${ITEM}|(?:resume|restart|turn on)\s+${REMINDERS}${ITEM}|start\s+(?:nudg(?:e|ing)|remind(?:ing)?|chas(?:e|ing))\s+(?:me|us)\s+(?:about|for|on)\s+${ITEM}(?:\s+again)?|(?:nudg(?:e|ing)|remind(?:ing)?)\s+(?:me|us)\s+(?:about|for|on)\s+${ITEM}\s+again)[.!]?$`,
  'i',
);

/** "pause all my reminders", "stop nudging me": nudges are paused item by item, so say how. */
const EVERY_NUDGE =
  /^(?:please\s+)?(?:pause|stop|mute|snooze|silence|disable|turn\s+off|switch\s+off|no\s+more)\s+(?:(?:all|every)\s+(?:of\s+)?)?(?:(?:my|the|your|these)\s+)?(?:reminders?|nudges?|chasers?|notifications?|nudging(?:\s+me)?|reminding(?:\s+me)?|chasing(?:\s+me)?|everything)(?:\s+(?:for|until|till)\s+.+)?[.!]?$/i;
const EVERY_NUDGE_REASON =
  'Reminders are paused item by item, so that nothing else of yours goes unchased: `snooze 4.2.1 for two weeks`, `snooze 4.2.1 until March`, `mute 4.2.1` (and `unmute 4.2.1`), or the buttons on a nudge. `mine` lists your items.';

export const matchNudgePreference: Matcher = (msg) => {
  const text = msg.raw.trim();
  for (const [re, action] of [
    [SNOOZE, 'snooze'],
    [NOT_UNTIL, 'snooze'],
    [MUTE, 'mute'],
    [RESUME, 'resume'],
  ] as const) {
    const m = re.exec(text);
    if (!m) continue;
    const id = canonicalId(m.slice(1).find((g) => g !== undefined && isRecommendationId(canonicalId(g))) ?? m[1] ?? '');
    if (!isRecommendationId(id)) return null;
    const tail = action === 'snooze' ? (m[2]?.trim() ?? null) : null;
    // "for two weeks" is a length of time; "until 1 March", "to next month" a day.
    const span = tail ? readSpan(tail) : null;
    return { kind: 'nudge_preference', id, action, until: span ? null : tail, for: span } satisfies Intent;
  }
  // Only once no item was named: "mute reminders for 4.2.1" is that item's.
  return EVERY_NUDGE.test(text) ? unknown(msg, EVERY_NUDGE_REASON) : null;
};
