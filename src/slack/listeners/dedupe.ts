import type { App, Logger } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * Slack delivers events at least once and may retry while the first delivery is still running.
 * The first delivery of an event_id claims it in the database; any other, on any instance, stops here.
 */
export function registerDedupe(app: App, deps: SlackDeps): void {
  app.use(async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await firstSeen(deps, eventId, logger))) return;
    await next();
  });
}

/**
 * Events are acknowledged before this runs, so Slack will not send them again: when the ledger cannot
 * be reached (the database is down), the event goes on to its listener, which tells the person that
 * nothing was saved, rather than being dropped without a word.
 */
async function firstSeen(deps: SlackDeps, eventId: string, logger: Logger): Promise<boolean> {
  try {
    return await deps.ledger.firstSeen(eventId, deps.services.clock.now().toISOString());
  } catch (err) {
    logger.warn(`Could not record event ${eventId} as seen; handling it anyway: ${(err as Error).message}`);
    return true;
  }
}
