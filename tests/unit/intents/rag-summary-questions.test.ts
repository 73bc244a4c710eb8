import { describe, expect, it } from 'vitest';
import type { QueryFilter } from '../../../src/core/ask/intent.js';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

/** The board paper's vocabulary in questions: RAG colours, words in the items' text, and the counts instead of the list. */

const query = (filter: QueryFilter) => ({ kind: 'query', filter });

describe('RAG colours', () => {
  it.each<[string, QueryFilter]>([
    ['which items are red?', { rag: 'red' }],
    ['red items', { rag: 'red' }],
    ['show me the amber items', { rag: 'amber' }],
    ['list red', { rag: 'red' }],
    ['rag red', { rag: 'red' }],
    ['grey ones', { rag: 'grey' }],
    ['anything gray?', { rag: 'grey' }],
    ["what's red in ICT?", { rag: 'red', about: 'ICT' }],
    ['how many are green', { count: true, rag: 'green' }],
    ['is anything amber for Karen?', { rag: 'amber', owner: 'Karen' }],
    // Red or amber: what a board means by "at risk".
    ["what's at risk?", { rag: 'at_risk' }],
    ['what needs attention?', { rag: 'at_risk' }],
    ['anything red or amber for Karen', { rag: 'at_risk', owner: 'Karen' }],
    ['what should the board worry about?', { rag: 'at_risk' }],
    ['what are the biggest risks?', { rag: 'at_risk' }],
    // On track: open and green.
    ['which items are on track?', { rag: 'green', open: true }],
    ["what's on schedule in ICT?", { rag: 'green', open: true, about: 'ICT' }],
    // A colour that is part of a name stays the name's.
    ['overdue for Sarah Green', { owner: 'Sarah Green', overdue: true }],
    ["what's overdue for Mr Red", { owner: 'Mr Red', overdue: true }],
    ["the Green Team's items", { owner: 'Green Team' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('words in the items’ text', () => {
  it.each<[string, QueryFilter]>([
    ['which items mention ERP?', { mentions: 'ERP' }],
    ['overdue items that mention business case', { mentions: 'business case', overdue: true }],
    ["anything containing 'audit trail'", { mentions: 'audit trail' }],
    ['recommendations referring to the governance framework', { mentions: 'the governance framework' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('the counts instead of the list', () => {
  it.each<[string, QueryFilter]>([
    ['how are we doing?', { summary: true }],
    ['give me a summary', { summary: true }],
    ["what's the RAG breakdown?", { summary: true }],
    ['give me the status breakdown', { summary: true }],
    ['percentage complete?', { summary: true }],
    ['how far along are we?', { summary: true }],
    ['completion rate', { summary: true }],
    ['where are we?', { summary: true }],
    ['are we on track?', { summary: true }],
    ['is the plan on target?', { summary: true }],
    ["what's the overall progress", { summary: true }],
    ['what percentage is complete?', { summary: true }],
    ['how much of the plan is done?', { summary: true }],
    ['what proportion of the actions are complete', { summary: true }],
    ["what's the RAG for ICT?", { summary: true, owner: 'ICT' }],
    ["overview of Karen's items", { summary: true, owner: 'Karen' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });

  it.each<[string, QueryFilter]>([
    // Lists, as before: a subject after "how are we doing with", a status "in progress", a count.
    ['how are we doing with ICT', { about: 'ICT' }],
    ["what's in progress", { status: 'on_going' }],
    ['how many items are complete', { count: true, status: 'complete' }],
  ])('%s still lists', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('counts per owner or theme', () => {
  it.each<[string, QueryFilter]>([
    ['who has the most overdue items?', { by: 'owner', overdue: true }],
    ['which plan has the most overdue items?', { by: 'plan', overdue: true }],
    ['overdue by plan', { by: 'plan', overdue: true }],
    ['open items per plan', { by: 'plan', open: true }],
    ['who owns the most items?', { by: 'owner' }],
    // Workload in other words: the owners counted, with how much of each one's is overdue.
    ["who's the busiest?", { by: 'owner' }],
    ['who has the heaviest workload?', { by: 'owner' }],
    ['who has nothing overdue?', { by: 'owner' }],
    ['which owners are late?', { by: 'owner', overdue: true }],
    ['list the owners', { by: 'owner' }],
    ['who are the owners?', { by: 'owner' }],
    ['what themes are there?', { by: 'theme' }],
    ['list themes', { by: 'theme' }],
    ['overdue by owner', { by: 'owner', overdue: true }],
    ['open items by theme', { by: 'theme', open: true }],
    ['breakdown by owner', { by: 'owner' }],
    ['which roles own items?', { by: 'owner', ownerKind: 'role' }],
    ['list the people', { by: 'owner', ownerKind: 'person' }],
    ['which people have overdue items', { by: 'owner', ownerKind: 'person', overdue: true }],
    ['overdue breakdown per theme', { by: 'theme', overdue: true }],
    ['which theme has the most red items', { by: 'theme', rag: 'red' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });

  it.each<[string, QueryFilter]>([
    ['the five most overdue', { order: 'most_overdue', limit: 5, overdue: true }],
    ['what does Karen own?', { owner: 'Karen' }],
  ])('%s is still a list', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('what is coming up, and a period said without "due"', () => {
  it.each<[string, QueryFilter]>([
    ["what's coming up?", { order: 'soonest_due', open: true, limit: 10 }],
    ["what's next?", { order: 'soonest_due', open: true, limit: 10 }],
    ['upcoming deadlines', { order: 'soonest_due', open: true, limit: 10 }],
    ["what's due soon?", { order: 'soonest_due', open: true, limit: 10 }],
    ['what is left to do?', { open: true }],
    ["what's still to do for Karen", { open: true, owner: 'Karen' }],
    ["what's coming up for Karen", { order: 'soonest_due', open: true, limit: 10, owner: 'Karen' }],
    ['anything for HR this month?', { owner: 'HR', due: { phrase: 'this month', mode: 'within' }, open: true }],
    ['HR items this quarter', { about: 'HR', due: { phrase: 'this quarter', mode: 'within' }, open: true }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('completions in a period', () => {
  it.each<[string, QueryFilter]>([
    ['what was completed in December?', { completed: { phrase: 'December', since: false } }],
    ['what closed last month?', { completed: { phrase: 'last month', since: false } }],
    ["what's been completed since October?", { completed: { phrase: 'October', since: true } }],
    ['what got done this week', { completed: { phrase: 'this week', since: false } }],
    ['how many were completed last month', { completed: { phrase: 'last month', since: false }, count: true }],
    // Completed during September, from the trail (it was listed as unsure in question-cases.ts).
    ['has the portfolio office finished anything in September', { completed: { phrase: 'September', since: false }, about: 'portfolio office' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });

  it.each<[string, QueryFilter]>([
    ["what's complete in HR", { status: 'complete', about: 'HR' }],
    ["what's *not* complete in ICT?", { open: true, about: 'ICT' }],
  ])('%s is the status, not a period', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('a Slack user mentioned as the owner', () => {
  it.each<[string, QueryFilter]>([
    ["what's overdue for <@U0456EFGH>?", { owner: '<@U0456EFGH>', overdue: true }],
    ['what does <@U0456EFGH> own?', { owner: '<@U0456EFGH>' }],
    ["what's overdue for <@U0456EFGH|karen>", { owner: '<@U0456EFGH>', overdue: true }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });
});

describe('overdue or due', () => {
  it.each<[string, QueryFilter]>([
    ["what's overdue or due this month?", { due: { phrase: 'this month', mode: 'within', orOverdue: true }, open: true }],
    ['anything late or due next month for Karen', { owner: 'Karen', due: { phrase: 'next month', mode: 'within', orOverdue: true }, open: true }],
    ["what's due this month or overdue", { due: { phrase: 'this month', mode: 'within', orOverdue: true }, open: true }],
    ['show me everything that\'s late or due by March', { due: { phrase: 'March', mode: 'by', orOverdue: true }, open: true }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });

  it('"after" and "or overdue" in one list is refused with the two questions to ask', () => {
    expect(parseIntent("what's due after March or late")).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/one at a time/) });
  });
});

describe('what changed, with no period said: the past week', () => {
  it.each<[string, QueryFilter]>([
    ["what's new?", { changedSince: 'the past week' }],
    ['what changed?', { changedSince: 'the past week' }],
    ['what happened?', { changedSince: 'the past week' }],
    ['any updates on HR?', { changedSince: 'the past week', about: 'HR' }],
    ["what's new in ICT", { changedSince: 'the past week', about: 'ICT' }],
    // A period said is the period.
    ['what changed since 4 October?', { changedSince: '4 October' }],
  ])('%s', (q, filter) => {
    expect(parseIntent(q)).toEqual(query(filter));
  });

  it.each(['switch to audit-2018', 'change to audit-2018', 'use plan audit-2018', 'set my plan to Audit-2018'])('%s chooses the plan', (q) => {
    expect(parseIntent(q)).toEqual({ kind: 'use', key: 'audit-2018' });
  });
});

