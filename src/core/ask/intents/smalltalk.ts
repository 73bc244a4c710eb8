import type { Intent } from '../intent.js';
import { unknown } from './ids.js';
import type { NormalisedMessage } from './normalise.js';

// Caught early so "thanks for everything" is not read as a request to list everything.
const CHAT =
  /^(?:thanks|thank you|thankyou|thx|ta|cheers|ok|okay|cool|great|nice|lovely|perfect|brilliant|bye|goodbye|see you|lol|yes|no|yep|nope|sure|good (?:morning|afternoon|evening|night)|morning|how are you|who are you)(?:[ ,!.]+(?:very much|so much|a lot|again|mate|all|everyone|concerto|for (?:that|this|everything|all|(?:the|your) (?:help|info|update))))*$/;

/** Greetings, thanks and chatter, and messages that were only an address or politeness. */
export function matchSmalltalk(msg: NormalisedMessage): Intent | null {
  if (msg.text === '') return unknown(msg, null);
  return CHAT.test(msg.lower) ? unknown(msg, null) : null;
}
