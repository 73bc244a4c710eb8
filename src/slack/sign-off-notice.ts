import type { Logger } from '@slack/bolt';
import type { ProposalNotice } from '../core/ask/reply.js';
import type { SlackDeps, WebClient } from './deps.js';
import { signOffRequestMessage } from './views/sign-off-message.js';

/**
 * Who hears about a proposed completion or its return, by DM. Sent after the change committed; a failed
 * send is logged and never undoes the change (the proposal stays listed on the board paper and in `status`).
 */

/** The plan's admins and CONCERTO_ADMINS, less the proposer (who cannot sign off their own proposal). */
export function signOffRecipients(deps: Pick<SlackDeps, 'admins'>, n: ProposalNotice): string[] {
  return [...new Set([...n.admins, ...deps.admins])].filter((id) => id !== n.byId);
}

export async function askAdminsToSignOff(deps: SlackDeps, client: WebClient, logger: Pick<Logger, 'error'>, n: ProposalNotice): Promise<void> {
  const message = signOffRequestMessage(n);
  for (const channel of signOffRecipients(deps, n)) {
    await client.chat.postMessage({ channel, ...message } as never).catch((err: unknown) => logger.error(err));
  }
}

/** The owners' linked Slack people, told why their completion went back. */
export async function tellOwners(deps: SlackDeps, client: WebClient, logger: Pick<Logger, 'error'>, owners: string[], text: string, except: string): Promise<void> {
  const people = (await deps.people.membersOf(owners)).filter((id) => id !== except);
  for (const channel of new Set(people)) {
    await client.chat.postMessage({ channel, text }).catch((err: unknown) => logger.error(err));
  }
}
