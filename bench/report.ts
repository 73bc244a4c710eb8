import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './bench-databases.js';
import { documentImportLines, type DocumentImportFigures } from './document-import.js';
import type { ParseFigures } from './question-parse.js';
import { cliStartLines, type CliStartFigures } from './cli-start.js';
import type { ImportFigures } from './import-vs-copy.js';
import { MANY_PLANS_TARGET, type ManyPlansFigures } from './many-plans.js';
import { ms, ratio } from './measure.js';
import type { PaperFileFigures } from './paper-files.js';
import type { SchedulerFigures } from './scheduler-pass.js';
import type { FreshnessFigures } from './freshness.js';
import type { LatencyFigures } from './slack-round-trips.js';
import type { PlanSize } from './synthetic-plan.js';

export interface ServedFigures {
  coldStartMs: number;
  status: { c1: LatencyFigures; c50: LatencyFigures };
  overdue: { c1: LatencyFigures; c50: LatencyFigures };
  peakMemoryMb: number | null;
}

export interface DatabaseFigures {
  kind: 'pglite' | 'postgres';
  import: ImportFigures;
  scheduler: SchedulerFigures;
  papers: PaperFileFigures[];
  served: ServedFigures;
  /** The bare Bolt floor, measured beside `served` in the same rounds. */
  floor: ServedFigures;
  /** The same requests with 100 small plans beside the big one (bench/many-plans.ts). */
  manyPlans?: ManyPlansFigures;
  /** A 2,000-item plan imported from a Word table and from an Excel tracker (bench/document-import.ts). */
  documents?: DocumentImportFigures[];
  /** PostgreSQL only: a change through one instance, asked of another at once (bench/freshness.ts). */
  freshness?: FreshnessFigures;
}

export interface RunFigures {
  started: Date;
  finished: Date;
  command: string;
  size: PlanSize;
  requests: { c1: number; c50: number };
  /** Each served figure is the median of this many rounds' (bench/paired-rounds.ts). */
  rounds: number;
  databases: DatabaseFigures[];
  postgresVersion: string | null;
  /** Issue 14's question suite through the question reader alone (bench/question-parse.ts). */
  parse?: ParseFigures;
  /** One-shot commands against a bare PGlite start (bench/cli-start.ts). */
  cli?: CliStartFigures;
}

/** A median of rounds shows its rounds' lowest and highest p99. */
const spread = (f: LatencyFigures) => (f.spread ? ` (${ms(f.spread.p99[0])}–${ms(f.spread.p99[1])})` : '');

/** The targets the issue set, as checks on the figures. */
const TARGETS = {
  statusP99: { c1: 1.5, c50: 1.5 },
  overdueP99: { c1: 2, c50: 3 },
  importToCopy: 3,
  schedulerMs: 500,
  memoryMb: { pglite: 350, postgres: 250 },
  coldStartToFloor: 2,
  paperMs: 20_000,
  paperMemoryMb: 400,
};

const NAMES = { pglite: 'Embedded (PGlite)', postgres: 'PostgreSQL' } as const;

/**
 * The many-plans table for one database: each request's p50 and p99 with the big plan alone and
 * among many, their ratios, and whether each stays within 10%.
 */
export function manyPlansLines(kind: DatabaseFigures['kind'], m: ManyPlansFigures, check: (label: string, ok: boolean) => string): string[] {
  const rows: string[][] = [];
  const scenarios = [
    ['status', '`/concerto status <id>`'],
    ['overdue', `@concerto what's overdue? (${m.key})`],
  ] as const;
  for (const [scenario, label] of scenarios) {
    for (const c of ['c1', 'c50'] as const) {
      const one = m.single[scenario][c];
      const all = m.many[scenario][c];
      const verdict = (p: 'p50' | 'p99') => `${p} ${check(`${NAMES[kind]} many plans ${label} ${c} ${p}`, all[p] / one[p] <= MANY_PLANS_TARGET)}`;
      rows.push([
        `${label}, ${c === 'c1' ? 'concurrency 1' : 'concurrency 50'}`,
        `p50 ${ms(one.p50)} · p99 ${ms(one.p99)}`,
        `p50 ${ms(all.p50)} · p99 ${ms(all.p99)}`,
        `p50 ${ratio(all.p50, one.p50)} · p99 ${ratio(all.p99, one.p99)}`,
        `≤ ${MANY_PLANS_TARGET.toFixed(2)}× — ${verdict('p50')}, ${verdict('p99')}`,
      ]);
    }
  }
  const mb = (n: number | null) => (n === null ? '–' : `${n.toFixed(0)} MB`);
  rows.push(['One scheduler pass over every active plan (dry run: read and decide)', ms(m.tickMs.single), ms(m.tickMs.many), ratio(m.tickMs.many, m.tickMs.single), '–']);
  rows.push(['Peak memory (VmHWM)', mb(m.single.peakMemoryMb), mb(m.many.peakMemoryMb), m.single.peakMemoryMb && m.many.peakMemoryMb ? ratio(m.many.peakMemoryMb, m.single.peakMemoryMb) : '–', '–']);
  return [
    `### ${NAMES[kind]}`,
    '',
    `Adding the ${m.extra.plans} plans took ${ms(m.addMs)}. Each latency is the median of ${m.rounds} rounds' figure (${m.requests.c1} requests per server per round at concurrency 1, the servers in turn request by request; ${m.requests.c50} at concurrency 50, one server at a time, the order alternating by round).`,
    '',
    `| Measure | ${m.single.plans} plan | ${m.many.plans} plans | Ratio | Target |`,
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

/** The "Plan from a document" section for the databases that have its figures. */
export function documentsLines(databases: ReadonlyArray<Pick<DatabaseFigures, 'kind' | 'documents'>>, check: (label: string, ok: boolean) => string): string[] {
  const measured = databases.flatMap((db) => (db.documents ? [{ name: NAMES[db.kind], figures: db.documents }] : []));
  return measured.length ? documentImportLines(measured, check) : [];
}

/** Writes BENCHMARKS.md; the hand-written notes in bench/NOTES.md (profiles, explanations) follow the figures. */
export function writeReport(file: string, run: RunFigures): { missed: string[] } {
  const missed: string[] = [];
  const check = (label: string, ok: boolean) => {
    if (!ok) missed.push(label);
    return ok ? 'met' : '**missed**';
  };
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Generated by \`${run.command}\` on ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC (${((run.finished.getTime() - run.started.getTime()) / 1000).toFixed(0)} s). Re-run it to replace this file.`,
    '',
    `- Machine: ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; PostgreSQL ${run.postgresVersion ?? 'not measured'} (a throwaway server from scripts/throwaway-postgres.sh: fsync off, loopback)`,
    `- Plan: ${run.size.recommendations.toLocaleString('en-GB')} recommendations, ${run.size.updates.toLocaleString('en-GB')} updates, ${run.size.owners.toLocaleString('en-GB')} owners (bench/synthetic-plan.ts, delivery phrases as boards write them)`,
    `- Requests: from a signed request leaving the client to the answer arriving at a fake Slack on loopback. Concerto and its floor run side by side and are asked the same in ${run.rounds === 1 ? 'one round' : `${run.rounds} rounds`}, after 20 requests to warm up and a burst of 100 with 50 in flight: ${run.requests.c1} one at a time to each, the two taking turns request by request, then ${run.requests.c50} with 50 in flight to one server at a time, the other stopped (SIGSTOP), the order alternating by round (bench/paired-rounds.ts).${run.rounds > 1 ? " Each figure is the median of the rounds' (of their p50s, and of their p99s), with the lowest and highest round's p99 in brackets." : ''}`,
    '- Floors: a bare Bolt app on the same receiver answering with a fixed reply (bench/floor-app.ts); PostgreSQL `COPY` of exactly the rows the import wrote, into an empty database of the same schema',
    '',
  ];
  for (const db of run.databases) {
    const s = db.served;
    const floor = db.floor;
    const rows: string[][] = [];
    const latency = (label: string, c: 'c1' | 'c50', scenario: 'status' | 'overdue', target: number) => {
      const mine = s[scenario][c];
      const base = floor[scenario][c];
      const r = mine.p99 / base.p99;
      rows.push([
        `${label}, ${c === 'c1' ? 'concurrency 1' : 'concurrency 50'}`,
        `p50 ${ms(mine.p50)} · p99 ${ms(mine.p99)}${spread(mine)}`,
        `p50 ${ms(base.p50)} · p99 ${ms(base.p99)}${spread(base)}`,
        `p99 ${ratio(mine.p99, base.p99)}`,
        `≤ ${target}× — ${check(`${NAMES[db.kind]} ${label} ${c} p99`, r <= target)}`,
      ]);
    };
    latency('`/concerto status <id>`', 'c1', 'status', TARGETS.statusP99.c1);
    latency('`/concerto status <id>`', 'c50', 'status', TARGETS.statusP99.c50);
    latency(`@concerto what's overdue? (${run.size.recommendations.toLocaleString('en-GB')} items)`, 'c1', 'overdue', TARGETS.overdueP99.c1);
    latency(`@concerto what's overdue? (${run.size.recommendations.toLocaleString('en-GB')} items)`, 'c50', 'overdue', TARGETS.overdueP99.c50);
    const imp = db.import;
    rows.push([
      'Import the plan file (read, validate, write, audit)',
      `${ms(imp.importMs)} (of which reading ${ms(imp.readMs)})`,
      `COPY ${imp.rows.toLocaleString('en-GB')} rows: ${ms(imp.copyMs)}`,
      ratio(imp.importMs, imp.copyMs),
      `≤ ${TARGETS.importToCopy}× — ${check(`${NAMES[db.kind]} import`, imp.importMs / imp.copyMs <= TARGETS.importToCopy)}`,
    ]);
    rows.push([
      'Building the read model of the plan (as `serve` does on its first request or pass)',
      `${ms(db.scheduler.modelBuildMs)}; ${db.scheduler.modelMb.toFixed(0)} MB of heap held`,
      '–',
      '–',
      'measured and reported',
    ]);
    rows.push([
      'One scheduler pass at nudge time, from the read model',
      `first ${ms(db.scheduler.firstPassMs)} (${db.scheduler.messages.toLocaleString('en-GB')} messages queued); next ${ms(db.scheduler.repeatPassMs)}`,
      '–',
      '–',
      `< ${TARGETS.schedulerMs / 1000} s each — first ${check(`${NAMES[db.kind]} first scheduler pass`, db.scheduler.firstPassMs < TARGETS.schedulerMs)}, next ${check(`${NAMES[db.kind]} next scheduler pass`, db.scheduler.repeatPassMs < TARGETS.schedulerMs)}`,
    ]);
    if (db.freshness) {
      rows.push([
        'A change through one `serve`, then `/concerto status` of another at once',
        `${db.freshness.fresh} of ${db.freshness.rounds} answers showed the change`,
        '–',
        '–',
        `every one — ${check(`${NAMES[db.kind]} freshness across instances`, db.freshness.fresh === db.freshness.rounds)}`,
      ]);
    }
    for (const p of db.papers) {
      rows.push([
        `Board paper as ${p.format.toUpperCase()}, as at a year after the plan's date (\`concerto export\` as installed, start to exit)`,
        `${ms(p.ms)}, peak ${p.peakMb.toFixed(0)} MB, ${(p.bytes / 2 ** 20).toFixed(1)} MB file`,
        '–',
        '–',
        `< ${TARGETS.paperMs / 1000} s and < ${TARGETS.paperMemoryMb} MB — ${check(`${NAMES[db.kind]} ${p.format} paper`, p.ms < TARGETS.paperMs && p.peakMb < TARGETS.paperMemoryMb)}`,
      ]);
    }
    rows.push([
      'Cold start to `/healthz` 200',
      ms(s.coldStartMs),
      ms(floor.coldStartMs),
      ratio(s.coldStartMs, floor.coldStartMs),
      `≤ ${TARGETS.coldStartToFloor}× — ${check(`${NAMES[db.kind]} cold start`, s.coldStartMs / floor.coldStartMs <= TARGETS.coldStartToFloor)}`,
    ]);
    rows.push([
      'Peak memory (VmHWM) over the whole load',
      s.peakMemoryMb === null ? '–' : `${s.peakMemoryMb.toFixed(0)} MB`,
      floor.peakMemoryMb === null ? '–' : `${floor.peakMemoryMb.toFixed(0)} MB`,
      '–',
      s.peakMemoryMb === null ? 'not measurable here' : `< ${TARGETS.memoryMb[db.kind]} MB — ${check(`${NAMES[db.kind]} memory`, s.peakMemoryMb < TARGETS.memoryMb[db.kind])}`,
    ]);
    lines.push(`## ${NAMES[db.kind]}`, '', '| Measure | Concerto | Floor | Ratio | Target |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  }
  lines.push(...documentsLines(run.databases, check));
  if (run.cli) lines.push(...cliStartLines(run.cli, check));
  if (run.parse) {
    const p = run.parse;
    lines.push(
      '## Reading questions',
      '',
      `The ${p.questions} questions of the question suite (tests/unit/intents/question-cases.ts), each read 20 times by the question reader alone (bench/question-parse.ts): no database, no Slack.`,
      '',
      '| Measure | Figure | Target |',
      '|---|---|---|',
      `| Reading one question | p50 ${p.p50Ms.toFixed(3)} ms · p99 ${p.p99Ms.toFixed(3)} ms | median < 1 ms — ${check('question parse median', p.p50Ms < 1)} |`,
      '',
    );
  }
  const many = run.databases.filter((db) => db.manyPlans);
  if (many.length) {
    const first = many[0]!.manyPlans!;
    lines.push(
      '## Many plans',
      '',
      `The big plan alone, then with ${first.extra.plans} plans of ${first.extra.size.recommendations} items (${first.extra.size.updates.toLocaleString('en-GB')} updates each) beside it, numbered like it, so that its first ${first.extra.size.recommendations} ids are in all ${first.extra.plans + 1} plans (bench/many-plans.ts). ` +
        `The requests mean the big plan as people would: \`/concerto status <id>\` from its home channel, always for one of those ${first.extra.size.recommendations} ids; "what's overdue?" from people who chose it with \`use\`. ` +
        `The two databases (the second a copy of the first, with the plans added) are served at once by two \`concerto serve\` processes and measured in turns, so that a load that comes and goes on the machine falls on both alike: ` +
        `after 20 requests and a burst of 100 with 50 in flight to warm up, ${first.requests.c1} one at a time to each, the two servers taking turns request by request; then ${first.requests.c50} with 50 in flight to one server at a time, the other stopped (SIGSTOP), the order alternating by round (bench/paired-rounds.ts). ` +
        `The ratio between the two is what this section measures. Target: within ${Math.round((MANY_PLANS_TARGET - 1) * 100)}% of the one-plan figures (≤ ${MANY_PLANS_TARGET.toFixed(2)}×).`,
      '',
    );
    for (const db of many) lines.push(...manyPlansLines(db.kind, db.manyPlans!, check));
  }
  lines.push(missed.length ? `**Targets missed:** ${missed.join('; ')}. See the notes below.` : 'Every target was met in this run.', '');
  const notes = path.join(ROOT, 'bench', 'NOTES.md');
  if (existsSync(notes)) lines.push(readFileSync(notes, 'utf8').trim(), '');
  writeFileSync(file, lines.join('\n'));
  return { missed };
}
