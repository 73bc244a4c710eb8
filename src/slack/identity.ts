import type { Actor } from '../core/ask/actor.js';
import type { AskContext } from '../core/ask/context.js';
import { isTimeZone } from '../core/dates/today.js';
import { normaliseName } from '../core/plan/owners.js';
import type { SlackDeps, WebClient } from './deps.js';

/** Profiles older than this are read again from users.info. */
const PROFILE_TTL_MS = 24 * 60 * 60 * 1000;

export interface SlackViewer {
  actor: Actor;
  timeZone: string | null;
}

/**
 * Turns a Slack user id into the plan people it acts for. The first time we meet someone whose
 * Slack real or display name is exactly a plan owner's, they are linked to it; after that only
 * admins change links, so an unlink is never undone behind their back.
 */
export async function slackViewer(deps: SlackDeps, client: WebClient, userId: string): Promise<SlackViewer> {
  const now = deps.services.clock.now().toISOString();
  let profile = await deps.users.get(userId);
  if (!profile || Date.parse(now) - Date.parse(profile.fetchedAt) > PROFILE_TTL_MS) {
    try {
      const info = await client.users.info({ user: userId });
      const user = info.user;
      await deps.users.put({
        userId,
        realName: user?.profile?.real_name || user?.real_name || null,
        displayName: user?.profile?.display_name || user?.name || null,
        timeZone: user?.tz && isTimeZone(user.tz) ? user.tz : null,
        fetchedAt: now,
      });
      profile = await deps.users.get(userId);
    } catch {
      // Slack unreachable or the user unknown: carry on with what we have, or the bare id.
    }
  }
  if (profile && !profile.autoLinkedAt) {
    const names = [profile.realName, profile.displayName].filter((n): n is string => Boolean(n)).map(normaliseName);
    for (const owner of await deps.services.store.owners().catch(() => [])) {
      if (names.includes(normaliseName(owner))) await deps.people.link(userId, owner, true, { actor: 'concerto', source: 'slack', at: now });
    }
    await deps.users.markAutoLinked(userId, now);
  }
  const owns = await deps.people.ownersFor(userId);
  const name = profile?.realName || profile?.displayName || userId;
  const admins = deps.admins.map((a) => a.toLowerCase());
  const admin = admins.includes(userId.toLowerCase()) || admins.includes(name.toLowerCase());
  return { actor: { id: userId, name, owns, admin, source: 'slack' }, timeZone: profile?.timeZone ?? null };
}

/** The engine's context for a Slack user in a place (DM, channel thread, slash command). */
export function slackContext(deps: SlackDeps, viewer: SlackViewer, conversationKey: string): AskContext {
  return {
    store: deps.services.store,
    conversations: deps.services.conversations,
    people: deps.people,
    actor: viewer.actor,
    now: deps.services.clock.now(),
    ...(viewer.timeZone ? { timeZone: viewer.timeZone } : deps.services.config.CONCERTO_TIMEZONE ? { timeZone: deps.services.config.CONCERTO_TIMEZONE } : {}),
    conversationKey,
  };
}
