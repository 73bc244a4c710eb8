import type { AuditEvent } from '../core/plan/audit.js';
import type { auditEvents } from './schema.js';

/** An audit_events row as the domain sees it. */
export function auditEventOf(r: typeof auditEvents.$inferSelect): AuditEvent {
  return {
    id: r.id,
    recId: r.recId,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    actorId: r.actorId,
    source: r.source as AuditEvent['source'],
    action: r.action as AuditEvent['action'],
    before: r.before,
    after: r.after,
  };
}
