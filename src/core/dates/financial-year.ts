import { compareDays, day, type Day } from './calendar.js';
import { months, single, type Context, type Found, type Span } from './reading.js';

/** UK financial years run 1 April – 31 March; "2018/19" starts in April 2018. */
function financialYear(startYear: number): Span {
  return months(startYear, 4, 12, 'financial_year');
}

function currentStartYear(today: Day): number {
  const april = day(today.y, 4, 1) as Day;
  return compareDays(today, april) >= 0 ? today.y : today.y - 1;
}

const PREFIX = '(?:fy ?|financial year |the financial year )';
const LABELLED = new RegExp(`^${PREFIX}?(\\d{4})[/-](\\d{2}|\\d{4})(?: financial year)?$`);
const SHORT = new RegExp(`^${PREFIX}(\\d{2})[/-](\\d{2})$`);
/** "18/19" alone: a financial year when it cannot be a day ("11/12" is 11 December; "18/19" has no month 19). */
const BARE_SHORT = /^(\d{2})\/(\d{2})$/;
const RELATIVE = /^(this|current|next|last) (?:financial year|fy)$/;
const YEAR_END = /^(?:(?:financial year|fy) end|fye|year end \(financial\))$/;
/** "year end 2018/19", "FYE 2019": a year END named by a financial year, or by the year it ends in. */
const LABELLED_END = /^(?:(?:financial )?year end|fy end|fye) (\d{4})[/-](\d{2}|\d{4})$/;
const ENDING_IN = /^(?:financial year end|fy end|fye) (\d{4})$/;
// "FY18" is read as 2017/18 by some and 2018/19 by others: refuse rather than pick one.
const AMBIGUOUS = /^(?:fy|financial year) ?'?(\d{2}|\d{4})$/;

/** The second year must follow the first: "2018/19" and "2018-2019" yes, "2018/20" no. */
function consecutive(first: number, second: string): boolean {
  return second.length === 4 ? Number(second) === first + 1 : Number(second) === (first + 1) % 100;
}

/** A quarter of a financial year written with its year pair: "Q3 2017/18" (Oct–Dec 2017), "2017-18 Q4" (Jan–Mar 2018). */
const FY_QUARTER = new RegExp(`^(?:q|quarter )([1-4]) (?:of )?${PREFIX}?(\\d{4}|\\d{2})[/-](\\d{2}|\\d{4})$`);
const FY_QUARTER_AFTER = new RegExp(`^${PREFIX}?(\\d{4}|\\d{2})[/-](\\d{2}|\\d{4}) (?:q|quarter )([1-4])$`);

function financialQuarter(startYear: number, n: number): Span {
  // Q1 is April–June of the first year; Q4 is January–March of the second.
  return months(n === 4 ? startYear + 1 : startYear, n === 4 ? 1 : 3 * n + 1, 3, 'quarter');
}

export function matchFinancialYear(text: string, ctx: Context): Found | null {
  const fq = FY_QUARTER.exec(text);
  const fqAfter = fq ? null : FY_QUARTER_AFTER.exec(text);
  if (fq || fqAfter) {
    const [n, year, second] = fq ? [Number(fq[1]), Number(fq[2]), fq[3] ?? ''] : [Number(fqAfter![3]), Number(fqAfter![1]), fqAfter![2] ?? ''];
    // "Q4 17/18": a two-digit year is this century, as in "FY17/18".
    const first = year < 100 ? 2000 + year : year;
    return consecutive(first, second) ? financialQuarter(first, n) : null;
  }
  const labelled = LABELLED.exec(text);
  if (labelled) {
    const first = Number(labelled[1]);
    return consecutive(first, labelled[2] ?? '') ? financialYear(first) : null;
  }
  const short = SHORT.exec(text);
  if (short) {
    const first = 2000 + Number(short[1]);
    return consecutive(first, short[2] ?? '') ? financialYear(first) : null;
  }
  const bare = BARE_SHORT.exec(text);
  if (bare && Number(bare[2]) > 12) {
    const first = 2000 + Number(bare[1]);
    if (consecutive(first, bare[2] ?? '')) return financialYear(first);
  }
  const relative = RELATIVE.exec(text);
  if (relative) {
    const shift = relative[1] === 'next' ? 1 : relative[1] === 'last' ? -1 : 0;
    return financialYear(currentStartYear(ctx.today) + shift);
  }
  if (YEAR_END.test(text)) return single(financialYear(currentStartYear(ctx.today)).end);
  const labelledEnd = LABELLED_END.exec(text);
  if (labelledEnd) {
    const first = Number(labelledEnd[1]);
    return consecutive(first, labelledEnd[2] ?? '') ? single(financialYear(first).end) : null;
  }
  const endingIn = ENDING_IN.exec(text);
  if (endingIn) return single(financialYear(Number(endingIn[1]) - 1).end);
  const ambiguous = AMBIGUOUS.exec(text);
  if (ambiguous) {
    const y = (ambiguous[1] ?? '').length === 2 ? 2000 + Number(ambiguous[1]) : Number(ambiguous[1]);
    const label = (start: number) => `"${start}/${String((start + 1) % 100).padStart(2, '0')}"`;
    return { refuse: `it could mean the financial year ${label(y - 1)} or ${label(y)}` };
  }
  return null;
}
