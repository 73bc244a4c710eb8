import { describe, expect, it } from 'vitest';
import { answerHelp } from '../../../src/core/ask/handlers/help.js';
import { parseIntent } from '../../../src/core/ask/intents/parse-intent.js';

/** Every question the help offers as an example is one the bot understands. */
describe('the questions help gives as examples', () => {
  const quoted = (text: string) => [...text.matchAll(/"([^"]+\?)"/g)].map((m) => m[1]!);
  const examples = [...new Set(['questions', 'rag', 'meetings', 'decisions'].flatMap((topic) => quoted(answerHelp(topic).text)))];

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples)('%s', (q) => {
    expect(parseIntent(q).kind).not.toBe('unknown');
  });

  it.each([
    ['summary', 'rag'],
    ['colours', 'rag'],
    ['question', 'questions'],
  ])('help %s is help %s', (alias, topic) => {
    expect(answerHelp(alias).text).toBe(answerHelp(topic).text);
  });
});
