/**
 * A delivery date as people write it, beside the window it was read as.
 * "September 2017" is the window 2017-09-01..2017-09-30 with month precision;
 * an item is late only when the whole window has passed.
 */
export const PRECISIONS = [
  'day',
  'week',
  'month',
  'quarter',
  'season',
  'half',
  'year',
  'financial_year',
  'immediate',
  'none',
] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Calendar dates as ISO `YYYY-MM-DD` strings: a delivery date is a day, not an instant. */
export type IsoDate = string;

export interface DeliveryWindow {
  /** The phrase exactly as written, e.g. "By end 2017". */
  text: string;
  /** First day of the window, or null when the phrase carries no date ("TBC"). */
  start: IsoDate | null;
  /** Last day of the window (inclusive), or null when there is no date. */
  end: IsoDate | null;
  precision: Precision;
}

/** What the reader needs to know about "now" to read relative phrases. */
export interface DateReference {
  /** Today's date in the reader's timezone. */
  today: IsoDate;
  /** IANA timezone the phrase is read in; defaults to Europe/London. */
  timeZone?: string;
}

export type ReadResult =
  | { ok: true; window: DeliveryWindow }
  | { ok: false; text: string; error: string };
