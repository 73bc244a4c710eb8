import type { PeopleStore } from '../../ports.js';
import type { AskContext } from '../context.js';
import { meta } from './change.js';
import { say, type Reply } from '../reply.js';
import { resolveName } from './resolve-names.js';

/** Who is who: admins link outside identities (Slack users) to plan owners, people or roles. */
export interface Person {
  id: string;
  /** How to name them in replies (their display name). */
  label: string;
}

/**
 * A link is between a person and an owner name, in every plan that name owns items in (a person is
 * the same person, a role the same team, across plans): so only admins of every plan make them.
 */
export async function linkPerson(turn: AskContext, people: PeopleStore, person: Person, ownerTyped: string, unlink = false): Promise<Reply> {
  if (!turn.actor.admin) return say(`Only an admin listed in CONCERTO_ADMINS can ${unlink ? 'unlink' : 'link'} people (a link holds in every plan); ask one of them.`, { error: 'not_permitted' });
  const owner = pickOwner(unlink ? await people.ownersFor(person.id) : await turn.plans.ownerNames(), ownerTyped);
  if (typeof owner !== 'string') return owner;
  if (unlink) {
    const removed = await people.unlink(person.id, owner, meta(turn));
    return say(removed ? `${person.label} no longer acts for ${owner}.` : `${person.label} was not linked to ${owner}.`);
  }
  const outcome = await people.link(person.id, owner, false, meta(turn));
  if (outcome === 'exists') return say(`${person.label} already acts for ${owner}.`);
  if (outcome === 'confirmed') return say(`Confirmed: ${person.label} acts for ${owner} (they were matched by their full name; now an admin has confirmed it).`);
  const others = (await people.membersOf([owner])).length - 1;
  return say(`${person.label} now acts for ${owner}${others > 0 ? ` (with ${others} other${others === 1 ? '' : 's'})` : ''}: "mine" and reminders will include its items.`);
}

export async function listLinks(people: PeopleStore, label: (id: string) => string): Promise<Reply> {
  const links = await people.links();
  if (!links.length) return say('Nobody is linked to a plan owner yet. An admin can `link @someone "Owner name"`.');
  const byOwner = new Map<string, string[]>();
  for (const l of links) byOwner.set(l.ownerName, [...(byOwner.get(l.ownerName) ?? []), `${label(l.externalId)}${l.auto ? ' (matched by full name, not yet confirmed)' : ''}`]);
  const lines = ['Who acts for whom:', ...[...byOwner].map(([owner, who]) => `• ${owner}: ${who.join(', ')}`)];
  if (links.some((l) => l.auto)) lines.push('An admin confirms a match with `link @person "Owner"`, or undoes it with `unlink @person "Owner"`.');
  return say(lines.join('\n'));
}

function pickOwner(known: string[], typed: string): string | Reply {
  const name = typed.trim().replace(/^["“'‘]|["”'’]$/g, '');
  if (!name) return say('Say which owner, e.g. `link @alice "Portfolio Office"`.', { error: 'invalid' });
  const match = resolveName(name, known);
  if (match.kind === 'one') return match.name;
  if (match.kind === 'many') return say(`"${name}" could be ${match.names.join(' or ')}. Write the owner's full name in quotes.`, { error: 'invalid' });
  return say(`No owner matches "${name}". Owners in the plan include: ${known.slice(0, 15).join(', ')}.`, { error: 'invalid' });
}

