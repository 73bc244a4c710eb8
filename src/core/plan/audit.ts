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
  'person_linked',
  'person_unlinked',
  'board_added',
  'meeting_added',
  /** On each item a decision affects (and once on the plan when it names none): the decision as recorded. */
  'decision_recorded',
  /** What an item waits on, and from which board, set or cleared. */
  'waiting_changed',
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
