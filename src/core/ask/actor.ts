import { matchOwners, normaliseName } from '../plan/owners.js';
import type { Recommendation, Source } from '../plan/recommendation.js';

/** Who is speaking, and which plan owners (people or roles) they answer for. */
export interface Actor {
  /** A stable id for conversations: a Slack user id, or the name given in the terminal. */
  id: string;
  /** The name recorded as author and actor in the audit trail. */
  name: string;
  /** Plan owner names this person acts as (their own name, roles they hold). */
  owns: string[];
  admin: boolean;
  source: Source;
}

/** Owners that a name given in the terminal stands for: an exact match, else a unique partial one. */
export function ownersForName(name: string, knownOwners: readonly string[]): string[] {
  const exact = knownOwners.filter((o) => normaliseName(o) === normaliseName(name));
  if (exact.length) return exact;
  const partial = matchOwners(name, knownOwners);
  return partial.length === 1 ? partial : [];
}

/** Reading is open to everyone; changing an item takes one of its owners or an admin. */
export function canChange(actor: Actor, rec: Pick<Recommendation, 'owners'>): boolean {
  return actor.admin || rec.owners.some((o) => actor.owns.includes(o));
}

export function refusal(actor: Actor, rec: Pick<Recommendation, 'id' | 'owners'>): string {
  const owners = rec.owners.length ? rec.owners.join(', ') : 'nobody yet';
  const who = actor.owns.length
    ? `You act for ${actor.owns.join(', ')}, which does not own it`
    : actor.source === 'slack'
      ? `Your Slack account is not linked to any owner in the plan (Concerto goes by Slack accounts, not by the name you display)`
      : `You are not linked to any owner in the plan`;
  return `Only an owner of ${rec.id} (${owners}) or an admin can change it. ${who}; ask an owner to post the update, or an admin to link you or assign the item.`;
}
