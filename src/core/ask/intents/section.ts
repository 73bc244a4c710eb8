import type { Intent, QueryFilter } from '../intent.js';
import { normalise, type NormalisedMessage } from './normalise.js';
import { matchQuery } from './query.js';

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3}){0,4}`;
const DOTTED = String.raw`\d{1,3}(?:\.\d{1,3}){1,4}`;
const END = String.raw`(?![\w.]*\d)(?=[\s?.!,;:)]|$)`;

/**
 * A part of the plan named by its number rather than one item: plans number their recommendations under
 * headings ("4 Delivering Projects", "4.2 ICT") that are themselves no item. Each pattern's group 1 is the
 * section. A bare dotted number after "list" or "what's in" is a section too; "status 4.2" is read as an
 * item and becomes a section only when the plan has no 4.2 but has items under it (ask.ts).
 */
const SECTION_PHRASES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:section|chapter|part|theme|heading|paragraph|group)\s+(${NUMBER})${END}`, 'i'),
  new RegExp(String.raw`(?<![\w.])(${NUMBER})\.(?:x|\*)(?=[\s?.!,;:)]|$)`, 'i'),
  new RegExp(String.raw`\b(?:under|below|beneath|within|inside|in)\s+(${DOTTED})${END}`, 'i'),
  new RegExp(String.raw`^(?:list|show all|show everything)\s+(?:(?:all|everything|the)\s+)?(?:(?:items?|recommendations?|actions?)\s+)?(?:(?:of|in|under|for)\s+)?(${DOTTED})\s*[?.!]*$`, 'i'),
];

/** Words that, before "in 4.2", make it a section rather than one item's news: "what's in 4.2", "anything overdue in 4.2". */
const ASKS_MANY = /^(?:what|what's|whats|which|list|show|any|anything|everything|all|how many|is there|are there|items?|recommendations?|actions?)\b/i;

/**
 * "section 4", "theme 4", "4.x", "list 4.2", "what's overdue under 4.2?": the question read without the
 * section, narrowed to it. "how is section 4 doing?" keeps its sentence ("how is it doing?").
 */
export function matchSection(msg: NormalisedMessage): Intent | null {
  for (const [i, re] of SECTION_PHRASES.entries()) {
    const m = re.exec(msg.text);
    if (!m) continue;
    // "under/in 4.2" alone could be news about the item ("blocked in 4.2.1 by…"): only in a question about many items.
    if (i === 2 && (!ASKS_MANY.test(msg.lower) || /\bdue\s+$/i.test(msg.text.slice(0, m.index)))) continue;
    const before = msg.text.slice(0, m.index);
    const after = msg.text.slice(m.index + m[0].length);
    const rest = `${before}${/\b(?:is|are)\s*$/i.test(before) ? 'it' : ''} ${after}`.replace(/\s+/g, ' ').trim();
    const inner = rest ? matchQuery(normalise(rest)) : null;
    const filter: QueryFilter = inner?.kind === 'query' ? inner.filter : {};
    // "what's in section 4" leaves "what's in": nothing to read but the words around the number.
    if (filter.about !== undefined && /^(?:in|it|under|of|for|s)$/i.test(filter.about)) delete filter.about;
    return { kind: 'query', filter: { ...filter, section: m[1]! } };
  }
  return null;
}
