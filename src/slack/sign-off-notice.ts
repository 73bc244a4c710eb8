import type { Logger } from '@slack/bolt';
import type { ProposalNotice } from '../core/ask/reply.js';
import type { SlackDeps, WebClient } from './deps.js';
import { signOffRequests } from '../core/governance/sign-off-requests.js';
import { OutboxStore } from '../store/outbox-store.js';

/**
 * Who hears about a proposed completion or its return. The admins' request goes through the outbox
 * (sent by the dispatcher within a second, under a key per proposal and admin), so the scheduler's pass,
 * which queues the same keys for every open proposal, makes up for a request lost between the commit and
 * this call without sending one twice. A return is told to the owners directly.
 */

export async function askAdminsToSignOff(deps: SlackDeps, logger: Pick<Logger, 'error'>, n: ProposalNotice): Promise<void> {
  try {
    const plan = await deps.services.plans.get(n.plan);
    const rows = signOffRequests(n, deps.admins).map((r) => ({ key: r.key, planId: plan?.id ?? null, kind: r.kind, item: r.item, recipient: r.to, payload: r.payload }));
    await new OutboxStore(deps.services.database.db).enqueue(rows, deps.services.clock.now().toISOString());
  } catch (err) {
    logger.error(err);
  }
}

/** The owners' linked Slack people, told why their completion went back. */
export async function tellOwners(deps: SlackDeps, client: WebClient, logger: Pick<Logger, 'error'>, owners: string[], text: string, except: string): Promise<void> {
  const people = (await deps.people.membersOf(owners)).filter((id) => id !== except);
  for (const channel of new Set(people)) {
    await client.chat.postMessage({ channel, text }).catch((err: unknown) => logger.error(err));
  }
}
