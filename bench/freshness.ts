import type { FakeSlack } from '../tests/helpers/fake-slack.js';
import { freePort } from '../tests/helpers/free-port.js';
import { slackClient } from '../tests/helpers/slack-requests.js';
import type { BenchTarget } from './bench-databases.js';
import { BENCH_USERS, SIGNING_SECRET, startServed } from './slack-round-trips.js';
import { syntheticId } from './synthetic-plan.js';

export interface FreshnessFigures {
  rounds: number;
  /** Answers on the other instance that showed the change just made: every one, or the read model is wrong. */
  fresh: number;
}

/**
 * Two `concerto serve` processes on one PostgreSQL database. Each round records an update through
 * one (a one-shot `/concerto update <id> <text>` by an admin) and, the moment it is acknowledged as
 * recorded, asks `/concerto status <id>` of the other: a count of answers that show the new update,
 * not a timing. The instances alternate roles every round.
 */
export async function freshnessAcrossInstances(target: BenchTarget, fake: FakeSlack, rounds: number): Promise<FreshnessFigures> {
  const admin = BENCH_USERS[0]!.id;
  const env = { ...target.env, CONCERTO_ADMINS: admin };
  const apps = [await startServed('concerto', await freePort(), fake, env), await startServed('concerto', await freePort(), fake, env)];
  const clients = apps.map((app) => slackClient({ baseUrl: `http://127.0.0.1:${app.port}/slack/events`, secret: SIGNING_SECRET, responseUrl: fake.responseUrl, ackTimeoutMs: Infinity }));
  const answer = async (client: (typeof clients)[number], text: string, tag: string): Promise<string> => {
    const id = `fresh-${process.pid}-${tag}`;
    const reply = fake.waitFor('response_url', (c) => c.id === id, 60_000);
    const res = await client.command({ text, user_id: admin, response_url: fake.responseUrl(id) });
    if (res.status !== 200) throw new Error(`/concerto ${text} answered HTTP ${res.status}: ${res.body}`);
    return JSON.stringify((await reply).body);
  };
  let fresh = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const [writer, reader] = round % 2 ? [clients[1]!, clients[0]!] : [clients[0]!, clients[1]!];
      const item = syntheticId((round * 37) % 1_000);
      const text = `Freshness round ${round} on ${item}`;
      const recorded = await answer(writer, `update ${item} ${text}`, `w${round}`);
      if (!recorded.includes('Recorded')) throw new Error(`The update was not recorded: ${recorded}`);
      if ((await answer(reader, `status ${item}`, `r${round}`)).includes(text)) fresh += 1;
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
  }
  return { rounds, fresh };
}
