import { describe, expect, it } from 'vitest';
import { checkPaperDates, readPaperRequest } from '../../../src/core/report/paper-request.js';

/** `/concerto report …` in words: a format, a date as at and what changed since, in any order. */

const TODAY = '2017-12-01';
const PLAN_AS_OF = '2017-10-04';

describe('readPaperRequest', () => {
  it.each([
    ['', { format: 'pdf', asAt: TODAY, since: null }],
    ['xlsx', { format: 'xlsx', asAt: TODAY, since: null }],
    ['Excel', { format: 'xlsx', asAt: TODAY, since: null }],
    ['as a spreadsheet', { format: 'xlsx', asAt: TODAY, since: null }],
    ['as a Word document', { format: 'docx', asAt: TODAY, since: null }],
    ['in Word', { format: 'docx', asAt: TODAY, since: null }],
    ['docx as at 30 November 2017', { format: 'docx', asAt: '2017-11-30', since: null }],
    ['csv as at 4 October 2017', { format: 'csv', asAt: '2017-10-04', since: null }],
    ['as at 4 October 2017 csv', { format: 'csv', asAt: '2017-10-04', since: null }],
    ['as of end of October 2017', { format: 'pdf', asAt: '2017-10-31', since: null }],
    ['October 2017', { format: 'pdf', asAt: '2017-10-31', since: null }],
    // A period still running ends today.
    ['December 2017', { format: 'pdf', asAt: TODAY, since: null }],
    ['html since 1 November 2017', { format: 'html', asAt: TODAY, since: '2017-10-31' }],
    ['xlsx as at 30 November 2017 since 1 November 2017', { format: 'xlsx', asAt: '2017-11-30', since: '2017-10-31' }],
    ['since October 2017 md', { format: 'md', asAt: TODAY, since: '2017-09-30' }],
    ['json as at 2017-11-15', { format: 'json', asAt: '2017-11-15', since: null }],
  ])('%j', (words, request) => {
    expect(readPaperRequest(words, TODAY, PLAN_AS_OF)).toEqual({ ok: true, request });
  });

  it.each([
    ['as at 1 September 2017', /^The plan begins on 4 October 2017 \(its own date\), so there is no paper as at 1 September 2017\. Ask for 4 October 2017 or later\.$/],
    ['as at 25 December 2017', /^25 December 2017 has not happened yet, so there is no paper as at it\. Ask for today \(1 December 2017\) or an earlier day\.$/],
    ['as at 1 November 2017 since 2 November 2017', /^"Since" must come before the paper's date \(1 November 2017\)/],
    ['as at whenever', /^I can't read "whenever" as a date/],
    ['since', /^Say since when/],
    ['as at TBC', /^"TBC" has no date in it\./],
  ])('%j is refused: %s', (words, error) => {
    const read = readPaperRequest(words, TODAY, PLAN_AS_OF);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(error);
  });
});

describe('checkPaperDates (the CLI and Slack share it)', () => {
  it('accepts the plan’s own date and today, and since the day before', () => {
    expect(checkPaperDates({ asAt: PLAN_AS_OF, since: null }, TODAY, PLAN_AS_OF)).toBeNull();
    expect(checkPaperDates({ asAt: TODAY, since: '2017-11-30' }, TODAY, PLAN_AS_OF)).toBeNull();
    expect(checkPaperDates({ asAt: TODAY, since: TODAY }, TODAY, PLAN_AS_OF)).toMatch(/^"Since" must come before/);
  });
});
