import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/core/ask/intent.js';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

/** The decision log and the boards' meetings asked for the ways people ask, and what must not be read as either. */

const log = (over: { board?: string | null; since?: string | null; during?: string | null; about?: string | null } = {}) => ({
  kind: 'decisions',
  board: over.board ?? null,
  since: over.since ?? null,
  during: over.during ?? null,
  about: over.about ?? null,
});

describe('the decision log, asked in words', () => {
  it.each([
    // Every board: a subject that names none, or none at all.
    ['what did the boards decide?', log()],
    ['what have we agreed?', log()],
    ['show the decision log', log()],
    ["what's in the decision log", log()],
    ['decision log', log()],
    ['what decisions has the board made', log()],
    ['what decisions have been taken?', log()],
    ['recent decisions', log()],
    ['what are the latest decisions', log()],
    ['have there been any decisions?', log()],
    ['list all decisions', log()],
    ['what was the last decision?', log()],
    ['show me the most recent decisions', log()],
    ['how many decisions has SAS made?', log({ board: 'SAS' })],
    // A board.
    ['what did SAS decide?', log({ board: 'SAS' })],
    ['what has JCOB agreed?', log({ board: 'JCOB' })],
    ['decision log for SAS', log({ board: 'SAS' })],
    ['the decisions of JCOB', log({ board: 'JCOB' })],
    ['what decisions has JCOB made?', log({ board: 'JCOB' })],
    ['what decisions did SAS make?', log({ board: 'SAS' })],
    ['SAS decisions', log({ board: 'SAS' })],
    ["show SAS's decisions since May", log({ board: 'SAS', since: 'May' })],
    ['JCOB decision log', log({ board: 'JCOB' })],
    ['Recent decisions', log()],
    // A period, or a meeting as its day.
    ['any decisions since May?', log({ since: 'May' })],
    ['what decisions have been made since October', log({ since: 'October' })],
    ["what's been decided this year", log({ during: 'this year' })],
    ['what was decided in October', log({ during: 'October' })],
    ['decisions for October', log({ during: 'October' })],
    ['decisions last month', log({ during: 'last month' })],
    ['what did SAS decide in October?', log({ board: 'SAS', during: 'October' })],
    ['any decisions from SAS this year?', log({ board: 'SAS', during: 'this year' })],
    ['what was decided at the last SAS?', log({ board: 'SAS', during: 'the last SAS' })],
    ['what were the decisions at the last JCOB', log({ board: 'JCOB', during: 'the last JCOB' })],
    ['what did we agree at the last JCOB', log({ board: 'JCOB', during: 'the last JCOB' })],
    // What a meeting came to, asked as what happened there.
    ['what happened at the last SAS?', log({ board: 'SAS', during: 'the last SAS' })],
    ['what came out of the last JCOB?', log({ board: 'JCOB', during: 'the last JCOB' })],
    ['outcome of the last meeting', log({ during: 'the last meeting' })],
    ['what was the outcome of SAS in October?', log({ board: 'SAS', during: 'October' })],
    // "on 4 October" is a day, not item 4.
    ['what was decided at SAS on 4 October?', log({ board: 'SAS', during: '4 October' })],
    ['what happened at the SAS on 4 October?', log({ board: 'SAS', during: '4 October' })],
    // An item the decisions affect.
    ['decisions about 4.3.1', log({ about: '4.3.1' })],
    ['what was decided about 4.3.1?', log({ about: '4.3.1' })],
    ['has the board decided anything on 4.3.1', log({ about: '4.3.1' })],
    ['decision on 4.3.1?', log({ about: '4.3.1' })],
    // The passive, with no board: "been" is no board's name.
    ['what has been decided about 9.1.3?', log({ about: '9.1.3' })],
    ['what has been agreed since May', log({ since: 'May' })],
    ['has anything been decided about 4.3.1?', log({ about: '4.3.1' })],
    ['was a decision made on 9.1.1', log({ about: '9.1.1' })],
    ['have any decisions been taken since May', log({ since: 'May' })],
    ['what decisions affect 4.3.1?', log({ about: '4.3.1' })],
    ['which decisions affected 4.3.1', log({ about: '4.3.1' })],
    ['decisions that have affected 4.3.1', log({ about: '4.3.1' })],
    ['any decisions affecting 9.1.1 since May', log({ about: '9.1.1', since: 'May' })],
    ['did JCOB decide anything about 4.3.1', log({ board: 'JCOB', about: '4.3.1' })],
  ])('%s', (q, want) => {
    expect(parseIntent(q)).toEqual(want);
  });
});

describe('the next meeting, asked in words', () => {
  it.each([
    ['when is the next SAS?', 'SAS'],
    ["when's the next JCOB meeting", 'JCOB'],
    ['when does SAS next meet?', 'SAS'],
    ['tell me about the next SAS', 'SAS'],
    ['details of the next JCOB meeting', 'JCOB'],
    ['when is JCOB meeting next', 'JCOB'],
    ['next meeting', null],
    ['when is the next board meeting?', null],
    ['when do the boards meet next', null],
  ])('%s', (q, board) => {
    expect(parseIntent(q)).toEqual({ kind: 'meetings', board, next: true });
  });

  it.each(['upcoming meetings', 'what meetings are coming up?', 'any future board meetings'])('%s lists the meetings, upcoming first', (q) => {
    expect(parseIntent(q)).toEqual({ kind: 'meetings', board: null });
  });
});

describe('what is neither', () => {
  it.each<[string, Intent['kind']]>([
    // What waits on a board is a question about items.
    ['what has SAS got to decide?', 'query'],
    ["what's awaiting a decision?", 'query'],
    ['what is waiting on JCOB?', 'query'],
    // A meeting as a day in a question about items.
    ["what's due before the next JCOB?", 'query'],
    ["what's due next week", 'query'],
    // Recording a decision is the command's.
    ['decision SAS 2017-10-12 "New governance framework agreed" affects 1.1', 'decision'],
    ['status 4.3.1', 'status'],
  ])('%s', (q, kind) => {
    expect(parseIntent(q).kind).toBe(kind);
  });
});
