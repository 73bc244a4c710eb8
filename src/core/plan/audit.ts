import type { Source } from './recommendation.js';

/** The kinds of change the audit trail records. */
export const AUDIT_ACTIONS = [
  'plan_created',
  'plan_changed',
  'plan_imported',
  'recommendation_added',
  'recommendation_changed',
  'update_posted',
  'status_changed',
  'date_revised',
  'owners_changed',
  /** The priority the plan gives an item, as written (null for none), changed by an import. */
  'priority_changed',
  'person_linked',
  'person_unlinked',
  'board_added',
  'meeting_added',
  /** On each item a decision affects (and once on the plan when it names none): the decision as recorded. */
  'decision_recorded',
  /** What an item waits on, and from which board, set or cleared. */
  'waiting_changed',
  /** An owner's "complete" on a plan with sign-off on: the proposal (by, at, evidence); the status stays. */
  'completion_proposed',
  /** A plan admin signed the proposal off: the item became complete (a `status_changed` event precedes it). */
  'completion_signed_off',
  /** A plan admin returned the proposal to the owners, with the reason. */
  'completion_returned',
  /** A pending proposal cleared by the owners (reopened, or the status changed). */
  'completion_withdrawn',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  id: number;
  recId: string | null;
  /** ISO instant the change was committed under. */
  at: string;
  actor: string;
  /** The Slack user id behind the name, when the change came through Slack. */
  actorId?: string | null;
  source: Source;
  action: AuditAction;
  before: unknown;
  after: unknown;
}
