import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

/** Asking an item's owners for an update now, however it is put; and what is not a chase. */
describe('chase', () => {
  it.each<[string, string, string | null]>([
    ['chase 4.1.1', '4.1.1', null],
    ['chase up 4.1.1 – the board meets Friday', '4.1.1', 'the board meets Friday'],
    ['nudge the owners of 4.1.1', '4.1.1', null],
    ['remind Rachel about 4.1.1', '4.1.1', null],
    ['remind the Portfolio Office about 5.2: papers by Thursday', '5.2', 'papers by Thursday'],
    ['ask the owner of 4.1.1 for an update', '4.1.1', null],
    ['ask Rachel for an update on 4.1.1', '4.1.1', null],
    ['ping IA-01: audit committee next week', 'IA-01', 'audit committee next week'],
    ['please chase 1a', '1a', null],
    // Courtesy to the bot is not a note for the owners; what is said beside it is.
    ['chase 4.1.1 please', '4.1.1', null],
    ['chase 4.1.1, thanks', '4.1.1', null],
    ['chase 4.1.1 again please', '4.1.1', null],
    ['nudge Rachel about 4.1.1 pls', '4.1.1', null],
    ['please chase 4.1.1 – the board meets Friday, thank you', '4.1.1', 'the board meets Friday'],
    ['chase up 4.1.1 please, SAS needs it by Friday', '4.1.1', 'SAS needs it by Friday'],
  ])('%s', (q, id, note) => {
    expect(parseIntent(q)).toEqual({ kind: 'chase', id, note });
  });

  it.each(['remind me about 4.1.1', 'update 4.1.1 chased the team', 'ask about 4.1.1', 'who should I chase about 4.1.1?'])('%s is not a chase', (q) => {
    expect(parseIntent(q).kind).not.toBe('chase');
  });

  it('"chase" alone says to name the item', () => {
    expect(parseIntent('chase')).toMatchObject({ kind: 'unknown', reason: 'Name the item to chase its owners about, e.g. "chase 4.1.1" (a note after the number goes with it).' });
  });
});
