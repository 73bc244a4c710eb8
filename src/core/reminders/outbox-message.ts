import type { ItemView } from '../ask/reply.js';
import type { DecisionNoticePayload } from '../governance/decision-notice.js';
import type { SignOffRequestPayload } from '../governance/sign-off-requests.js';
import type { UpdateEntry } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import type { NudgeKind } from './nudge-schedule.js';

/** The weekly digest's summary, with the full lists its thread is made from. */
/** Which plan a message is about; rows queued before there were plans have none. */
export interface PlanRef {
  key: string;
  title: string;
}

export interface DigestPayload {
  kind: 'digest';
  on: string;
  planTitle: string;
  plan?: PlanRef;
  overdue: ItemView[];
  dueSoon: ItemView[];
  completed: ItemView[];
  /** Items still waiting on a board after it met (absent from digests queued before there were boards). */
  stillWaiting?: ItemView[];
  /** Completions proposed and awaiting an admin's sign-off. */
  awaitingSignOff?: ItemView[];
  byStatus: Array<{ status: Status; count: number }>;
  total: number;
}

/** A nudge ready to render: the item with its last update as it stood when the nudge was sent. */
export interface NudgeNotice {
  kind: NudgeKind;
  item: ItemView;
  lastUpdate: UpdateEntry | null;
  on: string;
  plan?: PlanRef;
  /** A chase's sender and what they added, as they wrote it. */
  from?: string;
  note?: string;
}

/**
 * A nudge as a pass queues it: which item and which day (the row's plan id says which plan). The item
 * and its plan are read when it is sent (nudge-at-send.ts), so the message shows them as they are then,
 * and a pass that owes thousands of nudges writes what they are about, not a copy of the plan (the first
 * pass over 10,000 items wrote 7 MB of payloads and took 0.53 s on PostgreSQL).
 */
export interface QueuedNudge {
  kind: NudgeKind;
  itemId: string;
  on: string;
  from?: string;
  note?: string;
}

/**
 * What a scheduler pass decides and puts in the outbox: plain data, rendered only when sent, so the
 * decision and its record commit together and any front end (Slack today) can render it. Rows queued
 * by earlier versions hold a whole NudgeNotice; they are sent as they are.
 */
export type OutboxPayload = QueuedNudge | NudgeNotice | DigestPayload;

export function isQueuedNudge(payload: QueuedPayload): payload is QueuedNudge {
  return 'itemId' in payload;
}

export type DigestListName = 'overdue' | 'dueSoon' | 'completed' | 'stillWaiting' | 'awaitingSignOff';

/** A run of one of the digest's lists; `continued` when the list began in an earlier part. */
export interface DigestListSlice {
  list: DigestListName;
  /** How long the whole list is, for its heading. */
  total: number;
  continued: boolean;
  items: ItemView[];
}

/**
 * One message of the digest's details. It is queued only when the summary is recorded sent (in the
 * same transaction), because it is a reply to the summary and needs the summary's ref to thread on.
 */
export interface DigestPartPayload {
  kind: 'digest_part';
  /** The digest's day. */
  on: string;
  part: number;
  of: number;
  /** The summary's ref as the sender returned it (Slack's ts); null if it returned none. */
  threadRef: string | null;
  lists: DigestListSlice[];
}

/**
 * Everything an outbox row can hold: what a pass decides, the parts a sent digest brings after it,
 * what recording a decision queues for the affected items' owners (in the decision's transaction), and
 * the requests (and chases) to a plan's admins about a proposed completion.
 */
export type QueuedPayload = OutboxPayload | DigestPartPayload | DecisionNoticePayload | SignOffRequestPayload;

export interface OutboxMessage {
  id: number;
  key: string;
  /** The plan it is about; null for rows queued before there were plans. */
  planId: number | null;
  recipient: string;
  payload: QueuedPayload;
  attempts: number;
}

/** What a notifier is given: every queued nudge read into a NudgeNotice first. */
export type SendablePayload = Exclude<QueuedPayload, QueuedNudge>;
export type SendableMessage = Omit<OutboxMessage, 'payload'> & { payload: SendablePayload };

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
  send(message: SendableMessage): Promise<SendOutcome>;
}
