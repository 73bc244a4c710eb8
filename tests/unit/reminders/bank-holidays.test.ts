import { describe, expect, it } from 'vitest';
import { bankHolidays, isWorkingDay, workingDayOnOrBefore } from '../../../src/core/reminders/bank-holidays.js';

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
