import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

/** Questions about completions awaiting sign-off, as people put them, and the words that must not read as one. */
describe('asking what awaits sign-off', () => {
  it.each([
    ["what's awaiting sign-off?", {}],
    ['awaiting sign off', {}],
    ['what needs signing off?', {}],
    ['anything pending sign-off?', {}],
    ['which completions are awaiting sign off', {}],
    ['pending completions', {}],
    ['proposals', {}],
    ["what's proposed complete?", {}],
    ['list items proposed as complete', {}],
    ['what is ready for sign off in HR', { about: 'HR' }],
    ['how many completions are pending sign-off for Karen?', { count: true, owner: 'Karen' }],
    ['what of mine is awaiting sign-off?', { owner: 'me' }],
  ])('%s', (question, more) => {
    expect(parseIntent(question)).toEqual({ kind: 'query', filter: { proposed: true, ...more } });
  });

  it.each([
    ['how many completions this month?'],
    ['what was completed since October?'],
    ["what's waiting on SAS?"],
    ["what's awaiting a decision?"],
  ])('%s is not about sign-off', (question) => {
    const intent = parseIntent(question);
    expect(intent.kind === 'query' ? intent.filter.proposed : undefined).toBeUndefined();
  });

  it('`sign off 4.2.1` is still the admin signing off', () => {
    expect(parseIntent('sign off 4.2.1')).toEqual({ kind: 'sign_off', id: '4.2.1' });
  });
});
