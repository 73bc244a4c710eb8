import { describe, expect, it } from 'vitest';
import { readDelivery } from '../../../src/core/dates/read-delivery.js';
import { shiftedPhrase, type ShiftUnit } from '../../../src/core/dates/shift-window.js';

/** "extend 4.2.1 by two months": the phrase a date moved on becomes, then read as any phrase is. */

const TODAY = '2017-10-04';
const windowOf = (phrase: string) => {
  const read = readDelivery(phrase, { today: TODAY });
  if (!read.ok) throw new Error(read.error);
  return read.window;
};

describe('a delivery date moved on by an amount', () => {
  it.each<[from: string, amount: number, unit: ShiftUnit, phrase: string, end: string]>([
    // A month stays a month.
    ['September 2017', 2, 'month', 'November 2017', '2017-11-30'],
    ['November 2017', 3, 'month', 'February 2018', '2018-02-28'],
    ['September 2017', 1, 'year', 'September 2018', '2018-09-30'],
    // Anything else is the day its end moves to; a month's last day stays within the month it lands in.
    ['31 March 2018', 2, 'month', '31 May 2018', '2018-05-31'],
    ['31 March 2018', 6, 'week', '12 May 2018', '2018-05-12'],
    ['By end 2017', 1, 'month', '31 January 2018', '2018-01-31'],
    ['By end 2017', 2, 'month', '28 February 2018', '2018-02-28'],
    ['Autumn 2017', 10, 'day', '10 December 2017', '2017-12-10'],
    // A month's weeks move the month's end.
    ['September 2017', 2, 'week', '14 October 2017', '2017-10-14'],
  ])('"%s" + %i %s → "%s"', (from, amount, unit, phrase, end) => {
    const written = shiftedPhrase(windowOf(from), amount, unit);
    expect(written).toBe(phrase);
    expect(windowOf(written!).end).toBe(end);
  });

  it('a window with no end has nothing to move on', () => {
    expect(shiftedPhrase(windowOf('TBC'), 2, 'month')).toBeNull();
  });
});
