import type { Actor } from '../core/ask/actor.js';
import type { AskContext } from '../core/ask/context.js';
import { isActive } from '../core/people/auto-link.js';
import type { SlackProfile } from '../store/slack-user-cache.js';
import type { SlackDeps } from './deps.js';
import { linkByName, profileOf } from './directory.js';
import { retryAfterOf } from './fail-fast-client.js';

/** Profiles older than this are read again from users.info. */
const PROFILE_TTL_MS = 24 * 60 * 60 * 1000;
/** The longest Retry-After worth waiting for on someone's request (replies can wait; the trigger has been used). */
const MAX_LOOKUP_WAIT_S = 10;

export interface SlackViewer {
  actor: Actor;
  timeZone: string | null;
}

/**
 * Turns a Slack user id into the plan people it acts for. The user id is the identity: what a
 * person may change comes from the links admins made (or the unique full-name match, see
 * core/people/auto-link.ts), never from a name they chose, and admins are user ids only.
 * Called after the ack: it may read users.info, on the client that fails fast on a 429.
 */
export async function slackViewer(deps: SlackDeps, userId: string): Promise<SlackViewer> {
  const now = deps.services.clock.now().toISOString();
  // Settled at once, except while a new installation reads its member directory for the first time.
  const directoryRead = await deps.directoryReady();
  let profile = await deps.users.get(userId);
  let fresh: SlackProfile | null = null;
  if (!profile || Date.parse(now) - Date.parse(profile.fetchedAt) > PROFILE_TTL_MS) {
    fresh = await lookUp(deps, userId, now);
    if (fresh) await deps.users.put(fresh);
    profile = fresh ?? profile;
  }
  let owns = await deps.people.ownersFor(userId);
  if (profile && !isActive(profile)) {
    if (owns.length) await deps.people.unlinkAll(userId, { actor: 'concerto', actorId: null, source: 'slack', at: now }, 'deactivated in Slack, or a bot');
    owns = [];
  } else if (fresh && !owns.length && directoryRead) {
    // Someone the directory did not have (they joined since it was read), or a daily refresh: matched by
    // full name on the same rules. Only on a fresh profile, so an unlinked reader costs no extra queries.
    await linkByName(deps, { id: userId, realName: fresh.realName, nameKey: fresh.nameKey, deleted: fresh.deleted, isBot: fresh.isBot });
    owns = await deps.people.ownersFor(userId);
  }
  const name = profile?.realName || profile?.displayName || userId;
  return { actor: { id: userId, name, owns, admin: deps.admins.includes(userId), source: 'slack' }, timeZone: profile?.timeZone ?? null };
}

/**
 * users.info, or null when Slack is unreachable: the person is still known by their id. A 429 is
 * waited out once when Slack asks for a short wait — this runs after the ack (and after a modal has
 * opened), and a person Concerto has never met cannot be matched to an owner without their name.
 */
async function lookUp(deps: SlackDeps, userId: string, now: string, retried = false): Promise<SlackProfile | null> {
  try {
    const info = await deps.background.users.info({ user: userId });
    return info.user ? profileOf(info.user, now) : null;
  } catch (err) {
    const wait = retryAfterOf(err);
    if (wait === null || wait > MAX_LOOKUP_WAIT_S || retried) return null;
    await new Promise((r) => setTimeout(r, wait * 1000));
    return lookUp(deps, userId, now, true);
  }
}

/** The engine's context for a Slack user in a place (DM, channel thread, slash command). */
export function slackContext(deps: SlackDeps, viewer: SlackViewer, conversationKey: string, place: { channel?: string } = {}): AskContext {
  return {
    plans: deps.services.plans,
    ...(place.channel ? { channel: place.channel } : {}),
    conversations: deps.services.conversations,
    people: deps.people,
    chases: deps.services.chases,
    nudges: deps.reminders,
    actor: viewer.actor,
    now: deps.services.clock.now(),
    ...(viewer.timeZone ? { timeZone: viewer.timeZone } : deps.services.config.CONCERTO_TIMEZONE ? { timeZone: deps.services.config.CONCERTO_TIMEZONE } : {}),
    conversationKey,
  };
}
