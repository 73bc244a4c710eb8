import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Precision } from '../../../src/core/dates/delivery-window.js';
import { readDelivery, UNREADABLE_HELP } from '../../../src/core/dates/read-delivery.js';

/** A Wednesday. */
const TODAY = '2017-10-04';

type Row = [phrase: string, start: string | null, end: string | null, precision: Precision];

function windowOf(phrase: string, today = TODAY) {
  const result = readDelivery(phrase, { today });
  if (!result.ok) throw new Error(`expected "${phrase}" to be read, got: ${result.error}`);
  const { start, end, precision } = result.window;
  return { start, end, precision };
}

const day = (phrase: string, iso: string): Row => [phrase, iso, iso, 'day'];
const now = (phrase: string): Row => [phrase, TODAY, TODAY, 'immediate'];
const none = (phrase: string): Row => [phrase, null, null, 'none'];

const ROWS: Row[] = [
  // Days, always day-first.
  day('31 March 2018', '2018-03-31'),
  day('31st March 2018', '2018-03-31'),
  day('March 31st, 2018', '2018-03-31'),
  day('the 31st of March 2018', '2018-03-31'),
  day('14.06.17', '2017-06-14'),
  day('01.02.18', '2018-02-01'),
  day('25.12.17', '2017-12-25'),
  day('1.2.2018', '2018-02-01'),
  day('14/06/2017', '2017-06-14'),
  day('14-06-2017', '2017-06-14'),
  day('1/2/18', '2018-02-01'),
  day('2018-03-31', '2018-03-31'),
  day('Friday 13 October 2017', '2017-10-13'),
  day('Fri 13/10/2017', '2017-10-13'),
  day('no later than 31/03/2018', '2018-03-31'),
  day('Due 31.03.18', '2018-03-31'),
  day('31 March 2018 at the latest', '2018-03-31'),
  // A note on the date, not part of it.
  day('31/03/2018 (provisional)', '2018-03-31'),
  ['Jan 2018 (revised)', '2018-01-01', '2018-01-31', 'month'],
  ['March 2018 - agreed', '2018-03-01', '2018-03-31', 'month'],
  ['Q2 2018 (new date)', '2018-04-01', '2018-06-30', 'quarter'],
  day('before 31 March 2018', '2018-03-31'),
  // Year omitted: the next such day on or after today.
  day('13 Oct', '2017-10-13'),
  day('Oct 13th', '2017-10-13'),
  day('Friday 13 October', '2017-10-13'),
  day('4 Oct', '2017-10-04'),
  day('3 Oct', '2018-10-03'),
  day('10/11', '2017-11-10'),
  // Months.
  ['September 2017', '2017-09-01', '2017-09-30', 'month'],
  ['September\n2017', '2017-09-01', '2017-09-30', 'month'],
  ['Sept 2017', '2017-09-01', '2017-09-30', 'month'],
  ['Sept. 2017', '2017-09-01', '2017-09-30', 'month'],
  ['Sep 17', '2017-09-01', '2017-09-30', 'month'],
  ["Sep ’17", '2017-09-01', '2017-09-30', 'month'],
  ['Mar-18', '2018-03-01', '2018-03-31', 'month'],
  ['February 2020', '2020-02-01', '2020-02-29', 'month'],
  ['09/2017', '2017-09-01', '2017-09-30', 'month'],
  ['March', '2018-03-01', '2018-03-31', 'month'],
  ['October', '2017-10-01', '2017-10-31', 'month'],
  ['September', '2018-09-01', '2018-09-30', 'month'],
  ['March next year', '2018-03-01', '2018-03-31', 'month'],
  ['this month', '2017-10-01', '2017-10-31', 'month'],
  ['next month', '2017-11-01', '2017-11-30', 'month'],
  ['last month', '2017-09-01', '2017-09-30', 'month'],
  ['target: March 2018', '2018-03-01', '2018-03-31', 'month'],
  ['By March 2018.', '2018-03-01', '2018-03-31', 'month'],
  // "End of" a month is a deadline day.
  day('end of September', '2018-09-30'),
  day('end of Sept', '2018-09-30'),
  day('end of October', '2017-10-31'),
  day('by the end of March', '2018-03-31'),
  day('end of next month', '2017-11-30'),
  day('end of the month', '2017-10-31'),
  day('by the end of the month', '2017-10-31'),
  day('end of month', '2017-10-31'),
  day('month end', '2017-10-31'),
  day('end September 2017', '2017-09-30'),
  day('End of February 2020', '2020-02-29'),
  // Years and year ends.
  day('By end 2017', '2017-12-31'),
  day('end of 2017', '2017-12-31'),
  day('by the end of the year', '2017-12-31'),
  day('end of year', '2017-12-31'),
  day('year end', '2017-12-31'),
  day('year-end', '2017-12-31'),
  day('EOY', '2017-12-31'),
  day('year end 2018', '2018-12-31'),
  ['2017', '2017-01-01', '2017-12-31', 'year'],
  ['2018', '2018-01-01', '2018-12-31', 'year'],
  ['this year', '2017-01-01', '2017-12-31', 'year'],
  ['next year', '2018-01-01', '2018-12-31', 'year'],
  // Seasons (meteorological).
  ['Autumn 2017', '2017-09-01', '2017-11-30', 'season'],
  ['fall 2017', '2017-09-01', '2017-11-30', 'season'],
  ['autumn', '2017-09-01', '2017-11-30', 'season'],
  ['this autumn', '2017-09-01', '2017-11-30', 'season'],
  ['next autumn', '2018-09-01', '2018-11-30', 'season'],
  ['Spring 2018', '2018-03-01', '2018-05-31', 'season'],
  ['spring', '2018-03-01', '2018-05-31', 'season'],
  ['summer', '2018-06-01', '2018-08-31', 'season'],
  ['next summer', '2018-06-01', '2018-08-31', 'season'],
  ['winter', '2017-12-01', '2018-02-28', 'season'],
  ['winter 2017', '2017-12-01', '2018-02-28', 'season'],
  ['winter 2017/18', '2017-12-01', '2018-02-28', 'season'],
  ['Winter 2019–20', '2019-12-01', '2020-02-29', 'season'],
  day('end of summer 2018', '2018-08-31'),
  ['early autumn', '2018-09-01', '2018-09-30', 'season'],
  ['mid-autumn', '2017-10-01', '2017-10-31', 'season'],
  ['late autumn', '2017-11-01', '2017-11-30', 'season'],
  // Quarters (calendar).
  ['Q1 2018', '2018-01-01', '2018-03-31', 'quarter'],
  ['Q3', '2018-07-01', '2018-09-30', 'quarter'],
  ['Q4', '2017-10-01', '2017-12-31', 'quarter'],
  ['Q4 17', '2017-10-01', '2017-12-31', 'quarter'],
  ['2018 Q1', '2018-01-01', '2018-03-31', 'quarter'],
  ['Q2-2018', '2018-04-01', '2018-06-30', 'quarter'],
  ['first quarter of 2018', '2018-01-01', '2018-03-31', 'quarter'],
  ['3rd quarter 2017', '2017-07-01', '2017-09-30', 'quarter'],
  ['this quarter', '2017-10-01', '2017-12-31', 'quarter'],
  ['next quarter', '2018-01-01', '2018-03-31', 'quarter'],
  ['last quarter', '2017-07-01', '2017-09-30', 'quarter'],
  ['early Q1 2018', '2018-01-01', '2018-01-31', 'quarter'],
  day('end of Q3', '2018-09-30'),
  day('end of Q4', '2017-12-31'),
  day('end of the quarter', '2017-12-31'),
  day('quarter-end', '2017-12-31'),
  // Halves.
  ['H1 2018', '2018-01-01', '2018-06-30', 'half'],
  ['H2 2017', '2017-07-01', '2017-12-31', 'half'],
  ['H2', '2017-07-01', '2017-12-31', 'half'],
  ['H1', '2018-01-01', '2018-06-30', 'half'],
  ['first half of 2018', '2018-01-01', '2018-06-30', 'half'],
  ['2nd half 2018', '2018-07-01', '2018-12-31', 'half'],
  ['second half of next year', '2018-07-01', '2018-12-31', 'half'],
  ['second half of this year', '2017-07-01', '2017-12-31', 'half'],
  // UK financial years, 1 April – 31 March.
  ['2018/19', '2018-04-01', '2019-03-31', 'financial_year'],
  // A quarter written with the financial year's pair is that year's quarter: Q1 April–June … Q4 January–March.
  ['Q1 2018/19', '2018-04-01', '2018-06-30', 'quarter'],
  ['Q3 2017/18', '2017-10-01', '2017-12-31', 'quarter'],
  ['Q4 2017-18', '2018-01-01', '2018-03-31', 'quarter'],
  ['2018/19 Q2', '2018-07-01', '2018-09-30', 'quarter'],
  // Two-digit years in a financial quarter, and parts of one.
  ['Q4 17/18', '2018-01-01', '2018-03-31', 'quarter'],
  ['Q2 FY18/19', '2018-07-01', '2018-09-30', 'quarter'],
  day('end of Q3 2018/19', '2018-12-31'),
  day('start of Q4 FY17/18', '2018-01-01'),
  // "18/19" alone cannot be a day (there is no month 19): the financial year. "11/12" stays 11 December.
  ['18/19', '2018-04-01', '2019-03-31', 'financial_year'],
  day('11/12', '2017-12-11'),
  // "Before" a season is the day before it starts, as "before Christmas" is the day before Christmas.
  day('before the summer', '2018-05-31'),
  day('before autumn 2018', '2018-08-31'),
  day('before the winter', '2017-11-30'),
  // A bare duration is that long from the reference day (the plan's or the update's date).
  ['6 months', '2017-10-04', '2018-04-04', 'month'],
  ['12 weeks', '2017-10-04', '2017-12-27', 'week'],
  // Looking back: a stretch up to today.
  ['the past week', '2017-09-27', '2017-10-04', 'week'],
  ['the last 30 days', '2017-09-04', '2017-10-04', 'day'],
  ['2018-19', '2018-04-01', '2019-03-31', 'financial_year'],
  ['2018–2019', '2018-04-01', '2019-03-31', 'financial_year'],
  ['FY2018/19', '2018-04-01', '2019-03-31', 'financial_year'],
  ['FY 18/19', '2018-04-01', '2019-03-31', 'financial_year'],
  ['financial year 2018/19', '2018-04-01', '2019-03-31', 'financial_year'],
  ['2017/18', '2017-04-01', '2018-03-31', 'financial_year'],
  ['this financial year', '2017-04-01', '2018-03-31', 'financial_year'],
  ['next financial year', '2018-04-01', '2019-03-31', 'financial_year'],
  ['early 2018/19', '2018-04-01', '2018-07-31', 'financial_year'],
  day('end of the financial year', '2018-03-31'),
  day('end of financial year', '2018-03-31'),
  day('by year end (financial)', '2018-03-31'),
  day('financial year end', '2018-03-31'),
  // Early / mid / late, start of.
  ['early October', '2017-10-01', '2017-10-10', 'month'],
  ['mid October', '2017-10-11', '2017-10-20', 'month'],
  ['mid-October', '2017-10-11', '2017-10-20', 'month'],
  ['Mid–October', '2017-10-11', '2017-10-20', 'month'],
  ['late October', '2017-10-21', '2017-10-31', 'month'],
  ['mid-November', '2017-11-11', '2017-11-20', 'month'],
  ['middle of November', '2017-11-11', '2017-11-20', 'month'],
  ['early September', '2018-09-01', '2018-09-10', 'month'],
  ['late February 2020', '2020-02-21', '2020-02-29', 'month'],
  ['early 2018', '2018-01-01', '2018-04-30', 'year'],
  ['mid 2018', '2018-05-01', '2018-08-31', 'year'],
  ['late 2018', '2018-09-01', '2018-12-31', 'year'],
  ['early next year', '2018-01-01', '2018-04-30', 'year'],
  day('start of next month', '2017-11-01'),
  day('beginning of 2018', '2018-01-01'),
  // Immediate.
  now('immediately'),
  now('with immediate effect'),
  now('Immediate effect'),
  now('immediate'),
  now('ASAP'),
  now('A.S.A.P.'),
  now('now'),
  // Relative to today.
  day('today', '2017-10-04'),
  day('tomorrow', '2017-10-05'),
  day('end of the day', '2017-10-04'),
  day('EOD', '2017-10-04'),
  day('close of play', '2017-10-04'),
  day('in a fortnight', '2017-10-18'),
  day('in two weeks', '2017-10-18'),
  day("in two weeks' time", '2017-10-18'),
  day('in 3 days', '2017-10-07'),
  day('in a month', '2017-11-04'),
  day('3 weeks from now', '2017-10-25'),
  ['within 3 weeks', '2017-10-04', '2017-10-25', 'week'],
  ['within the next 2 weeks', '2017-10-04', '2017-10-18', 'week'],
  ['within 3 days', '2017-10-04', '2017-10-07', 'day'],
  ['within a month', '2017-10-04', '2017-11-04', 'month'],
  // Weekdays and weeks (Monday–Sunday).
  day('by Friday', '2017-10-06'),
  day('Friday', '2017-10-06'),
  day('this Friday', '2017-10-06'),
  day('by Wednesday', '2017-10-04'),
  day('next Friday', '2017-10-13'),
  day('next Monday', '2017-10-09'),
  day('Friday next week', '2017-10-13'),
  day('last Friday', '2017-09-29'),
  day('end of week', '2017-10-06'),
  day('end of the week', '2017-10-06'),
  day('by the end of this week', '2017-10-06'),
  day('end of next week', '2017-10-13'),
  ['this week', '2017-10-02', '2017-10-08', 'week'],
  ['next week', '2017-10-09', '2017-10-15', 'week'],
  ['w/c 9 October', '2017-10-09', '2017-10-15', 'week'],
  ['week commencing 16/10/2017', '2017-10-16', '2017-10-22', 'week'],
  ['w/e 13 October', '2017-10-07', '2017-10-13', 'week'],
  // Christmas.
  day('Christmas', '2017-12-25'),
  day('by Christmas', '2017-12-25'),
  day('Xmas', '2017-12-25'),
  day('before Christmas', '2017-12-24'),
  day('Christmas Eve', '2017-12-24'),
  day('Christmas 2018', '2018-12-25'),
  // No date on purpose.
  none('TBC'),
  none('TBC.'),
  none('TBA'),
  none('tbd'),
  none('To be confirmed'),
  none('ongoing'),
  none('on-going'),
  none('no date'),
  none('none'),
  none('n/a'),
  none('N/A'),
  none('-'),
  none('—'),
  none(''),
  none('   '),
  none('Completed'),
  none('Complete'),
];

describe('readDelivery', () => {
  it.each(ROWS)('reads %j as %s..%s (%s)', (phrase, start, end, precision) => {
    expect(windowOf(phrase)).toEqual({ start, end, precision });
  });

  it.each([
    ['2018-03-15', 'March', '2018-03-01', '2018-03-31', 'month'],
    ['2018-03-31', 'March', '2018-03-01', '2018-03-31', 'month'],
    ['2018-04-01', 'March', '2019-03-01', '2019-03-31', 'month'],
    ['2017-10-25', 'early October', '2018-10-01', '2018-10-10', 'month'],
    ['2017-10-25', 'late October', '2017-10-21', '2017-10-31', 'month'],
    ['2017-12-01', 'autumn', '2018-09-01', '2018-11-30', 'season'],
    ['2018-01-15', 'winter', '2017-12-01', '2018-02-28', 'season'],
    ['2018-03-01', 'winter', '2018-12-01', '2019-02-28', 'season'],
    ['2017-10-06', 'by Friday', '2017-10-06', '2017-10-06', 'day'],
    ['2017-10-06', 'next Friday', '2017-10-13', '2017-10-13', 'day'],
    ['2017-10-08', 'next Monday', '2017-10-09', '2017-10-09', 'day'],
    ['2017-10-08', 'this week', '2017-10-02', '2017-10-08', 'week'],
    ['2018-02-10', 'end of the financial year', '2018-03-31', '2018-03-31', 'day'],
    ['2018-04-02', 'end of the financial year', '2019-03-31', '2019-03-31', 'day'],
    ['2018-03-31', 'this financial year', '2017-04-01', '2018-03-31', 'financial_year'],
    ['2018-04-01', 'this financial year', '2018-04-01', '2019-03-31', 'financial_year'],
    ['2017-12-26', 'Christmas', '2018-12-25', '2018-12-25', 'day'],
    ['2017-12-15', 'next quarter', '2018-01-01', '2018-03-31', 'quarter'],
    ['2017-12-15', 'next month', '2018-01-01', '2018-01-31', 'month'],
    ['2018-01-31', 'in a month', '2018-02-28', '2018-02-28', 'day'],
    ['2018-01-31', 'immediately', '2018-01-31', '2018-01-31', 'immediate'],
    ['2019-10-04', '29/2', '2020-02-29', '2020-02-29', 'day'],
  ] as const)('on %s reads %j as %s..%s (%s)', (today, phrase, start, end, precision) => {
    expect(windowOf(phrase, today)).toEqual({ start, end, precision });
  });

  it('keeps the phrase as written, trimmed', () => {
    const result = readDelivery('  By end 2017 \n', { today: TODAY });
    expect(result).toEqual({
      ok: true,
      window: { text: 'By end 2017', start: '2017-12-31', end: '2017-12-31', precision: 'day' },
    });
  });

  it('ignores the timezone name: today is the only clock', () => {
    const ref = { today: TODAY, timeZone: 'Pacific/Kiritimati' };
    expect(readDelivery('13 Oct', ref)).toEqual(readDelivery('13 Oct', { today: TODAY }));
  });

  it('rejects a reference that is not a calendar day', () => {
    expect(() => readDelivery('March', { today: '2017-02-30' })).toThrow();
  });
});

const REFUSED = [
  // A note with no date.
  'revised',
  '(revised)',
  'new date',
  'soon', 'asap-ish', 'when possible', 'next', 'blah', 'the 15th', 'sometime',
  'later this year-ish', '31/02/2018', '29/02/2018', '13/13/2018', '00/01/2018', '2017-13-01',
  '31 April 2018', 'Q5 2018', 'H3 2018', '4.2.1', '9.3.1', '10.11.12', '4.0.1', '5.1', '4.2',
  '12.12.17', '99', 'March 32', 'March 31', 'Sept 30', 'September 2017 or maybe later',
  'by end 2017 lol', 'FY18', 'FY 2019', 'financial year 2018', '2018/20', 'winter 2017/19',
  // "Easter 2018", "March-April 2018" and "1-5 March 2018" used to be here: they are now read
  // (see more-phrases.test.ts).
  'summer 2017/18', 'around March', 'approx Q1', 'March 2018?', 'TBC March',
  'Friday 14 October 2017', 'on hold', 'by', 'end of',
  'early next week', 'in 0 days', '29/2', 'week 42', 'next Friday next week', 'Q1 2018/20', '0 months',
];

describe('readDelivery refuses what it does not fully understand', () => {
  it.each(REFUSED)('refuses %j with a friendly message', (phrase) => {
    const result = readDelivery(phrase, { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.text).toBe(phrase.trim());
    expect(result.error.startsWith(`I can't read "${phrase}" as a date`)).toBe(true);
    expect(result.error.endsWith(UNREADABLE_HELP)).toBe(true);
  });

  it.each([
    ['4.2.1', 'looks like a recommendation number'],
    ['5.1', 'looks like a recommendation number'],
    ['FY18', 'the financial year "2017/18" or "2018/19"'],
    ['31/02/2018', 'February 2018 has 28 days'],
    ['13/13/2018', 'there is no month 13'],
    ['Friday 14 October 2017', 'the weekday does not match the date'],
  ])('says why %j is refused', (phrase, reason) => {
    const result = readDelivery(phrase, { today: TODAY });
    expect(result.ok ? '' : result.error).toContain(reason);
  });

  it('offers examples of what it can read', () => {
    expect(UNREADABLE_HELP).toBe(
      'Try a month ("March 2018"), a day ("31/03/2018"), a quarter ("Q1 2018"), ' +
        'a season ("autumn 2017"), "end of next month", or "TBC".',
    );
    const result = readDelivery('blah', { today: TODAY });
    expect(result).toEqual({ ok: false, text: 'blah', error: `I can't read "blah" as a date. ${UNREADABLE_HELP}` });
  });

  it('shows a multi-line phrase on one line in the message', () => {
    const result = readDelivery('sometime\nnext year-ish', { today: TODAY });
    expect(result.ok ? '' : result.error).toContain('"sometime next year-ish"');
  });
});

describe('the reader is plain domain code', () => {
  // Every file in the folder, so a new matcher file is checked without being listed here.
  const folder = fileURLToPath(new URL('../../../src/core/dates/', import.meta.url));
  const FILES = readdirSync(folder).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
  it('finds the reader files', () => expect(FILES).toContain('read-delivery'));
  it.each(FILES)('%s.ts reads no clock, environment, files or network', (name) => {
    const url = new URL(`../../../src/core/dates/${name}.ts`, import.meta.url);
    const source = readFileSync(fileURLToPath(url), 'utf8');
    expect(source).not.toMatch(/Date\.now|new Date\(\)|process\.env/);
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    // node:module only to load chrono on first use (chrono-dates.ts): loading code, not reading data.
    expect(imports.filter((from) => !/^(\.\/[a-z-]+\.js|chrono-node|node:module)$/.test(from ?? ''))).toEqual([]);
  });
});
