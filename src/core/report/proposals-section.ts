import type { IsoDate } from '../dates/delivery-window.js';
import { todayIn } from '../dates/today.js';
import type { Proposal, Recommendation } from '../plan/recommendation.js';
import { STATUS_LABELS, type Status } from '../plan/status.js';
import { longDate } from './dates.js';

/**
 * The board paper's "Completions awaiting sign-off": items whose owners proposed them complete (plans
 * with sign-off on) and no admin had signed off or returned by the paper's date. Listed apart from the
 * plan, where such an item still shows the status it had; the section appears only when there is one.
 */
export interface PaperProposal {
  id: string;
  owners: string[];
  /** The status it keeps until sign-off. */
  status: Status;
  by: string;
  /** The day it was proposed, in the plan's timezone. */
  on: IsoDate;
  evidence: string | null;
}

export const PROPOSALS_HEADING = 'Completions awaiting sign-off';

export function paperProposals(recs: readonly Recommendation[], timeZone: string): PaperProposal[] {
  return recs.flatMap((r) => (r.proposal ? [{ id: r.id, owners: r.owners, status: r.status, by: r.proposal.by, on: todayIn(new Date(r.proposal.at), timeZone), evidence: r.proposal.evidence }] : []));
}

/** "Proposed complete by N. Shackleton on 13 Oct 2017 (still On-going); evidence: …" */
export function proposalLine(p: PaperProposal): string {
  return `Proposed complete by ${p.by} on ${longDate(p.on)} (still ${STATUS_LABELS[p.status]}); ${p.evidence ? `evidence: ${p.evidence}` : 'no evidence given'}.`;
}

/** A proposal recorded in the audit trail (`completion_*` events carry it), or null. */
export function asProposal(v: unknown): Proposal | null {
  const p = v as Partial<Proposal> | null;
  return p && typeof p.by === 'string' && typeof p.at === 'string' ? { by: p.by, byId: p.byId ?? null, at: p.at, evidence: p.evidence ?? null } : null;
}
