import type { PlanChange } from '../../ports.js';
import { titleOf, type Proposal, type Recommendation } from '../../plan/recommendation.js';
import { STATUS_LABELS } from '../../plan/status.js';
import { changedSentence } from '../../plan/sign-off.js';
import { actionableReply } from '../actionable.js';
import { cleanText, tooLong } from '../clean-text.js';
import type { Turn } from '../context.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type ProposalNotice, type Reply } from '../reply.js';
import { archivedRefusal, meta } from './change.js';

/**
 * Sign-off before complete (plans with `--sign-off on`). Every door that completes an item for an owner
 * (the `complete` command, the update conversation, the update modal, the Complete button) passes its
 * change through `completionChange`, so an owner's "complete" is a proposal wherever it is typed or pressed.
 */

/** True when this actor's "complete" must be signed off: the plan asks for it and they are not one of its admins. */
export function needsSignOff(turn: Pick<Turn, 'plan' | 'actor'>): boolean {
  return turn.plan.signOff === true && !turn.actor.admin;
}

/** The change to commit: as given, or, for an owner on a sign-off plan, the completion turned into a proposal. */
export function completionChange(turn: Pick<Turn, 'plan' | 'actor'>, change: PlanChange, evidence: string | null): PlanChange {
  if (change.status !== 'complete' || !needsSignOff(turn)) return change;
  const { status: _complete, ...rest } = change;
  return { ...rest, proposal: { evidence } };
}

/** "complete — awaiting sign-off (evidence: …)": how an item with a proposal describes its state. */
export function describeProposal(p: Pick<Proposal, 'evidence'>): string {
  return `complete — awaiting sign-off${p.evidence ? ` (evidence: ${p.evidence})` : ''}`;
}

/** What the owner is told when their completion became a proposal. */
export function proposedSentence(rec: Recommendation): string {
  return `${rec.id}: ${describeProposal(rec.proposal ?? { evidence: null })}. A plan admin signs it off (or returns it with a reason); until then it stays ${STATUS_LABELS[rec.status]}.`;
}

/** The notice for the plan's admins, when a turn has just proposed a completion. */
export function proposalNotice(turn: Pick<Turn, 'plan'>, rec: Recommendation): ProposalNotice | undefined {
  const p = rec.proposal;
  if (!p) return undefined;
  return { plan: turn.plan.key, id: rec.id, title: titleOf(rec.text), owners: rec.owners, by: p.by, byId: p.byId, at: p.at, evidence: p.evidence, admins: turn.plan.admins };
}

type Answered = { reply: Reply; rec: Recommendation | null; done: boolean };

/** Who may answer a proposal, and which one: the refusals every door shares. */
async function answerable(turn: Turn, id: string, verb: string, seenAt?: string): Promise<{ rec: Recommendation; proposal: Proposal } | Reply> {
  if (!turn.actor.admin) {
    return say(`Only an admin of ${turn.plan.key} can ${verb} a proposed completion; its admins are listed by \`plans\`.`, { error: 'not_permitted' });
  }
  const archived = archivedRefusal(turn);
  if (archived) return archived;
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const proposal = rec.proposal;
  if (!proposal || (seenAt && Date.parse(seenAt) !== Date.parse(proposal.at))) {
    return say(changedSentence(id, rec.status, Boolean(proposal)), { error: 'invalid', items: [itemView(rec, turn.today)] });
  }
  if (isProposer(turn, proposal)) {
    return say(`You proposed ${id}'s completion yourself, so another admin must sign it off or return it; nothing was written.`, { error: 'not_permitted' });
  }
  return { rec, proposal };
}

function isProposer(turn: Turn, p: Proposal): boolean {
  return turn.actor.source === 'slack' && p.byId ? p.byId === turn.actor.id : p.by === turn.actor.name;
}

/** `sign off ID` (or the Sign off button, which names the proposal it showed): the item becomes complete. */
export async function signOff(turn: Turn, id: string, seenAt?: string): Promise<Answered> {
  const found = await answerable(turn, id, 'sign off', seenAt);
  if (isReply(found)) return { reply: found, rec: null, done: false };
  try {
    const saved = await turn.store.signOff({ recId: id, proposedAt: found.proposal.at }, meta(turn));
    return { reply: say(`${id} is signed off and now complete (proposed by ${found.proposal.by}).`, { items: [itemView(saved, turn.today)], changed: true }), rec: saved, done: true };
  } catch (err) {
    return { reply: storeRefusal(err), rec: null, done: false };
  }
}

/** `return ID "reason"` (or the Return button's modal): the proposal is cleared and the owners are told why. */
export async function returnProposal(turn: Turn, id: string, reason: string | null, seenAt?: string): Promise<Answered> {
  const text = cleanText(reason ?? '');
  if (!text) return { reply: say(`Say why it goes back: \`return ${id} "the evidence does not show the benefits"\`.`, { error: 'invalid' }), rec: null, done: false };
  const long = tooLong(text);
  if (long) return { reply: say(long, { error: 'invalid' }), rec: null, done: false };
  const found = await answerable(turn, id, 'return', seenAt);
  if (isReply(found)) return { reply: found, rec: null, done: false };
  try {
    const saved = await turn.store.returnProposal({ recId: id, proposedAt: found.proposal.at }, text, meta(turn));
    const owners = saved.owners.length ? saved.owners.join(', ') : 'its owners';
    return {
      reply: say(`${id}'s completion went back to ${owners} (proposed by ${found.proposal.by}): "${text}". It stays ${STATUS_LABELS[saved.status]}.`, { items: [itemView(saved, turn.today)], changed: true }),
      rec: saved,
      done: true,
    };
  } catch (err) {
    return { reply: storeRefusal(err), rec: null, done: false };
  }
}

function storeRefusal(err: unknown): Reply {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'not_permitted' && err instanceof Error) return say(err.message, { error: 'not_permitted' });
  const reply = actionableReply(err);
  if (!reply) throw err;
  return reply;
}
