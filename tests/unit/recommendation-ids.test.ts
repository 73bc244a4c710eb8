import { describe, expect, it } from 'vitest';
import { canonicalId, compareIds, isRecommendationId } from '../../src/core/plan/recommendation-id.js';
import { parseIntent } from '../../src/core/ask/intents/parse-intent.js';
import { sortKeyOf } from '../../src/store/rec-rows.js';

/** Ids as boards and audit trackers number their recommendations. */
describe('recommendation ids', () => {
  it.each(['4.2.1', '5', '9.3.1', '4.10.2', 'IA-01', 'R1', 'REC-3.2', 'IA01', 'HMI-12', '1a', '4.2.1b', 'IA-01a', 'R3c'])('%s is an id', (id) => {
    expect(isRecommendationId(id)).toBe(true);
  });

  it.each([
    // Periods and dates, never ids.
    'Q1', 'Q2', 'H1', 'FY18', 'FY-2018', 'MAR-18', 'SEPT-17', 'W42', 'WC12',
    // Not the shape of one.
    '4.2.x', 'IA-', 'ABCDE-1', '1ab', '1A', 'IA-01A', 'ia-01', '4..2', '1234', '4.2.1st', '',
  ])('%j is not an id', (s) => {
    expect(isRecommendationId(s)).toBe(false);
  });

  it('a lettered id typed in lower case is the plan\'s, in capitals', () => {
    expect([canonicalId('ia-01'), canonicalId('r1'), canonicalId('4.2.1'), canonicalId('report')]).toEqual(['IA-01', 'R1', '4.2.1', 'report']);
  });

  it('a part\'s letter is the plan\'s in lower case, without brackets', () => {
    expect(['1A', '1(a)', '4.2.1B', 'ia-01A', 'r3(c)', '1a'].map(canonicalId)).toEqual(['1a', '1a', '4.2.1b', 'IA-01a', 'R3c', '1a']);
  });

  it('sorts a part after its number and before the next: 1, 1a, 1b, 2, in code and in the database key', () => {
    const ids = ['2', '1b', '10', '1', '1a', '4.2.1b', '4.2.1', '4.2.2', 'IA-01b', 'IA-01', 'IA-02'];
    const want = ['1', '1a', '1b', '2', '4.2.1', '4.2.1b', '4.2.2', '10', 'IA-01', 'IA-01b', 'IA-02'];
    expect([...ids].sort(compareIds)).toEqual(want);
    expect([...ids].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1))).toEqual(want);
  });

  it('sorts numbers first, part by part, then lettered ids by their letters and numbers, in code and in the database key', () => {
    const ids = ['IA-10', 'R2', '4.10', '4.9', 'IA-2.1', 'IA-02', '10.1', 'IA-01', 'R10'];
    const want = ['4.9', '4.10', '10.1', 'IA-01', 'IA-02', 'IA-2.1', 'IA-10', 'R2', 'R10'];
    expect([...ids].sort(compareIds)).toEqual(want);
    expect([...ids].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1))).toEqual(want);
  });

  it.each([
    ['status ia-01', { kind: 'status', id: 'IA-01' }],
    ['who owns R1', { kind: 'who_owns', id: 'R1' }],
    ['IA-01?', { kind: 'status', id: 'IA-01' }],
    ['update IA-01 first review done', { kind: 'update', id: 'IA-01', text: 'first review done' }],
    ['date IA-01 Q3 2018', { kind: 'date', id: 'IA-01', phrase: 'Q3 2018' }],
    ['status 1A', { kind: 'status', id: '1a' }],
    ['when is 3a due?', { kind: 'status', id: '3a', ask: 'due' }],
    ['is 4.2.1b done?', { kind: 'status', id: '4.2.1b' }],
    ['status of 1a and 1b', { kind: 'query', filter: { ids: ['1a', '1b'] } }],
    ['complete 1(a) signed off by SLT', { kind: 'complete', id: '1a', evidence: 'signed off by SLT' }],
    ['add an update to 1a: agreed at SLT', { kind: 'update', id: '1a', text: 'agreed at SLT' }],
    ['awaiting 1(a) agreement from SAS', { kind: 'awaiting', id: '1a', what: 'agreement', board: 'SAS' }],
    // Amounts are no ids.
    ['which items mention the £5m budget?', { kind: 'query', filter: { mentions: 'the £5m budget' } }],
    // Period letters stay periods.
    ["what's due by Q1", { kind: 'query', filter: { due: { phrase: 'Q1', mode: 'by' }, open: true } }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q)).toEqual(intent);
  });
});
