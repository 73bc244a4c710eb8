import { parseStatus } from '../../plan/status.js';
import type { QueryFilter } from '../intent.js';
import type { Turn } from '../context.js';
import { say, type Reply } from '../reply.js';
import { bestScore, matchThemes, resolveName } from './resolve-names.js';
import { nearNames } from './near-names.js';
import type { Exclusions } from './answer-kinds.js';
import { didYouMean, notUnderstood } from './query-reading.js';
import { mentionsAll } from '../../plan/mentions.js';

/**
 * The names in a question about many items resolved against the plan: an owner (or "me", or an @mentioned
 * person), a word that may be a theme, an owner, a status or words of the items' text, and what to leave out.
 */

/** "for Karen", "mine", "for @alice": the plan's owner names meant, or the question back when it could be several. */
export async function resolveOwner(turn: Turn, filter: QueryFilter): Promise<string[] | Reply> {
  if (filter.owner === 'me') {
    if (turn.actor.owns.length) return turn.actor.owns;
    return say(
      `I don't know which plan owner you are. In the terminal, start with --as "Your Name"; in Slack, ask an admin to \`link\` you to your name or role.`,
      { error: 'invalid' },
    );
  }
  const known = await turn.store.owners();
  const person = /^<@([A-Z0-9]+)>$/.exec(filter.owner!);
  if (person) return ownersOfPerson(turn, person[1]!, known);
  const match = resolveName(filter.owner!, known);
  if (match.kind === 'one') return [match.name];
  // "Karens", "rachels": a possessive typed without its apostrophe names the owner without the s.
  if (match.kind === 'none' && /[^s]s$/i.test(filter.owner!)) {
    const bare = resolveName(filter.owner!.slice(0, -1), known);
    if (bare.kind === 'one') return [bare.name];
  }
  if (match.kind === 'none') {
    // One typo away from a name ("Karan", "Shakleton"): asked about, never assumed.
    const near = nearNames(filter.owner!, known);
    if (near.length) return didYouMean(filter.owner!, near);
    return say(`No owner matches "${filter.owner}". Owners in the plan include: ${known.slice(0, 15).join(', ')}.`, { error: 'invalid' });
  }
  return say(`"${filter.owner}" could be ${match.names.join(' or ')}. Which one did you mean?`, {
    awaiting: 'choose_owner',
    choices: match.names,
  });
}

/** "show me the ICT actions": a status, a theme or an owner, whichever the word fits best. */
export async function resolveAbout(turn: Turn, about: string, filter: QueryFilter): Promise<QueryFilter | Reply> {
  const status = parseStatus(about);
  if (status) return { status };
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  const t = bestScore(about, themes);
  const o = bestScore(about, owners);
  if (t === 0 && o === 0 && /[^s]s$/i.test(about) && bestScore(about.slice(0, -1), owners) >= 2) return { owner: about.slice(0, -1) };
  if (t === 0 && o === 0) {
    // "what's the status of the ERP business case?": words no theme or owner has, that items' own text does.
    if (!isQuestionWords(about) && (await turn.store.find({})).some((r) => mentionsAll(r.text, about))) return { mentions: about };
    const near = nearNames(about, owners);
    if (near.length) return didYouMean(about, near);
    const nearThemes = nearNames(about, themes);
    if (nearThemes.length) return didYouMean(about, nearThemes, 'theme');
    return notUnderstood(filter, about, 'about');
  }
  return t >= o ? { theme: about } : { owner: about };
}


/** Words about the plan itself ("owners", "the most"), never words of an item to look for. */
const QUESTION_WORDS = new Set(
  ('owner owners owned owns own theme themes people person lead leads most least more less fewest top bottom item items plan plans board boards who whom whose date dates due status number numbers count total ' +
    'change changes changed happen happened new news latest update updates updated done doing report reports paper papers progress late soon next last').split(' '),
);
const isQuestionWords = (phrase: string) => phrase.toLowerCase().split(/\s+/).every((w) => QUESTION_WORDS.has(w));

/** "except ICT", "not owned by the Portfolio Office", "apart from the complete ones": what to leave out. */
export async function resolveExclusions(turn: Turn, filter: QueryFilter): Promise<Exclusions | Reply> {
  const not = filter.not ?? {};
  const out: Exclusions = {};
  if (not.status) out.status = not.status;
  const themes = await turn.store.themes();
  const owners = await turn.store.owners();
  if (not.owner === 'me') {
    const mine = await resolveOwner(turn, { owner: 'me' });
    if (!Array.isArray(mine)) return mine;
    out.owners = mine;
  } else if (not.owner) {
    const match = resolveName(not.owner, owners);
    if (match.kind === 'none') return notUnderstood(filter, not.owner, 'owner');
    out.owners = match.kind === 'one' ? [match.name] : match.names;
  }
  if (not.theme || not.about) {
    const word = (not.theme ?? not.about)!;
    const status = parseStatus(word.replace(/\s+ones?$/i, ''));
    if (status && !not.theme) out.status = status;
    else if (bestScore(word, themes) >= bestScore(word, owners) && bestScore(word, themes) > 0) out.themes = matchThemes(word, themes);
    else if (bestScore(word, owners) > 0) out.owners = [...(out.owners ?? []), ...matchThemes(word, owners)];
    else return notUnderstood(filter, word, 'about');
  }
  return out;
}

/** The plan's owners a mentioned Slack user acts for (their links), or what to do when they act for none. */
async function ownersOfPerson(turn: Turn, userId: string, known: readonly string[]): Promise<string[] | Reply> {
  if (!turn.people) return say('A mention names a Slack user, and only Slack knows whom they act for; name the owner instead, e.g. "what\'s overdue for Karen?".', { error: 'invalid' });
  const owners = (await turn.people.ownersFor(userId)).filter((o) => known.includes(o));
  if (owners.length) return owners;
  return say(`<@${userId}> is not linked to any owner in ${turn.plan.key}. An admin links them with \`link <@${userId}> "Owner name"\`, or ask about the owner by name.`, {
    error: 'not_found',
  });
}
