import type { ItemView } from '../ask/reply.js';
import type { UpdateEntry } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import type { NudgeKind } from './nudge-schedule.js';

/**
 * What goes into the outbox: plain data, rendered only when sent, so the decision and its record
 * commit together and any front end (Slack today) can render it.
 */
export type OutboxPayload =
  | { kind: NudgeKind; item: ItemView; lastUpdate: UpdateEntry | null; on: string }
  | {
      kind: 'digest';
      on: string;
      planTitle: string;
      overdue: ItemView[];
      dueSoon: ItemView[];
      completed: ItemView[];
      byStatus: Array<{ status: Status; count: number }>;
      total: number;
    };

export interface OutboxMessage {
  id: number;
  key: string;
  recipient: string;
  payload: OutboxPayload;
  attempts: number;
}

/** How a send went; the dispatcher records each differently. */
export type SendOutcome =
  | { outcome: 'sent'; ref: string | null }
  /** Slack asked us to wait (429): try again after this many seconds; never counted as a failure. */
  | { outcome: 'rate_limited'; retryAfterSeconds: number }
  /** Failed before anything was posted (a 5xx, a refused connection): safe to try again. */
  | { outcome: 'retry'; error: string }
  /** Will never work (channel_not_found, user_not_found, not_in_channel…): recorded as dead. */
  | { outcome: 'dead'; error: string }
  /** It may or may not have been posted (a timeout after sending): recorded, not resent blindly. */
  | { outcome: 'unknown'; error: string };

export interface Notifier {
  send(message: OutboxMessage): Promise<SendOutcome>;
}
