import { decisionNotices } from '../core/governance/decision-notice.js';
import type { Decision } from '../core/governance/decision.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import type { ChangeMeta, PlanInfo } from '../core/ports.js';
import type { Db } from './database.js';
import { OutboxStore } from './outbox-store.js';
import { loadRecommendation } from './rec-rows.js';
import { ReminderDataStore } from './reminder-data.js';

/**
 * Queues the message each owner of an affected item gets about a decision, on the decision's own
 * transaction: the decision and its messages commit together or not at all, and the outbox's
 * unique key (`<plan>/decision:<id>:<person>`) lets the dispatcher send each exactly once.
 * People are found as nudges find them (identity links; deactivated members and bots left out).
 * A decision loaded with a plan (source `import`, e.g. the bundled plan's 2017 log) is history, not news: no message.
 */
export async function queueDecisionNotices(tx: Db, plan: PlanInfo, decision: Decision, meta: Pick<ChangeMeta, 'source' | 'at'>): Promise<number> {
  if (!decision.affects.length || meta.source === 'import') return 0;
  const affected: Recommendation[] = [];
  for (const id of decision.affects) {
    const rec = await loadRecommendation(tx, plan.id, id);
    if (rec) affected.push(rec);
  }
  const byOwner = await new ReminderDataStore(tx).recipientsByOwner();
  const people = new Map([...byOwner].map(([owner, list]) => [owner, list.map((r) => r.id)]));
  const { id, board, meetingDate, decidedOn, text, supersedes } = decision;
  const notices = decisionNotices({ key: plan.key, title: plan.title }, { id, board, meetingDate, decidedOn, text, supersedes }, affected, people);
  await new OutboxStore(tx).enqueue(
    notices.map((n) => ({ key: n.key, planId: plan.id, kind: n.payload.kind, item: null, recipient: n.to, payload: n.payload })),
    meta.at,
  );
  return notices.length;
}
