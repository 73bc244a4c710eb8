import type { Intent } from '../intent.js';
import { matchAdd } from './add.js';
import { matchAssign } from './assign.js';
import { matchSetPriority } from './priority.js';
import { matchChase } from './chase.js';
import { matchComplete } from './complete.js';
import { matchDate } from './date.js';
import { matchHelp } from './help.js';
import { matchHistory } from './history.js';
import { unknown } from './ids.js';
import { normalise, type Matcher } from './normalise.js';
import { deepFreeze } from '../../deep-freeze.js';
import { matchQuery } from './query.js';
import { matchPlanCommands } from './plan-commands.js';
import { matchPaper } from './paper.js';
import { matchGovernance } from './governance.js';
import { matchDecisionsQuestion } from './decisions-question.js';
import { matchMeetingsQuestion } from './meetings-question.js';
import { matchReopen } from './reopen.js';
import { matchSignOff } from './sign-off.js';
import { matchSetStatus } from './set-status.js';
import { matchSection } from './section.js';
import { matchNudgePreference } from './nudge-preference.js';
import { matchSmalltalk } from './smalltalk.js';
import { matchAboutId, matchStatusCommand } from './status.js';
import { matchUpdate } from './update.js';
import { matchWhen } from './when.js';
import { matchWhoOwns } from './who-owns.js';

/** Tried in order; the first that recognises the message wins. */
const MATCHERS: readonly Matcher[] = [
  // Help first: "help update" and "how do I update an item" must not become updates.
  matchHelp,
  // Empty messages and chatter, before "thanks for everything" can read as "list everything".
  matchSmalltalk,
  // Plans are named by key ("use audit-2018", "plan set …"), before any reader takes the words for items.
  matchPlanCommands,
  // The board paper asked for by name ("report xlsx", "send me the board paper as at 1 March"), before its dates read as a question.
  matchPaper,
  // Boards, meetings and decisions start with their own words; `awaiting ID` before the readers that take ids.
  matchGovernance,
  // "when is the next SAS?", "what did SAS decide in October?": meetings and the decision log asked in words,
  // before the date readers take "the next SAS" and the item readers take "decide".
  matchMeetingsQuestion,
  matchDecisionsQuestion,
  // Natural date and owner changes start with words other commands own ("update the date of 4.2.1 to …",
  // "set the owner of 4.2.1 to …"), so they go before update and set.
  matchDate,
  matchAssign,
  matchSetPriority,
  // Commands that name one item and may carry free text; each only looks at the first word.
  matchNudgePreference,
  matchChase,
  matchUpdate,
  matchSignOff,
  matchComplete,
  matchReopen,
  matchAdd,
  matchSetStatus,
  // "section 4", "list 4.2", "what's overdue under 4.2?": a heading's items, before the readers that take 4.2 for one item.
  matchSection,
  matchStatusCommand,
  // Questions about one item. History before owner, so "who updated 4.2.1" is history.
  matchHistory,
  matchWhoOwns,
  // Anything else that names an id ends here (status, a hint, or "one at a time"),
  // so a recommendation number never reaches the date and list readers below.
  matchAboutId,
  matchWhen,
  // Questions about many items, and the list/overdue/due/mine commands.
  matchQuery,
];

/**
 * What a message asks for. Pure: no clock, no I/O; names and date phrases come back as typed. So a reading is
 * remembered for the day's common questions — a busy channel asks "what's overdue?" over and over, and a message
 * is read up to three times on its way through — and handed out frozen, so no caller can change the next one's.
 */
export function parseIntent(text: string): Intent {
  let intent = READINGS.get(text);
  if (!intent) {
    intent = deepFreeze(readIntent(text));
    if (READINGS.size >= MAX_READINGS) READINGS.clear();
    READINGS.set(text, intent);
  }
  return intent;
}

const READINGS = new Map<string, Intent>();
const MAX_READINGS = 1_000;

/** The reading itself, not remembered: what parseIntent remembers, and what the benchmark times. */
export function readIntent(text: string): Intent {
  const msg = normalise(text);
  for (const match of MATCHERS) {
    const intent = match(msg);
    if (intent) return intent;
  }
  return unknown(msg, null);
}
