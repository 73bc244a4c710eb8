import { say, type Reply } from './reply.js';

/** Failures a store raises that a person can act on; their message says what to do. */
const ACTIONABLE = new Set(['plan_exists', 'plan_archived', 'plan_channel_taken', 'board_exists', 'meeting_exists', 'invalid', 'not_found', 'conflict', 'unavailable']);

/** The reply for a failure the person can act on, or null for one they cannot (which the front end reports). */
export function actionableReply(err: unknown): Reply | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !ACTIONABLE.has(code) || !(err instanceof Error)) return null;
  return say(err.message, { error: code === 'not_found' ? 'not_found' : code === 'plan_archived' ? 'not_permitted' : code === 'unavailable' ? 'unavailable' : 'invalid' });
}
