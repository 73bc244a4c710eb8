import type { Source } from './recommendation.js';

/** The kinds of change the audit trail records. */
export const AUDIT_ACTIONS = [
  'plan_imported',
  'recommendation_added',
  'recommendation_changed',
  'update_posted',
  'status_changed',
  'date_revised',
  'owners_changed',
  'person_linked',
  'person_unlinked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  id: number;
  recId: string | null;
  /** ISO instant the change was committed under. */
  at: string;
  actor: string;
  source: Source;
  action: AuditAction;
  before: unknown;
  after: unknown;
}
