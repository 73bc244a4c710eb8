import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * Slack delivers events at least once and may retry while the first delivery is still running.
 * The first delivery of an event_id claims it in the database; any other, on any instance, stops here.
 */
export function registerDedupe(app: App, deps: SlackDeps): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.ledger.firstSeen(eventId, deps.services.clock.now().toISOString()))) return;
    await next();
  });
}
