import { ask } from '../core/ask/ask.js';
import { linkPerson, listLinks } from '../core/ask/handlers/people.js';
import { say, type Reply } from '../core/ask/reply.js';
import { parseIntent } from '../core/ask/intents/parse-intent.js';
import type { SlackDeps } from './deps.js';
import { slackContext, slackViewer, type SlackViewer } from './identity.js';
import { fromSlackText } from './slack-text.js';
import { askAdminsToSignOff } from './sign-off-notice.js';

/** `link <@U123|alice> "Portfolio Office"` — Slack mentions arrive escaped because the command sets should_escape. */
const LINK = /^(link|unlink)\s+<@([A-Z0-9]+)(?:\|([^>]*))?>\s*(.*)$/is;
const LIST_LINKS = /^(links|who is linked|linked people)\??$/i;

/** A person as Slack writes one into a message: `<@U0123ABCD>`, or `<@U0123ABCD|karen>` from a command. */
const USER_MENTION = /<@([A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * The message as the engine reads it. A person mentioned to say who is meant — "what's overdue for @karen?", "what did
 * @karen say?", "reassign 4.2.2 to @karen" — is kept as their user id, which is who they are (a name they chose is not);
 * anywhere else (an update's words) a mention is the name the writer saw, as Slack showed it ("met @Karen Georgiou"),
 * not the id an event carries.
 */
async function wordsOf(deps: SlackDeps, text: string): Promise<string> {
  const ids = [...new Set([...text.matchAll(USER_MENTION)].map((m) => m[1]!))];
  if (!ids.length) return fromSlackText(text);
  const marked = withMentions(text, (id) => `<@${id}>`);
  const intent = parseIntent(marked);
  const names = (s: string | undefined) => s?.startsWith('<@') === true;
  if (intent.kind === 'assign' || (intent.kind === 'query' && (names(intent.filter.owner) || names(intent.filter.author)))) return marked;
  const named = new Map(await Promise.all(ids.map(async (id) => [id, (await slackViewer(deps, id)).actor.name] as const)));
  return withMentions(text, (id) => `@${named.get(id) ?? id}`);
}

/** Slack's markup as plain text, each user mention written as `as` says (held aside while the rest is unescaped). */
function withMentions(text: string, as: (id: string) => string): string {
  return fromSlackText(text.replace(USER_MENTION, '\u0000$1\u0001')).replace(/\u0000([A-Z0-9]+)\u0001/g, (_, id: string) => as(id));
}

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
  const words = /^\s*plan\s/i.test(trimmed) ? trimmed.replace(/<[#@]([A-Z0-9]+)(?:\|[^>]*)?>/g, '$1') : await wordsOf(deps, text);
  const reply = await ask(ctx, words);
  // Anyone whose App Home shows the changed item sees it fresh, whichever door the change came through.
  if (reply.changed) deps.homes.refreshAfterChange(deps, userId, reply.items[0]?.owners ?? []);
  // A completion proposed on a plan with sign-off on: its admins are asked, once the change has committed.
  if (reply.proposed) await askAdminsToSignOff(deps, console, reply.proposed);
  return { reply, viewer };
}
