import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The views are pure data builders: no Bolt at runtime, so they test (and run) without a Slack app. */
const DIR = new URL('../../../src/slack/', import.meta.url).pathname;
const files = ['escape.ts', 'block-kit.ts', ...readdirSync(`${DIR}views`).map((f) => `views/${f}`)];

describe('Slack views', () => {
  it.each(files)('%s imports nothing from @slack at runtime', (file) => {
    const text = readFileSync(`${DIR}${file}`, 'utf8');
    expect(text).not.toMatch(/^import (?!type )[^;]*from ['"]@slack\//m);
  });
});
