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
const GIVE = /^(?:give|hand|pass|transfer|(?:set|change) (\S+) owners?) (?:(\S+) )?(?:over )?(?:to|:) /i;
/** "give Karen 4.2.1", "hand the CFO 4.2.1": the owner first, the number last ("give me 4.2.1" asks to see it). */
const GIVE_TO = /^(?:give|hand|pass)\s+(?!(?:me|us|it|them)\s)(.+?)\s+(?:rec\s+|item\s+)?(\S+?)[.!]?$/i;
/** "4.2.1 should be owned by the CFO", "4.2.1 is now owned by Karen": the owners after "owned by". */
const OWNED_BY = /^(?<id>\S+?)[:,]?\s+(?:(?:should|will|shall|must|is to|needs to|ought to)(?:\s+now)?\s+be|is\s+now)\s+owned\s+by\s+(?<owners>.+?)(?:\s+(?:now|from now on|instead))?[.!]?$/i;
/** "move 4.2.1 from Neil to Karen", "hand 4.2.1 over from Neil to Karen": the rest is read as "from … to …". */
const MOVE_FROM = /^(?:move|hand|pass|transfer|switch)() (\S+) (?=(?:over )?from .+ to )/i;

/** "add Karen as an owner of 4.2.1", "add Karen to 4.2.1", "make Karen a co-owner of 4.2.1". */
const ADD_OWNER = /^(?:add|make)\s+(.+?)\s+(?:as\s+)?(?:(?:an?|another)\s+)?(?:(?:co-?|joint\s+|second\s+|additional\s+)?owners?\s+(?:of|on|to|for)|to(?:\s+the\s+owners\s+of)?)\s+(?:rec\s+|item\s+)?(\S+?)[.!]?$/i;
/** "remove Neil from 4.2.1", "take Neil off 4.2.1", "remove Neil as an owner of 4.2.1". */
const REMOVE_OWNER = /^(?:remove|drop|take|delete)\s+(.+?)\s+(?:as\s+(?:an?\s+)?owners?\s+(?:of|on|from)|(?:from|off)(?:\s+the\s+owners\s+of)?)\s+(?:rec\s+|item\s+)?(\S+?)[.!]?$/i;
/** "replace Neil with Karen on 4.2.1", "swap Neil for Karen on 4.2.1". */
const SWAP_OWNER = /^(?:replace|swap)\s+(.+?)\s+(?:with|for|by)\s+(.+?)\s+(?:on|for|in|as\s+(?:the\s+)?owners?\s+of)\s+(?:rec\s+|item\s+)?(\S+?)[.!]?$/i;
/** "… from Neil to Karen" after the number. */
const FROM_TO = /^(?:over\s+)?from\s+(.+?)\s+to\s+(.+)$/i;

function assignIntent(msg: NormalisedMessage, id: string, used: number): Intent {
  const rest = rawAfter(msg, used)?.replace(/^(?:to|:)\s+/i, '') ?? '';
  const fromTo = FROM_TO.exec(rest);
  if (fromTo) {
    const owners = splitOwners(fromTo[2]!);
    const replacing = fromTo[1]!.trim();
    if (owners.length && replacing) return { kind: 'assign', id, owners, replacing };
  }
  const owners = splitOwners(rest);
  if (owners.length === 0) {
    return unknown(msg, `Say who owns it after the number, for example "assign ${id} Karen Georgiou, N. Shackleton".`);
  }
  return { kind: 'assign', id, owners };
}

/** `assign <id> <owner>[, <owner>…]` and the natural ways of saying it. */
export function matchAssign(msg: NormalisedMessage): Intent | null {
  const edit = ownerEdit(msg.text);
  if (edit) return edit;
  const of = OWNER_OF.exec(msg.text);
  if (of?.[1] !== undefined && isRecommendationId(cleanIdToken(of[1]))) {
    return assignIntent(msg, cleanIdToken(of[1]), of[0].trim().split(' ').length);
  }
  const owned = OWNED_BY.exec(msg.text)?.groups;
  if (owned && isRecommendationId(cleanIdToken(owned.id!))) {
    const owners = splitOwners(owned.owners!);
    if (owners.length) return { kind: 'assign', id: cleanIdToken(owned.id!), owners };
  }
  const giveTo = GIVE_TO.exec(msg.text);
  if (giveTo && isRecommendationId(cleanIdToken(giveTo[2]!)) && !/\b(?:update|status|news|history|owner|details?)\b/i.test(giveTo[1]!)) {
    const owners = splitOwners(giveTo[1]!);
    if (owners.length) return { kind: 'assign', id: cleanIdToken(giveTo[2]!), owners };
  }
  const give = GIVE.exec(msg.text) ?? MOVE_FROM.exec(msg.text);
  const given = cleanIdToken(give?.[1] || give?.[2] || '');
  if (give && isRecommendationId(given)) return assignIntent(msg, given, give[0].trim().split(' ').length);
  const cmd = commandId(msg, ['assign', 'reassign'], 'assign', 'assign 4.2.1 Karen Georgiou');
  if (!cmd) return null;
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  return assignIntent(msg, cmd.id, cmd.used);
}

/** Adding, removing or swapping one owner of an item, each said its own way; the number comes last. */
function ownerEdit(text: string): Intent | null {
  const swap = SWAP_OWNER.exec(text);
  if (swap && isRecommendationId(cleanIdToken(swap[3]!))) {
    const owners = splitOwners(swap[2]!);
    if (owners.length) return { kind: 'assign', id: cleanIdToken(swap[3]!), owners, replacing: swap[1]!.trim() };
  }
  for (const [re, edit] of [
    [ADD_OWNER, 'add'],
    [REMOVE_OWNER, 'remove'],
  ] as const) {
    const m = re.exec(text);
    if (!m || !isRecommendationId(cleanIdToken(m[2]!))) continue;
    const owners = splitOwners(m[1]!.replace(/^(?:the\s+)?owners?\s+/i, ''));
    if (owners.length) return { kind: 'assign', id: cleanIdToken(m[2]!), owners, edit };
  }
  return null;
}
