import { describe, expect, it } from 'vitest';
import { mentionsAll } from '../../src/core/plan/mentions.js';

/** Finding an item by words of its text, as "which items mention …?" does. */
describe('mentionsAll', () => {
  const TEXT = 'A Business Case and its enabling programme should only be considered once ERP policies are agreed';
  it.each([
    ['ERP', true],
    ['erp', true],
    ['business case', true],
    ['business cases', true],
    ['Business-Case', true],
    ['policy', true],
    ['policies', true],
    ['the enabling programme', true],
    ['programmes', true],
    // Every word must be there, each at the start of a word of the text.
    ['business plan', false],
    ['usiness', false],
    ['RP', false],
    // A phrase of little words and letters mentions nothing.
    ['the', false],
    ['a', false],
    ['', false],
  ])('%j → %s', (phrase, found) => {
    expect(mentionsAll(TEXT, phrase)).toBe(found);
  });
});
