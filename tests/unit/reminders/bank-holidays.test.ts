import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  HOLIDAY_CALENDAR_LABELS,
  HOLIDAY_CALENDARS,
  isBankHoliday,
  isHolidayCalendar,
  isWorkingDay,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  type HolidayCalendar,
} from '../../../src/core/reminders/bank-holidays.js';

/** The published England and Wales bank holidays (gov.uk), including substitute days and proclaimed changes. */
const PUBLISHED: Record<number, string[]> = {
  2017: ['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26'],
  2018: ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
};

describe('England and Wales bank holidays', () => {
  it.each(Object.entries(PUBLISHED))('%s matches the published list', (year, days) => {
    expect([...bankHolidays(Number(year))].sort()).toEqual(days);
  });

  it.each([
    ['2017-12-25', false, 'Christmas Day'],
    ['2017-12-26', false, 'Boxing Day'],
    ['2017-12-27', true, 'the day after'],
    ['2017-12-23', false, 'a Saturday'],
    ['2018-03-30', false, 'Good Friday 2018'],
    ['2018-04-02', false, 'Easter Monday 2018'],
    ['2020-12-28', false, 'Boxing Day substitute (26th was a Saturday)'],
    ['2021-12-27', false, 'Christmas substitute (25th was a Saturday)'],
    ['2017-11-30', true, 'a Thursday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2017-12-26', '2017-12-22'],
    ['2017-12-24', '2017-12-22'],
    ['2018-04-02', '2018-03-29'],
    ['2017-11-30', '2017-11-30'],
  ])('%s moves back to %s', (date, expected) => {
    expect(workingDayOnOrBefore(date)).toBe(expected);
  });
});

/** The published Scotland bank holidays (gov.uk): 2 January and St Andrew's Day, August's first Monday, no Easter Monday. */
const SCOTLAND: Record<number, string[]> = {
  2011: ['2011-01-03', '2011-01-04', '2011-04-22', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-01', '2011-11-30', '2011-12-26', '2011-12-27'],
  2012: ['2012-01-02', '2012-01-03', '2012-04-06', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-06', '2012-11-30', '2012-12-25', '2012-12-26'],
  2017: ['2017-01-02', '2017-01-03', '2017-04-14', '2017-05-01', '2017-05-29', '2017-08-07', '2017-11-30', '2017-12-25', '2017-12-26'],
  2018: ['2018-01-01', '2018-01-02', '2018-03-30', '2018-05-07', '2018-05-28', '2018-08-06', '2018-11-30', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-01-02', '2019-04-19', '2019-05-06', '2019-05-27', '2019-08-05', '2019-12-02', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-01-02', '2020-04-10', '2020-05-08', '2020-05-25', '2020-08-03', '2020-11-30', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-01-04', '2021-04-02', '2021-05-03', '2021-05-31', '2021-08-02', '2021-11-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-01-04', '2022-04-15', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-01', '2022-09-19', '2022-11-30', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-01-03', '2023-04-07', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-07', '2023-11-30', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-01-02', '2024-03-29', '2024-05-06', '2024-05-27', '2024-08-05', '2024-12-02', '2024-12-25', '2024-12-26'],
};

/** The published Northern Ireland bank holidays (gov.uk, nidirect): England and Wales's plus 17 March and 12 July. */
const NORTHERN_IRELAND: Record<number, string[]> = {
  2014: ['2014-01-01', '2014-03-17', '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-07-14', '2014-08-25', '2014-12-25', '2014-12-26'],
  2015: ['2015-01-01', '2015-03-17', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25', '2015-07-13', '2015-08-31', '2015-12-25', '2015-12-28'],
  2018: ['2018-01-01', '2018-03-19', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-07-12', '2018-08-27', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-03-18', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-07-12', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-03-17', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-07-13', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-03-17', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-07-12', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: ['2022-01-03', '2022-03-17', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-07-12', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
  2023: ['2023-01-02', '2023-03-17', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-07-12', '2023-08-28', '2023-12-25', '2023-12-26'],
};

describe('holiday calendars', () => {
  it('names each calendar', () => {
    expect(HOLIDAY_CALENDARS).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
    expect(HOLIDAY_CALENDAR_LABELS).toEqual({
      'england-and-wales': 'England and Wales',
      scotland: 'Scotland',
      'northern-ireland': 'Northern Ireland',
    });
  });

  it('checks a stored calendar name', () => {
    for (const c of HOLIDAY_CALENDARS) expect(isHolidayCalendar(c)).toBe(true);
    expect(isHolidayCalendar('wales')).toBe(false);
    expect(() => bankHolidays(2018, 'wales' as HolidayCalendar)).toThrow(/Unknown bank holiday calendar: wales/);
  });

  it('defaults to England and Wales', () => {
    expect([...bankHolidays(2018)].sort()).toEqual([...bankHolidays(2018, 'england-and-wales')].sort());
    expect(isBankHoliday('2018-04-02')).toBe(true);
    expect(isBankHoliday('2018-08-06')).toBe(false);
  });

  it.each(Object.entries(SCOTLAND))('Scotland %s matches the published list', (year, days) => {
    expect([...bankHolidays(Number(year), 'scotland')].sort()).toEqual(days);
  });

  it.each(Object.entries(NORTHERN_IRELAND))('Northern Ireland %s matches the published list', (year, days) => {
    expect([...bankHolidays(Number(year), 'northern-ireland')].sort()).toEqual(days);
  });

  it.each<[string, HolidayCalendar, boolean, string]>([
    ['2018-04-02', 'scotland', true, 'Easter Monday is not a Scottish holiday'],
    ['2018-08-06', 'scotland', false, 'first Monday in August'],
    ['2018-08-27', 'scotland', true, 'last Monday in August'],
    ['2018-01-02', 'scotland', false, '2 January'],
    ['2018-01-02', 'england-and-wales', true, '2 January'],
    ['2019-12-02', 'scotland', false, "St Andrew's Day substitute (30th was a Saturday)"],
    ['2019-12-02', 'england-and-wales', true, "St Andrew's Day substitute"],
    ['2018-03-19', 'northern-ireland', false, "St Patrick's Day substitute (17th was a Saturday)"],
    ['2018-03-19', 'scotland', true, "St Patrick's Day substitute"],
    ['2018-07-12', 'northern-ireland', false, 'Battle of the Boyne'],
    ['2018-07-12', 'england-and-wales', true, 'Battle of the Boyne'],
    ['2018-04-02', 'northern-ireland', false, 'Easter Monday'],
  ])('%s in %s is a working day: %s (%s)', (date, calendar, working) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });

  it.each<[string, HolidayCalendar, string, string]>([
    // Asked first for England and Wales, so a cache keyed by date alone would give the wrong answer.
    ['2018-04-02', 'england-and-wales', '2018-03-29', '2018-04-03'],
    ['2018-04-02', 'scotland', '2018-04-02', '2018-04-02'],
    ['2018-04-02', 'northern-ireland', '2018-03-29', '2018-04-03'],
    ['2019-11-30', 'england-and-wales', '2019-11-29', '2019-12-02'],
    ['2019-11-30', 'scotland', '2019-11-29', '2019-12-03'],
    ['2020-07-11', 'england-and-wales', '2020-07-10', '2020-07-13'],
    ['2020-07-11', 'northern-ireland', '2020-07-10', '2020-07-14'],
    ['2017-12-31', 'scotland', '2017-12-29', '2018-01-03'],
    ['2017-12-31', 'england-and-wales', '2017-12-29', '2018-01-02'],
  ])('%s in %s moves back to %s and on to %s', (date, calendar, back, on) => {
    expect(workingDayOnOrBefore(date, calendar)).toBe(back);
    expect(workingDayOnOrAfter(date, calendar)).toBe(on);
  });
});
