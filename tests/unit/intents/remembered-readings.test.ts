import { describe, expect, it } from 'vitest';
import { parseIntent, readIntent } from '../../../src/core/ask/intents/parse-intent.js';
import { CASES } from './question-cases.js';

/** parseIntent remembers readings: the same answer as reading afresh, handed out so that no caller can change the next one's. */
describe('remembered readings', () => {
  it('reads every question of the suite as a fresh reading does, the first time and the next', () => {
    for (const c of CASES) {
      expect(parseIntent(c.q), c.q).toEqual(readIntent(c.q));
      expect(parseIntent(c.q), c.q).toEqual(readIntent(c.q));
    }
  });

  it('hands out a reading that cannot be changed', () => {
    const intent = parseIntent('overdue for Karen Georgiou');
    expect(intent.kind).toBe('query');
    expect(() => ((intent as { kind: string }).kind = 'complete')).toThrow(TypeError);
    const filter = (intent as unknown as { filter: Record<string, unknown> }).filter;
    expect(() => (filter.owner = 'Someone Else')).toThrow(TypeError);
    expect(parseIntent('overdue for Karen Georgiou')).toEqual(readIntent('overdue for Karen Georgiou'));
  });

  it('stays right past the number of readings it keeps', () => {
    for (let i = 0; i < 2_500; i++) {
      const id = `${1 + (i % 9)}.${1 + Math.floor(i / 9) % 99}.${1 + (i % 7)}`;
      expect(parseIntent(`status ${id} please ${i}`)).toEqual(readIntent(`status ${id} please ${i}`));
    }
    expect(parseIntent('status 4.2.1')).toEqual({ kind: 'status', id: '4.2.1' });
  });
});
