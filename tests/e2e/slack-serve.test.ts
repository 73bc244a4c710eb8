import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, tempDirs } from '../helpers/cli.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { freePort, responseTo, USERS } from '../helpers/slack-app.js';
import { slackClient } from '../helpers/slack-requests.js';

/** `concerto serve` as a real process: configured only by the environment, stopped by SIGTERM. */

const SECRET = 'serve-test-signing-secret';
const dirs = tempDirs();
let fake: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ users: USERS });
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(async () => {
  await fake?.close();
  dirs.cleanup();
});

/** Only what `serve` is documented to read; nothing of this process's CONCERTO_* or DATABASE_URL leaks in. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = Object.entries(process.env).filter(([k]) => !k.startsWith('CONCERTO_') && !k.startsWith('SLACK_') && !k.startsWith('VITEST') && !['DATABASE_URL', 'PORT', 'NODE_OPTIONS', 'LOG_LEVEL'].includes(k));
  return { ...Object.fromEntries(keep), CONCERTO_NOW: '2017-10-04', ...extra };
}

/**
 * `concerto serve`, run as `node bin/concerto.mjs` (like tests/helpers/cli.ts) rather than through `npx`:
 * npx does not pass SIGTERM on — it dies of it and leaves the server running, orphaned.
 */
function serve(extra: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

async function waitForHealth(port: number, out: { stderr: string }, timeoutMs = 60_000): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (res?.status === 200) return res.json();
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`serve did not become healthy within ${timeoutMs} ms.\nstderr:\n${out.stderr}`);
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);

describe('concerto serve', () => {
  it('serves /healthz and a signed /concerto command, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, out, exited } = serve({
      SLACK_BOT_TOKEN: 'xoxb-serve-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.url,
      CONCERTO_DATA_DIR: dirs.make('concerto-serve-'),
      PORT: String(port),
      LOG_LEVEL: 'error',
    });
    // The read model builds in the background after the server is healthy; /healthz says which.
    expect(await waitForHealth(port, out)).toEqual({ ok: true, database: 'pglite', model: expect.stringMatching(/^(building|ready)$/) });
    await vi.waitFor(async () => expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({ model: 'ready' }), { timeout: 30_000, interval: 50 });
    expect(out.stderr).toContain('First run: loaded the bundled Concerto Action Plan (4 October 2017).');
    expect(out.stderr).toContain(`Concerto is serving Slack on port ${port}: POST /slack/events, GET /healthz.`);

    const slack = slackClient({ baseUrl: `http://127.0.0.1:${port}/slack/events`, secret: SECRET, responseUrl: fake.responseUrl });
    const res = await slack.command({ text: 'status 4.2.1', user_id: 'UNS' });
    expect(res).toMatchObject({ status: 200, body: '' });
    const answer = (await responseTo(fake, res, 20_000)).body;
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toMatch(/^4\.2\.1 \(ICT\): A mechanism for capturing/);
    // The app used the token it was given, against the API URL it was given.
    // (The member directory, users.list, is read at start; the reply goes to the response_url.)
    expect(fake.callsTo('users.list').at(-1)).toMatchObject({ token: 'xoxb-serve-test' });

    const started = Date.now();
    child.kill('SIGTERM');
    expect(await within(exited, 10_000, 'exit after SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.stderr).toContain('Stopping: finishing in-flight requests and closing the database…');
  }, 120_000);

  it('stops within seconds of SIGTERM while Slack cannot be reached, though Bolt is still retrying its calls', async () => {
    const port = await freePort();
    // Nothing listens on this port: every Web API call fails to connect, and Bolt's own client keeps retrying.
    const { child, out, exited } = serve({
      SLACK_BOT_TOKEN: 'xoxb-serve-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${await freePort()}/api/`,
      CONCERTO_DATA_DIR: dirs.make('concerto-serve-'),
      PORT: String(port),
      LOG_LEVEL: 'error',
    });
    await waitForHealth(port, out);
    child.kill('SIGTERM');
    expect(await within(exited, 10_000, 'exit after SIGTERM with Slack unreachable')).toBe(0);
    expect(out.stderr).toContain('Stopping: finishing in-flight requests and closing the database…');
  }, 120_000);

  it('with a bot token but no signing secret, exits 1 with one line naming SLACK_SIGNING_SECRET', async () => {
    const { out, exited } = serve({ SLACK_BOT_TOKEN: 'xoxb-serve-test', CONCERTO_DATA_DIR: dirs.make('concerto-serve-'), PORT: String(await freePort()) });
    expect(await within(exited, 60_000, 'exit')).toBe(1);
    const lines = out.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SLACK_SIGNING_SECRET is not set: /);
    expect(out.stdout).toBe('');
  }, 90_000);
});
