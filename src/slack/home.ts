import { startTurn } from '../core/ask/ask.js';
import { homeData } from '../core/ask/home.js';
import type { SlackDeps, WebClient } from './deps.js';
import { slackContext, slackViewer } from './identity.js';
import { homeView } from './views/home-view.js';

/** Publishes a person's App Home: their items first, then the plan at a glance. */
export async function publishHome(deps: SlackDeps, client: WebClient, userId: string): Promise<void> {
  const viewer = await slackViewer(deps, client, userId);
  const turn = await startTurn(slackContext(deps, viewer, `slack:${userId}:home`));
  if ('awaiting' in turn) return;
  await client.views.publish({ user_id: userId, view: homeView(await homeData(turn)) as never });
}

/** After a change, everyone who acts for the item's owners (and the person who made it) sees a fresh home. */
export async function republishHomes(deps: SlackDeps, client: WebClient, actorId: string, owners: string[]): Promise<void> {
  const members = await deps.people.membersOf(owners);
  const everyone = [...new Set([actorId, ...members])];
  await Promise.allSettled(everyone.map((id) => publishHome(deps, client, id)));
}
