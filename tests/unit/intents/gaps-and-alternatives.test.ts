import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';
import type { QueryFilter } from '../../../src/core/ask/intent.js';

/**
 * Questions a portfolio office asks to find gaps and to look at several owners or themes at once: how long
 * items have been overdue, items with no date, owner or update, "ICT or HR", and several items by number.
 */
const filterOf = (q: string): QueryFilter => {
  const intent = parseIntent(q);
  expect(intent.kind, `${q} → ${JSON.stringify(intent)}`).toBe('query');
  return (intent as { filter: QueryFilter }).filter;
};

describe('how long overdue', () => {
  it.each<[string, NonNullable<QueryFilter['overdueBy']>]>([
    ["what's overdue by more than 3 months?", { amount: 3, unit: 'month', bound: 'more' }],
    ['more than 30 days overdue', { amount: 30, unit: 'day', bound: 'more' }],
    ['which actions are over six weeks late?', { amount: 6, unit: 'week', bound: 'more' }],
    ['overdue for over a month', { amount: 1, unit: 'month', bound: 'more' }],
    ['items overdue by 2 weeks or more', { amount: 2, unit: 'week', bound: 'at_least' }],
    ["what's overdue by a month?", { amount: 1, unit: 'month', bound: 'at_least' }],
    ['at least a year past the deadline', { amount: 1, unit: 'year', bound: 'at_least' }],
    ['overdue by less than a fortnight', { amount: 2, unit: 'week', bound: 'less' }],
    ['less than a week late', { amount: 1, unit: 'week', bound: 'less' }],
  ])('%s', (q, overdueBy) => {
    const f = filterOf(q);
    expect(f.overdueBy).toEqual(overdueBy);
    expect(f.overdue).toBe(true);
    expect(f.due).toBeUndefined();
  });

  it('keeps an owner or theme beside it', () => {
    expect(filterOf("what's overdue by more than 3 months for Karen?")).toMatchObject({ owner: 'Karen', overdueBy: { amount: 3, unit: 'month', bound: 'more' } });
    expect(filterOf('ICT items overdue by at least 2 months')).toMatchObject({ about: 'ICT', overdueBy: { amount: 2, unit: 'month', bound: 'at_least' } });
  });

  it.each<[string, Partial<QueryFilter>]>([
    ["what's overdue in ICT by more than 2 months?", { about: 'ICT', overdueBy: { amount: 2, unit: 'month', bound: 'more' } }],
    ['anything overdue for Karen by 3 weeks or more?', { owner: 'Karen', overdueBy: { amount: 3, unit: 'week', bound: 'at_least' } }],
    ["what's late in the plan by more than 2 months?", { overdueBy: { amount: 2, unit: 'month', bound: 'more' } }],
    ['which HR actions are behind schedule by over a fortnight', { about: 'HR', overdueBy: { amount: 2, unit: 'week', bound: 'more' } }],
  ])('with the owner or theme between: %s', (q, want) => {
    const f = filterOf(q);
    expect(f).toMatchObject({ ...want, overdue: true });
    expect(f.due).toBeUndefined();
  });

  it('"overdue … by owner" stays a count per owner', () => {
    expect(filterOf('overdue items by owner')).toMatchObject({ by: 'owner', overdue: true });
    expect(filterOf('overdue items by owner').overdueBy).toBeUndefined();
  });

  it('leaves "due by" a due date', () => {
    expect(filterOf("what's due by 2 weeks").overdueBy).toBeUndefined();
  });

  it.each(["what's the oldest overdue item?", 'which is the longest overdue action'])('%s is the single most overdue', (q) => {
    expect(filterOf(q)).toMatchObject({ order: 'most_overdue', limit: 1, overdue: true });
  });
});

describe('what is missing', () => {
  it.each<[string, NonNullable<QueryFilter['missing']>]>([
    ['which items have no date?', 'date'],
    ['anything without a delivery date?', 'date'],
    ['undated actions', 'date'],
    ['which recommendations are missing a target date?', 'date'],
    ['items with no deadline', 'date'],
    ['which items have no owner?', 'owner'],
    ['unowned items', 'owner'],
    ['what is unassigned?', 'owner'],
    ["what's not yet assigned?", 'owner'],
    ['anything without an owner', 'owner'],
    ['which items have never been updated?', 'updates'],
    ['which items have no updates?', 'updates'],
    ["what hasn't had any updates at all?", 'updates'],
  ])('%s', (q, missing) => {
    expect(filterOf(q).missing).toBe(missing);
  });

  it('keeps a theme or an owner beside it', () => {
    expect(filterOf('ICT items without a delivery date')).toMatchObject({ missing: 'date', about: 'ICT' });
  });

  it.each([
    ['items with no updates for 60 days or more', { days: 60 }],
    ['no updates since August', { since: 'August' }],
  ])('%s is still about staleness', (q, stale) => {
    const f = filterOf(q);
    expect(f.missing).toBeUndefined();
    expect(f.stale).toEqual(stale);
  });

  it('"not assigned to Karen" is an exclusion, not a missing owner', () => {
    expect(filterOf('what is not assigned to Karen?')).toMatchObject({ not: { owner: 'Karen' } });
  });
});

describe('several owners or themes', () => {
  it.each<[string, Partial<QueryFilter>]>([
    ["what's overdue for ICT or HR?", { owner: 'ICT or HR', overdue: true }],
    ['which items are owned by Karen or the Portfolio Office?', { owner: 'Karen or Portfolio Office' }],
    ['items for Karen, Rachel or Shackleton', { owner: 'Karen, Rachel or Shackleton' }],
    ['list ICT or HR', { about: 'ICT or HR' }],
    ["what's overdue in ICT, HR or Finance", { about: 'ICT, HR or Finance', overdue: true }],
    ['ICT and HR items', { about: 'ICT and HR' }],
  ])('%s keeps the alternatives together', (q, want) => {
    expect(filterOf(q)).toMatchObject(want);
  });

  it('a comma before a question is not a list', () => {
    expect(filterOf("what's overdue for Karen, please")).toMatchObject({ owner: 'Karen', overdue: true });
  });
});

describe('several items by number', () => {
  it.each<[string, string[]]>([
    ['status of 4.2.1 and 4.2.2', ['4.2.1', '4.2.2']],
    ['status 4.2.1, 4.2.2 and 4.2.3', ['4.2.1', '4.2.2', '4.2.3']],
    ['where are we on 5.1, 5.2 and 5.3?', ['5.1', '5.2', '5.3']],
    ['how are 9.1.1 and 9.1.3 doing?', ['9.1.1', '9.1.3']],
  ])('%s', (q, ids) => {
    expect(filterOf(q).ids).toEqual(ids);
  });

  it('a change to several items is still refused one at a time', () => {
    expect(parseIntent('complete 4.2.1 and 4.2.2').kind).not.toBe('query');
  });
});

describe('when one item is due', () => {
  it.each(['when is 4.2.1 due?', "when's 9.1.1 due", "what's the deadline for 4.2.1", '4.2.1 due date', 'when will 4.2.1 be delivered?'])('%s', (q) => {
    expect(parseIntent(q)).toMatchObject({ kind: 'status', ask: 'due' });
  });

  it.each(['when was 4.2.1 updated?', 'status 4.2.1'])('%s is not', (q) => {
    expect(parseIntent(q)).not.toMatchObject({ ask: 'due' });
  });
});

describe('changes within a window', () => {
  it.each<[string, string, string | undefined]>([
    ['what changed last week?', 'last week', 'last week'],
    ['any updates last month', 'last month', 'last month'],
    ['what changed yesterday', 'yesterday', 'yesterday'],
    ['what changed in January?', 'January', 'January'],
    ['what happened during October 2017?', 'October 2017', 'October 2017'],
    ['what changed between 1 October and 31 October?', '1 October', '31 October'],
    ['what changed between Christmas and Easter', 'Christmas', 'Easter'],
    // Up to today.
    ['what changed since 4 October?', '4 October', undefined],
    ['any updates this week', 'this week', undefined],
    ['any updates in the last 7 days', 'last 7 days', undefined],
    // A possessive, the updates' own verb, "recently".
    ["this month's updates", 'this month', undefined],
    ['what updates came in this week?', 'this week', undefined],
    ['which updates arrived since Monday?', 'Monday', undefined],
    ['what did Karen update recently?', 'the past week', undefined],
    ["what's been updated lately?", 'the past week', undefined],
  ])('%s', (q, since, until) => {
    const f = filterOf(q);
    expect(f.changedSince).toBe(since);
    expect(f.changedUntil).toBe(until);
  });

  it('whose updates are asked for: "what did Karen update recently?" is the updates Karen gave', () => {
    expect(filterOf('what did Karen update recently?')).toMatchObject({ changedSince: 'the past week', author: 'Karen' });
  });

  it('a theme beside the window stays the subject', () => {
    expect(filterOf('what changed in ICT in January')).toMatchObject({ changedSince: 'January', changedUntil: 'January', about: 'ICT' });
  });
});

describe('"to date" is up to now', () => {
  it.each(["what's been completed to date?", 'how many are done to date?'])('%s', (q) => {
    expect(filterOf(q)).not.toHaveProperty('about');
  });
});

describe('the board paper asked for in words', () => {
  it.each<[string, string]>([
    ['report', ''],
    ['board paper', ''],
    ['report xlsx as at 1 March 2018', 'xlsx as at 1 March 2018'],
    ['give me the board paper', ''],
    ['could you send me the report as at 1 March in Excel please?', 'as at 1 March in Excel'],
    ['can I have the paper for the next SAS?', 'for the next SAS'],
    ["I'd like this month's highlight report", ''],
    ['report on March', 'on March'],
    ['a report on 1 March as a Word document', 'on 1 March as a Word document'],
    // The plan itself asked for as a file.
    ['export the plan to excel', 'in excel'],
    ['I need the action plan as a PDF for JCOB', 'as a PDF for JCOB'],
    ['can I have the plan as a spreadsheet as at 1 March?', 'as a spreadsheet as at 1 March'],
  ])('%s', (q, words) => {
    expect(parseIntent(q)).toEqual({ kind: 'paper', words });
  });

  // A report "on" a subject (no day, no format) is a question about it, answered as one.
  it.each<[string, Record<string, unknown>]>([
    ['report on ICT', { about: 'ICT' }],
    ['give me a report on HR', { about: 'HR' }],
    ['report on overdue items', { overdue: true }],
    ["can I have a report about Karen's actions", { owner: 'Karen' }],
  ])('%s is a question', (q, filter) => {
    expect(parseIntent(q)).toEqual({ kind: 'query', filter });
  });

  it.each(["what's new since the last paper?", 'reporting lines for ICT', 'what did the paper say about 4.2.1?'])('%s is not a request for the paper', (q) => {
    expect(parseIntent(q).kind).not.toBe('paper');
  });
});

describe('past-tense questions about one item are not about its date', () => {
  it.each(['when was 4.2.1 created?', 'when did 4.2.1 change?'])('%s', (q) => {
    expect(parseIntent(q)).not.toMatchObject({ ask: 'due' });
  });
});

describe('what a person has to do', () => {
  it.each<[string, Partial<QueryFilter>]>([
    ['anything I need to do?', { open: true, owner: 'me' }],
    ['what should I be working on?', { open: true, owner: 'me' }],
    ["what's on my plate?", { open: true, owner: 'me' }],
    ["what's on Karen's plate", { open: true, owner: 'Karen' }],
    ['what do I need to update?', { owner: 'me', stale: { days: 30 } }],
    ['anything due an update?', { stale: { days: 30 } }],
  ])('%s', (q, want) => {
    expect(filterOf(q)).toMatchObject(want);
  });

  it.each<[string, string]>([
    ['who is N. Shackleton?', 'N. Shackleton'],
    ["who's the Portfolio Office?", 'Portfolio Office'],
  ])('%s lists what they own', (q, owner) => {
    expect(filterOf(q)).toEqual({ owner });
  });

  it('"who is overdue?" is still the overdue items', () => {
    expect(filterOf('who is overdue?')).toMatchObject({ overdue: true });
  });
});

describe('several statuses', () => {
  it.each<[string, QueryFilter['statuses']]>([
    ["what's on-going or awaiting decision?", ['on_going', 'awaiting_decision']],
    ['which items are complete or not being implemented?', ['complete', 'not_being_implemented']],
    ['list not started and on going items', ['not_started', 'on_going']],
  ])('%s: any of them', (q, statuses) => {
    const f = filterOf(q);
    expect(f.statuses).toEqual(statuses);
    expect(f.status).toBeUndefined();
  });

  it('one status stays one', () => {
    expect(filterOf("what's complete?")).toEqual({ status: 'complete' });
  });
});

describe('"before the end of" a period', () => {
  it.each(["what's due before the end of Q1?", "what's due before the end of the month"])('%s is due by its last day', (q) => {
    expect(filterOf(q).due?.mode).toBe('by');
  });
  it('"before Christmas" stays before it', () => {
    expect(filterOf('due before Christmas').due?.mode).toBe('before');
  });
});

describe('a meeting named where a subject goes', () => {
  it('is said back in words, not as the one token it is while reading', () => {
    expect(parseIntent("what's happening with the next SAS?")).toEqual({ kind: 'query', filter: { about: 'the next SAS' } });
  });
});
