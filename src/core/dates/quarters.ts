import { forward, months, type Context, type Span } from './reading.js';
import { YEAR, ordinalValue, yearValue } from './words.js';

/** Calendar quarters (Q1 = January–March). A financial-year quarter needs its year pair ("Q3 2017/18"): financial-year.ts. */
function quarter(year: number, n: number): Span {
  return months(year, 3 * n - 2, 3, 'quarter');
}

const NUMBERED = new RegExp(`^(?:q|quarter )([1-4])(?:(?: of)? ${YEAR})?$`);
const YEAR_FIRST = /^(\d{4}) q([1-4])$/;
const ORDINAL = new RegExp(`^(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?:(?: of)? ${YEAR})?$`);
const RELATIVE = /^(this|current|next|last) quarter$/;

function numbered(n: number, token: string | undefined, ctx: Context): Span | null {
  if (token === undefined) return forward(ctx, (y) => quarter(y, n));
  const year = yearValue(token, ctx.today);
  return year === null ? null : quarter(year, n);
}

export function matchQuarter(text: string, ctx: Context): Span | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const shift = relative[1] === 'next' ? 1 : relative[1] === 'last' ? -1 : 0;
    const current = Math.ceil(ctx.today.m / 3);
    return months(ctx.today.y, 3 * (current + shift) - 2, 3, 'quarter');
  }
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return quarter(Number(yearFirst[1]), Number(yearFirst[2]));
  // "Q1-2018", "Q1/2018" are the same as "Q1 2018".
  const q = NUMBERED.exec(text.replace(/^(q[1-4])[/-]/, '$1 '));
  if (q) return numbered(Number(q[1]), q[2], ctx);
  const ordinal = ORDINAL.exec(text);
  if (ordinal) return numbered(ordinalValue(ordinal[1] ?? ''), ordinal[2], ctx);
  return null;
}
