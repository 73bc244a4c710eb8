import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, jsonLines, runCli, tempDirs, type CliOptions } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';

/**
 * `concerto tick` and `concerto outbox` through the real CLI on one fresh data directory, in order.
 * There is no CLI command to link Slack users to owners, so nobody is nudged: with a digest channel
 * set, the weekly digest is the only message. Thu 23 Nov 2017 10:00 is GMT, so London = UTC; TZ is
 * pinned because `--as-of` without an offset is read in the process's timezone.
 */

interface TickLine {
  kind: string;
  item: string | null;
  to: string;
  key: string;
}

const DIGEST = { kind: 'digest', item: null, to: 'CBOARD', key: 'concerto-2017/digest:CBOARD:2017-11-20' };

const dirs = tempDirs();
let dataDir: string;
let fake: FakeSlack;

const NO_SLACK = { SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: undefined, SLACK_API_URL: undefined };
const opts = (env: CliOptions['env'] = {}): CliOptions => ({ dataDir, env: { TZ: 'Europe/London', CONCERTO_DIGEST_CHANNEL: 'CBOARD', ...NO_SLACK, ...env } });
const cli = (args: string[], env: CliOptions['env'] = {}) => runCli(args, opts(env));

beforeAll(async () => {
  dataDir = dirs.make('concerto-e2e-tick-');
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
  dirs.cleanup();
});

describe('concerto tick and outbox on a fresh data directory', () => {
  it(
    'seed loads the bundled plan',
    async () => {
      const seeded = await cli(['seed']);
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toBe('Bundled plan (concerto-2017, created): 30 added, 0 changed, 0 unchanged, 32 updates added; boards 1, meetings 1, decisions 1 and waits 3 added.\n');
    },
    CLI_TIMEOUT,
  );

  it(
    '`tick --as-of 2017-11-23T10:00 --json --dry-run` prints one JSON object per line, {kind, item, to, key}, and queues nothing',
    async () => {
      const dry = await cli(['tick', '--as-of', '2017-11-23T10:00', '--json', '--dry-run']);
      expect(dry.code).toBe(0);
      const lines = jsonLines<TickLine>(dry.stdout);
      expect(lines).toEqual([DIGEST]);
      for (const l of lines) expect(Object.keys(l).sort()).toEqual(['item', 'key', 'kind', 'to']);
      expect(dry.stdout.endsWith('\n')).toBe(true);
      expect(dry.stderr).not.toContain('Slack is not configured');

      const outbox = await cli(['outbox']);
      expect(outbox.code).toBe(0);
      expect(outbox.stdout).toBe('Outbox: empty\n');
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'before 09:00 London on the Monday, the dry run offers the previous week\'s digest',
    async () => {
      const early = await cli(['tick', '--as-of', '2017-11-20T08:59', '--json', '--dry-run']);
      expect(early.code).toBe(0);
      expect(jsonLines<TickLine>(early.stdout)).toEqual([{ ...DIGEST, key: 'concerto-2017/digest:CBOARD:2017-11-13' }]);
      const none = await cli(['tick', '--as-of', '2017-11-23T10:00', '--json', '--dry-run'], { CONCERTO_DIGEST_CHANNEL: undefined });
      expect(none.code).toBe(0);
      expect(none.stdout).toBe('');
    },
    CLI_TIMEOUT * 2,
  );

  it(
    '`tick` without Slack settings queues the digest and says Slack is not configured; `outbox` lists it pending',
    async () => {
      const tick = await cli(['tick', '--as-of', '2017-11-23T10:00']);
      expect(tick.code).toBe(0);
      expect(tick.stdout).toBe('queued digest  → CBOARD  (concerto-2017/digest:CBOARD:2017-11-20)\n');
      expect(tick.stderr).toContain('Slack is not configured');
      expect(tick.stderr).toMatch(/\b1 (new )?message\(s\)/);
      expect(tick.stderr).toContain('`concerto outbox`');

      const outbox = await cli(['outbox']);
      expect(outbox.code).toBe(0);
      expect(outbox.stdout.split('\n')).toEqual(['Outbox: 1 pending', 'pending  digest    -       → CBOARD  concerto-2017/digest:CBOARD:2017-11-20', '']);

      const json = jsonLines<Record<string, unknown>>((await cli(['outbox', '--json'])).stdout);
      expect(json).toEqual([expect.objectContaining({ key: 'concerto-2017/digest:CBOARD:2017-11-20', kind: 'digest', item: null, recipient: 'CBOARD', status: 'pending', attempts: 0, sentAt: null, lastError: null })]);
    },
    CLI_TIMEOUT * 3,
  );

  it(
    'running `tick` again queues nothing new, and a dry run then offers nothing',
    async () => {
      const again = await cli(['tick', '--as-of', '2017-11-23T10:05', '--json']);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe('');
      expect(again.stderr).toContain('Slack is not configured');
      expect(again.stderr).toMatch(/\b0 (new )?message\(s\)/);
      const dry = await cli(['tick', '--as-of', '2017-11-23T16:00', '--json', '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toBe('');
    },
    CLI_TIMEOUT * 2,
  );

  it(
    'with Slack configured, `tick` sends what is waiting: the digest summary and its thread, once',
    async () => {
      const slack = { SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_SIGNING_SECRET: 'cli-test-signing-secret', SLACK_API_URL: fake.url };
      const sent = await cli(['tick', '--as-of', '2017-11-23T10:10'], slack);
      expect(sent.code).toBe(0);
      expect(sent.stdout).toBe('');
      // The summary, then its one detail part: a row of its own, queued when the summary was sent.
      expect(sent.stderr).toContain('Sent 2; deferred 0; dead 0; unknown 0.');
      const posts = fake.callsTo('chat.postMessage');
      const summary = posts.filter((c) => !c.body.thread_ts);
      expect(summary.map((c) => c.body.channel)).toEqual(['CBOARD']);
      expect(String(summary[0]!.body.text)).toMatch(/^Weekly digest — concerto-2017: Concerto Action Plan, 20 Nov 2017: /);
      expect(posts.filter((c) => c.body.thread_ts).length).toBeGreaterThanOrEqual(1);
      expect(posts.filter((c) => c.body.thread_ts).every((c) => c.body.channel === 'CBOARD')).toBe(true);

      const outbox = await cli(['outbox']);
      expect(outbox.stdout.split('\n')[0]).toBe('Outbox: 2 sent');
      const again = await cli(['tick', '--as-of', '2017-11-23T10:20'], slack);
      expect(again.stderr).toContain('Sent 0; deferred 0; dead 0; unknown 0.');
      expect(fake.callsTo('chat.postMessage').filter((c) => !c.body.thread_ts)).toHaveLength(1);
    },
    CLI_TIMEOUT * 3,
  );
});

/*
 * Found while writing these (src/ not edited); left out because they fail today or pin a choice:
 *
 * 1. `tick` on a fresh data directory does nothing, silently. `chat`, `ask` and `serve` load the
 *    bundled plan on first run (ensurePlanLoaded); `tick` does not, and runTick returns no messages
 *    when there is no plan — a cron-driven `concerto tick` on a new install prints nothing and exits 0.
 *    Input: fresh dir, `tick --as-of 2017-11-23T10:00 --json --dry-run` with CONCERTO_DIGEST_CHANNEL=CBOARD.
 *    Expected: the digest line (plan loaded as elsewhere), or at least a message that there is no plan.
 *    Actual: empty stdout, empty stderr, exit 0.
 *
 * 2. `--as-of 2017-11-20T08:30` (no offset) is read in the process's timezone, not the plan's
 *    (Europe/London): under TZ=America/New_York it is 13:30Z, so the dry run offers digest:…:2017-11-20
 *    although it is 08:30 in London and Monday's digest is not due until 09:00.
 *
 * it('--as-of without an offset means London time', async () => {
 *   const ny = await runCli(['tick', '--as-of', '2017-11-20T08:30', '--json', '--dry-run'], { dataDir, env: { TZ: 'America/New_York', CONCERTO_DIGEST_CHANNEL: 'CBOARD' } });
 *   expect(jsonLines(ny.stdout)).toEqual([{ ...DIGEST, key: 'concerto-2017/digest:CBOARD:2017-11-13' }]);
 * }, CLI_TIMEOUT);
 */
