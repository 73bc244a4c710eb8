import { ask } from '../core/ask/ask.js';
import { linkPerson, listLinks } from '../core/ask/handlers/people.js';
import { say, type Reply } from '../core/ask/reply.js';
import type { SlackDeps } from './deps.js';
import { slackContext, slackViewer, type SlackViewer } from './identity.js';
import { fromSlackText } from './slack-text.js';
import { askAdminsToSignOff } from './sign-off-notice.js';

/** `link <@U123|alice> "Portfolio Office"` — Slack mentions arrive escaped because the command sets should_escape. */
const LINK = /^(link|unlink)\s+<@([A-Z0-9]+)(?:\|([^>]*))?>\s*(.*)$/is;
const LIST_LINKS = /^(links|who is linked|linked people)\??$/i;

/**
 * One message from a Slack user, in a place, through the engine. The only words handled here
 * are the ones that name Slack users (link, unlink); everything else is the core's grammar.
 * A change schedules App Home refreshes in the background; the caller replies first.
 */
export async function converse(deps: SlackDeps, userId: string, text: string, conversationKey: string, channel?: string): Promise<{ reply: Reply; viewer: SlackViewer }> {
  const viewer = await slackViewer(deps, userId);
  const ctx = slackContext(deps, viewer, conversationKey, channel ? { channel } : {});
  const trimmed = text.trim();
  // Mentions are read from Slack's own markup before it is turned back into plain text.
  const link = LINK.exec(trimmed);
  if (link) {
    const [, verb, targetId, targetName] = link;
    const label = targetName || (await slackViewer(deps, targetId!)).actor.name;
    return { reply: await linkPerson(ctx, deps.people, { id: targetId!, label }, link[4] ?? '', verb!.toLowerCase() === 'unlink'), viewer };
  }
  if (/^(link|unlink)\b/i.test(trimmed)) {
    return { reply: say('Mention the person and name the owner: `link @alice "Portfolio Office"` (or `unlink @alice "Portfolio Office"`).', { error: 'invalid' }), viewer };
  }
  if (LIST_LINKS.test(trimmed)) {
    const names = await deps.users.namesOf([...new Set((await deps.people.links()).map((l) => l.externalId))]);
    return { reply: await listLinks(deps.people, (id) => names.get(id) ?? id), viewer };
  }
  // Plan settings name channels and people by id: Slack's markup is read as the id it carries, not the label.
  const words = /^\s*plan\s/i.test(trimmed) ? trimmed.replace(/<[#@]([A-Z0-9]+)(?:\|[^>]*)?>/g, '$1') : fromSlackText(text);
  const reply = await ask(ctx, words);
  // Anyone whose App Home shows the changed item sees it fresh, whichever door the change came through.
  if (reply.changed) deps.homes.refreshAfterChange(deps, userId, reply.items[0]?.owners ?? []);
  // A completion proposed on a plan with sign-off on: its admins are asked, once the change has committed.
  if (reply.proposed) await askAdminsToSignOff(deps, console, reply.proposed);
  return { reply, viewer };
}
