import { describe, expect, it } from 'vitest';
import { priorityMatches } from '../../src/core/plan/priority.js';
import { priorityWords } from '../../src/core/ask/format.js';

/** A priority asked for in words, against the priorities plans write. */
describe('priorityMatches', () => {
  it.each([
    ['High', 'high', true],
    ['HIGH', 'high', true],
    ['1 - High', 'high', true],
    ['1 - High', '1', true],
    ['Priority 2', '2', true],
    ['P1', '1', true],
    ['Medium', 'high', false],
    ['Highest', 'high', false],
    ['12', '1', false],
    [null, 'high', false],
  ] as const)('%j asked as %j: %s', (priority, asked, match) => {
    expect(priorityMatches(priority, asked)).toBe(match);
  });

  it.each([
    ['High', 'High priority'],
    ['Priority 1', 'Priority 1'],
    ['P2', 'P2'],
  ])('%j is written in a list as %j', (priority, words) => {
    expect(priorityWords(priority)).toBe(words);
  });
});
