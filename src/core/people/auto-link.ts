import { normaliseName, ownerKind } from '../plan/owners.js';

/**
 * Who may be linked to a plan owner without an admin. Slack members choose their display name,
 * and in most workspaces their full name too; neither is unique. So a match links only a person
 * (never a role, which grants its powers to anyone who types its name), only by the full name,
 * and only when that name belongs to exactly one active member of the workspace. An admin can
 * confirm such a link or undo it.
 */

export interface Member {
  id: string;
  realName: string | null;
  deleted: boolean;
  isBot: boolean;
}

export function isActive(m: Pick<Member, 'deleted' | 'isBot'>): boolean {
  return !m.deleted && !m.isBot;
}

/** Active members by normalised full name, to tell a unique name from a shared one. */
export function membersByName(members: readonly Member[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const m of members) {
    if (!isActive(m) || !m.realName) continue;
    const key = normaliseName(m.realName);
    if (key) byName.set(key, [...(byName.get(key) ?? []), m.id]);
  }
  return byName;
}

/** The person owner this member may be linked to automatically, or null. */
export function autoLinkTarget(member: Member, owners: readonly string[], byName: ReadonlyMap<string, readonly string[]>): string | null {
  if (!isActive(member) || !member.realName) return null;
  const key = normaliseName(member.realName);
  const holders = byName.get(key) ?? [];
  if (holders.length !== 1 || holders[0] !== member.id) return null;
  const matches = owners.filter((o) => ownerKind(o) === 'person' && normaliseName(o) === key);
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * Whether a link made automatically (and not yet confirmed by an admin) still stands: it was made
 * by the rules of an earlier release (display names, roles) or the member has since changed their
 * name or left. Confirmed links are an admin's decision and are never undone here.
 */
export function autoLinkHolds(member: Member | null, owner: string): boolean {
  if (!member || !isActive(member) || !member.realName) return false;
  return ownerKind(owner) === 'person' && normaliseName(member.realName) === normaliseName(owner);
}
