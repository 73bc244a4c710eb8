import type { Taken } from './query-kinds.js';

/** "which plans is Karen in?", "what plans does the Portfolio Office have items in?": the owner the plans are counted for. */
const PLANS_OF = /\b(?:which|what)\s+plans?\s+(?:is|are|does|do|has|have)\s+(.+?)\s+(?:(?:own|owns|have|has|got|hold|holds)\s+(?:any\s+)?(?:items?|actions?|anything|recommendations?)\s+)?(?:in|on)\b/i;
/** "which plans is it in?" asks about something already named, not an owner. */
const NOT_AN_OWNER = /^(?:there|it|this|that|the\s+most|most)\b/i;
/** "compare the plans", "compare both plans": the plans side by side. */
const COMPARE = /\bcompare\s+(?:the\s+|our\s+|both\s+|all\s+(?:the\s+|our\s+)?)?plans\b/i;

/** A question about the plans themselves, to be counted plan by plan; `owner` when it names whose items are counted. */
export function readPlansAsked(s: string): Taken<{ owner?: string }> {
  const of = PLANS_OF.exec(s);
  if (of && !NOT_AN_OWNER.test(of[1]!)) {
    return { rest: `${s.slice(0, of.index)} ${s.slice(of.index + of[0].length)}`, value: { owner: of[1]!.trim().replace(/^the\s+/i, '') } };
  }
  const compare = COMPARE.exec(s);
  if (compare) return { rest: `${s.slice(0, compare.index)} ${s.slice(compare.index + compare[0].length)}`, value: {} };
  return { rest: s, value: null };
}
