import { readDelivery } from '../../dates/read-delivery.js';
import { matchOwners, ownerKind, ownerMatchScore } from '../../plan/owners.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import type { AddFields } from '../intent.js';
import { cleanText, tooLong } from '../clean-text.js';
import type { Turn } from '../context.js';
import { describeDelivery, priorityWords } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { archivedRefusal, meta } from './change.js';
import { matchThemes } from './resolve-names.js';

/** Changes to the plan's shape: who owns what, and new items. Admins only. */

export function notAdmin(turn: Turn, what: string): Reply | null {
  if (!turn.actor.admin) return say(`Only an admin of ${turn.plan.key} can ${what}. Admins are listed in CONCERTO_ADMINS and in the plan's settings (\`plans\`); ask one of them.`, { error: 'not_permitted' });
  return archivedRefusal(turn);
}

/** How `assign` changes the owners: all of them (the default), one swapped for others, some added, some taken off. */
export interface OwnerEdit {
  replacing?: string;
  edit?: 'add' | 'remove';
}

export async function assign(turn: Turn, id: string, typed: string[], edit: OwnerEdit = {}): Promise<Reply> {
  const refused = notAdmin(turn, 'assign owners');
  if (refused) return refused;
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  // Mentions become the owners they are linked to, in the names and in the one being replaced.
  const resolved = await namesOfMentions(turn, id, [...typed, ...(edit.replacing !== undefined ? [edit.replacing] : [])]);
  if (typeof resolved === 'string') return say(resolved, { error: 'invalid', items: [itemView(rec, turn.today)] });
  const names = typed.map((t) => resolved.get(t) ?? t).map(cleanText).filter(Boolean);
  const how = edit.replacing === undefined ? edit : { ...edit, replacing: resolved.get(edit.replacing) ?? edit.replacing };
  if (!names.length || names.some((n) => n.length > 200)) return say(`Name the new owner(s), e.g. \`assign ${id} Karen Georgiou, Portfolio Office\`.`, { error: 'invalid' });
  const known = await turn.store.owners();
  // Taking someone off is of the item's owners; otherwise of the plan's.
  const read = names.map((n) => knownOwner(n, edit.edit === 'remove' ? rec.owners : known));
  const unsure = read.find((r) => typeof r !== 'string');
  if (unsure) return say(`"${unsure.typed}" could be ${unsure.could.join(' or ')}: say which, e.g. \`assign ${id} ${unsure.could[0]}\`, or give a new owner's full name.`, { error: 'invalid', items: [itemView(rec, turn.today)] });
  const spelt = [...new Set(read as string[])];
  const owners = editedOwners(id, rec.owners, spelt, how);
  if (typeof owners === 'string') return say(owners, { error: 'invalid', items: [itemView(rec, turn.today)] });
  if (owners.length === rec.owners.length && owners.every((o, i) => o === rec.owners[i])) {
    return say(`${id} is already owned by ${rec.owners.join(', ') || 'nobody'}; nothing changed.`, { items: [itemView(rec, turn.today)] });
  }
  const saved = await turn.store.change({ ...meta(turn), recId: id, owners });
  const added = owners.filter((o) => !known.includes(o));
  return say(
    `${id} is now owned by ${owners.join(', ')} (was ${rec.owners.join(', ') || 'nobody'}).${added.length ? ` New to the plan: ${added.join(', ')}.` : ''}`,
    { items: [itemView(saved, turn.today)], changed: true },
  );
}

/**
 * A typed owner as the plan spells it, so that "portfolio office", "the Portfolio Office" or "Karen" (when Karen
 * Georgiou is the plan's only Karen) does not create a twin. One word that starts the name of more than one person
 * is asked about; a name the plan does not have is a new owner, as typed.
 */
function knownOwner(typed: string, known: readonly string[]): string | { typed: string; could: string[] } {
  const bare = typed.replace(/^the\s+/i, '');
  // "The Police Federation" may be a name as the plan spells it, "the" and all.
  const exact = known.find((k) => ownerMatchScore(typed, k) === 3) ?? known.find((k) => ownerMatchScore(bare, k) === 3);
  if (exact) return exact;
  if (/\s/.test(bare.trim())) return bare;
  const people = known.filter((k) => ownerKind(k) === 'person' && ownerMatchScore(bare, k) === 2);
  if (people.length === 1) return people[0]!;
  if (people.length > 1) return { typed, could: people };
  return bare;
}

/** A Slack mention, `<@U0123ABCD>` or `<@U0123ABCD|karen>`, as Slack writes one into a message. */
const MENTION = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * The owner each mentioned person is, by their link: the one person-owner they are linked to (a person may also act
 * for roles, which are not them). A mention with no such single link is refused with how to make it; names pass as typed.
 */
async function namesOfMentions(turn: Turn, itemId: string, typed: readonly string[]): Promise<Map<string, string> | string> {
  const out = new Map<string, string>();
  for (const t of typed) {
    const id = MENTION.exec(t.trim())?.[1];
    if (!id) continue;
    const linked = turn.people ? await turn.people.ownersFor(id) : [];
    const persons = linked.filter((o) => ownerKind(o) === 'person');
    const chosen = persons.length === 1 ? persons[0]! : linked.length === 1 ? linked[0]! : null;
    if (!chosen) {
      return linked.length
        ? `<@${id}> is linked to ${linked.join(', ')}; say which by name, e.g. \`assign ${itemId} ${linked[0]}\`.`
        : `<@${id}> is not linked to an owner yet. An admin links them with \`link <@${id}> "Owner name"\`, or name the owner instead.`;
    }
    out.set(t, chosen);
  }
  return out;
}

/**
 * The owners after an edit, or why it cannot be made. The owner to swap or take off is matched among the item's
 * own owners as lists match names ("Shackleton" is "N. Shackleton" when no other owner of the item fits).
 */
function editedOwners(id: string, current: readonly string[], named: readonly string[], how: OwnerEdit): string[] | string {
  const ownersNow = current.length ? current.join(', ') : 'nobody';
  const one = (typed: string): string | { error: string } => {
    const found = matchOwners(typed, current);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return { error: `"${typed}" could be ${found.join(' or ')} on ${id}; say which in full.` };
    return { error: `${typed} is not an owner of ${id} (its owners: ${ownersNow}). To name all its owners at once: \`assign ${id} NAME, NAME\`.` };
  };
  if (how.replacing !== undefined) {
    const out = one(how.replacing);
    if (typeof out !== 'string') return out.error;
    const at = current.indexOf(out);
    return [...new Set([...current.slice(0, at), ...named, ...current.slice(at + 1)])];
  }
  if (how.edit === 'add') {
    const already = named.filter((n) => current.some((c) => c.toLowerCase() === n.toLowerCase()));
    if (already.length === named.length) return `${already.join(', ')} already ${already.length === 1 ? 'owns' : 'own'} ${id} (its owners: ${ownersNow}).`;
    return [...current, ...named.filter((n) => !already.includes(n))];
  }
  if (how.edit === 'remove') {
    const leaving: string[] = [];
    for (const n of named) {
      const out = one(n);
      if (typeof out !== 'string') return out.error;
      leaving.push(out);
    }
    const left = current.filter((c) => !leaving.includes(c));
    if (!left.length) return `That would leave ${id} with no owner. Give it another at the same time: \`reassign ${id} from ${leaving[0]} to NAME\`.`;
    return left;
  }
  return [...named];
}

/** `priority IA-02 High`: admins only, as assigning is; "none" clears it. Kept as typed, as an imported priority is kept as written. */
export async function setPriority(turn: Turn, id: string, typed: string | null): Promise<Reply> {
  const refused = notAdmin(turn, 'set priorities');
  if (refused) return refused;
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  const priority = typed === null ? null : cleanText(typed);
  if (priority !== null && (!priority || priority.length > 100)) return say(`Say the priority in a word or two, e.g. \`priority ${id} High\` (or \`priority ${id} none\` to clear it).`, { error: 'invalid' });
  // The plan's own spelling of a priority it already uses ("high" → "High"), so lists and counts stay together.
  const used = [...new Set((await turn.store.find({})).map((r) => r.priority).filter((p): p is string => Boolean(p)))];
  const capitalised = used.length > 0 && used.every((p) => /^[A-Z0-9]/.test(p));
  const chosen = priority === null ? null : (used.find((p) => p.toLowerCase() === priority.toLowerCase()) ?? (capitalised ? `${priority.charAt(0).toUpperCase()}${priority.slice(1)}` : priority));
  if ((rec.priority ?? null) === chosen) return say(chosen === null ? `${id} has no priority; nothing to clear.` : `${id} is already ${priorityWords(chosen)}.`, { items: [itemView(rec, turn.today)] });
  const saved = await turn.store.change({ ...meta(turn), recId: id, priority: chosen });
  const was = rec.priority ? ` (was ${priorityWords(rec.priority)})` : '';
  return say(chosen === null ? `${id} has no priority now${was}.` : `${id} is now ${priorityWords(chosen)}${was}.`, { items: [itemView(saved, turn.today)], changed: true });
}

export async function addItem(turn: Turn, id: string, fields: AddFields): Promise<Reply> {
  const refused = notAdmin(turn, 'add recommendations');
  if (refused) return refused;
  const usage = `For example: \`add 9.4.1 Publish the revised terms of reference; theme: Governance; owner: Portfolio Office; due: end of March 2018\`.`;
  if (!isRecommendationId(id)) return say(`"${id}" is not a recommendation number. ${usage}`, { error: 'invalid' });
  if (await turn.store.get(id)) return say(`${id} already exists. Use \`update ${id}\`, \`date ${id} …\` or \`assign ${id} …\` to change it.`, { error: 'invalid' });
  const text = cleanText(fields.text ?? '');
  if (!text) return say(`Say what ${id} recommends. ${usage}`, { error: 'invalid' });
  const long = tooLong(text);
  if (long) return say(long, { error: 'invalid' });
  if (!fields.theme) return say(`Which theme does ${id} belong to? Add \`; theme: <name>\`. ${usage}`, { error: 'invalid' });
  const themes = matchThemes(fields.theme, await turn.store.themes());
  const theme = themes.length === 1 ? themes[0]! : cleanText(fields.theme);
  const read = readDelivery(fields.delivery ?? '', { today: turn.today, timeZone: turn.timeZone });
  if (!read.ok) return say(read.error, { error: 'unreadable_date' });
  const saved = await turn.store.add(
    { id, theme, text, owners: fields.owners.map(cleanText).filter(Boolean), status: fields.status ?? 'not_started', delivery: read.window },
    meta(turn),
  );
  return say(`Added ${id} under ${theme}, owned by ${saved.owners.join(', ') || 'nobody yet'}, due ${describeDelivery(saved.delivery)}.`, {
    items: [itemView(saved, turn.today)],
    changed: true,
  });
}
