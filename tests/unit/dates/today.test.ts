import { describe, expect, it } from 'vitest';
import { todayIn } from '../../../src/core/dates/today.js';

/** "Today" for the person asking: the calendar day in their timezone, remembered for the minute it was worked out in. */
describe('todayIn', () => {
  it.each<[string, string, string]>([
    ['2017-10-04T22:59:59Z', 'Europe/London', '2017-10-04'],
    ['2017-10-04T23:00:00Z', 'Europe/London', '2017-10-05'],
    ['2017-10-04T23:00:00Z', 'UTC', '2017-10-04'],
    ['2018-01-01T05:29:00Z', 'Asia/Kolkata', '2018-01-01'],
    ['2017-12-31T18:29:59Z', 'Asia/Kolkata', '2017-12-31'],
    ['2017-12-31T18:30:00Z', 'Asia/Kolkata', '2018-01-01'],
    ['2018-03-25T00:59:00Z', 'Europe/London', '2018-03-25'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(todayIn(new Date(instant), zone)).toBe(day);
  });

  it('moves on at midnight however often it is asked within the minute either side', () => {
    const zone = 'Asia/Kolkata';
    for (const second of [0, 15, 30, 59]) expect(todayIn(new Date(`2017-12-31T18:29:${String(second).padStart(2, '0')}Z`), zone)).toBe('2017-12-31');
    for (const second of [0, 15, 30, 59]) expect(todayIn(new Date(`2017-12-31T18:30:${String(second).padStart(2, '0')}Z`), zone)).toBe('2018-01-01');
    // Back in time (a test's clock, an as-of day): still the day of that instant.
    expect(todayIn(new Date('2017-10-04T10:00:00Z'), zone)).toBe('2017-10-04');
    expect(todayIn(new Date('2017-10-04T10:00:00Z'), 'Europe/London')).toBe('2017-10-04');
  });
});
