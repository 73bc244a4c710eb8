import { and, eq } from 'drizzle-orm';
import type { Proposal, Recommendation } from '../core/plan/recommendation.js';
import { canTransition, isClosed, STATUS_LABELS } from '../core/plan/status.js';
import { changedSentence } from '../core/plan/sign-off.js';
import type { ChangeMeta, ProposalRef } from '../core/ports.js';
import type { Db } from './database.js';
import { bumpVersion, writeAudit, type AuditRow } from './plan-writes.js';
import { loadRecommendation, lockRecommendation } from './rec-rows.js';
import { recommendations } from './schema.js';
import { StoreError } from './store-error.js';

/**
 * Signing off or returning a proposed completion. Both lock the item's row (FOR UPDATE) and compare the
 * proposal under the lock with the one the admin saw, so a reopen, a status change or a second admin's
 * press that committed first makes this one write nothing and say so.
 */
async function lockedProposal(db: Db, planId: number, ref: ProposalRef, meta: ChangeMeta): Promise<{ rec: Recommendation; proposal: Proposal }> {
  const rec = await lockRecommendation(db, planId, ref.recId);
  const proposal = rec.proposal;
  if (!proposal || Date.parse(proposal.at) !== Date.parse(ref.proposedAt)) {
    throw new StoreError('conflict', changedSentence(ref.recId, rec.status, Boolean(proposal)));
  }
  if ((meta.actorId && proposal.byId === meta.actorId) || (!meta.actorId && !proposal.byId && proposal.by === meta.actor)) {
    throw new StoreError('not_permitted', `You proposed ${ref.recId}'s completion yourself, so another admin must sign it off or return it; nothing was written.`);
  }
  return { rec, proposal };
}

const CLEARED = { proposedBy: null, proposedById: null, proposedAt: null, proposalEvidence: null };

async function write(db: Db, planId: number, recId: string, set: Partial<typeof recommendations.$inferInsert>, meta: ChangeMeta, events: AuditRow[]): Promise<Recommendation> {
  await db
    .update(recommendations)
    .set({ ...set, version: bumpVersion, updatedAt: meta.at })
    .where(and(eq(recommendations.planId, planId), eq(recommendations.recId, recId)));
  await writeAudit(db, planId, meta, events);
  return (await loadRecommendation(db, planId, recId))!;
}

/** Inside a writing transaction: the proposal signed off, the item complete. */
export async function applySignOff(db: Db, planId: number, ref: ProposalRef, meta: ChangeMeta): Promise<Recommendation> {
  const { rec, proposal } = await lockedProposal(db, planId, ref, meta);
  if (isClosed(rec.status) || !canTransition(rec.status, 'complete')) {
    throw new StoreError('conflict', `${ref.recId} is now ${STATUS_LABELS[rec.status]}, so it cannot become complete; nothing was written.`);
  }
  return write(db, planId, ref.recId, { ...CLEARED, status: 'complete' }, meta, [
    { recId: ref.recId, action: 'status_changed', before: rec.status, after: 'complete' },
    { recId: ref.recId, action: 'completion_signed_off', before: proposal, after: null },
  ]);
}

/** Inside a writing transaction: the proposal cleared, with the reason on record; the status stays. */
export async function applyReturn(db: Db, planId: number, ref: ProposalRef, reason: string, meta: ChangeMeta): Promise<Recommendation> {
  const { proposal } = await lockedProposal(db, planId, ref, meta);
  return write(db, planId, ref.recId, CLEARED, meta, [{ recId: ref.recId, action: 'completion_returned', before: proposal, after: { reason } }]);
}
