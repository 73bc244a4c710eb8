import { describe, expect, it } from 'vitest';
import type { Precision } from '../../../src/core/dates/delivery-window.js';
import { easterSunday } from '../../../src/core/dates/easter.js';
import { readDelivery } from '../../../src/core/dates/read-delivery.js';

/** A Wednesday, as in read-delivery.test.ts. */
const TODAY = '2017-10-04';

type Row = [phrase: string, start: string, end: string, precision: Precision];

const day = (phrase: string, iso: string): Row => [phrase, iso, iso, 'day'];
const month = (phrase: string, y: number, m: number, last: number): Row => {
  const mm = String(m).padStart(2, '0');
  return [phrase, `${y}-${mm}-01`, `${y}-${mm}-${last}`, 'month'];
};

function windowOf(phrase: string, today = TODAY) {
  const result = readDelivery(phrase, { today });
  if (!result.ok) throw new Error(`expected "${phrase}" to be read, got: ${result.error}`);
  const { start, end, precision } = result.window;
  return { start, end, precision };
}

const ROWS: Row[] = [
  // Relative to today.
  ['the week after next', '2017-10-16', '2017-10-22', 'week'],
  day('end of the week after next', '2017-10-20'),
  day('a fortnight from now', '2017-10-18'),
  day("in a month's time", '2017-11-04'),
  day('in 3 months', '2018-01-04'),
  day('in 3 months time', '2018-01-04'),
  day('six months from now', '2018-04-04'),
  day('this time next year', '2018-10-04'),
  day('a year from now', '2018-10-04'),
  ['within the next fortnight', '2017-10-04', '2017-10-18', 'week'],
  ['in the next 2 weeks', '2017-10-04', '2017-10-18', 'week'],
  ['over the next month', '2017-10-04', '2017-11-04', 'month'],
  ['over the next 3 months', '2017-10-04', '2018-01-04', 'month'],
  // Weeks of a month: the weeks that START in it (weeks-of-month.ts).
  ['first week of November', '2017-11-06', '2017-11-12', 'week'],
  ['last week of November', '2017-11-27', '2017-12-03', 'week'],
  ['second week of January 2018', '2018-01-08', '2018-01-14', 'week'],
  ['the 3rd week of next month', '2017-11-20', '2017-11-26', 'week'],
  ['first week of October', '2017-10-02', '2017-10-08', 'week'],
  ['fifth week of October', '2017-10-30', '2017-11-05', 'week'],
  ['during the first week of May', '2018-05-07', '2018-05-13', 'week'],
  ['w/c 13 November', '2017-11-13', '2017-11-19', 'week'],
  ['week ending 17 November', '2017-11-11', '2017-11-17', 'week'],
  // "In" / "during" / "sometime in" a period, and "by" a period: the period itself.
  ['over the summer', '2018-06-01', '2018-08-31', 'season'],
  ['during the summer', '2018-06-01', '2018-08-31', 'season'],
  ['this summer', '2018-06-01', '2018-08-31', 'season'],
  ['in the autumn', '2017-09-01', '2017-11-30', 'season'],
  ['by spring', '2018-03-01', '2018-05-31', 'season'],
  ['by the spring', '2018-03-01', '2018-05-31', 'season'],
  ['sometime in Q1', '2018-01-01', '2018-03-31', 'quarter'],
  ['in Q1 2018', '2018-01-01', '2018-03-31', 'quarter'],
  ['by Q1 2018', '2018-01-01', '2018-03-31', 'quarter'],
  ['sometime next year', '2018-01-01', '2018-12-31', 'year'],
  ['some time in 2018', '2018-01-01', '2018-12-31', 'year'],
  ['during 2018', '2018-01-01', '2018-12-31', 'year'],
  ['in 2018', '2018-01-01', '2018-12-31', 'year'],
  ['in early 2018', '2018-01-01', '2018-04-30', 'year'],
  month('in March', 2018, 3, 31),
  month('by March', 2018, 3, 31),
  month('no later than March', 2018, 3, 31),
  // Ranges: start of the first to end of the last, as precise as the coarser end.
  ['March–April 2018', '2018-03-01', '2018-04-30', 'month'],
  ['March-April 2018', '2018-03-01', '2018-04-30', 'month'],
  ['March to May 2018', '2018-03-01', '2018-05-31', 'month'],
  ['between March and May 2018', '2018-03-01', '2018-05-31', 'month'],
  ['from March to May 2018', '2018-03-01', '2018-05-31', 'month'],
  ['Sept–Dec 2017', '2017-09-01', '2017-12-31', 'month'],
  ['Sept - Dec', '2017-09-01', '2017-12-31', 'month'],
  ['Nov/Dec 2017', '2017-11-01', '2017-12-31', 'month'],
  ['Oct 2017 – Jan 2018', '2017-10-01', '2018-01-31', 'month'],
  ['Q1–Q2 2018', '2018-01-01', '2018-06-30', 'quarter'],
  ['Q1/Q2 2018', '2018-01-01', '2018-06-30', 'quarter'],
  ['March–Q2 2018', '2018-03-01', '2018-06-30', 'quarter'],
  ['1–5 March 2018', '2018-03-01', '2018-03-05', 'day'],
  ['1-5 March 2018', '2018-03-01', '2018-03-05', 'day'],
  ['1 to 5 March 2018', '2018-03-01', '2018-03-05', 'day'],
  ['between 1 and 5 March 2018', '2018-03-01', '2018-03-05', 'day'],
  ['30 Nov - 2 Dec 2017', '2017-11-30', '2017-12-02', 'day'],
  ['15 Oct – 5 Nov', '2017-10-15', '2017-11-05', 'day'],
  // Easter and New Year.
  day('Easter 2018', '2018-04-01'),
  day('Easter', '2018-04-01'),
  day('by Easter', '2018-04-01'),
  day('before Easter', '2018-03-31'),
  day('Good Friday 2018', '2018-03-30'),
  day('Easter Monday 2018', '2018-04-02'),
  day('New Year', '2018-01-01'),
  day('new year', '2018-01-01'),
  day('by the new year', '2018-01-01'),
  day('before the new year', '2017-12-31'),
  day("New Year's Eve", '2017-12-31'),
  day("New Year's Day 2019", '2019-01-01'),
  // Days with an ordinal and a month.
  day('the 15th of November', '2017-11-15'),
  day('15th of Nov', '2017-11-15'),
  day('on the 30th November', '2017-11-30'),
  // Close of play: the hour is dropped.
  day('end of play Friday', '2017-10-06'),
  day('COP Friday', '2017-10-06'),
  day('EOD Friday', '2017-10-06'),
  day('by COB Thursday', '2017-10-05'),
  day('Friday COB', '2017-10-06'),
  day('COB 13 October', '2017-10-13'),
  day('EOD tomorrow', '2017-10-05'),
  day('close of play', '2017-10-04'),
  day('EOP', '2017-10-04'),
  day('COB', '2017-10-04'),
  // Parts of periods.
  ['mid-2018', '2018-05-01', '2018-08-31', 'year'],
  ['the back end of 2017', '2017-09-01', '2017-12-31', 'year'],
  ['back end of the year', '2017-09-01', '2017-12-31', 'year'],
  ['tail end of next year', '2018-09-01', '2018-12-31', 'year'],
  day('the start of next year', '2018-01-01'),
  day('beginning of March', '2018-03-01'),
  day('start of Q2', '2018-04-01'),
  // Financial year ends (31 March).
  day('Financial year end', '2018-03-31'),
  day('FYE', '2018-03-31'),
  day('year end 2018/19', '2019-03-31'),
  day('FYE 2019', '2019-03-31'),
  // Spellings tolerated.
  month('by: March 2018', 2018, 3, 31),
  month('due: March 2018', 2018, 3, 31),
  month('March  2018', 2018, 3, 31),
  month('Sept. 2017', 2017, 9, 30),
  month("Nov '17", 2017, 11, 30),
  month('Nov-17', 2017, 11, 30),
  month('11/2017', 2017, 11, 30),
  month('2017-11', 2017, 11, 30),
  // A meeting named, then when it is: the when is the date ("by the next board meeting" alone is still refused).
  month('by the SAS in November', 2017, 11, 30),
  month('for the board meeting in March 2018', 2018, 3, 31),
  day('by the JCOB meeting on 14 December 2017', '2017-12-14'),
];

describe('readDelivery reads more of what people write', () => {
  it.each(ROWS)('reads %j as %s..%s (%s)', (phrase, start, end, precision) => {
    expect(windowOf(phrase)).toEqual({ start, end, precision });
  });

  it.each([
    ['2017-10-10', 'first week of October', '2018-10-01', '2018-10-07', 'week'],
    ['2018-04-02', 'Easter', '2019-04-21', '2019-04-21', 'day'],
    ['2018-01-01', 'New Year', '2018-01-01', '2018-01-01', 'day'],
    ['2018-01-02', 'by the new year', '2019-01-01', '2019-01-01', 'day'],
  ] as const)('on %s reads %j as %s..%s (%s)', (today, phrase, start, end, precision) => {
    expect(windowOf(phrase, today)).toEqual({ start, end, precision });
  });
});

describe('easterSunday', () => {
  it.each([
    [2018, '2018-04-01'], [2019, '2019-04-21'], [2024, '2024-03-31'], [2025, '2025-04-20'],
    [2000, '2000-04-23'], [2038, '2038-04-25'], [2285, '2285-03-22'], [1818, '1818-03-22'],
  ])('Easter %i is %s', (year, iso) => {
    expect(easterSunday(year)).toBe(iso);
  });
});

const REFUSED: [phrase: string, reason: string][] = [
  ['March 2018 (TBC)', 'remove "(TBC)" or write TBC alone'],
  ['soonish', 'it does not say when'],
  ['whenever', 'it does not say when'],
  ['after Christmas', 'open-ended'],
  ['after Easter', 'open-ended'],
  ['after the next board', 'open-ended'],
  ['next board meeting', "I don't know meeting dates"],
  ['Q1 or Q2', 'a choice of dates'],
  ['March or April', 'a choice of dates'],
  ['2-3 weeks', 'a range of lengths'],
  ['ASAP but no later than March', 'more than one deadline'],
  ['end of term', 'term dates vary'],
  ['the 15th', 'names no month'],
  ['in the new year', 'early next year'],
  ['May–March 2018', 'the range ends before it starts'],
  ['Dec–Jan 2018', 'give the year at each end'],
  ['5-1 March 2018', 'the range ends before it starts'],
  ['2018 to 2020', 'calendar or financial years'],
  ['fifth week of February 2018', 'no fifth week starts in February 2018'],
  ['2017-13', 'there is no month 13'],
  ['EOD next week', ''],
  ['within weeks', ''],
  ['in the next weeks', ''],
  ['Monday to Friday', ''],
  ['year end 2018/20', ''],
];

describe('readDelivery still refuses what it cannot be sure of', () => {
  it.each(REFUSED)('refuses %j, saying why (%s)', (phrase, reason) => {
    const result = readDelivery(phrase, { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(`"${phrase}"`);
    expect(result.error).toContain(reason);
  });
});

describe('counted "next" windows', () => {
  it.each([
    ['the next 2 weeks', '2017-10-04', '2017-10-18', 'week'],
    ['next 2 weeks', '2017-10-04', '2017-10-18', 'week'],
    ['coming 10 days', '2017-10-04', '2017-10-14', 'day'],
    ['the next fortnight', '2017-10-04', '2017-10-18', 'week'],
    ['the next three months', '2017-10-04', '2018-01-04', 'month'],
  ])('%s → %s … %s (%s)', (phrase, start, end, precision) => {
    const r = readDelivery(phrase, { today: '2017-10-04' });
    expect(r.ok && r.window).toMatchObject({ start, end, precision });
  });

  it('keeps "next month" a calendar month', () => {
    const r = readDelivery('next month', { today: '2017-10-04' });
    expect(r.ok && r.window).toMatchObject({ start: '2017-11-01', end: '2017-11-30', precision: 'month' });
  });
});

describe('"calendar year" is the plain year', () => {
  it.each([
    ['the end of the calendar year', '2017-12-31', '2017-12-31', 'day'],
    ['calendar year end', '2017-12-31', '2017-12-31', 'day'],
    ['this calendar year', '2017-01-01', '2017-12-31', 'year'],
    ['by end of calendar year 2018', '2018-12-31', '2018-12-31', 'day'],
    ['end of year 2018', '2018-12-31', '2018-12-31', 'day'],
  ])('%s → %s … %s (%s)', (phrase, start, end, precision) => {
    const r = readDelivery(phrase, { today: '2017-10-04' });
    expect(r.ok && r.window).toMatchObject({ start, end, precision });
  });
});
