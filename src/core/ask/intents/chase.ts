import { canonicalId, isRecommendationId, TYPED_ID } from '../../plan/recommendation-id.js';
import type { Intent } from '../intent.js';
import { unknown } from './ids.js';
import type { Matcher } from './normalise.js';

/**
 * "chase 4.1.1", "chase up 4.1.1 – the board meets Friday", "nudge the owners of 4.1.1", "remind Rachel
 * about 4.1.1", "ask the owner of 4.1.1 for an update": the owners asked for an update now, with what
 * follows the number as a note in the sender's words.
 */
const TAIL = String.raw`(?:item\s+|recommendation\s+|action\s+)?(${TYPED_ID})(?=[\s:,;.!?–—-]|$)(.*)$`;
const SOMEONE_ABOUT = String.raw`(?:(?:the\s+)?owners?\s+(?:of|for)\s+|(?:[\p{L}.'’-]+\s+){0,3}?(?:about|on|re|regarding|for)\s+)`;
const CHASE = [
  // "chase 4.1.1", "chase up the owners of 4.1.1", "nudge Rachel about 4.1.1"
  new RegExp(String.raw`^(?:please\s+)?(?:chase(?:\s+up)?|nudge|ping|prod)\s+${SOMEONE_ABOUT}?${TAIL}`, 'isu'),
  // "remind Rachel about 4.1.1", not "remind me about 4.1.1" (a reminder for oneself)
  new RegExp(String.raw`^(?:please\s+)?remind\s+(?!(?:me|us|myself)\b)${SOMEONE_ABOUT}${TAIL}`, 'isu'),
  // "ask the owner of 4.1.1 for an update", "ask Rachel for an update on 4.1.1", not "ask about 4.1.1"
  new RegExp(String.raw`^(?:please\s+)?ask\s+(?:(?:the\s+)?owners?\s+(?:of|for)\s+|(?:[\p{L}.'’-]+\s+){1,3}?for\s+(?:an?\s+)?(?:update|progress)\s+(?:on|about|for|re)\s+)${TAIL}`, 'isu'),
];

/** "chase 4.1.1 please", "chase 4.1.1, thanks": courtesy to the bot, not a note for the owners. */
const POLITE_START = /^(?:please|pls|plz)\b[\s,.:;!–—-]*/i;
const POLITE_END = /(?:^|[\s,;.–—-]+)(?:please|pls|plz|thanks|thank\s+you|ta|cheers)[\s.!]*$/i;

export const matchChase: Matcher = (msg) => {
  const text = msg.raw.trim();
  const m = CHASE.map((re) => re.exec(text)).find((x) => x !== null);
  if (!m) return /^(?:chase|nudge)(?:\s+up)?\s*$/i.test(text) ? unknown(msg, 'Name the item to chase its owners about, e.g. "chase 4.1.1" (a note after the number goes with it).') : null;
  const id = canonicalId(m[1]!);
  if (!isRecommendationId(id)) return null;
  const note = m[2]!
    .replace(/^\s*(?:for\s+(?:an?\s+)?(?:update|progress)\b[\s,.:;]*)/i, '')
    .replace(/^[\s:,;.!?–—-]+/, '')
    .replace(POLITE_START, '')
    .replace(POLITE_END, '')
    .trim();
  // "chase 4.1.1 again": said to the bot; the owners see a chase either way.
  return { kind: 'chase', id, note: note && !/^(?:again|now|up)$/i.test(note) ? note : null } satisfies Intent;
};
