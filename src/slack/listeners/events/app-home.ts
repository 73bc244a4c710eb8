import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';

/** Opening the Home tab publishes it at once, in the background and rate-limit aware like every refresh. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    deps.homes.refresh([event.user], true);
  });
}
