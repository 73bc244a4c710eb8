import { suggestIds } from '../plan/recommendation-id.js';
import type { Recommendation } from '../plan/recommendation.js';
import { say, type Reply } from './reply.js';
import type { Turn } from './context.js';

/** Finds an item, or the reply that says it isn't there and what might have been meant. */
export async function findItem(turn: Turn, id: string): Promise<Recommendation | Reply> {
  const rec = await turn.store.get(id);
  if (rec) return rec;
  const near = suggestIds(id, await turn.store.ids());
  const hint = near.length ? ` — did you mean ${near.join(', ')}?` : '.';
  return say(`There is no ${id} in the plan${hint} Type \`list\` to see every item.`, { error: 'not_found' });
}

export const isReply = <T extends object>(x: T | Reply): x is Reply => 'awaiting' in x;
