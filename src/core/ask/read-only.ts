import { parseIntent } from './intents/parse-intent.js';

const READS = new Set(['help', 'chat', 'status', 'who_owns', 'history', 'query', 'when', 'paper']);

/** Questions that change nothing: safe to re-run for "Share in channel" and "Show more". */
export function isReadOnly(text: string): boolean {
  return READS.has(parseIntent(text).kind);
}
