import type { Intent } from '../intent.js';
import { unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

// Caught early so "thanks for everything" is not read as a request to list everything.
const CHAT =
  /^(?:thanks|thank you|thankyou|thx|ta|cheers|ok|okay|cool|great|nice|lovely|perfect|brilliant|bye|goodbye|see you|lol|yes|no|yep|nope|sure|good (?:morning|afternoon|evening|night)|morning|how are you|who are you)(?:[ ,!.]+(?:very much|so much|a lot|again|mate|all|everyone|concerto|for (?:that|this|everything|all|(?:the|your) (?:help|info|update))))*$/;

const GREETING = /^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*|[@/]?concerto\b[\s,:]*)?(?:hey|hi|hello|hiya|good (?:morning|afternoon|evening)|morning|afternoon|evening)\b/i;
const THANKS = /^(?:thanks|thank you|thankyou|thx|ta|cheers)\b/;
const BYE = /^(?:bye|goodbye|see you|good night)\b/;
const ACK = /^(?:ok|okay|cool|great|nice|lovely|perfect|brilliant|sure)\b/;

/**
 * Greetings, thanks and chatter, and messages that were only an address or politeness. Thanks, hello,
 * goodbye and "ok" are answered in kind; a bare yes or no, with nothing asked, is not understood.
 */
export function matchSmalltalk(msg: NormalisedMessage): Intent | null {
  if (msg.text === '') return GREETING.test(msg.original) ? { kind: 'chat', says: 'hello' } : unknown(msg, null);
  if (!CHAT.test(msg.lower)) return null;
  if (THANKS.test(msg.lower)) return { kind: 'chat', says: 'thanks' };
  if (BYE.test(msg.lower)) return { kind: 'chat', says: 'bye' };
  if (ACK.test(msg.lower)) return { kind: 'chat', says: 'ack' };
  if (/^(?:good (?:morning|afternoon|evening)|morning|how are you|who are you)\b/.test(msg.lower)) return { kind: 'chat', says: 'hello' };
  return unknown(msg, null);
}
