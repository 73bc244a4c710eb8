import { InvalidArgumentError } from 'commander';
import { isIsoDay } from '../core/report/dates.js';

/** Commander argument parsers for the export options. */
export function isoDayArg(v: string): string {
  if (!isIsoDay(v)) throw new InvalidArgumentError('use a date written YYYY-MM-DD, e.g. 2017-10-04.');
  return v;
}

export function countArg(v: string): number {
  if (!/^\d{1,4}$/.test(v)) throw new InvalidArgumentError('use a whole number, e.g. 30.');
  return Number(v);
}
