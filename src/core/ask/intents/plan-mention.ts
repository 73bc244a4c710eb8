import { suggestPlanKeys } from '../../plan/plan-key.js';

/** What a message says about its plan: "status 4.2.1 in audit-2018", "what's overdue for plan hmicfrs-2018?". */
export type PlanMention =
  | { kind: 'none'; text: string }
  | { kind: 'plan'; key: string; text: string }
  /** A key-shaped word where a plan goes that is no plan: say so, with the nearest keys, rather than guess. */
  | { kind: 'unknown'; key: string; near: string[] }
  /** Words of several plans' titles ("the audit plan" with two audits): ask which of these, with the words gone. */
  | { kind: 'several'; keys: string[]; text: string };

// "in|for|from|of [the] [plan] KEY" where KEY has a hyphen, or "[in] plan KEY" for any key-shaped word.
const MENTION = /(?:^|\s)(?:(?:in|for|from|of|on)\s+(?:the\s+)?(?:plan\s+)?([a-z][a-z0-9]*(?:-[a-z0-9]+)+)|(?:in\s+)?plan\s+([a-z][a-z0-9]*(?:-[a-z0-9]+)*))(?=$|[\s?.!,;:])/gi;

/**
 * Finds the plan a message names and returns the message without it. Only a word that is a plan
 * key, or has a key's hyphenated shape and is close to one, counts: "in follow-up work" and "the plan
 * look like" stay text.
 */
/** The message without the mention, its own spacing, line breaks and punctuation kept ("… agreed in audit-2018." → "… agreed."). */
function joinCut(before: string, after: string): string {
  const b = before.trimEnd();
  const a = after.trimStart();
  if (!b) return a.replace(/^[,;:]\s*/, '');
  if (/^[?.!,;:]/.test(a)) return `${/[,;:]$/.test(b) ? b.slice(0, -1) : b}${a}`;
  return b && a ? `${b} ${a}` : b || a;
}

// A plan's key alone, anywhere in a question ("how many items does audit-2018 have?", "audit-2018's overdue items").
const BARE_KEY = /(?:^|\s)([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?:'s|’s)?(?=$|[\s?.!,;:])/gi;

/**
 * `bareKeys`: in a question, whose words are all Concerto's, a plan's exact key names it with no "in" before it;
 * in a change it could be the person's own words ("aligned with audit-2018 findings"), so there it needs its "in".
 * `'last'`: only a key that ends the message.
 */
export function findPlanMention(text: string, keys: readonly string[], options: { bareKeys?: boolean | 'last' } = {}): PlanMention {
  const named = mentionAfterWord(text, keys);
  if (named.kind !== 'none' || !options.bareKeys) return named;
  for (const m of text.matchAll(BARE_KEY)) {
    if (insideQuotes(text, m.index)) continue;
    // 'last': only a key that ends the message ("status 4.2.1 audit-2018"), for a message not otherwise understood.
    if (options.bareKeys === 'last' && !/^[\s?.!]*$/.test(text.slice(m.index + m[0].length))) continue;
    const word = m[1]!.toLowerCase();
    if (keys.includes(word)) return { kind: 'plan', key: word, text: joinCut(text.slice(0, m.index), text.slice(m.index + m[0].length)) };
  }
  return named;
}

/** Inside quotes is someone's own words (a decision, what an item waits on), never a plan named. */
const insideQuotes = (text: string, at: number) => (text.slice(0, at).match(/["\u201C\u201D]/g) ?? []).length % 2 === 1;

function mentionAfterWord(text: string, keys: readonly string[]): PlanMention {
  for (const m of text.matchAll(MENTION)) {
    if (insideQuotes(text, m.index)) continue;
    const word = (m[1] ?? m[2]!).toLowerCase();
    const after = text.slice(m.index + m[0].length);
    if (keys.includes(word)) return { kind: 'plan', key: word, text: joinCut(text.slice(0, m.index), after) };
    const near = suggestPlanKeys(word, keys);
    // A hyphenated word with a number in it ("hmicfrs-2081") ending the message is a key however far it is from
    // the real ones; inside free text ("discussed in covid-19 recovery") it is only a key when one is near.
    if (word.includes('-') && (near.length || (/\d/.test(word) && /^[\s?.!]*$/.test(after)))) return { kind: 'unknown', key: word, near };
  }
  return { kind: 'none', text };
}

// "across all plans", "in every plan", "for all the plans", "across our plans", "how are both plans doing?",
// "overdue for Karen everywhere": every active plan, whatever the default.
const EVERY_PLAN =
  /(?:^|\s)(?:(?:across|in|for|over|from|of)\s+(?:all|every|each|any|both)(?:\s+of)?\s+(?:the\s+|our\s+)?plans?|(?:across|over)\s+(?:the\s+|our\s+)?plans|everywhere|in\s+(?:all|any)\s+of\s+them)(?=$|[\s?.!,;:])/i;
/** "how are both plans doing?", "how are all the plans looking?": the plans as the subject, asked as "how are we doing?". */
const EVERY_PLAN_SUBJECT = /\b(?:all|both|each|every)\s+(?:(?:of\s+)?(?:the|our)\s+)?plans?(?=\s+(?:doing|going|looking|getting\s+on)\b)/i;

/** The message without "across all plans" when it says so: every active plan is meant. */
export function findEveryPlan(text: string): { text: string } | null {
  const subject = EVERY_PLAN_SUBJECT.exec(text);
  if (subject) return { text: `${text.slice(0, subject.index)}we${text.slice(subject.index + subject[0].length)}` };
  const m = EVERY_PLAN.exec(text);
  return m ? { text: joinCut(text.slice(0, m.index), text.slice(m.index + m[0].length)) } : null;
}

// "in the audit plan", "for the Internal Audit 2018 plan": one to four words of a plan's title, then "plan";
// or the plan itself asked for, the whole message: "show me the audit plan", "list the internal audit plan".
const TITLED =
  /(?:^|\s)(?:in|for|from|of|on|about|under)\s+(?:the|our)\s+((?:[\p{L}\d][\p{L}\d'’&-]*\s+){1,4}?)plan(?=$|[\s?.!,;:])|^(?:(?:can\s+i\s+(?:see|have)|show|list|open|give|display|see)\s+(?:me\s+|us\s+)?)(?:the|our)\s+((?:[\p{L}\d][\p{L}\d'’&-]*\s+){1,4}?)plan(?=\s*[?.!]*\s*$)/giu;

/**
 * Finds a plan named by words of its title ("what's due in the audit plan?") and returns the message
 * without those words ("what's due in the plan?"). Only when the words are in exactly one plan's title
 * or key: "in the action plan" with two action plans, or "in the whole plan", stay text. Anywhere in a
 * question, whose words are all Concerto's; in a change only `rightAfter` its item's number, so that
 * someone's own words ("discussed in the audit plan review") are never taken for a plan.
 */
export function findPlanByTitle(text: string, plans: ReadonlyArray<{ key: string; title: string }>, options: { rightAfter?: string } = {}): PlanMention {
  for (const m of text.matchAll(TITLED)) {
    // In a change, only right after the item's number ("update 4.2.1 in the audit plan"), where it cannot
    // be the person's own words; it goes whole, so that none of it becomes the update's text.
    const before = text.slice(0, m.index);
    if (options.rightAfter !== undefined && !before.trimEnd().toLowerCase().endsWith(options.rightAfter.toLowerCase())) continue;
    const title = (m[1] ?? m[2])!;
    const said = words(title);
    const matching = plans.filter((p) => {
      const own = new Set([...words(p.title), ...p.key.split('-')]);
      return said.every((w) => own.has(w));
    });
    // Words every plan's title might hold ("the action plan") name none of them; "the audit plan" with two audits names both.
    const several = matching.length > 1 && options.rightAfter === undefined && said.some((w) => !GENERIC.has(w));
    if (matching.length !== 1 && !several) continue;
    // Only the title's words go: "what's in the plan?" still reads as the question it was.
    const at = m.index + m[0].lastIndexOf(title);
    const rest = options.rightAfter !== undefined ? joinCut(before, text.slice(m.index + m[0].length)) : `${text.slice(0, at)}${text.slice(at + title.length)}`;
    return several ? { kind: 'several', keys: matching.map((p) => p.key), text: rest } : { kind: 'plan', key: matching[0]!.key, text: rest };
  }
  return { kind: 'none', text };
}

const GENERIC = new Set(['action', 'actions', 'improvement', 'delivery', 'recommendations', 'recommendation', 'review', 'tracker', 'the', 'our', 'new', 'old', 'main', 'big']);

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean);
}
