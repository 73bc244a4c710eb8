import { addDays, day, type Day } from './calendar.js';
import { easterDay } from './easter.js';
import { forward, single, type Context, type Span } from './reading.js';

/**
 * Holidays as deadline days: the next one on or after today unless a year is given.
 * "Before X" means the day before: offices close, so "before Christmas" is 24 December,
 * "before Easter" is Easter Saturday and "before the new year" is 31 December.
 * "By the new year" is read as 1 January (the new year itself), like "by Christmas".
 * "After X" is open-ended and refused in refusals.ts.
 */
type Holiday = (year: number) => Day;

const christmas: Holiday = (y) => day(y, 12, 25) as Day;
const newYear: Holiday = (y) => day(y, 1, 1) as Day;

/** Holiday names (after an optional "before") and how far each is from its anchor day. */
const HOLIDAYS: [RegExp, Holiday, number][] = [
  [/^(?:christmas|xmas)(?: day)?$/, christmas, 0],
  [/^(?:christmas|xmas) eve$/, christmas, -1],
  [/^(?:the )?new year(?:'s day| day)?$/, newYear, 0],
  [/^new year's eve$/, (y) => newYear(y + 1), -1],
  [/^easter(?: sunday| day)?$/, easterDay, 0],
  [/^good friday$/, easterDay, -2],
  [/^easter monday$/, easterDay, 1],
];

const PHRASE = /^(before (?:the )?)?(.+?)(?: (\d{4}))?$/;

export function matchFestive(text: string, ctx: Context): Span | null {
  const parts = PHRASE.exec(text);
  if (!parts) return null;
  const name = parts[2] ?? '';
  const holiday = HOLIDAYS.find(([pattern]) => pattern.test(name));
  if (!holiday) return null;
  const [, anchor, offset] = holiday;
  const shift = offset + (parts[1] ? -1 : 0);
  const at = (year: number) => single(addDays(anchor(year), shift));
  return parts[3] === undefined ? forward(ctx, at) : at(Number(parts[3]));
}
