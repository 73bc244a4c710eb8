import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../../src/cli/program.js';

/**
 * A plan key with a space, given to `plan create|set|archive|restore`, is refused as a key — with the
 * key it could be — before any database is opened, not read as more words of the command.
 */
describe('a plan key with spaces on the command line', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [['plan', 'create', 'Audit 2019', '--title', 'Internal audit 2019'], 'Audit 2019', 'audit-2019'],
    [['plan', 'set', 'audit 2018', '--title', 'x'], 'audit 2018', 'audit-2018'],
    [['plan', 'archive', 'copy x'], 'copy x', 'copy-x'],
    [['plan', 'restore', '"hmicfrs 2018"'], '"hmicfrs 2018"', 'hmicfrs-2018'],
  ])('%j', async (args, typed, could) => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const open = vi.fn(async () => {
      throw new Error('no database should be opened');
    });
    let exit = 0;
    await buildProgram(open, (code) => (exit = code)).parseAsync(['node', 'concerto', ...args]);
    expect(open).not.toHaveBeenCalled();
    expect(exit).toBe(1);
    expect(out.join('')).toBe(
      `"${typed}" cannot be a plan key: use 2 to 40 lower-case letters, digits and single hyphens, starting with a letter, such as audit-2018. Did you mean ${could}?\n`,
    );
  });
});
