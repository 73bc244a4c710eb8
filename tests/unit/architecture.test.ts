import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The domain imports nothing of Slack, SQL or the environment; this keeps that true without anyone remembering it. */
const CORE = new URL('../../src/core/', import.meta.url).pathname;
const FORBIDDEN = [
  /from ['"]@slack\//,
  /from ['"]drizzle-orm/,
  /from ['"]postgres['"]/,
  /from ['"]@electric-sql\/pglite/,
  /from ['"](node:)?(fs|http|https|net|child_process|os)(\/promises)?['"]/,
  /process\.env/,
  /new Date\(\)/,
  /Date\.now\(\)/,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('src/core', () => {
  const sources = files(CORE);

  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((f) => [path.relative(CORE, f), f]))('%s imports no adapter, environment or clock', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const rule of FORBIDDEN) expect(text, `${rule}`).not.toMatch(rule);
  });
});
