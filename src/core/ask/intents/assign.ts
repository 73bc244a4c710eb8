import type { Intent } from '../intent.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/**
 * Owners are split on ",", ";" and line breaks only. " and " is often inside one name or role
 * ("PCC's and CC's", "Director of Finance and Resources"), so it never splits.
 * Names keep the characters typed (curly apostrophes too); a trailing full stop goes unless it ends an initial.
 */
export function splitOwners(list: string): string[] {
  return list
    .split(/[,;\n]/)
    .map((o) =>
      o
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/(?<!(?:^|\s)[A-Z])[.!?]+$/, '')
        .trim(),
    )
    .filter((o) => o !== '');
}

/** "set the owner of 4.2.1 to Karen", "change owners for 4.2.1 to …". */
const OWNER_OF = /^(?:set|change|update|make) (?:the )?owners? (?:of|for|on) (?:rec |item )?(\S+) (?:to|as|:) /i;
/** "give 4.2.1 to Karen", "set 4.2.1 owner to Karen". */
const GIVE = /^(?:give|hand|pass|(?:set|change) (\S+) owners?) (?:(\S+) )?(?:to|:) /i;

function assignIntent(msg: NormalisedMessage, id: string, used: number): Intent {
  const rest = rawAfter(msg, used)?.replace(/^(?:to|:)\s+/i, '') ?? '';
  const owners = splitOwners(rest);
  if (owners.length === 0) {
    return unknown(msg, `Say who owns it after the number, for example "assign ${id} Karen Georgiou, N. Shackleton".`);
  }
  return { kind: 'assign', id, owners };
}

/** `assign <id> <owner>[, <owner>…]` and the natural ways of saying it. */
export function matchAssign(msg: NormalisedMessage): Intent | null {
  const of = OWNER_OF.exec(msg.text);
  if (of?.[1] !== undefined && isRecommendationId(cleanIdToken(of[1]))) {
    return assignIntent(msg, cleanIdToken(of[1]), of[0].trim().split(' ').length);
  }
  const give = GIVE.exec(msg.text);
  const given = cleanIdToken(give?.[1] ?? give?.[2] ?? '');
  if (give && isRecommendationId(given)) return assignIntent(msg, given, give[0].trim().split(' ').length);
  const cmd = commandId(msg, ['assign', 'reassign'], 'assign', 'assign 4.2.1 Karen Georgiou');
  if (!cmd) return null;
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  return assignIntent(msg, cmd.id, cmd.used);
}
