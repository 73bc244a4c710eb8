import { forward, months, type Context, type Span } from './reading.js';
import { YEAR, ordinalValue, yearValue } from './words.js';

/** Calendar halves: H1 = January–June, H2 = July–December. */
function half(year: number, n: number): Span {
  return months(year, 6 * n - 5, 6, 'half');
}

const NUMBERED = new RegExp(`^h([12])(?:[ /-]${YEAR})?$`);
const YEAR_FIRST = /^(\d{4}) h([12])$/;
const ORDINAL = new RegExp(`^(?:the )?(first|second|1st|2nd) half(?: of)?(?: ${YEAR})?$`);

function numbered(n: number, token: string | undefined, ctx: Context): Span | null {
  if (token === undefined) return forward(ctx, (y) => half(y, n));
  const year = yearValue(token, ctx.today);
  return year === null ? null : half(year, n);
}

export function matchHalf(text: string, ctx: Context): Span | null {
  const yearFirst = YEAR_FIRST.exec(text);
  if (yearFirst) return half(Number(yearFirst[1]), Number(yearFirst[2]));
  const h = NUMBERED.exec(text);
  if (h) return numbered(Number(h[1]), h[2], ctx);
  const ordinal = ORDINAL.exec(text);
  if (ordinal) return numbered(ordinalValue(ordinal[1] ?? ''), ordinal[2], ctx);
  return null;
}
