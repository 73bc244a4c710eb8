import type { Intent } from '../intent.js';
import { isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import { cleanIdToken, readCommandId, unknown } from './ids.js';
import { rawAfter, type NormalisedMessage } from './normalise.js';

/** "add an update to 4.2.1: agreed at SLT", "post an update on 4.2.1", "new update for 4.2.1 - …": an update, not `add`. */
const POST_UPDATE = new RegExp(String.raw`^(?:add|post|log|record|put|write|enter|make|give|new)(?: (?:an?|the|my|a new|another))? (?:update|note|progress update|comment)(?: (?:to|on|for|against|about|re|under))? (#?${TYPED_ID}[:,;.]?)(?= |$)`, 'i');

/** "4.2.1: update - …", "4.2.1 - update: …", "4.2.1 progress update: …": separators on both sides of the word. */
const HEADED_UPDATE = new RegExp(String.raw`^(#?${TYPED_ID})\s*[:\-–—]?\s+(?:progress\s+)?(?:update|news|note)\s*[:\-–—](?=\s|$)`, 'i');

/** "progress on 4.2.1: workshop held", "news on 4.2.1 - …": a heading, a separator, then the news ("progress on 4.2.1?" asks for it). */
const PROGRESS_ON = new RegExp(String.raw`^(?:progress(?:\s+update)?|news|latest)\s+(?:on|for)\s+(#?${TYPED_ID})\s*[:\-–—](?=\s+\S)`, 'i');

/**
 * `update <id> [text]` (also `note`). No text means the engine asks for it.
 * "update on 4.2.1" / "update me on 4.2.1" with nothing after asks for news: a status question.
 */
export function matchUpdate(msg: NormalisedMessage): Intent | null {
  // "4.2.1: update - agreed at SAS", "4.2.1 update: agreed at SAS": the number first, as a log entry is headed.
  const headed = HEADED_UPDATE.exec(msg.text);
  if (headed && isRecommendationId(cleanIdToken(headed[1]!))) {
    return { kind: 'update', id: cleanIdToken(headed[1]!), text: rawAfter(msg, headed[0].trim().split(/\s+/).length) };
  }
  const progress = PROGRESS_ON.exec(msg.text);
  if (progress && isRecommendationId(cleanIdToken(progress[1]!))) {
    return { kind: 'update', id: cleanIdToken(progress[1]!), text: rawAfter(msg, progress[0].trim().split(/\s+/).length) };
  }
  const posted = POST_UPDATE.exec(msg.text);
  if (posted) {
    const id = cleanIdToken(posted[1]!);
    if (!isRecommendationId(id)) return null;
    // "add an update to 4.2.1 saying the contract is signed": the news is what follows "saying".
    const said = rawAfter(msg, posted[0].trim().split(' ').length)?.replace(/^(?:saying|to say|that says|which says)(?:\s+that)?\s*[:,\-–—]?\s*/i, '') ?? null;
    return { kind: 'update', id, text: said || null };
  }
  const verb = msg.words[0]?.toLowerCase();
  if (verb !== 'update' && verb !== 'note') return null;
  const second = msg.words[1]?.toLowerCase();
  // "update history for 4.2.1", "update log of 4.2.1": the item's log is asked for, not an update given.
  if (verb === 'update' && /^(?:history|log|logs|notes|trail|timeline)$/.test(second ?? '') && /^(?:for|on|of|about)$/i.test(msg.words[2] ?? '')) return null;
  const asking = second === 'me' || second === 'on';
  const cmd = readCommandId(msg, verb, `${verb} 4.2.1`, second === 'me' ? 2 : 1);
  if ('reason' in cmd) return unknown(msg, cmd.reason);
  const text = rawAfter(msg, cmd.used);
  if (asking && text === null) return { kind: 'status', id: cmd.id };
  return { kind: 'update', id: cmd.id, text };
}
