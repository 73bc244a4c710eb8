import type { Intent } from '../intent.js';
import { isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import { cleanIdToken } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

const ID = String.raw`#?(${TYPED_ID})[:,]?`;
/** `priority IA-02 High`, "set the priority of IA-02 to high", "make IA-02 high priority", "change IA-02's priority to 2". */
const FORMS: readonly RegExp[] = [
  new RegExp(String.raw`^(?:set|change|update|make) (?:the )?priority (?:of|for|on) ${ID} (?:to|as|:) (.+)$`, 'i'),
  new RegExp(String.raw`^(?:set|change|update|make|mark) ${ID}(?:'s)? priority (?:to|as|:) (.+)$`, 'i'),
  new RegExp(String.raw`^(?:set|make|mark) ${ID} (?:as )?(.+?)[- ]priority$`, 'i'),
  new RegExp(String.raw`^(?:priority|prioritise|prioritize) ${ID} (.+)$`, 'i'),
];
/** What follows "priority 1" in a question ("priority 1 recommendations", "priority 1 items overdue?"): no value. */
const ASKING = /^(?:items?|actions?|recommendations?|findings?|things?|ones?|overdue|open|late|due|outstanding|in|for|owned)\b|\?$/i;
const NONE = /^(?:none|no priority|clear|-|n\/a|remove)$/i;

export function matchSetPriority(msg: NormalisedMessage): Intent | null {
  for (const re of FORMS) {
    const m = re.exec(msg.text.trim());
    if (!m) continue;
    const id = cleanIdToken(m[1]!);
    const value = m[2]!.trim().replace(/[.!]+$/, '').replace(/^["'](.*)["']$/, '$1').trim();
    if (!isRecommendationId(id) || !value || ASKING.test(value)) return null;
    return { kind: 'set_priority', id, priority: NONE.test(value) ? null : value };
  }
  return null;
}
