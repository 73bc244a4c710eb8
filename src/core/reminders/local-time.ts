import { dateFormatter } from '../dates/formatter.js';
import type { IsoDate } from '../dates/delivery-window.js';

export interface LocalTime {
  date: IsoDate;
  /** Minutes after local midnight. */
  minutes: number;
}

/** The wall-clock date and time of an instant in a timezone (BST and GMT handled by Intl). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = dateFormatter('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function addDaysIso(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysFrom(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
