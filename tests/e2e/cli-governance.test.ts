import { afterAll, expect, it } from 'vitest';
import { CLI_TIMEOUT, jsonLines, runCli, tempDirs } from '../helpers/cli.js';

/**
 * The terminal scenario through the real CLI: commander's arguments become the core's words
 * (`affects 1.1, 3.6, 4.0.1` as typed, quoted text with spaces), `--json` prints one object per line,
 * and a refusal exits 1 with its sentence. The commands themselves are tested through the engine.
 */
const dirs = tempDirs();
afterAll(() => dirs.cleanup());

it(
  'adds a board and a meeting, records a decision affecting three items, and lists the log',
  async () => {
    const dataDir = dirs.make('concerto-e2e-governance-');
    const cli = (...args: string[]) => runCli(args, { dataDir });
    expect((await cli('board', 'add', 'SAS', '--title', 'Strategic Alliance Summit')).code).toBe(0);
    const meeting = await cli('meeting', 'add', 'SAS', 'next', 'Thursday');
    expect(meeting.stdout).toContain("Added SAS's meeting on 12 Oct 2017; papers are due by 5 Oct 2017");
    const refused = await cli('decision', 'SAS', '2017-10-19', 'New governance framework agreed', 'affects', '1.1,', '3.6,', '4.0.1');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('meeting add SAS 2017-10-19');
    // Recorded on the meeting's day, as an office catching up would say it (--as-of, as every command takes).
    const recorded = await cli('decision', 'SAS', '2017-10-12', 'New governance framework agreed', 'affects', '1.1,', '3.6,', '4.0.1', '--as-of', '2017-10-12');
    expect(recorded.code).toBe(0);
    expect((await cli('ask', 'history 3.6', '--as-of', '2017-10-12')).stdout).toMatch(/• 12 Oct 2017 \d\d:\d\d — .* \(cli\): decision of SAS on 12 Oct 2017/);
    const log = jsonLines<{ board: string; text: string; affects: string[] }>((await cli('decisions', '--board', 'sas', '--json')).stdout);
    expect(log).toEqual([expect.objectContaining({ board: 'SAS', text: 'New governance framework agreed', affects: ['1.1', '3.6', '4.0.1'] })]);
    expect((await cli('ask', 'history 3.6')).stdout).toContain('decision of SAS on 12 Oct 2017: "New governance framework agreed"');
    const meetings = jsonLines((await cli('meetings', '--board', 'SAS', '--json')).stdout);
    expect(meetings).toEqual([{ id: expect.any(Number), board: 'SAS', date: '2017-10-12', papersBy: '2017-10-05' }]);
  },
  CLI_TIMEOUT * 2,
);
