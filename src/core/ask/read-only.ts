import { parseIntent } from './intents/parse-intent.js';

const READS = new Set(['help', 'chat', 'status', 'who_owns', 'history', 'query', 'when', 'paper']);

/** Questions that change nothing: safe to re-run for "Share in channel" and "Show more". */
export function isReadOnly(text: string): boolean {
  // Asked of every reply the Slack command sends, just after the engine read the same words: reading a
  // message is a pure function of its text, so the answer is remembered for the day's common questions.
  let known = READ_ONLY.get(text);
  if (known === undefined) {
    known = READS.has(parseIntent(text).kind);
    if (READ_ONLY.size >= 1_000) READ_ONLY.clear();
    READ_ONLY.set(text, known);
  }
  return known;
}

const READ_ONLY = new Map<string, boolean>();
