import type { Intent } from '../intent.js';
import { parseStatus } from '../../plan/status.js';
import { isRecommendationId } from '../../plan/recommendation-id.js';
import { cleanIdToken, commandId, unknown } from './ids.js';
import { startsDate } from './vocab.js';
import { readSpan } from './span.js';
import { statusIntent } from './set-status.js';
import { textAfter, type NormalisedMessage } from './normalise.js';

const VERBS = ['date', 'redate', 're-date', 'revise', 'reschedule', 'move', 'push', 'defer', 'delay', 'postpone', 'extend', 'slip'];

/** "change the date of 4.2.1 to March 2018", "set the deadline for 4.2.1 to Q2 2018". */
const DATE_OF =
  /^(?:change|set|update|move|revise|push) (?:the )?(?:delivery )?(?:date|deadline|due date) (?:of|for|on) (?:rec |item )?(\S+) (?:back |out )?(?:to|as|until) (.+)$/i;
/** "4.2.1 is now due March 2018", "4.2.1 now due by end 2017". */
const NOW_DUE = /^(\S+) (?:is )?now due (.+)$/i;
/** "4.2.1 has slipped to Q2 2018", "4.2.1 is delayed until May", "4.2.1 was moved back to end of March". */
const SLIPPED =
  /^(\S+) (?:has |have |is |was |will be |has been |is being |got |will |is going to |is likely to |may |might |needs to |need to |should )?(?:now )?(?:slipped|slips|slip|slipping|moved|moving|move|pushed|deferred|delayed|postponed|rescheduled|re-dated|redated|put back|put off|carried over|rolled over|extended) (?:back |out |over )?(?:to|until|till|for|into|by) (.+)$/i;
/** "the deadline for 4.2.1 is now March 2018", "new date for 4.2.1: Q2 2018", "4.2.1's due date is now May". */
const NEW_DATE =
  /^(?:the )?(?:new |revised )?(?:delivery )?(?:date|deadline|due date|target date) (?:of|for) (?:rec |item )?(\S+?)(?: (?:is|will be|becomes)(?: now)?|:| -| now| =) (.+)$/i;
const OWN_DATE = /^(\S+?)(?:'s|s') (?:new |revised )?(?:delivery )?(?:date|deadline|due date|target date) (?:is|will be|becomes)(?: now)? (.+)$/i;
/** "4.2.1 new date end of March", "4.2.1 - revised deadline: Q2 2018": the number first, as a log entry is headed. */
const HEADED_DATE = /^(\S+?)[:,]?\s+(?:[-–—]\s+)?(?:new|revised|updated)\s+(?:delivery\s+|due\s+|target\s+)?(?:date|deadline)\s*[:\-–—]?\s+(.+)$/i;

function phraseOf(rest: string): string {
  // "to" introduces the new date ("date 4.2.1 to March 2018") unless it is part of it ("to be confirmed").
  // "move 4.2.1 deadline to Q2", "push 4.2.1's date back to June": the date's own name goes too.
  return rest
    .replace(/^(?:(?:its|the|his|her|their)\s+)?(?:(?:delivery|due|target|end|completion)\s+)?(?:deadline|date)\s+(?=(?:(?:back|out)\s+)?(?:to|until|till|:)\s)/i, '')
    .replace(/^(?:(?:back|out) )?(?:to|until|till|for|:)\s+(?!be\b)/i, '')
    .replace(/^(?:back|out)$/i, '');
}

/** Words that move a date on from where it is, rather than name a new one. */
const MOVING = /\b(?:extend(?:s|ed|ing)?|push(?:es|ed|ing)?|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|postpone(?:s|d|ing)?|slip(?:s|ped|ping)?|move(?:s|d)?|moving)\b/i;

function dateIntent(msg: NormalisedMessage, id: string, phrase: string): Intent {
  if (phrase === '') {
    return unknown(msg, `Say the new delivery date after the number, for example "date ${id} March 2018".`);
  }
  // "date 4.2.1 6 weeks" names a date (six weeks from today); "extend 4.2.1 by 6 weeks" moves the one it has.
  const moving = MOVING.test(msg.text) || /^(?:(?:back|out|on)\s+)?by\s|^(?:another|a further|an extra)\s/i.test(phrase);
  const shift = moving ? readSpan(phrase) : null;
  if (shift) return { kind: 'date', id, phrase, shift };
  // "move 4.2.1 to on going" moves the status, not the date.
  const status = parseStatus(phrase);
  if (status) return statusIntent(id, status);
  return { kind: 'date', id, phrase };
}

/** `date <id> <when>` (also redate, revise, reschedule, move, push back…) and "change the date of <id> to …". */
export function matchDate(msg: NormalisedMessage): Intent | null {
  for (const re of [DATE_OF, NOW_DUE, SLIPPED, NEW_DATE, OWN_DATE, HEADED_DATE]) {
    const m = re.exec(msg.text);
    const id = cleanIdToken(m?.[1] ?? '');
    if (m?.[2] === undefined || !isRecommendationId(id)) continue;
    // "4.2.1 new date agreed with SAS" is news about a date, not one: headed by the number, only a date counts.
    if (re === HEADED_DATE && !startsDate(m[2].split(/\s+/), 0)) continue;
    return dateIntent(msg, id, phraseOf(m[2]));
  }
  const cmd = commandId(msg, VERBS, 'date', 'date 4.2.1 March 2018');
  if (!cmd) return null;
  const verb = msg.words[0]?.toLowerCase();
  // "move", "push"… are ordinary words too; without an id they are not a date change.
  if ('reason' in cmd) return verb === 'date' || verb === 'redate' || verb === 'revise' ? unknown(msg, cmd.reason) : null;
  const phrase = phraseOf(textAfter(msg, cmd.used));
  // "move 4.2.1 from Neil to Karen" moves its ownership (the owner readers have it); "from March to June" is a date.
  const fromTo = /^(?:(?:over|back|out|forward)\s+)?from\s+.+?\s+to\s+(.+)$/i.exec(phrase);
  if (fromTo && !startsDate(fromTo[1]!.split(/\s+/), 0)) return null;
  // "move 4.2.1 from March to June": the date it moves to.
  return dateIntent(msg, cmd.id, fromTo ? fromTo[1]! : phrase);
}
