import { STATUS_LABELS, type Status } from './status.js';

/**
 * The one sentence for a sign-off or return that came too late: the proposal it answered was signed off,
 * returned, withdrawn or replaced meanwhile. Shared by the store (decided under the row lock) and the core.
 */
export function changedSentence(recId: string, status: Status, hasNewerProposal: boolean): string {
  if (hasNewerProposal) return `${recId} changed since that proposal was made (its owners proposed it again), so nothing was written; look at the newer proposal.`;
  if (status === 'complete') return `${recId} is already signed off (complete), so nothing was written.`;
  return `${recId} changed since that proposal was made (it is ${STATUS_LABELS[status]} with no completion proposed), so nothing was written.`;
}
