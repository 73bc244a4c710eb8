import type { Found } from './reading.js';

/**
 * Tried last, once nothing has read the phrase: phrases we recognise as NOT a single delivery
 * window, refused with a reason that tells the writer what to do instead.
 */
const REASONS: [RegExp, string][] = [
  [/\(tb[acd]\)|\btb[acd]\b|\bto be confirmed\b/, 'the date is not confirmed: remove "(TBC)" or write TBC alone'],
  [/\?/, 'the date is a question: remove the "?" or write TBC alone'],
  [/\bbut\b/, 'it gives more than one deadline: give just one'],
  [/\bor\b/, 'it offers a choice of dates: pick one, or give a range such as "March–April 2018"'],
  [/^(?:after|from|since|not before|no earlier than|beyond)\b/, 'it is open-ended: say when it will be done by'],
  [/\b(?:board|meeting|committee|agm)\b/, "I don't know meeting dates: give the meeting's date"],
  [/^(?:in |within )?\d+ ?(?:-|to) ?\d+ (?:days|weeks|months|years)$/, 'it gives a range of lengths: write "within 3 weeks" or a date'],
  [/(?<!long |short |medium )\bterms?\b/, 'term dates vary: give the date'],
  [/^(?:on )?(?:the )?\d{1,2}(?:st|nd|rd|th)$/, 'it names no month: add one, e.g. "the 15th of November"'],
  [/^in the new year$/, 'it could be any time early next year: give a month, or "early next year"'],
  [
    /^(?:soon(?:ish)?|whenever|when(?:ever)? possible|in due course|sometime|some time|at some point|eventually|(?:long|short|medium) term)$|ish$/,
    'it does not say when: give a date, or write TBC if there is none yet',
  ],
];

export function matchRefusal(text: string): Found | null {
  const reason = REASONS.find(([pattern]) => pattern.test(text));
  return reason ? { refuse: reason[1] } : null;
}
