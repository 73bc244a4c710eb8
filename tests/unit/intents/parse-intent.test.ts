import { describe, expect, it } from 'vitest';
import type { Intent, QueryFilter } from '../../../src/core/ask/intent.js';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

const q = (filter: QueryFilter): Intent => ({ kind: 'query', filter });
const status = (id: string): Intent => ({ kind: 'status', id });
const who = (id: string): Intent => ({ kind: 'who_owns', id });
const history = (id: string): Intent => ({ kind: 'history', id });
const when = (phrase: string): Intent => ({ kind: 'when', phrase });
const help = (topic: string | null = null): Intent => ({ kind: 'help', topic });
const unknown = (text: string, reason: string | null = null): Intent => ({ kind: 'unknown', text, reason });
const due = (phrase: string, mode: 'within' | 'before' | 'by' = 'within') => ({ phrase, mode });

const STATUS_WORDS = 'use not started, on going, awaiting decision, complete or not being implemented.';
const needsId = (verb: string, example: string) => `${verb} needs a recommendation number, for example "${example}".`;

type Row = [string, Intent];

const overdue: Row[] = [
  ["what's overdue?", q({ overdue: true })],
  ['whats overdue', q({ overdue: true })],
  ['what is late', q({ overdue: true })],
  ['anything overdue', q({ overdue: true })],
  ['which actions are behind schedule', q({ overdue: true })],
  ['show overdue items', q({ overdue: true })],
  ['overdue', q({ overdue: true })],
  ['list overdue', q({ overdue: true })],
  ['WHAT\'S OVERDUE', q({ overdue: true })],
  ["  what's    overdue   ", q({ overdue: true })],
  ["what's overdue please", q({ overdue: true })],
  ["what\u2019s overdue?", q({ overdue: true })],
  ["@concerto what's overdue", q({ overdue: true })],
  ["/concerto what's overdue", q({ overdue: true })],
  ["<@U0123ABC> what's overdue", q({ overdue: true })],
  ["hey concerto, what's overdue?", q({ overdue: true })],
  ["can you tell me what's overdue", q({ overdue: true })],
  ['could you tell me what is late?', q({ overdue: true })],
  ['is anything running late', q({ overdue: true })],
  // A slipped date is a revised one (issue 14), not an overdue item.
  ['what has slipped', q({ slipped: { times: 1 } })],
  ['which recommendations have missed their deadlines', q({ overdue: true })],
  ['who is late', q({ overdue: true })],
  ['how many items are overdue', q({ count: true, overdue: true })],
  ["what's overdue for me?", q({ overdue: true, owner: 'me' })],
  ['am I late on anything', q({ overdue: true, owner: 'me' })],
  ['my overdue items', q({ overdue: true, owner: 'me' })],
  ['anything late for the Portfolio Office?', q({ overdue: true, owner: 'Portfolio Office' })],
  ['is the portfolio office behind on anything', q({ overdue: true, owner: 'portfolio office' })],
  ['overdue for Shackleton', q({ overdue: true, owner: 'Shackleton' })],
  ['what is overdue for Karen Georgiou?', q({ overdue: true, owner: 'Karen Georgiou' })],
  ['is Karen late on anything', q({ overdue: true, owner: 'Karen' })],
  ["list Karen's overdue items", q({ overdue: true, owner: 'Karen' })],
  ["what's overdue for Head of HR and OD", q({ overdue: true, owner: 'Head of HR and OD' })],
  ["what's overdue in ICT", q({ overdue: true, about: 'ICT' })],
  ['overdue ICT actions', q({ overdue: true, about: 'ICT' })],
  ["what's overdue in the ICT theme", q({ overdue: true, about: 'ICT' })],
  ["what's overdue and awaiting a decision", q({ overdue: true, status: 'awaiting_decision' })],
];

const owners: Row[] = [
  ['mine', q({ owner: 'me' })],
  ['my actions', q({ owner: 'me' })],
  ['what do I own', q({ owner: 'me' })],
  // A plate holds what is still to do.
  ["what's on my plate", q({ open: true, owner: 'me' })],
  ['show me my items', q({ owner: 'me' })],
  ['list mine', q({ owner: 'me' })],
  ['what am I responsible for', q({ owner: 'me' })],
  ['what have I got', q({ owner: 'me' })],
  ['anything assigned to me', q({ owner: 'me' })],
  ['what does Karen own?', q({ owner: 'Karen' })],
  ['What does karen own', q({ owner: 'karen' })],
  ['what is Karen Georgiou responsible for', q({ owner: 'Karen Georgiou' })],
  ["Karen's actions", q({ owner: 'Karen' })],
  ['Karen\u2019s actions', q({ owner: 'Karen' })],
  ["Karen Georgiou's items", q({ owner: 'Karen Georgiou' })],
  ["the Portfolio Office's actions", q({ owner: 'Portfolio Office' })],
  ["what's on Karen's plate", q({ open: true, owner: 'Karen' })],
  ['show me everything owned by N. Shackleton', q({ owner: 'N. Shackleton' })],
  ['items for Rachel', q({ owner: 'Rachel' })],
  ['everything for Karen', q({ owner: 'Karen' })],
  ['what has Karen got', q({ owner: 'Karen' })],
  ["what's Karen working on", q({ open: true, about: 'Karen' })],
  ['what does the Portfolio Office own', q({ owner: 'Portfolio Office' })],
  ['what is the portfolio office responsible for', q({ owner: 'portfolio office' })],
  ["what do the PCC's and CC's own", q({ owner: "PCC's and CC's" })],
  ['show me actions for the Director of Finance and Resources', q({ owner: 'Director of Finance and Resources' })],
  ["what's awaiting decision for Karen", q({ status: 'awaiting_decision', owner: 'Karen' })],
];

const themesAndStatuses: Row[] = [
  ['show me the ICT actions', q({ about: 'ICT' })],
  ['ICT recommendations', q({ about: 'ICT' })],
  ['list governance', q({ about: 'governance' })],
  ["what's in HR", q({ about: 'HR' })],
  ['what is in HR?', q({ about: 'HR' })],
  ['list athena', q({ about: 'athena' })],
  ['Portfolio Office actions', q({ about: 'Portfolio Office' })],
  ['list ICT and HR', q({ about: 'ICT and HR' })],
  ["what's the status of the ICT actions", q({ about: 'ICT' })],
  // "Who" asks for the owners: counted per owner, within what was named.
  ['who owns the ICT actions', q({ by: 'owner', about: 'ICT' })],
  ['who is responsible for Athena', q({ by: 'owner', about: 'Athena' })],
  ['list complete', q({ status: 'complete' })],
  // "on hold" takes in what the board has stopped as well as what waits for it.
  ['which items are on hold?', q({ statuses: ['awaiting_decision', 'not_being_implemented'] })],
  ['anything parked in ICT?', q({ statuses: ['awaiting_decision', 'not_being_implemented'], about: 'ICT' })],
  ["what's blocked for Karen", q({ waitingOn: 'Karen', status: 'awaiting_decision' })],
  ["what's complete", q({ status: 'complete' })],
  ['what has been completed', q({ status: 'complete' })],
  ['closed items', q({ status: 'complete' })],
  ["what's not being implemented", q({ status: 'not_being_implemented' })],
  ['which items are awaiting a decision', q({ status: 'awaiting_decision' })],
  ["what's waiting for a decision", q({ status: 'awaiting_decision' })],
  ["what's on-going", q({ status: 'on_going' })],
  ["what's in progress", q({ status: 'on_going' })],
  ['list not started', q({ status: 'not_started' })],
  ["what hasn't started", q({ status: 'not_started' })],
  ["what's open", q({ open: true })],
  ["what's still outstanding", q({ open: true })],
  ["what's not complete", q({ open: true })],
  ['what needs to be done', q({ open: true })],
  ['list open', q({ open: true })],
  ['list', q({})],
  ['list everything', q({})],
  ['show the plan', q({})],
  ['all items', q({})],
  ['show all recommendations', q({})],
  ['everything', q({})],
];

const dueQuestions: Row[] = [
  ["what's due before Christmas?", q({ due: due('Christmas', 'before'), open: true })],
  ["what's due this month", q({ due: due('this month'), open: true })],
  ['due next week', q({ due: due('next week'), open: true })],
  ['what is due in November', q({ due: due('November'), open: true })],
  ['due in Q1 2018', q({ due: due('Q1 2018'), open: true })],
  ['due for Q1 2018', q({ due: due('Q1 2018'), open: true })],
  ["what's coming up in the next two weeks", q({ due: due('the next two weeks'), open: true })],
  ['items due within 2 weeks', q({ due: due('2 weeks'), open: true })],
  ['due by end of year', q({ due: due('end of year', 'by'), open: true })],
  ['what is due by the end of the year', q({ due: due('the end of the year', 'by'), open: true })],
  ["what's due no later than March", q({ due: due('March', 'by'), open: true })],
  ['anything due until Easter 2018', q({ due: due('Easter 2018', 'by'), open: true })],
  ["what's due ahead of Easter", q({ due: due('Easter', 'before'), open: true })],
  ["what's due in late 2017", q({ due: due('late 2017'), open: true })],
  ['what deadlines are there this month', q({ due: due('this month'), open: true })],
  ["what's due today", q({ due: due('today'), open: true })],
  ["what's due by 1.12.17", q({ due: due('1.12.17', 'by'), open: true })],
  ["what's due for Karen this month", q({ owner: 'Karen', due: due('this month'), open: true })],
  ["what's due this month for Karen", q({ owner: 'Karen', due: due('this month'), open: true })],
  ["what's due for me this week", q({ owner: 'me', due: due('this week'), open: true })],
  ['what have I got due this week', q({ owner: 'me', due: due('this week'), open: true })],
  ["Karen Georgiou's actions due this quarter", q({ owner: 'Karen Georgiou', due: due('this quarter'), open: true })],
  [
    "what's due before the end of the year for the Portfolio Office",
    // Before the end of a period is by its last day: "By end 2017" is due then, and is in the answer.
    q({ owner: 'Portfolio Office', due: due('the end of the year', 'by'), open: true }),
  ],
  ["what's due in ICT this month", q({ about: 'ICT', due: due('this month'), open: true })],
  ["what's due for Karen", q({ owner: 'Karen', open: true })],
  ["what's due", q({ open: true })],
  ['due', q({ open: true })],
  // What is still to come, soonest first: the next ten.
  ["what's coming up", q({ order: 'soonest_due', open: true, limit: 10 })],
  ['when are my actions due', q({ owner: 'me', open: true })],
  ["what's due after Easter", q({ due: { phrase: 'Easter', mode: 'after' }, open: true })],
  ["what's due between Christmas and Easter", q({ due: { phrase: 'Christmas', mode: 'between', until: 'Easter' }, open: true })],
  [
    "what's been due since Easter",
    unknown("what's been due since Easter", 'I find items due within, by, before, after or between dates, for example "due after Easter" or "due by Easter".'),
  ],
];

const aboutOneItem: Row[] = [
  ['who owns 9.3.1?', who('9.3.1')],
  ['who is responsible for 4.2.1', who('4.2.1')],
  ["who's responsible for 4.2.1", who('4.2.1')],
  ['owner of 5.2', who('5.2')],
  ['owners 4.2.1', who('4.2.1')],
  ['whose is 4.2.1', who('4.2.1')],
  ['4.2.1 owner', who('4.2.1')],
  ['could you tell me who owns 4.2.1', who('4.2.1')],
  ['status of 4.2.1', status('4.2.1')],
  ['status 4.2.1', status('4.2.1')],
  ['Status 4.2.1', status('4.2.1')],
  ['status 4.2.1 please', status('4.2.1')],
  ['status rec 4.2.1', status('4.2.1')],
  ['how is 4.2.1 going', status('4.2.1')],
  ["what's happening with 4.2.1", status('4.2.1')],
  ['4.2.1', status('4.2.1')],
  ['4.2.1?', status('4.2.1')],
  ['rec 4.2.1', status('4.2.1')],
  ['#4.2.1', status('4.2.1')],
  ['tell me about 4.2.1', status('4.2.1')],
  ['where are we on 4.2.1', status('4.2.1')],
  ["what's the status of 4.2.1?", status('4.2.1')],
  ['is 4.2.1 complete?', status('4.2.1')],
  ['when is 4.2.1 due', { kind: 'status', id: '4.2.1', ask: 'due' }],
  ["what's the deadline for 4.2.1?", { kind: 'status', id: '4.2.1', ask: 'due' }],
  ['4.2.1 due date', { kind: 'status', id: '4.2.1', ask: 'due' }],
  ['when was 4.2.1 updated', history('4.2.1')],
  ['any update on 4.2.1', status('4.2.1')],
  ['update on 4.2.1', status('4.2.1')],
  ['update me on 4.2.1', status('4.2.1')],
  ['progress on 4.2.1', status('4.2.1')],
  ['4.2.1 status', status('4.2.1')],
  ['due 4.2.1', status('4.2.1')],
  ['history of 4.2.1', history('4.2.1')],
  ['history 4.2.1', history('4.2.1')],
  ['what changed on 4.2.1', history('4.2.1')],
  ['audit 4.2.1', history('4.2.1')],
  ['show the log for 4.2.1', history('4.2.1')],
  ['who updated 4.2.1', history('4.2.1')],
  ['4.2.1 history', history('4.2.1')],
  // The item's own update log is not its audit trail; news is its card.
  ['show updates for 4.1.1', { kind: 'status', id: '4.1.1', ask: 'updates' }],
  ['list all the updates for 4.2.3', { kind: 'status', id: '4.2.3', ask: 'updates' }],
  ['what updates has 4.2.1 had?', { kind: 'status', id: '4.2.1', ask: 'updates' }],
  ['any updates on 4.2.1?', { kind: 'status', id: '4.2.1' }],
  ['what changed in the updates for 4.2.1', history('4.2.1')],
  ['status of 4.2.1 and 4.3.1', { kind: 'query', filter: { ids: ['4.2.1', '4.3.1'] } }],
  ['where are we on 5.1, 5.2 and 5.3?', { kind: 'query', filter: { ids: ['5.1', '5.2', '5.3'] } }],
  ['4.2.1 and 4.2.2', { kind: 'query', filter: { ids: ['4.2.1', '4.2.2'] } }],
  ['compare 4.2.1 and 4.3.1', { kind: 'query', filter: { ids: ['4.2.1', '4.3.1'] } }],
  // "4.2.x" is every item under 4.2 (issue 14's sections); a number that is neither id nor section is still refused.
  ['who owns 4.2.x', q({ by: 'owner', section: '4.2' })],
  ['4.2.x', q({ section: '4.2' })],
  ['who owns 4.2.y', unknown('who owns 4.2.y', '"4.2.y" isn\'t a recommendation number; they look like 4.2.1.')],
  [
    '4.2.1 Prioritised list signed off',
    unknown('4.2.1 Prioritised list signed off', 'To record news about 4.2.1, start with "update", for example "update 4.2.1 Prioritised list signed off".'),
  ],
  // News that says a status: both commands, the person's own words in them.
  [
    '4.1.3 is on hold pending the ERP decision',
    unknown(
      '4.1.3 is on hold pending the ERP decision',
      'To record news about 4.1.3, start with "update", for example "update 4.1.3 is on hold pending the ERP decision". To set its status to awaiting decision, say `awaiting 4.1.3 "the ERP decision"`.',
    ),
  ],
];

const changes: Row[] = [
  ['update 4.2.1', { kind: 'update', id: '4.2.1', text: null }],
  ['update 4.2.1 please', { kind: 'update', id: '4.2.1', text: null }],
  ['update 4.2.1.', { kind: 'update', id: '4.2.1', text: null }],
  [
    'update 4.2.1 Prioritised list signed off, see https://x.y/z \u2014 4.3.1 next',
    { kind: 'update', id: '4.2.1', text: 'Prioritised list signed off, see https://x.y/z \u2014 4.3.1 next' },
  ],
  ['update 4.2.1: Draft circulated.', { kind: 'update', id: '4.2.1', text: 'Draft circulated.' }],
  ['update 4.2.1 - done', { kind: 'update', id: '4.2.1', text: 'done' }],
  ['update rec 4.2.1 Draft agreed', { kind: 'update', id: '4.2.1', text: 'Draft agreed' }],
  ['Update 4.2.1 The CEO\u2019s   "plan"  is agreed!', { kind: 'update', id: '4.2.1', text: 'The CEO\u2019s   "plan"  is agreed!' }],
  ['update 4.2.1 Line one.\nLine two.\n\nLine four', { kind: 'update', id: '4.2.1', text: 'Line one.\nLine two.\n\nLine four' }],
  ['update 4.2.1\n- item one\n- item two', { kind: 'update', id: '4.2.1', text: '- item one\n- item two' }],
  ['please update 4.2.1 Draft circulated', { kind: 'update', id: '4.2.1', text: 'Draft circulated' }],
  ['@concerto can you update 4.2.1 Board agreed, thanks', { kind: 'update', id: '4.2.1', text: 'Board agreed, thanks' }],
  ['update on 4.2.1: board agreed', { kind: 'update', id: '4.2.1', text: 'board agreed' }],
  ['note 4.2.1 Spoke to Karen', { kind: 'update', id: '4.2.1', text: 'Spoke to Karen' }],
  ['update', unknown('update', needsId('update', 'update 4.2.1'))],
  ['update the plan', unknown('update the plan', needsId('update', 'update 4.2.1'))],
  ['update 4.2.x done', unknown('update 4.2.x done', '"4.2.x" isn\'t a recommendation number; they look like 4.2.1.')],
  ['complete 4.2.1', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['complete 4.2.1 Board minutes 12 Oct 2017, item 5.', { kind: 'complete', id: '4.2.1', evidence: 'Board minutes 12 Oct 2017, item 5.' }],
  ['complete 4.2.1 see minutes\nitem 4', { kind: 'complete', id: '4.2.1', evidence: 'see minutes\nitem 4' }],
  ['close 4.2.1', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['complete', unknown('complete', needsId('complete', 'complete 4.2.1'))],
  ['mark 4.2.1 complete', { kind: 'complete', id: '4.2.1', evidence: null }],
  // A label in front of the evidence is not part of it; a sentence that starts with the word keeps it.
  ['can you mark 4.1.2 complete? evidence: TOM signed off', { kind: 'complete', id: '4.1.2', evidence: 'TOM signed off' }],
  ['complete 4.1.2 evidence is the SLT minutes', { kind: 'complete', id: '4.1.2', evidence: 'the SLT minutes' }],
  ["I've finished 4.1.3 with evidence - SLT minutes", { kind: 'complete', id: '4.1.3', evidence: 'SLT minutes' }],
  ['complete 4.1.2 Evidence gathered from all forces', { kind: 'complete', id: '4.1.2', evidence: 'Evidence gathered from all forces' }],
  ['mark 4.2.1 as done, minutes 12 Oct', { kind: 'complete', id: '4.2.1', evidence: 'minutes 12 Oct' }],
  ['status 4.2.1 complete', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['4.2.1 is complete', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['4.2.1 done', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['mark 4.2.1 as not being implemented', { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ['status 4.2.1 on going', { kind: 'set_status', id: '4.2.1', status: 'on_going' }],
  ['set 4.2.1 to awaiting decision', { kind: 'set_status', id: '4.2.1', status: 'awaiting_decision' }],
  ['change the status of 4.2.1 to in progress', { kind: 'set_status', id: '4.2.1', status: 'on_going' }],
  ['4.2.1 is awaiting a decision', { kind: 'set_status', id: '4.2.1', status: 'awaiting_decision' }],
  ['mark 4.2.1', unknown('mark 4.2.1', 'Say which status after the number, for example "mark 4.2.1 as on going".')],
  ['set 4.2.1 to on hold', unknown('set 4.2.1 to on hold', `"on hold" isn't a status I know; ${STATUS_WORDS}`)],
  ['status 4.2.1 blah blah', unknown('status 4.2.1 blah blah', `"blah blah" isn't a status I know; ${STATUS_WORDS}`)],
  // A group's status is its list, as "list ICT" gives it; the plan's is its summary; a number that is none keeps its error.
  ['status of the ICT actions', { kind: 'query', filter: { about: 'ICT' } }],
  ["status of Karen's items", { kind: 'query', filter: { owner: 'Karen' } }],
  ['status overdue', { kind: 'query', filter: { overdue: true } }],
  ['status of the plan', { kind: 'query', filter: { summary: true } }],
  ['status please', unknown('status please', `${needsId('status', 'status 4.2.1')} To see a group of items, try "list ICT" or "list overdue".`)],
  ['status 4..2', unknown('status 4..2', `"4..2" isn't a recommendation number; they look like 4.2.1. To see a group of items, try "list ICT" or "list overdue".`)],
  ['status 1e5', unknown('status 1e5', `"1e5" isn't a recommendation number; they look like 4.2.1. To see a group of items, try "list ICT" or "list overdue".`)],
  ['reopen 4.2.1', { kind: 'reopen', id: '4.2.1', reason: null }],
  ['reopen 4.2.1 because the board asked for a rethink', { kind: 'reopen', id: '4.2.1', reason: 'because the board asked for a rethink' }],
  ['reopen', unknown('reopen', needsId('reopen', 'reopen 4.2.1'))],
  ['date 4.2.1 March 2018', { kind: 'date', id: '4.2.1', phrase: 'March 2018' }],
  ['date 4.2.1 By end 2017.', { kind: 'date', id: '4.2.1', phrase: 'By end 2017' }],
  ['redate 4.2.1 to end of June 2018', { kind: 'date', id: '4.2.1', phrase: 'end of June 2018' }],
  ['revise 4.2.1 Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ['date 4.2.1 to be confirmed', { kind: 'date', id: '4.2.1', phrase: 'to be confirmed' }],
  ['push 4.2.1 back to Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ['change the date of 4.2.1 to Autumn 2018', { kind: 'date', id: '4.2.1', phrase: 'Autumn 2018' }],
  ['update the date of 4.2.1 to Autumn 2018', { kind: 'date', id: '4.2.1', phrase: 'Autumn 2018' }],
  ['4.2.1 is now due by end 2017', { kind: 'date', id: '4.2.1', phrase: 'by end 2017' }],
  // A slipped date said the way people report it.
  ['4.2.1 has slipped to Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ['4.1.2 will slip to June 2018', { kind: 'date', id: '4.1.2', phrase: 'June 2018' }],
  ['4.1.2 is slipping to Q2 2018', { kind: 'date', id: '4.1.2', phrase: 'Q2 2018' }],
  ['4.1.2 needs to move to end of April', { kind: 'date', id: '4.1.2', phrase: 'end of April' }],
  ['4.2.1 is delayed until May 2018', { kind: 'date', id: '4.2.1', phrase: 'May 2018' }],
  ['4.2.1 was moved back to end of March', { kind: 'date', id: '4.2.1', phrase: 'end of March' }],
  ['4.2.1 has been extended to the end of June', { kind: 'date', id: '4.2.1', phrase: 'the end of June' }],
  ['the deadline for 4.2.1 is now March 2018', { kind: 'date', id: '4.2.1', phrase: 'March 2018' }],
  ['new date for 4.2.1: Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ["4.2.1's due date is now May", { kind: 'date', id: '4.2.1', phrase: 'May' }],
  ['4.2.1 new date end of March', { kind: 'date', id: '4.2.1', phrase: 'end of March' }],
  ['4.2.1 - revised deadline: Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ['4.2.1 new date agreed with SAS', { kind: 'unknown', text: '4.2.1 new date agreed with SAS', reason: 'To record news about 4.2.1, start with "update", for example "update 4.2.1 new date agreed with SAS".' }],
  // Awaiting a decision, with what and whose: the governance status with its board.
  ['mark 4.2.1 as awaiting decision from JCOB', { kind: 'awaiting', id: '4.2.1', what: 'a decision', board: 'JCOB' }],
  ['4.2.1 is awaiting a decision on the funding bid by SAS', { kind: 'awaiting', id: '4.2.1', what: 'the funding bid', board: 'SAS' }],
  // Completion and dropping, as people report them.
  ["I've finished 4.2.1", { kind: 'complete', id: '4.2.1', evidence: null }],
  ['done with 4.2.1', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['we completed 4.2.1 yesterday', { kind: 'complete', id: '4.2.1', evidence: null, done: 'yesterday' }],
  // Updates asked for by who gave them.
  ['what did Karen say last week?', { kind: 'query', filter: { author: 'Karen', changedSince: 'last week', changedUntil: 'last week' } }],
  ['updates by N. Shackleton', { kind: 'query', filter: { author: 'N. Shackleton' } }],
  ['updates posted by Karen since October', { kind: 'query', filter: { author: 'Karen', changedSince: 'October' } }],
  ["show me Karen's updates", { kind: 'query', filter: { author: 'Karen' } }],
  ['has Nick posted anything this week?', { kind: 'query', filter: { author: 'Nick', changedSince: 'this week' } }],
  ['my updates', { kind: 'query', filter: { author: 'me' } }],
  // What is left is what is open.
  ["what's left for ICT?", { kind: 'query', filter: { open: true, owner: 'ICT' } }],
  ["what's left?", { kind: 'query', filter: { open: true } }],
  // Who to chase: the owners with overdue items.
  ['who needs chasing?', { kind: 'query', filter: { by: 'owner', overdue: true } }],
  ["who's behind?", { kind: 'query', filter: { by: 'owner', overdue: true } }],
  // "now" starts a window as "today" does; "due last month" is a window, not the latest due date.
  ['what is due between now and March?', { kind: 'query', filter: { due: { phrase: 'today', mode: 'between', until: 'March' }, open: true } }],
  ['what was due last month?', { kind: 'query', filter: { due: { phrase: 'last month', mode: 'within' }, open: true } }],
  ['which item is due last?', { kind: 'query', filter: { order: 'latest_due', limit: 1 } }],
  // The plans themselves.
  ['which plans have 4.2.1?', { kind: 'plans_holding', id: '4.2.1' }],
  ['which plan is 4.2.1 in?', { kind: 'plans_holding', id: '4.2.1' }],
  ['which plans is Karen in?', { kind: 'query', filter: { by: 'plan', owner: 'Karen' } }],
  ['what plans does the Portfolio Office have items in?', { kind: 'query', filter: { by: 'plan', owner: 'Portfolio Office' } }],
  ['compare the plans', { kind: 'query', filter: { by: 'plan' } }],
  ['anything new from Karen?', { kind: 'query', filter: { author: 'Karen', changedSince: 'the past week' } }],
  ['any updates from HR this month?', { kind: 'query', filter: { author: 'HR', changedSince: 'this month' } }],
  ['what have I posted this month?', { kind: 'query', filter: { author: 'me', changedSince: 'this month' } }],
  ['what did N. Shackleton say about 4.2.1?', { kind: 'status', id: '4.2.1', ask: 'updates' }],
  ['what updates have come in this week?', { kind: 'query', filter: { changedSince: 'this week' } }],
  ['what did <@U0123ABCD|karen> say last week?', { kind: 'query', filter: { author: '<@U0123ABCD>', changedSince: 'last week', changedUntil: 'last week' } }],
  ["what's overdue for <@U0123ABCD>?", { kind: 'query', filter: { owner: '<@U0123ABCD>', overdue: true } }],
  // What to show with each item is not a filter: every list shows owners, dates and statuses, and what waits says on what.
  ['list the awaiting decision items with their boards', { kind: 'query', filter: { status: 'awaiting_decision' } }],
  ["what's overdue with their owners?", { kind: 'query', filter: { overdue: true } }],
  ['list items with the words ERP', { kind: 'query', filter: { mentions: 'ERP' } }],
  // Only when it was done: not evidence.
  ['4.2.1 was completed on 5 December', { kind: 'complete', id: '4.2.1', evidence: null, done: 'on 5 December' }],
  ['complete 4.2.1 as of last Friday', { kind: 'complete', id: '4.2.1', evidence: null, done: 'as of last Friday' }],
  ['mark 4.2.1 complete - report went to JCOB on 5 Dec', { kind: 'complete', id: '4.2.1', evidence: 'report went to JCOB on 5 Dec' }],
  ['we completed 4.2.1 - minutes on sharepoint', { kind: 'complete', id: '4.2.1', evidence: 'minutes on sharepoint' }],
  ['4.2.1 can be closed', { kind: 'complete', id: '4.2.1', evidence: null }],
  ['4.2.1 has been completed', { kind: 'complete', id: '4.2.1', evidence: null }],
  ["4.2.1 won't be implemented", { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ['4.2.1 - no longer needed', { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ['4.2.1 is superseded', { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  // An update asked for with "add", "post", "log": an update, never `add` (which creates an item).
  ['add an update to 4.2.1: agreed at SLT', { kind: 'update', id: '4.2.1', text: 'agreed at SLT' }],
  // The number first, as a log entry is headed.
  ['4.2.1: update - demand mechanism agreed at SAS', { kind: 'update', id: '4.2.1', text: 'demand mechanism agreed at SAS' }],
  ['4.2.1 update: agreed at SAS', { kind: 'update', id: '4.2.1', text: 'agreed at SAS' }],
  // News headed by its item: a separator, then the news; without them it asks for the news.
  ['progress on 4.2.1: workshop held', { kind: 'update', id: '4.2.1', text: 'workshop held' }],
  ['news on 4.2.1 - supplier chosen', { kind: 'update', id: '4.2.1', text: 'supplier chosen' }],
  ['progress on 4.2.1?', { kind: 'status', id: '4.2.1' }],
  ['4.2.1 - progress update: scoping done', { kind: 'update', id: '4.2.1', text: 'scoping done' }],
  // Owners: one swapped, added or taken off.
  ['reassign 4.2.1 from Shackleton to Karen Georgiou', { kind: 'assign', id: '4.2.1', owners: ['Karen Georgiou'], replacing: 'Shackleton' }],
  ['move 4.2.1 from N. Shackleton to Karen', { kind: 'assign', id: '4.2.1', owners: ['Karen'], replacing: 'N. Shackleton' }],
  ['swap Shackleton for Karen on 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Karen'], replacing: 'Shackleton' }],
  ['add Portfolio Office as an owner of 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Portfolio Office'], edit: 'add' }],
  ['make Karen a co-owner of 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Karen'], edit: 'add' }],
  ['take Karen off 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Karen'], edit: 'remove' }],
  // "waiting on me" is what the speaker has open; "waiting on SAS" what SAS must decide.
  ["what's waiting on me?", q({ owner: 'me', open: true })],
  ["what's waiting on SAS?", q({ waitingOn: 'SAS', status: 'awaiting_decision' })],
  // A person's own nudges: snoozed, stopped, resumed; "remind me about 4.2.1" alone asks about it.
  ['snooze 4.2.1 for two weeks', { kind: 'nudge_preference', id: '4.2.1', action: 'snooze', until: null, for: { amount: 2, unit: 'week' } }],
  ['snooze reminders for 4.2.1 until 1 March', { kind: 'nudge_preference', id: '4.2.1', action: 'snooze', until: '1 March', for: null }],
  ["don't remind me about 4.2.1", { kind: 'nudge_preference', id: '4.2.1', action: 'mute', until: null, for: null }],
  ["don't nudge me about 4.2.1 until March", { kind: 'nudge_preference', id: '4.2.1', action: 'snooze', until: 'March', for: null }],
  ['no reminders for 4.2.1 for a fortnight', { kind: 'nudge_preference', id: '4.2.1', action: 'snooze', until: null, for: { amount: 2, unit: 'week' } }],
  // Every reminder at once is not a thing: how to pause them is said.
  ...['pause all my reminders', 'stop nudging me', 'snooze everything for a week', 'turn off reminders'].map(
    (t): Row => [t, { kind: 'unknown', text: t, reason: 'Reminders are paused item by item, so that nothing else of yours goes unchased: `snooze 4.2.1 for two weeks`, `snooze 4.2.1 until March`, `mute 4.2.1` (and `unmute 4.2.1`), or the buttons on a nudge. `mine` lists your items.' }],
  ),
  ['start nudging me about 4.2.1 again', { kind: 'nudge_preference', id: '4.2.1', action: 'resume', until: null, for: null }],
  ['remind me about 4.2.1', { kind: 'status', id: '4.2.1' }],
  ['nudge Karen about 1.1', { kind: 'chase', id: '1.1', note: null }],
  // Then and now; the past tense of "how are we doing?" is the summary as at that day.
  ['how many were complete at the end of October compared with now?', q({ count: true, asAt: 'end of October', compareNow: true, status: 'complete' })],
  ['what was overdue on 1 November vs now?', q({ asAt: '1 November', compareNow: true, overdue: true })],
  ["what's due between Christmas and today?", q({ due: { phrase: 'Christmas', mode: 'between', until: 'today' }, open: true })],
  ['how were we doing at the end of October?', q({ summary: true, asAt: 'end of October' })],
  ['where did we stand on 1 December?', q({ summary: true, asAt: '1 December' })],
  ['show me the plan as it was on 4 October', q({ asAt: '4 October' })],
  // One item (or a few) as they stood on a past day; "is 4.2.1 due on 1 November?" stays about now.
  ['status 4.2.1 as at 1 November', { kind: 'query', filter: { ids: ['4.2.1'], asAt: '1 November' } }],
  ['what was the status of 4.2.1 on 1 November?', { kind: 'query', filter: { ids: ['4.2.1'], asAt: '1 November' } }],
  ["what was 4.2.1's status in November?", { kind: 'query', filter: { ids: ['4.2.1'], asAt: 'November' } }],
  ['4.2.1 and 4.2.2 as of end of October', { kind: 'query', filter: { ids: ['4.2.1', '4.2.2'], asAt: 'end of October' } }],
  ['is 4.2.1 due on 1 November?', { kind: 'status', id: '4.2.1' }],
  ['where did 4.2.1 stand on 1 November?', { kind: 'query', filter: { ids: ['4.2.1'], asAt: '1 November' } }],
  // A past-tense statement with a day is news, not a question about that day.
  [
    '4.2.1 was discussed at SAS on 12 October',
    unknown('4.2.1 was discussed at SAS on 12 October', 'To record news about 4.2.1, start with "update", for example "update 4.2.1 was discussed at SAS on 12 October".'),
  ],
  // A date moved on by an amount, from the one it has; "date 4.2.1 6 weeks" still names a date.
  ['extend 4.2.1 by two months', { kind: 'date', id: '4.2.1', phrase: 'by two months', shift: { amount: 2, unit: 'month' } }],
  ['push 4.2.3 back by 6 weeks', { kind: 'date', id: '4.2.3', phrase: 'back by 6 weeks', shift: { amount: 6, unit: 'week' } }],
  ['4.2.3 will slip by a fortnight', { kind: 'date', id: '4.2.3', phrase: 'a fortnight', shift: { amount: 2, unit: 'week' } }],
  ['delay 4.2.3 by another quarter', { kind: 'date', id: '4.2.3', phrase: 'by another quarter', shift: { amount: 3, unit: 'month' } }],
  ['date 4.2.1 6 weeks', { kind: 'date', id: '4.2.1', phrase: '6 weeks' }],
  // A date moved "from … to …" is the date it moves to.
  ['move 4.2.1 from March to June', { kind: 'date', id: '4.2.1', phrase: 'June' }],
  ['move 4.2.1 deadline to Q2 2018', { kind: 'date', id: '4.2.1', phrase: 'Q2 2018' }],
  ['new update for 4.2.1 - list circulated', { kind: 'update', id: '4.2.1', text: 'list circulated' }],
  ['add a note to 4.2.1: call Karen', { kind: 'update', id: '4.2.1', text: 'call Karen' }],
  ['post an update on 4.2.1', { kind: 'update', id: '4.2.1', text: null }],
  ['log an update against 4.2.1', { kind: 'update', id: '4.2.1', text: null }],
  ['date 4.2.1', unknown('date 4.2.1', 'Say the new delivery date after the number, for example "date 4.2.1 March 2018".')],
  ['date', unknown('date', needsId('date', 'date 4.2.1 March 2018'))],
  ['assign 4.2.1 to Karen Georgiou, N. Shackleton', { kind: 'assign', id: '4.2.1', owners: ['Karen Georgiou', 'N. Shackleton'] }],
  ['assign 4.2.1 Karen Georgiou; Rachel Smith', { kind: 'assign', id: '4.2.1', owners: ['Karen Georgiou', 'Rachel Smith'] }],
  ['assign 4.2.1 PCC\u2019s and CC\u2019s', { kind: 'assign', id: '4.2.1', owners: ['PCC\u2019s and CC\u2019s'] }],
  ['assign 4.2.1 Director of Finance and Resources', { kind: 'assign', id: '4.2.1', owners: ['Director of Finance and Resources'] }],
  ['reassign 4.2.1 Karen G.', { kind: 'assign', id: '4.2.1', owners: ['Karen G.'] }],
  ['set the owner of 4.2.1 to Karen', { kind: 'assign', id: '4.2.1', owners: ['Karen'] }],
  ['give 4.2.1 to Portfolio Office', { kind: 'assign', id: '4.2.1', owners: ['Portfolio Office'] }],
  ['assign 4.2.1', unknown('assign 4.2.1', 'Say who owns it after the number, for example "assign 4.2.1 Karen Georgiou, N. Shackleton".')],
  ['assign Karen to 4.2.1', unknown('assign Karen to 4.2.1', needsId('assign', 'assign 4.2.1 Karen Georgiou'))],
];

const adds: Row[] = [
  [
    'add 4.2.1 Review the ICT strategy; theme: ICT; owner: Karen Georgiou, N. Shackleton; due: March 2018; status: not started',
    {
      kind: 'add',
      id: '4.2.1',
      fields: { text: 'Review the ICT strategy', theme: 'ICT', owners: ['Karen Georgiou', 'N. Shackleton'], delivery: 'March 2018', status: 'not_started' },
    },
  ],
  [
    'add 4.2.1 Do it | owners: A, B | delivery: Spring 2018 | owner: C',
    { kind: 'add', id: '4.2.1', fields: { text: 'Do it', theme: null, owners: ['A', 'B', 'C'], delivery: 'Spring 2018', status: null } },
  ],
  [
    'add 9.1 Publish the \u201cdigital\u201d plan; review yearly\nTheme: Athena\nDate: By end 2017',
    { kind: 'add', id: '9.1', fields: { text: 'Publish the \u201cdigital\u201d plan; review yearly', theme: 'Athena', owners: [], delivery: 'By end 2017', status: null } },
  ],
  ['add 4.2.1', { kind: 'add', id: '4.2.1', fields: { text: null, theme: null, owners: [], delivery: null, status: null } }],
  ['add 4.2.1 Thing; status: purple', unknown('add 4.2.1 Thing; status: purple', `"purple" isn't a status I know; ${STATUS_WORDS}`)],
  [
    'add the thing',
    unknown('add the thing', needsId('add', 'add 4.2.1 Review the ICT strategy; theme: ICT; owner: Karen Georgiou; due: March 2018')),
  ],
];

const dates: Row[] = [
  ['when is end of next month', when('end of next month')],
  ["how would you read 'Autumn 2017'", when('Autumn 2017')],
  ['how would you read \u2018Autumn 2017\u2019?', when('Autumn 2017')],
  ['when Q1 2018', when('Q1 2018')],
  ["when's Christmas", when('Christmas')],
  ['when does Q1 2018 end', when('Q1 2018')],
  ['what does "by end 2017" mean', when('by end 2017')],
  ['what dates does Autumn 2017 cover', when('Autumn 2017')],
  ['when', unknown('when', 'when needs a date phrase, for example "when end of next month".')],
];

const helpRows: Row[] = [
  ['help', help()],
  ['?', help()],
  ['/concerto help', help()],
  ['Help!', help()],
  ['help me', help()],
  ['what can you do', help()],
  ['what can I ask?', help()],
  ['how does this work', help()],
  ['help update', help('update')],
  ['help with dates', help('date')],
  ['how do I update an item', help('update')],
  ['how do I change the owner', help('assign')],
  ['how do I mark something complete', help('complete')],
  ['how can I see what is overdue', help('overdue')],
];

const others: Row[] = [
  ['', unknown('')],
  ['   ', unknown('')],
  ['asdfgh', unknown('asdfgh')],
  ['hi', { kind: 'chat', says: 'hello' }],
  ['@concerto', unknown('@concerto')],
  // Answered in kind, nothing read or changed.
  ['thanks', { kind: 'chat', says: 'thanks' }],
  ['thank you!', { kind: 'chat', says: 'thanks' }],
  ['thanks for everything', { kind: 'chat', says: 'thanks' }],
  ['hello', { kind: 'chat', says: 'hello' }],
  ['<@U0BOT1> good morning', { kind: 'chat', says: 'hello' }],
  ['bye', { kind: 'chat', says: 'bye' }],
  ['ok', { kind: 'chat', says: 'ack' }],
  // A yes or no with nothing asked is not understood.
  ['yes', unknown('yes')],
  ['no', unknown('no')],
  // A question whose subject is no word Concerto knows is read as one, so the reply can name the word (issue 14).
  ["what's the weather", q({ about: 'weather' })],
  ["what's up", unknown("what's up")],
  ['done', unknown('done')],
  ['open', unknown('open')],
  ['ICT', unknown('ICT')],
];

/** A part of the plan by its number: the heading's items, with the rest of the question read as usual. */
const sections: Row[] = [
  ["what's in theme 4?", q({ section: '4' })],
  ['list section 4', q({ section: '4' })],
  ['list 4.2', q({ section: '4.2' })],
  ["what's in 4.2?", q({ section: '4.2' })],
  ['show all of 4.2', q({ section: '4.2' })],
  ['4.x', q({ section: '4' })],
  ["what's overdue in section 9", q({ overdue: true, section: '9' })],
  ["what's overdue under 4.2?", q({ overdue: true, section: '4.2' })],
  ['how is section 4 doing?', q({ summary: true, section: '4' })],
  ['how many items in chapter 9.2 are overdue?', q({ count: true, overdue: true, section: '9.2' })],
  ["what's due in section 4 by March?", q({ due: due('March', 'by'), open: true, section: '4' })],
  // One item stays one item; news that names a section is still news.
  ['status 4.2', status('4.2')],
  ['update 4.2.1 done under 4.2', { kind: 'update', id: '4.2.1', text: 'done under 4.2' }],
  ['update history for 4.2.1', history('4.2.1')],
  ['update log for 4.2.1', { kind: 'status', id: '4.2.1', ask: 'updates' }],
  ['update 4.2.1 history of the workshop written up', { kind: 'update', id: '4.2.1', text: 'history of the workshop written up' }],
  ["what's due in 4 weeks?", q({ due: due('4 weeks'), open: true })],
];

/** Governance words for a status: what waits on a decision, the plan's overall position, dates that moved. */
const governanceWords: Row[] = [
  ['what needs a decision?', q({ status: 'awaiting_decision' })],
  ['which items need a board decision?', q({ status: 'awaiting_decision' })],
  ['what decisions are outstanding?', q({ status: 'awaiting_decision' })],
  ['anything for decision?', q({ status: 'awaiting_decision' })],
  ['which decisions are pending for SAS?', q({ waitingOn: 'SAS', status: 'awaiting_decision' })],
  ["what's the plan's overall status?", q({ summary: true })],
  ['what is the overall position?', q({ summary: true })],
  ['what is the plan status', q({ summary: true })],
  ["what's the state of play?", q({ summary: true })],
  ['where do we stand?', q({ summary: true })],
  ["what's the position on ICT?", q({ summary: true, about: 'ICT' })],
  ['which items have had their dates revised?', q({ slipped: { times: 1 } })],
  ['which items have had their dates extended?', q({ slipped: { times: 1 } })],
  ['what has moved?', q({ slipped: { times: 1 } })],
  // Items in several hands.
  ['which items are owned by more than one person?', q({ sharedOwners: true })],
  ['jointly owned items', q({ sharedOwners: true })],
  ['overdue items with several owners', q({ sharedOwners: true, overdue: true })],
  // Who owns a part of the plan: the owners counted, not the items listed.
  ['who is the owner of the HR items?', q({ by: 'owner', about: 'HR' })],
  ['who is responsible for ICT?', q({ by: 'owner', about: 'ICT' })],
  ['who owns anything overdue?', q({ by: 'owner', overdue: true })],
  ['who owns 4.2.1?', who('4.2.1')],
  // Completions lately, or in a stretch back from today.
  ['anything completed recently?', q({ completed: { phrase: 'the past 30 days', since: false } })],
  ['what was completed in the past 30 days?', q({ completed: { phrase: 'the past 30 days', since: false } })],
  // The last meeting's decisions.
  ['what did the board decide last time?', { kind: 'decisions', board: null, since: null, during: 'the last meeting', about: null }],
  ['what did SAS decide last time?', { kind: 'decisions', board: 'SAS', since: null, during: 'the last SAS', about: null }],
  // How late one item is: its date, and how far past it.
  ['how many days overdue is 9.3.1?', { kind: 'status', id: '9.3.1', ask: 'due' }],
  ['how late is 5.2?', { kind: 'status', id: '5.2', ask: 'due' }],
  // The share complete of someone's items: the done is what is counted.
  ["what percentage of Karen's items are done?", q({ summary: true, owner: 'Karen' })],
  ['how much of ICT is done?', q({ summary: true, about: 'ICT' })],
  ["how much of Karen's work has been completed?", q({ summary: true, owner: 'Karen' })],
  // A board's agenda: what waits on its decision.
  ["what's on the agenda for the next SAS?", q({ waitingOn: 'SAS', status: 'awaiting_decision' })],
  ['which items go to the next JCOB?', q({ waitingOn: 'JCOB', status: 'awaiting_decision' })],
  ['what items are up for decision at JCOB?', q({ waitingOn: 'JCOB', status: 'awaiting_decision' })],
  // A board named bare after a deadline word is its next meeting; "owned by ICT" stays an owner.
  ["what's due before JCOB?", q({ due: { phrase: 'the\u2060next\u2060JCOB', mode: 'before' }, open: true })],
  ['anything due by SAS?', q({ due: { phrase: 'the\u2060next\u2060SAS', mode: 'by' }, open: true })],
  ["what's owned by ICT?", q({ owner: 'ICT' })],
  // Priorities as plans write them.
  ['list high priority', q({ priority: 'high' })],
  ['what high-priority items are overdue?', q({ priority: 'high', overdue: true })],
  ['priority 1 recommendations', q({ priority: '1' })],
  ['how many low rated actions are open?', q({ count: true, priority: 'low', open: true })],
  ["what's the top priority?", q({ priority: 'high' })],
  ['open items by priority', q({ by: 'priority', open: true })],
  // Setting one (admins): the commands, and a question that only looks like one.
  ['priority IA-02 High', { kind: 'set_priority', id: 'IA-02', priority: 'High' }],
  ['set the priority of 4.2.1 to high', { kind: 'set_priority', id: '4.2.1', priority: 'high' }],
  ['make 4.2.1 high priority', { kind: 'set_priority', id: '4.2.1', priority: 'high' }],
  ["change 4.2.1's priority to 2", { kind: 'set_priority', id: '4.2.1', priority: '2' }],
  ['priority 4.2.1 none', { kind: 'set_priority', id: '4.2.1', priority: null }],
  ['priority 1 items overdue?', q({ priority: '1', overdue: true })],
  ['what priorities are there?', q({ by: 'priority' })],
  // "the next month" after "in" is the month from today; "next month" the calendar month.
  ["what's due in the next month?", q({ due: due('in the next month'), open: true })],
  ["what's due next month?", q({ due: due('next month'), open: true })],
];

/** Said as a board member or a programme manager says it: promises, a decision needed, colours, the past tense of done. */
const boardTalk: Row[] = [
  ["give me everything that's red", q({ rag: 'red' })],
  ["what's gone amber?", q({ rag: 'amber' })],
  ['which items moved their date?', q({ slipped: { times: 1 } })],
  ['which deadlines have slipped?', q({ slipped: { times: 1 } })],
  ['what needs a decision from JCOB?', q({ waitingOn: 'JCOB', status: 'awaiting_decision' })],
  ['which items require SAS approval?', q({ waitingOn: 'SAS', status: 'awaiting_decision' })],
  ["what needs JCOB's decision?", q({ waitingOn: 'JCOB', status: 'awaiting_decision' })],
  ['summarise the plan for the board', q({ summary: true })],
  ["what's coming to JCOB?", q({ waitingOn: 'JCOB', status: 'awaiting_decision' })],
  ['how am I doing?', q({ summary: true, owner: 'me' })],
  ['who am I linked to?', q({ owner: 'me' })],
  ['what slipped last month?', q({ slipped: { times: 1 }, changedSince: 'last month', changedUntil: 'last month' })],
  ['which items slipped since the last SAS?', q({ slipped: { times: 1 }, changedSince: 'the\u2060last\u2060SAS' })],
  ['which items finish in Q4?', q({ due: { phrase: 'Q4', mode: 'within' }, open: true })],
  ["what's due w/c 6 November?", q({ due: { phrase: 'w/c 6 November', mode: 'within' }, open: true })],
  ['what will be late by Christmas?', q({ due: { phrase: 'Christmas', mode: 'by', orOverdue: true }, open: true })],
  ["what's going to be overdue next month?", q({ due: { phrase: 'next month', mode: 'by', orOverdue: true }, open: true })],
  ['how are my actions looking?', q({ summary: true, owner: 'me' })],
  // Typed as a text message.
  ['whats overdue 4 karen', q({ owner: 'karen', overdue: true })],
  ["what's due nxt month", q({ due: { phrase: 'next month', mode: 'within' }, open: true })],
  ["what's due this wk?", q({ due: { phrase: 'this week', mode: 'within' }, open: true })],
  ["what's due in 4 weeks?", q({ due: { phrase: '4 weeks', mode: 'within' }, open: true })],
  ["what's overdue in section 4 for ICT", q({ owner: 'ICT', overdue: true, section: '4' })],
  ['how are we doing for the JCOB meeting?', q({ summary: true })],
  ['summary for ICT', q({ summary: true, owner: 'ICT' })],
  ['what did we promise to deliver by Christmas?', q({ due: { phrase: 'Christmas', mode: 'by' }, open: true })],
  ['what must be finished by the end of the year?', q({ due: { phrase: 'the end of the year', mode: 'by' }, open: true })],
  ['what is planned for spring 2018?', q({ due: { phrase: 'spring 2018', mode: 'within' }, open: true })],
  ['what will be delivered in March?', q({ due: { phrase: 'March', mode: 'within' }, open: true })],
  ['what should have been done by now?', q({ overdue: true })],
  ['which items should be completed by now?', q({ overdue: true })],
  ['what did we deliver last month?', q({ completed: { phrase: 'last month', since: false } })],
  ['what did ICT finish in October?', q({ completed: { phrase: 'October', since: false }, about: 'ICT' })],
  ['what did Karen Georgiou deliver since September?', q({ completed: { phrase: 'September', since: true }, about: 'Karen Georgiou' })],
];

/** Changes said as people say them: who owns it now, not going ahead, closed by mistake, an update "saying …". */
const changesInWords: Row[] = [
  ['give Karen 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Karen'] }],
  ['give Karen Georgiou, Nick Shackleton 4.2.1', { kind: 'assign', id: '4.2.1', owners: ['Karen Georgiou', 'Nick Shackleton'] }],
  ['give me 4.2.1', { kind: 'status', id: '4.2.1' }],
  ['hand 4.2.1 over to Nick Shackleton', { kind: 'assign', id: '4.2.1', owners: ['Nick Shackleton'] }],
  ['transfer 4.2.1 to Nick', { kind: 'assign', id: '4.2.1', owners: ['Nick'] }],
  ['4.2.1 should be owned by the CFO', { kind: 'assign', id: '4.2.1', owners: ['the CFO'] }],
  ['4.2.1 is now owned by Karen', { kind: 'assign', id: '4.2.1', owners: ['Karen'] }],
  ["we won't be doing 4.2.1", { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ["we're not going ahead with 4.2.1", { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ['drop 4.2.1', { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ['4.2.1 has been dropped', { kind: 'set_status', id: '4.2.1', status: 'not_being_implemented' }],
  ["4.2.1 isn't finished after all", { kind: 'reopen', id: '4.2.1', reason: null }],
  ['4.2.1 was closed by mistake', { kind: 'reopen', id: '4.2.1', reason: 'closed by mistake' }],
  ['4.2.1 needs reopening', { kind: 'reopen', id: '4.2.1', reason: null }],
  ['add an update to 4.2.1 saying the contract is signed', { kind: 'update', id: '4.2.1', text: 'the contract is signed' }],
];

describe('parseIntent', () => {
  describe.each([
    ['changes in words', changesInWords],
    ['board talk', boardTalk],
    ['sections', sections],
    ['governance words', governanceWords],
    ['overdue questions', overdue],
    ['owner questions', owners],
    ['themes and statuses', themesAndStatuses],
    ['due questions', dueQuestions],
    ['one item', aboutOneItem],
    ['changes', changes],
    ['add', adds],
    ['date phrases', dates],
    ['help', helpRows],
    ['unknown', others],
  ] as const)('%s', (_name, rows) => {
    it.each(rows)('%j', (message, expected) => {
      expect(parseIntent(message)).toEqual(expected);
    });
  });

  it('has a broad table', () => {
    const all = [overdue, owners, themesAndStatuses, dueQuestions, aboutOneItem, changes, adds, dates, helpRows, others];
    expect(all.reduce((n, rows) => n + rows.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it('reads the same message the same way every time (no hidden state)', () => {
    expect(parseIntent("what's overdue for Karen")).toEqual(parseIntent("what's overdue for Karen"));
  });
});
