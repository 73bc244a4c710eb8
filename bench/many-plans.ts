import { readFile } from 'node:fs/promises';
import { importParsed } from '../src/app/plan-loading.js';
import { loadConfig, reminderSettings } from '../src/config.js';
import { runTick } from '../src/scheduler/tick.js';
import type { PlanInfo } from '../src/core/ports.js';
import { DrizzlePlanDirectory } from '../src/store/plan-directory.js';
import type { FakeSlack } from '../tests/helpers/fake-slack.js';
import { freePort } from '../tests/helpers/free-port.js';
import { appMention } from '../tests/helpers/slack-requests.js';
import type { BenchTarget } from './bench-databases.js';
import { NUDGE_HOUR } from './scheduler-pass.js';
import { clientFor, pairedRounds, ROUNDS, type ScenarioFigures } from './paired-rounds.js';
import { BENCH_USERS, startServed, type Scenario, type ServedApp } from './slack-round-trips.js';
import { syntheticId, syntheticPlan, type PlanSize } from './synthetic-plan.js';

/**
 * The many-plans case: the same requests against the big plan with it the only plan in the database,
 * and in a copy of that database with a hundred small plans beside it whose ids overlap its own; the
 * two are served at once and asked in turns (request by request at concurrency 1, block by block at
 * concurrency 50), in several rounds, so that the machine's ups and downs fall on both. The requests mean
 * the big plan the way people would once there are many: the slash commands come from its home
 * channel and ask for ids every plan has, and the @mentions (each in a channel of its own) come from
 * people who chose it with `use`.
 */

/** How many small plans go beside the big one, and their size: the same shape as the big plan, a hundredth of it. */
export const EXTRA_PLANS = 100;
export const EXTRA_PLAN_SIZE: PlanSize = { recommendations: 100, updates: 1_000, owners: 20 };
/** Within 10% of the single-plan figures. */
export const MANY_PLANS_TARGET = 1.1;
/** `/concerto` commands from tests/helpers/slack-requests.ts come from this channel unless told otherwise; it becomes the big plan's home. */
const COMMAND_CHANNEL = 'C1';

/** `/concerto status <id>` asks for one of the first ids of the big plan, which every small plan has too. */
const IDS_IN_EVERY_PLAN = EXTRA_PLAN_SIZE.recommendations;

export const extraPlanKey = (n: number) => `bench-${String(n).padStart(3, '0')}`;

export interface ManyPlansRun {
  plans: number;
  status: ScenarioFigures;
  overdue: ScenarioFigures;
  peakMemoryMb: number | null;
}

export interface ManyPlansFigures {
  /** The big plan's key, as the import gave it. */
  key: string;
  /** Importing the hundred small plans, one `importParsed` each. */
  addMs: number;
  /** One scheduler pass (dry run: read and decide, nothing written) over the one plan, and over all of them. */
  tickMs: { single: number; many: number };
  extra: { plans: number; size: PlanSize };
  /** Requests per server per round, and how many rounds each figure is the median of. */
  requests: { c1: number; c50: number };
  rounds: number;
  single: ManyPlansRun;
  many: ManyPlansRun;
}

/** Imports the plan file the way `concerto import` does into an empty target (for BENCH_ONLY, where the import case does not run). */
export async function importBigPlan(target: BenchTarget, file: string): Promise<PlanInfo> {
  const database = await target.open();
  try {
    const input: unknown = JSON.parse(await readFile(file, 'utf8'));
    const { plan } = await importParsed(new DrizzlePlanDirectory(database.db), null, input, file, { actor: 'bench', source: 'import', at: new Date().toISOString() });
    return plan;
  } finally {
    await database.close();
  }
}

export async function manyPlans(
  target: BenchTarget,
  fake: FakeSlack,
  requests: { c1: number; c50: number },
  log: (line: string) => void,
): Promise<ManyPlansFigures> {
  const kind = target.kind;
  const started = performance.now();
  const database = await target.open();
  let big: PlanInfo;
  try {
    const all = await new DrizzlePlanDirectory(database.db).list();
    if (all.length !== 1) throw new Error(`The many-plans case starts from the big plan alone; found ${all.length} plans (${all.map((p) => p.key).join(', ')}).`);
    big = all[0]!;
  } finally {
    await database.close();
  }
  // A copy of the database gets the other plans, so that both can be served at once.
  const other = await target.clone();
  try {
    const addMs = await addPlans(other, big, log);
    log(`${kind}: many plans: ${EXTRA_PLANS} plans of ${EXTRA_PLAN_SIZE.recommendations} items added beside ${big.key} in ${addMs.toFixed(0)} ms`);
    const tickMs = { single: await schedulerPassMs(target), many: await schedulerPassMs(other) };
    log(`${kind}: many plans: a scheduler pass reads every active plan: ${tickMs.single.toFixed(0)} ms for one, ${tickMs.many.toFixed(0)} ms for ${EXTRA_PLANS + 1}`);
    const one = await startServed('concerto', await freePort(), fake, target.env);
    let many: ServedApp | undefined;
    try {
      many = await startServed('concerto', await freePort(), fake, other.env);
      const apps = { single: one, many } as const;
      // Each server's scheduler makes its first pass as it starts, cold and beside the other server's
      // start, so slower than the pass timed above; on the embedded database it holds the only connection
      // between its queries. That is start-up, not answering people: wait it out.
      await new Promise((r) => setTimeout(r, Math.min(15_000, Math.max(3_000, 3 * Math.max(tickMs.single, tickMs.many)))));
      await probe(one, fake, big, false);
      await probe(many, fake, big, true);
      const figures = { single: {} as Record<Scenario, ScenarioFigures>, many: {} as Record<Scenario, ScenarioFigures> };
      for (const scenario of ['status', 'overdue'] as const) {
        const measured = await pairedRounds(apps, fake, { scenario, ids: IDS_IN_EVERY_PLAN }, requests, ROUNDS, (which, round, r) =>
          log(`  ${scenario}, ${which === 'single' ? '1 plan' : `${EXTRA_PLANS + 1} plans`}, round ${round + 1}: c1 p50 ${r.c1.p50.toFixed(1)} p99 ${r.c1.p99.toFixed(1)}; c50 p50 ${r.c50.p50.toFixed(1)} p99 ${r.c50.p99.toFixed(1)}`),
        );
        for (const which of ['single', 'many'] as const) figures[which][scenario] = measured[which];
      }
      const run = async (which: 'single' | 'many'): Promise<ManyPlansRun> => ({
        plans: which === 'single' ? 1 : EXTRA_PLANS + 1,
        status: figures[which].status,
        overdue: figures[which].overdue,
        peakMemoryMb: await apps[which].peakMemoryMb(),
      });
      const result: ManyPlansFigures = { key: big.key, addMs, tickMs, extra: { plans: EXTRA_PLANS, size: EXTRA_PLAN_SIZE }, requests, rounds: ROUNDS, single: await run('single'), many: await run('many') };
      for (const scenario of ['status', 'overdue'] as const) {
        for (const c of ['c1', 'c50'] as const) {
          const s = result.single[scenario][c];
          const m = result.many[scenario][c];
          const verdict = (p: 'p50' | 'p99') => `${p} ${(m[p] / s[p]).toFixed(2)}× ${m[p] / s[p] <= MANY_PLANS_TARGET ? 'PASS' : 'MISS'}`;
          log(`${kind}: many plans: ${scenario} ${c}: ${verdict('p50')}, ${verdict('p99')} (of one plan; within ${MANY_PLANS_TARGET.toFixed(2)}×)`);
        }
      }
      log(`${kind}: many plans: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      return result;
    } finally {
      await many?.stop();
      await one.stop();
    }
  } finally {
    await other.dispose();
  }
}

/** How long a scheduler pass takes over the target's plans: reading every active plan and deciding (dry run, the outbox left alone). */
async function schedulerPassMs(target: BenchTarget): Promise<number> {
  const database = await target.open();
  try {
    const start = performance.now();
    await runTick(database, NUDGE_HOUR, reminderSettings(loadConfig({})), true);
    return performance.now() - start;
  } finally {
    await database.close();
  }
}

/**
 * A hundred small plans, bench-001 … bench-100, numbered the same way as the big plan (so 1.1.1 is in
 * all 101); the big plan becomes the command channel's home, and every bench user chooses it.
 */
async function addPlans(target: BenchTarget, big: PlanInfo, log: (line: string) => void): Promise<number> {
  const database = await target.open();
  try {
    const plans = new DrizzlePlanDirectory(database.db);
    const meta = { actor: 'bench', source: 'import' as const, at: new Date().toISOString() };
    const start = performance.now();
    for (let n = 1; n <= EXTRA_PLANS; n++) {
      const input = { ...syntheticPlan(EXTRA_PLAN_SIZE, 20171004 + n), title: `Bench plan ${n} of ${EXTRA_PLANS}` };
      await importParsed(plans, extraPlanKey(n), input, extraPlanKey(n), meta);
      if (n % 25 === 0) log(`${target.kind}: many plans: ${n} of ${EXTRA_PLANS} added`);
    }
    const addMs = performance.now() - start;
    await plans.update(big.id, { homeChannel: COMMAND_CHANNEL }, { ...meta, source: 'cli' });
    for (const user of BENCH_USERS) await plans.choose(user.id, big.id, meta.at);
    return addMs;
  } finally {
    await database.close();
  }
}

/**
 * One request of each kind before the timing, checking that it is answered from the big plan and
 * not with "which plan do you mean?" — a question would be quicker than the answer and flatter the figures.
 */
async function probe(app: ServedApp, fake: FakeSlack, big: PlanInfo, many: boolean): Promise<void> {
  const client = clientFor(app, fake);
  const user = BENCH_USERS[0]!.id;
  const id = syntheticId(0);
  const rid = `bench-probe-${process.pid}-${Date.now()}`;
  const answered = fake.waitFor('response_url', (c) => c.id === rid, 60_000);
  await client.command({ text: `status ${id}`, user_id: user, response_url: fake.responseUrl(rid) });
  const status = String((await answered).body.text ?? '');
  const channel = `CPROBE${process.pid}X${Date.now()}`;
  const posted = fake.waitFor('chat.postMessage', (c) => c.body.channel === channel, 60_000);
  await client.event(appMention({ user, text: `<@UBOT> what's overdue?`, channel }));
  const overdue = String((await posted).body.text ?? '');
  const prefix = many ? `[${big.key}] ` : '';
  for (const [what, text] of [[`status ${id}`, status], [`what's overdue?`, overdue]] as const) {
    if (!text.startsWith(prefix) || /which one do you mean|which plan/i.test(text)) {
      throw new Error(`The many-plans case expected "${what}" answered from ${big.key}${many ? ' among many plans' : ''}; the answer began: ${text.slice(0, 200)}`);
    }
  }
}
