import { ConfigError } from '../config.js';
import { PlanFileError, PlanTargetError } from '../app/plan-errors.js';
import { StoreError } from '../store/store-error.js';

/** Exit codes other tools rely on. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

/** A mistake the person can fix: wrong argument, unreadable file… The message says what to do. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof PlanFileError || err instanceof PlanTargetError) return EXIT.user;
  if (err instanceof StoreError && ['data_dir_locked', 'no_plan', 'not_found', 'plan_exists', 'plan_archived', 'plan_channel_taken', 'board_exists', 'meeting_exists', 'invalid'].includes(err.code)) return EXIT.user;
  return EXIT.internal;
}

export function messageFor(err: unknown): string {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof PlanFileError || err instanceof PlanTargetError || err instanceof StoreError) return err.message;
  if (isConnectionError(err)) return `Could not reach the database (${(err as Error).message}). Check DATABASE_URL and that the server is running, then try again.`;
  return `Something went wrong inside Concerto: ${(err as Error)?.message ?? String(err)}. Nothing was half-saved; please try again, and report it if it persists.`;
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'CONNECT_TIMEOUT' || code === 'CONNECTION_CLOSED' || code === '57P01';
}
