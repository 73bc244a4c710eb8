import { performance } from 'node:perf_hooks';
import { readIntent } from '../src/core/ask/intents/parse-intent.js';
import { CASES } from '../tests/unit/intents/question-cases.js';
import { percentile } from './measure.js';

export interface ParseFigures {
  questions: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Issue 14's question suite, each question read many times after a warm-up: the reader's own cost, no database.
 * Timed through readIntent, as parseIntent remembers a reading and would time a lookup from the second round on.
 */
export function questionParse(rounds = 20): ParseFigures {
  for (const c of CASES) readIntent(c.q);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of CASES) {
      const started = performance.now();
      readIntent(c.q);
      samples.push(performance.now() - started);
    }
  }
  return { questions: CASES.length, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
}
