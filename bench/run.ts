import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { startFakeSlack } from '../tests/helpers/fake-slack.js';
import { freePort } from '../tests/helpers/free-port.js';
import { pgliteTarget, postgresTarget, startThrowawayPostgres, ROOT, type BenchTarget } from './bench-databases.js';
import { DOCUMENT_ROWS, documentImport } from './document-import.js';
import { importVersusCopy } from './import-vs-copy.js';
import { cliStart, cliStartLines } from './cli-start.js';
import { freshnessAcrossInstances } from './freshness.js';
import { importBigPlan, manyPlans } from './many-plans.js';
import { paperFiles } from './paper-files.js';
import { documentsLines, manyPlansLines, writeReport, type DatabaseFigures, type RunFigures, type ServedFigures } from './report.js';
import { questionParse } from './question-parse.js';
import { schedulerPass } from './scheduler-pass.js';
import { pairedRounds, ROUNDS, type ScenarioFigures } from './paired-rounds.js';
import { BENCH_USERS, startServed, type Scenario, type ServedApp } from './slack-round-trips.js';
import { FULL_SIZE, QUICK_SIZE, SYNTHETIC_AS_OF, syntheticPlan } from './synthetic-plan.js';

/**
 * `npm run bench [-- --quick] [-- --database-url URL]`: Concerto against its floors on the embedded
 * database and on PostgreSQL, written to BENCHMARKS.md.
 * `BENCH_ONLY=many-plans npm run bench`: only the many-plans case (the plan imported, no floors,
 * scheduler or papers), its table printed rather than written to BENCHMARKS.md.
 * `BENCH_ONLY=document-import npm run bench`: only the plan imported from a Word table and an Excel
 * tracker of 2,000 items, printed likewise.
 * `BENCH_ONLY=cli-start npm run bench`: only the one-shot commands (`when`, `ask`) against their floor, printed likewise.
 * `BENCH_ONLY=freshness npm run bench`: only the two-instance freshness count (PostgreSQL), logged.
 * `BENCH_ONLY=served npm run bench`: only the served requests against the floor, logged.
 * `BENCH_ONLY=scheduler npm run bench`: only the scheduler pass over the plan (with the read model's build), logged.
 */
const program = new Command()
  .name('npm run bench --')
  .option('--quick', 'a tenth of the plan and fewer requests: a smoke run in under a minute')
  .option('--database-url <url>', 'a PostgreSQL server to create scratch databases on (default: start a throwaway one)')
  .option('--no-postgres', 'embedded database only')
  .option('-o, --out <file>', 'where to write the report', path.join(ROOT, 'BENCHMARKS.md'))
  .parse();
const opts = program.opts<{ quick?: boolean; databaseUrl?: string; postgres: boolean; out: string }>();
const only = process.env.BENCH_ONLY?.trim() || null;
const ALONE = ['many-plans', 'document-import', 'cli-start', 'scheduler', 'served', 'freshness'];
if (only && !ALONE.includes(only)) program.error(`BENCH_ONLY=${only}: the cases that run alone are ${ALONE.join(' and ')}.`);

// The servers run as they are installed: the bundled dist/, built from this checkout now.
execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });

const size = opts.quick ? QUICK_SIZE : FULL_SIZE;
/**
 * Enough requests that a p99 is not one slow request: of 200 it was the second slowest, and one garbage
 * collection or scheduler pass moved it by half from run to run, for the floor as much as for Concerto.
 * Of 1,000 it is the tenth slowest.
 */
const requests = opts.quick ? { c1: 40, c50: 150 } : { c1: 1000, c50: 1000 };
/** And each served figure is the median of this many rounds' (bench/paired-rounds.ts). */
const SERVED_ROUNDS = opts.quick ? 1 : ROUNDS;
/** The many-plans case compares two servers, so it needs enough requests that its p99 is not one slow request. */
const manyPlansRequests = opts.quick ? { c1: 40, c50: 100 } : { c1: 1000, c50: 1000 };
const documentRows = opts.quick ? DOCUMENT_ROWS / 10 : DOCUMENT_ROWS;
/** Changes made through one instance and asked of the other at once (PostgreSQL only). */
const FRESHNESS_ROUNDS = opts.quick ? 20 : 200;
const log = (line: string) => process.stderr.write(`${line}\n`);
/** The papers are as at a year after the plan's date: 53 weekly points of trend, the charts' worst case. */
const PAPER_AS_AT = `${Number(SYNTHETIC_AS_OF.slice(0, 4)) + 1}${SYNTHETIC_AS_OF.slice(4)}`;

const work = mkdtempSync(path.join(tmpdir(), 'concerto-bench-plan-'));
const planFile = path.join(work, 'plan.json');
if (only !== 'document-import' && only !== 'cli-start') {
  writeFileSync(planFile, JSON.stringify(syntheticPlan(size)));
  log(`Plan: ${size.recommendations} recommendations, ${size.updates} updates, ${size.owners} owners → ${planFile}`);
}

const fake = await startFakeSlack({ users: BENCH_USERS });
const throwaway = opts.postgres && !opts.databaseUrl ? startThrowawayPostgres() : null;
const serverUrl = opts.postgres ? (opts.databaseUrl ?? throwaway?.url ?? null) : null;
if (opts.postgres && !serverUrl) log('PostgreSQL could not be started here; measuring the embedded database only.');

/**
 * Concerto's `serve` on the target and the bare Bolt floor, both running, asked the same in paired rounds
 * (bench/paired-rounds.ts): the floor's figures beside each database's are its own, from the same minutes.
 */
async function measureServed(env: Record<string, string>, kind: string): Promise<{ concerto: ServedFigures; floor: ServedFigures }> {
  const floor = await startServed('floor', await freePort(), fake, {});
  let concerto: ServedApp | undefined;
  try {
    concerto = await startServed('concerto', await freePort(), fake, env);
    log(`${kind}: healthy in ${concerto.coldStartMs.toFixed(0)} ms; the floor in ${floor.coldStartMs.toFixed(0)} ms`);
    const apps = { concerto, floor };
    const figures = {} as Record<'concerto' | 'floor', Record<Scenario, ScenarioFigures>>;
    figures.concerto = {} as Record<Scenario, ScenarioFigures>;
    figures.floor = {} as Record<Scenario, ScenarioFigures>;
    for (const scenario of ['status', 'overdue'] as const) {
      const measured = await pairedRounds(apps, fake, { scenario, ids: size.recommendations }, requests, SERVED_ROUNDS, (which, round, r) =>
        log(`  ${kind}: ${scenario}, ${which}, round ${round + 1}: c1 p50 ${r.c1.p50.toFixed(1)} p99 ${r.c1.p99.toFixed(1)}; c50 p50 ${r.c50.p50.toFixed(1)} p99 ${r.c50.p99.toFixed(1)}`),
      );
      figures.concerto[scenario] = measured.concerto;
      figures.floor[scenario] = measured.floor;
    }
    const served = (which: 'concerto' | 'floor', app: ServedApp) => async (): Promise<ServedFigures> => ({ coldStartMs: app.coldStartMs, ...figures[which], peakMemoryMb: await app.peakMemoryMb() });
    return { concerto: await served('concerto', concerto)(), floor: await served('floor', floor)() };
  } finally {
    await concerto?.stop();
    await floor.stop();
  }
}

const ratios = (s: ServedFigures, f: ServedFigures) => {
  const r = (a: number, b: number) => (a / b).toFixed(2);
  return `status p99 ×${r(s.status.c1.p99, f.status.c1.p99)} c1, ×${r(s.status.c50.p99, f.status.c50.p99)} c50; overdue p99 ×${r(s.overdue.c1.p99, f.overdue.c1.p99)} c1, ×${r(s.overdue.c50.p99, f.overdue.c50.p99)} c50; peak ${s.peakMemoryMb?.toFixed(0)} MB (floor ${f.peakMemoryMb?.toFixed(0)}); cold start ${s.coldStartMs.toFixed(0)} ms (floor ${f.coldStartMs.toFixed(0)})`;
};

async function measureDatabase(kind: 'pglite' | 'postgres'): Promise<DatabaseFigures> {
  const make = (): Promise<BenchTarget> => (kind === 'pglite' ? pgliteTarget() : postgresTarget(serverUrl!));
  const target = await make();
  const floor = await make();
  try {
    log(`${kind}: importing…`);
    const imported = await importVersusCopy(planFile, target, floor);
    log(`${kind}: import ${imported.importMs.toFixed(0)} ms (reading ${imported.readMs.toFixed(0)} ms), COPY ${imported.copyMs.toFixed(0)} ms, ${imported.rows} rows`);
    const scheduler = await schedulerPass(target, size.owners);
    log(`${kind}: read model built in ${scheduler.modelBuildMs.toFixed(0)} ms (${scheduler.modelMb.toFixed(0)} MB); scheduler pass ${scheduler.firstPassMs.toFixed(0)} ms (${scheduler.messages} messages), repeat ${scheduler.repeatPassMs.toFixed(0)} ms`);
    const papers = await paperFiles(target, work, PAPER_AS_AT);
    for (const p of papers) log(`${kind}: board paper as ${p.format}: ${p.ms.toFixed(0)} ms, peak ${p.peakMb.toFixed(0)} MB, ${(p.bytes / 2 ** 20).toFixed(1)} MB file`);
    const documents = await documentImport(make, work, log, documentRows);
    const served = await measureServed(target.env, kind);
    log(`${kind}: ${ratios(served.concerto, served.floor)}`);
    const freshness = kind === 'postgres' ? await freshnessAcrossInstances(target, fake, FRESHNESS_ROUNDS) : undefined;
    if (freshness) log(`${kind}: ${freshness.fresh} of ${freshness.rounds} answers on another instance showed the change`);
    const many = await manyPlans(target, fake, manyPlansRequests, log);
    return { kind, import: imported, scheduler, papers, served: served.concerto, floor: served.floor, manyPlans: many, documents, ...(freshness ? { freshness } : {}) };
  } finally {
    await target.dispose();
    await floor.dispose();
  }
}

/** BENCH_ONLY=many-plans: the big plan imported into a fresh target, then the many-plans case alone. */
async function onlyManyPlans(kind: 'pglite' | 'postgres'): Promise<void> {
  const target = await (kind === 'pglite' ? pgliteTarget() : postgresTarget(serverUrl!));
  try {
    log(`${kind}: importing…`);
    await importBigPlan(target, planFile);
    const figures = await manyPlans(target, fake, manyPlansRequests, log);
    const missed: string[] = [];
    const lines = manyPlansLines(kind, figures, (label, ok) => (ok ? 'met' : (missed.push(label), '**missed**')));
    process.stdout.write(`${lines.join('\n')}\n${missed.length ? `Missed: ${missed.join('; ')}` : 'Every many-plans figure within target.'}\n\n`);
  } finally {
    await target.dispose();
  }
}

/** BENCH_ONLY=document-import: the plan imported from a Word table and from an Excel tracker, each into fresh databases. */
async function onlyDocumentImport(kind: 'pglite' | 'postgres'): Promise<void> {
  const documents = await documentImport(() => (kind === 'pglite' ? pgliteTarget() : postgresTarget(serverUrl!)), work, log, documentRows);
  const missed: string[] = [];
  const lines = documentsLines([{ kind, documents }], (label, ok) => (ok ? 'met' : (missed.push(label), '**missed**')));
  process.stdout.write(`${lines.join('\n')}\n${missed.length ? `Missed: ${missed.join('; ')}` : 'Every document import within target.'}\n\n`);
}

const started = new Date();
try {
  if (only === 'many-plans') {
    await onlyManyPlans('pglite');
    if (serverUrl) await onlyManyPlans('postgres');
  } else if (only === 'document-import') {
    await onlyDocumentImport('pglite');
    if (serverUrl) await onlyDocumentImport('postgres');
  } else if (only === 'freshness') {
    if (!serverUrl) throw new Error('BENCH_ONLY=freshness needs PostgreSQL: two instances cannot share an embedded database.');
    const target = await postgresTarget(serverUrl);
    try {
      await importBigPlan(target, planFile);
      const f = await freshnessAcrossInstances(target, fake, FRESHNESS_ROUNDS);
      log(`postgres: ${f.fresh} of ${f.rounds} answers on the other instance showed the change`);
    } finally {
      await target.dispose();
    }
  } else if (only === 'served') {
    for (const kind of serverUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
      const target = await (kind === 'pglite' ? pgliteTarget() : postgresTarget(serverUrl!));
      try {
        await importBigPlan(target, planFile);
        const s = await measureServed(target.env, kind);
        log(`${kind}: ${ratios(s.concerto, s.floor)}`);
      } finally {
        await target.dispose();
      }
    }
  } else if (only === 'scheduler') {
    for (const kind of serverUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
      const target = await (kind === 'pglite' ? pgliteTarget() : postgresTarget(serverUrl!));
      try {
        await importBigPlan(target, planFile);
        const s = await schedulerPass(target, size.owners);
        log(`${kind}: model built in ${s.modelBuildMs.toFixed(0)} ms, ${s.modelMb.toFixed(1)} MB; first pass ${s.firstPassMs.toFixed(0)} ms (${s.messages} messages), repeat ${s.repeatPassMs.toFixed(0)} ms`);
      } finally {
        await target.dispose();
      }
    }
  } else if (only === 'cli-start') {
    const missed: string[] = [];
    const lines = cliStartLines(await cliStart(serverUrl, log), (label, ok) => (ok ? 'met' : (missed.push(label), '**missed**')));
    process.stdout.write(`${lines.join('\n')}\n${missed.length ? `Missed: ${missed.join('; ')}` : 'Every one-shot figure within target.'}\n\n`);
  } else {
    const databases: DatabaseFigures[] = [await measureDatabase('pglite')];
    if (serverUrl) databases.push(await measureDatabase('postgres'));
    const figures: RunFigures = {
      started,
      finished: new Date(),
      command: `npm run bench${opts.quick ? ' -- --quick' : ''}`,
      size,
      requests,
      rounds: SERVED_ROUNDS,
      databases,
      postgresVersion: serverUrl ? await serverVersion(serverUrl) : null,
      parse: questionParse(),
      cli: await cliStart(serverUrl, log),
    };
    const { missed } = writeReport(opts.out, figures);
    log(`Wrote ${opts.out}${missed.length ? `; targets missed: ${missed.join(', ')}` : '; every target met'}.`);
  }
} finally {
  await fake.close();
  throwaway?.stop();
  rmSync(work, { recursive: true, force: true });
}

async function serverVersion(url: string): Promise<string> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<Array<{ v: string }>>`select current_setting('server_version') as v`;
    return row?.v ?? 'unknown';
  } finally {
    await sql.end();
  }
}

