import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanFile } from '../../src/core/plan/plan-file.js';
import { bundledPlanFile } from '../helpers/ask.js';
import { runCli, startChat, tempDirs, type ChatProcess, type CliResult } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { freePort } from '../helpers/slack-app.js';

/**
 * Two processes on one embedded data directory. PGlite has no lock of its own, so a second process
 * would corrupt it: every command that opens the directory must be turned away with one clear line
 * while the first runs, and the first's work must survive.
 */

const dirs = tempDirs();
let fake: FakeSlack;
let chat: ChatProcess | undefined;

beforeAll(async () => {
  fake = await startFakeSlack({ users: [] });
});
afterAll(async () => {
  chat?.kill();
  await fake?.close();
  dirs.cleanup();
});

interface JsonReply { reply: string; items: Array<{ id: string; status: string; delivery: { text: string } }>; awaiting: string | null }

const lockedMessage = (dir: string) =>
  `Another Concerto process is using the data directory ${dir}. Stop it first, or point CONCERTO_DATA_DIR at another directory (or set DATABASE_URL to share a PostgreSQL server between processes).\n`;

describe('a second process on a data directory in use', () => {
  it('ask, import, seed and serve are each refused with one line and exit 1; the first carries on, and its work survives', async () => {
    const dir = dirs.make('concerto-fault-shared-');
    const work = dirs.make('concerto-fault-files-');

    // A plan file that would change things if it got in: 9.3.1 closed, 4.2.2 with a new update.
    const incoming = bundledPlanFile();
    const r931 = incoming.recommendations.find((r) => r.id === '9.3.1')!;
    r931.status = 'complete';
    incoming.recommendations.find((r) => r.id === '4.2.2')!.updates!.push({ date: '2017-10-04', author: 'Intruder', text: 'Imported by the second process', evidence: null });
    const planFile = path.join(work, 'incoming.json');
    writeFileSync(planFile, JSON.stringify(incoming));

    chat = startChat(['--json', '--as', 'N. Shackleton'], { dataDir: dir });
    // The first reply means the chat holds the directory (and has loaded the bundled plan on first run).
    chat.send('date 4.2.1 Q1 2018');
    const redated = JSON.parse(await chat.nextLine()) as JsonReply;
    expect(redated.reply).toBe('4.2.1 is now due "Q1 2018" → 1 Jan – 31 Mar 2018 (was (no delivery date given)). The baseline, (no delivery date given), is kept.');

    // All four at once, while the chat is idle between messages.
    const port = await freePort();
    const slack = { SLACK_BOT_TOKEN: 'xoxb-shared-dir', SLACK_SIGNING_SECRET: 'shared-dir-secret', SLACK_API_URL: fake.url, PORT: String(port), LOG_LEVEL: 'error' };
    const refused: Record<string, CliResult> = {};
    await Promise.all(
      Object.entries({
        ask: ['ask', 'update 4.2.2 Written by the second process', '--as', 'N. Shackleton'],
        import: ['import', planFile],
        seed: ['seed'],
        serve: ['serve'],
      }).map(async ([name, args]) => {
        refused[name] = await runCli(args, { dataDir: dir, env: name === 'serve' ? slack : {}, timeoutMs: 45_000 });
      }),
    );
    for (const [name, r] of Object.entries(refused)) {
      expect({ name, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ name, code: 1, stdout: '', stderr: lockedMessage(dir) });
    }
    // serve never got as far as listening.
    expect(await fetch(`http://127.0.0.1:${port}/healthz`).then((res) => res.status).catch(() => 'refused')).toBe('refused');
    expect(fake.calls).toEqual([]);

    // The first process is unharmed and keeps working on the directory.
    chat.send('update 4.2.1 Written while the others were turned away');
    const updated = JSON.parse(await chat.nextLine()) as JsonReply;
    expect(updated.reply).toBe('Recorded your update on 4.2.1, dated 4 Oct 2017.');
    const ended = await chat.end();
    expect(ended.code).toBe(0);
    expect(ended.stderr).toBe('First run: loaded the bundled Concerto Action Plan (4 October 2017).\n');
    // It released the directory on the way out.
    expect(existsSync(path.join(dir, 'concerto.lock'))).toBe(false);

    // A new process opens it at once and finds exactly the first process's work, and nothing of the refused ones.
    const exported = await runCli(['export', '--format', 'json'], { dataDir: dir });
    expect(exported.code).toBe(0);
    const expected = PlanFile.parse(bundledPlanFile());
    const r421 = expected.recommendations.find((r) => r.id === '4.2.1')!;
    r421.delivery = 'Q1 2018';
    r421.baseline = '';
    r421.updates.push({ date: '2017-10-04', author: 'N. Shackleton', text: 'Written while the others were turned away', evidence: null });
    expect(JSON.parse(exported.stdout)).toEqual(expected);

    const after = await runCli(['ask', 'update 4.2.2 Written once the directory was free', '--as', 'N. Shackleton'], { dataDir: dir });
    expect([after.code, after.stdout]).toEqual([0, 'Recorded your update on 4.2.2, dated 4 Oct 2017.\n']);
  }, 120_000);
});
