import type { Logger } from '@slack/bolt';
import { homeAcrossPlans } from '../core/ask/home.js';
import type { SlackDeps } from './deps.js';
import { retryAfterOf } from './fail-fast-client.js';
import { slackContext, slackViewer } from './identity.js';
import { homeView } from './views/home-view.js';

/** Publishes a person's App Home: their items first, then the plan at a glance. */
export async function publishHome(deps: SlackDeps, userId: string): Promise<void> {
  const viewer = await slackViewer(deps, userId);
  const data = await homeAcrossPlans(slackContext(deps, viewer, `slack:${userId}:home`));
  if (!data) return;
  await deps.background.views.publish({ user_id: userId, view: homeView(data) as never });
}

/**
 * App Home refreshes, off the path of anyone's reply. views.publish is rate-limited per workspace,
 * and a change can touch every member of a role: so each person is refreshed at most once per
 * short window however many changes ask for it, on the fail-fast client, and a 429 reschedules
 * that person after Retry-After instead of pausing anyone else. The view is built when it is sent,
 * so a coalesced refresh still shows the latest plan.
 */
export class HomeRefresher {
  private readonly due = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly publish: (userId: string) => Promise<void>,
    private readonly logger: Logger,
    private readonly windowMs = 500,
  ) {}

  /** Refresh these people soon (at once when `now`); a refresh already due covers them. */
  refresh(userIds: Iterable<string>, now = false): void {
    for (const id of userIds) this.schedule(id, now ? 0 : this.windowMs);
  }

  /** After a change to an item: the person who made it and everyone acting for its owners. */
  refreshAfterChange(deps: Pick<SlackDeps, 'people'>, actorId: string, owners: string[]): void {
    this.refresh([actorId]);
    if (owners.length) this.track(deps.people.membersOf(owners).then((ids) => this.refresh(ids), (err) => this.logger.warn(`App Home refresh skipped: ${(err as Error).message}`)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.due.values()) clearTimeout(t);
    this.due.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(userId: string, delayMs: number): void {
    if (this.stopped || this.due.has(userId)) return;
    const timer = setTimeout(() => {
      this.due.delete(userId);
      this.track(this.run(userId));
    }, delayMs);
    timer.unref();
    this.due.set(userId, timer);
  }

  private async run(userId: string): Promise<void> {
    try {
      await this.publish(userId);
    } catch (err) {
      const wait = retryAfterOf(err);
      if (wait !== null) this.schedule(userId, wait * 1000);
      else this.logger.warn(`Could not refresh the App Home of ${userId}: ${(err as Error).message}`);
    }
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}
