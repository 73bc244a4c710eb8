import { single, type Context, type Span } from './reading.js';

/** "Now" in its many spellings: the window is the day it was read (callers keep that day). */
const IMMEDIATE =
  /^(?:immediately|immediate|(?:with )?immediate effect|asap|a\.s\.a\.p|as soon as possible|now|right away|straight away)$/;

export function matchImmediate(text: string, ctx: Context): Span | null {
  return IMMEDIATE.test(text) ? single(ctx.today, 'immediate') : null;
}
