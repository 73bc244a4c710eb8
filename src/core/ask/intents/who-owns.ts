import type { Intent } from '../intent.js';
import { commandId, findIds } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

const ASKS_OWNER = /^(?:who|whose|who's)\b|\b(?:owners?|owns|owned|responsible|accountable|in charge|leading|leads)\b/;

/** "who owns 9.3.1", "who is responsible for 4.2.1", "owner of 5.2", "whose is 4.2.1", "4.2.1 owner". */
export function matchWhoOwns(msg: NormalisedMessage): Intent | null {
  const cmd = commandId(msg, ['owner', 'owners', 'who'], 'owner', 'owner 4.2.1');
  if (cmd && 'id' in cmd && cmd.used === msg.words.length) return { kind: 'who_owns', id: cmd.id };
  const ids = findIds(msg);
  if (ids.length === 1 && ids[0] !== undefined && ASKS_OWNER.test(msg.lower)) return { kind: 'who_owns', id: ids[0] };
  return null;
}
