import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * bin/concerto.mjs runs the compiled dist/ only while it is newer than every file in src/; after an
 * edit it runs the TypeScript through tsx, so a stale build is never what answers. Checked on a copy
 * of the entry point beside a src/ and a dist/ that each say which one ran.
 */
describe('the concerto entry point', () => {
  let dir: string;
  const run = () => execFileSync(process.execPath, [path.join(dir, 'bin', 'concerto.mjs')], { cwd: dir, encoding: 'utf8' }).trim();
  const at = (file: string, when: Date) => utimesSync(path.join(dir, file), when, when);

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'concerto-entry-'));
    mkdirSync(path.join(dir, 'bin'));
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    cpSync(path.join(ROOT, 'bin', 'concerto.mjs'), path.join(dir, 'bin', 'concerto.mjs'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    mkdirSync(path.join(dir, 'src', 'core'), { recursive: true });
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'src', 'main.ts'), "const which: string = 'src';\nconsole.log(which);\n");
    writeFileSync(path.join(dir, 'src', 'core', 'rule.ts'), 'export {};\n');
    mkdirSync(path.join(dir, 'dist', 'bundle'));
    writeFileSync(path.join(dir, 'dist', 'bundle', 'main.js'), "console.log(['dist', ...process.execArgv].join(' '));\n");
    writeFileSync(path.join(dir, 'dist', 'BUILT'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs dist/ when the build is newer than every source file', () => {
    at('src/main.ts', new Date('2026-01-01T10:00:00Z'));
    at('src/core/rule.ts', new Date('2026-01-01T10:00:00Z'));
    at('dist/BUILT', new Date('2026-01-01T11:00:00Z'));
    expect(run()).toBe('dist');
  });

  it('starts Node with the young generation and helper threads its servers were measured with, when run as the installed command', () => {
    // Executed itself, as npm's link and `npm start` run it: the first line's interpreter and its flags.
    expect(execFileSync(path.join(dir, 'bin', 'concerto.mjs'), { cwd: dir, encoding: 'utf8' }).trim()).toBe('dist --max-semi-space-size=8 --v8-pool-size=2');
  });

  it('runs src/ through tsx when any source file, however deep, was saved after the build', () => {
    at('src/core/rule.ts', new Date('2026-01-01T12:00:00Z'));
    expect(run()).toBe('src');
  });

  it('runs src/ through tsx when there is no build at all', () => {
    rmSync(path.join(dir, 'dist', 'BUILT'));
    expect(run()).toBe('src');
  });
});
