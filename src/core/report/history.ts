import type { AuditEvent } from '../plan/audit.js';
import type { Decision } from '../governance/decision.js';
import type { Meeting } from '../governance/meeting.js';
import type { Recommendation } from '../plan/recommendation.js';
import type { PlanHead } from '../ports.js';

/** Everything a paper at any date is rebuilt from: the current plan (every update) and its whole audit trail in order. */
export interface PlanHistory {
  plan: PlanHead;
  recommendations: Recommendation[];
  /** In id order; a `recommendation_added` event may come without its copy of the item (`after` null): the item is above. */
  events: AuditEvent[];
  /** The plan's boards' meetings and decision log (absent where a paper is built without them). */
  meetings?: Meeting[];
  decisions?: Decision[];
}
