import { userInfo } from 'node:os';
import { ownersForName, type Actor } from '../core/ask/actor.js';
import type { AskContext } from '../core/ask/context.js';
import type { Services } from '../app/services.js';

/**
 * Who is speaking in the terminal. Without --as it is the local operator, who holds the data
 * files anyway and so acts as an admin; with --as it is that person, never an admin (admins are
 * Slack user ids, and a name typed here proves nothing).
 */
export async function terminalActor(services: Services, as: string | undefined): Promise<Actor> {
  if (!as?.trim()) {
    const name = safeUserName();
    return { id: `operator:${name}`, name, owns: [], admin: true, source: 'cli' };
  }
  const typed = as.trim();
  const owns = ownersForName(typed, await services.plans.ownerNames());
  const name = owns.length === 1 ? owns[0]! : typed;
  return { id: name, name, owns, admin: false, source: 'cli' };
}

export function askContext(services: Services, actor: Actor, planKey?: string): AskContext {
  return {
    plans: services.plans,
    ...(planKey ? { planKey } : {}),
    conversations: services.conversations,
    chases: services.chases,
    actor,
    now: services.clock.now(),
    ...(services.config.CONCERTO_TIMEZONE ? { timeZone: services.config.CONCERTO_TIMEZONE } : {}),
    conversationKey: `cli:${actor.id}`,
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}
