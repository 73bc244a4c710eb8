import { and, eq, max } from 'drizzle-orm';
import type { Recommendation } from '../core/plan/recommendation.js';
import { canTransition, isClosed, STATUS_LABELS } from '../core/plan/status.js';
import type { ChangeMeta, NewRecommendation, PlanChange } from '../core/ports.js';
import type { Db } from './database.js';
import {
  bumpVersion,
  deliveryRow,
  ensureThemes,
  nextDeliverySeq,
  sameWindow,
  setOwners,
  writeAudit,
  type AuditRow,
} from './plan-writes.js';
import { loadRecommendation, lockRecommendation, sortKeyOf } from './rec-rows.js';
import { deliveryDates, recommendations, updates } from './schema.js';
import { StoreError } from './store-error.js';

/**
 * One audited change. The row lock (FOR UPDATE) serialises concurrent changes to one item,
 * so 'before' is what the change really replaced and no update is lost.
 */
export async function applyChange(db: Db, planId: number, change: PlanChange): Promise<Recommendation> {
  const before = await lockRecommendation(db, planId, change.recId);
  // The caller checked the move against what it read before the lock; someone may have closed the item since.
  if (change.status && !canTransition(before.status, change.status)) {
    throw new StoreError(
      'conflict',
      `${change.recId} was changed a moment ago and is now ${STATUS_LABELS[before.status]}, so it cannot become ${STATUS_LABELS[change.status]}; nothing was saved. Look at it again (\`status ${change.recId}\`) and try again.`,
    );
  }
  const pre = change.precondition;
  if (pre?.status && before.status !== pre.status) {
    throw new StoreError('conflict', `${change.recId} was changed a moment ago and is now ${STATUS_LABELS[before.status]}, not ${STATUS_LABELS[pre.status]}; nothing was saved. Look at it again (\`status ${change.recId}\`).`);
  }
  if (pre?.withoutUpdate !== undefined && before.updates.some((u) => u.text === pre.withoutUpdate)) {
    throw new StoreError('conflict', `${change.recId} already has that update (someone recorded it a moment ago), so nothing more was saved.`);
  }
  // Withdrawing a proposal an admin answered a moment ago, or proposing on an item closed meanwhile, writes nothing.
  if (change.proposal === null && !before.proposal) {
    throw new StoreError(
      'conflict',
      `${change.recId} was answered a moment ago (it is now ${STATUS_LABELS[before.status]} with no completion proposed), so there is nothing to withdraw; nothing was saved. Look at it again (\`status ${change.recId}\`).`,
    );
  }
  if (change.proposal && (isClosed(before.status) || !canTransition(before.status, 'complete'))) {
    throw new StoreError(
      'conflict',
      `${change.recId} was changed a moment ago and is now ${STATUS_LABELS[before.status]}, so its completion cannot be proposed; nothing was saved. Look at it again (\`status ${change.recId}\`).`,
    );
  }
  const events: AuditRow[] = [];
  const set: Partial<typeof recommendations.$inferInsert> = {};

  if (change.update) {
    const [top] = await db
      .select({ seq: max(updates.seq) })
      .from(updates)
      .where(and(eq(updates.planId, planId), eq(updates.recId, change.recId)));
    const entry = { ...change.update, source: change.source };
    await db.insert(updates).values({ planId, recId: change.recId, seq: (top?.seq ?? -1) + 1, ...entry, recordedAt: change.at });
    events.push({ recId: change.recId, action: 'update_posted', before: null, after: entry });
  }
  if (change.status && change.status !== before.status) {
    set.status = change.status;
    events.push({ recId: change.recId, action: 'status_changed', before: before.status, after: change.status });
  }
  if (change.delivery && !sameWindow(change.delivery, before.delivery)) {
    const seq = await nextDeliverySeq(db, planId, change.recId);
    await db.insert(deliveryDates).values(deliveryRow(planId, change.recId, seq, change.delivery, change));
    Object.assign(set, {
      deliveryText: change.delivery.text,
      deliveryStart: change.delivery.start,
      deliveryEnd: change.delivery.end,
      deliveryPrecision: change.delivery.precision,
      deliveryRevisions: seq,
    });
    events.push({ recId: change.recId, action: 'date_revised', before: before.delivery, after: change.delivery });
  }
  if (change.owners && change.owners.join('\n') !== before.owners.join('\n')) {
    await setOwners(db, planId, change.recId, change.owners);
    events.push({ recId: change.recId, action: 'owners_changed', before: before.owners, after: change.owners });
  }
  if (change.priority !== undefined && (before.priority ?? null) !== change.priority) {
    set.priority = change.priority;
    events.push({ recId: change.recId, action: 'priority_changed', before: before.priority ?? null, after: change.priority });
  }
  // An item moved on from Awaiting decision waits on nothing any more, unless the change says otherwise.
  const waiting = change.waiting !== undefined ? change.waiting : change.status && change.status !== 'awaiting_decision' ? null : undefined;
  if (waiting !== undefined && JSON.stringify(waiting) !== JSON.stringify(before.waiting ?? null)) {
    set.waitingOn = waiting?.what ?? null;
    set.waitingBoard = waiting?.board ?? null;
    events.push({ recId: change.recId, action: 'waiting_changed', before: before.waiting ?? null, after: waiting });
  }
  // A proposal is made on an open item; any status change (or the owners' reopen) withdraws a pending one.
  if (change.proposal) {
    const proposal = { by: change.actor, byId: change.actorId ?? null, at: new Date(change.at).toISOString(), evidence: change.proposal.evidence };
    Object.assign(set, { proposedBy: proposal.by, proposedById: proposal.byId, proposedAt: change.at, proposalEvidence: proposal.evidence });
    events.push({ recId: change.recId, action: 'completion_proposed', before: before.proposal ?? null, after: proposal });
  } else if (before.proposal && (change.proposal === null || (change.status && change.status !== before.status))) {
    Object.assign(set, { proposedBy: null, proposedById: null, proposedAt: null, proposalEvidence: null });
    // An admin completing an item whose completion was proposed is its sign-off.
    const signed = change.status === 'complete';
    events.push({ recId: change.recId, action: signed ? 'completion_signed_off' : 'completion_withdrawn', before: before.proposal, after: null });
  }
  if (!events.length) return before;
  await db
    .update(recommendations)
    .set({ ...set, version: bumpVersion, updatedAt: change.at })
    .where(and(eq(recommendations.planId, planId), eq(recommendations.recId, change.recId)));
  await writeAudit(db, planId, change, events);
  return (await loadRecommendation(db, planId, change.recId))!;
}

export async function addRecommendation(db: Db, planId: number, rec: NewRecommendation, meta: ChangeMeta): Promise<Recommendation> {
  const themeIds = await ensureThemes(db, planId, [rec.theme]);
  const inserted = await db
    .insert(recommendations)
    .values({
      planId,
      recId: rec.id,
      sortKey: sortKeyOf(rec.id),
      themeId: themeIds.get(rec.theme)!,
      text: rec.text,
      status: rec.status,
      deliveryText: rec.delivery.text,
      deliveryStart: rec.delivery.start,
      deliveryEnd: rec.delivery.end,
      deliveryPrecision: rec.delivery.precision,
      createdAt: meta.at,
      updatedAt: meta.at,
    })
    .onConflictDoNothing()
    .returning({ recId: recommendations.recId });
  if (!inserted.length) throw new StoreError('conflict', `${rec.id} already exists; use \`update ${rec.id}\` to change it.`);
  await db.insert(deliveryDates).values(deliveryRow(planId, rec.id, 0, rec.delivery, meta));
  await setOwners(db, planId, rec.id, rec.owners);
  await writeAudit(db, planId, meta, [{ recId: rec.id, action: 'recommendation_added', before: null, after: rec }]);
  return (await loadRecommendation(db, planId, rec.id))!;
}
