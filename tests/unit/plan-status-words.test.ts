import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../src/core/plan/status.js';

/** Statuses as people type them in chat and commands. */
describe('parseStatus', () => {
  it.each([
    ['complete', 'complete'],
    ['Closed', 'complete'],
    ['on going', 'on_going'],
    ['in progress', 'on_going'],
    ['awaiting decision', 'awaiting_decision'],
    ['not being implemented', 'not_being_implemented'],
    ["won't be implemented", 'not_being_implemented'],
    ['will not be implemented', 'not_being_implemented'],
    ["isn't being implemented", 'not_being_implemented'],
    ['no longer needed', 'not_being_implemented'],
    ['superseded', 'not_being_implemented'],
    ['withdrawn', 'not_being_implemented'],
    // Without a negation it says nothing about the status.
    ['will be implemented', null],
    ['being implemented', null],
    ['blah', null],
  ] as const)('%j → %s', (words, status) => {
    expect(parseStatus(words)).toBe(status);
  });
});
