import type { FakeSlack } from '../tests/helpers/fake-slack.js';
import { appMention, slackClient } from '../tests/helpers/slack-requests.js';
import { load, percentile } from './measure.js';
import { BENCH_USERS, SIGNING_SECRET, type LatencyFigures, type Scenario, type ServedApp } from './slack-round-trips.js';
import { syntheticId } from './synthetic-plan.js';

/**
 * Two servers measured side by side — Concerto against its floor, or one plan against many — so that
 * the machine's ups and downs fall on both: at concurrency 1 they are asked in turn, request by request;
 * at concurrency 50 one server at a time has the machine, the other stopped (SIGSTOP), in an order the
 * rounds alternate; each figure is the median of several rounds'. Measured one after the other, minutes
 * apart, the floor's own p99 at concurrency 50 moved between 55 and 131 ms from run to run, and one
 * stall of the machine decided a p99 for whichever server it fell on.
 */

/**
 * Each figure is the median of this many rounds' (the median of their p50s, and of their p99s): a p99 of
 * one round is its tenth-slowest answer, and one stall of the machine (about a second, now and then, on
 * two cores shared with the load generator and the fake Slack) decided it for whichever server it fell on.
 */
export const ROUNDS = 5;

/** What is asked: a status of one of the first `ids` items, or "what's overdue?" in a channel of its own. */
export interface Ask {
  scenario: Scenario;
  ids: number;
}

export interface ScenarioFigures {
  c1: LatencyFigures;
  c50: LatencyFigures;
}

export const clientFor = (app: ServedApp, fake: FakeSlack) =>
  slackClient({ baseUrl: `http://127.0.0.1:${app.port}/slack/events`, secret: SIGNING_SECRET, responseUrl: fake.responseUrl, ackTimeoutMs: Infinity });

/**
 * One round trip through Slack's real path — a signed request in, the answer arriving at the fake
 * Slack (response_url for `/concerto status <id>`, chat.postMessage for an @mention) — in milliseconds.
 * The n-th request asks the same thing of either server.
 */
export async function roundTrip(client: ReturnType<typeof clientFor>, fake: FakeSlack, ask: Ask, which: string, n: number): Promise<number> {
  const user = BENCH_USERS[n % BENCH_USERS.length]!.id;
  const tag = `${process.pid}X${which}X${n}X${Date.now()}`;
  const start = performance.now();
  const id = `bench-${tag}`;
  const channel = `CBENCH${tag}`.toUpperCase();
  const answer =
    ask.scenario === 'status' ? fake.waitFor('response_url', (c) => c.id === id, 60_000) : fake.waitFor('chat.postMessage', (c) => c.body.channel === channel, 60_000);
  answer.catch(() => {});
  const send = async (): Promise<{ status: number; body: string }> =>
    ask.scenario === 'status'
      ? client.command({ text: `status ${syntheticId((n * 7919) % ask.ids)}`, user_id: user, response_url: fake.responseUrl(id) })
      : client.event(appMention({ user, text: `<@UBOT> what's overdue?`, channel }));
  // A keep-alive connection the server closed as it went idle can be reset as the request goes out
  // (its keepAliveTimeout); the request never reached the app, so it is sent again.
  const res = await send().catch((err: unknown) => (isReset(err) ? send() : Promise.reject(err)));
  if (res.status !== 200) throw new Error(`${ask.scenario === 'status' ? '/concerto status' : 'The @mention'} answered HTTP ${res.status}: ${res.body}`);
  await answer;
  return performance.now() - start;
}

function isReset(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return err instanceof TypeError && (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET');
}

const latency = (samples: number[]): LatencyFigures => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), requests: samples.length });

/** Warm-up, untimed: JIT, connection pools, the Slack user cache, and a first burst at full concurrency (the first burst of 50 cost either server a one-off few hundred milliseconds: code optimised for the load, heap grown to it). */
export async function warmUp(app: ServedApp, fake: FakeSlack, ask: Ask): Promise<void> {
  const client = clientFor(app, fake);
  fake.forgetCalls();
  await load(20, 5, async (n) => void (await roundTrip(client, fake, ask, 'warm', n)));
  await load(100, 50, async (n) => void (await roundTrip(client, fake, ask, 'warm', 100 + n)));
}

/** Concurrency 1: the servers in turn, request by request (AB, BA, AB, …), each asked the same thing. */
export async function inTurns<K extends string>(apps: Record<K, ServedApp>, fake: FakeSlack, ask: Ask, each: number): Promise<Record<K, LatencyFigures>> {
  const keys = Object.keys(apps) as K[];
  const clients = Object.fromEntries(keys.map((k) => [k, clientFor(apps[k], fake)])) as Record<K, ReturnType<typeof clientFor>>;
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  fake.forgetCalls();
  for (let n = 0; n < each; n++) {
    for (const which of n % 2 === 0 ? keys : [...keys].reverse()) samples[which].push(await roundTrip(clients[which], fake, ask, which, n));
  }
  return Object.fromEntries(keys.map((k) => [k, latency(samples[k])])) as Record<K, LatencyFigures>;
}

/**
 * `concurrency` in flight to one server at a time, `each` requests, then the next, in the given order
 * (the rounds alternate it). The servers not being measured are stopped, so that their own work in the
 * background (a scheduler pass every minute) falls in their own block and not in another's.
 */
export async function inBlocks<K extends string>(apps: Record<K, ServedApp>, fake: FakeSlack, ask: Ask, each: number, concurrency: number, order: K[]): Promise<Record<K, LatencyFigures>> {
  const samples = {} as Record<K, number[]>;
  for (const which of order) {
    const others = order.filter((k) => k !== which).map((k) => apps[k]);
    const client = clientFor(apps[which], fake);
    for (const o of others) o.pause();
    try {
      fake.forgetCalls();
      // Untimed: the server's idle connections closed during the rounds at concurrency 1 (Node's 5 s
      // keep-alive), and a busy server accepts one new connection per turn of its event loop, so the first
      // answers on fresh connections wait on accepting, not on answering. Slack's steady traffic keeps them open.
      await load(2 * concurrency, concurrency, async (n) => void (await roundTrip(client, fake, ask, which, 1_000_000 + n)));
      samples[which] = await load(each, concurrency, async (n) => void (await roundTrip(client, fake, ask, which, n)));
    } finally {
      for (const o of others) o.resume();
    }
  }
  return Object.fromEntries(order.map((k) => [k, latency(samples[k])])) as Record<K, LatencyFigures>;
}

/** The median round's p50 and p99, each taken separately; the requests of every round. */
export function medianOf(rounds: LatencyFigures[]): LatencyFigures {
  const median = (values: number[]) => percentile(values, 50);
  return {
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    spread: { p99: [Math.min(...rounds.map((r) => r.p99)), Math.max(...rounds.map((r) => r.p99))] },
  };
}

/**
 * Every server asked the same in `rounds` rounds (each warmed first), each figure the median of the
 * rounds'. `log` gets each round's figures as they come.
 */
export async function pairedRounds<K extends string>(
  apps: Record<K, ServedApp>,
  fake: FakeSlack,
  ask: Ask,
  requests: { c1: number; c50: number },
  rounds: number,
  log: (which: K, round: number, figures: ScenarioFigures) => void,
): Promise<Record<K, ScenarioFigures>> {
  const keys = Object.keys(apps) as K[];
  for (const k of keys) await warmUp(apps[k], fake, ask);
  const each: Array<Record<K, ScenarioFigures>> = [];
  for (let round = 0; round < rounds; round++) {
    const c1 = await inTurns(apps, fake, ask, requests.c1);
    const c50 = await inBlocks(apps, fake, ask, requests.c50, 50, round % 2 === 0 ? keys : [...keys].reverse());
    const figures = Object.fromEntries(keys.map((k) => [k, { c1: c1[k], c50: c50[k] }])) as Record<K, ScenarioFigures>;
    each.push(figures);
    for (const k of keys) log(k, round, figures[k]);
  }
  return Object.fromEntries(keys.map((k) => [k, { c1: medianOf(each.map((r) => r[k].c1)), c50: medianOf(each.map((r) => r[k].c50)) }])) as Record<K, ScenarioFigures>;
}
