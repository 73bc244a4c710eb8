import { queryRows } from '../../src/store/query-rows.js';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_SIZE, syntheticPlan } from '../../bench/synthetic-plan.js';
import { openDatabase, type DatabaseOptions } from '../../src/store/database.js';
import { BIN, ROOT, runCli, tempDirs, type CliOptions, type CliResult } from '../helpers/cli.js';
import { createScratchDatabase, postgresUrl } from '../helpers/databases.js';
import { planStore } from '../helpers/plan-stores.js';

/**
 * `concerto import` of a large plan, killed (SIGKILL: no clean-up of any kind) once it is writing rows.
 * The import is one transaction, so the plan must be exactly as it was before, with not one row of the
 * import left behind, and the next command must open the database as usual.
 */

const dirs = tempDirs();
const AS_IF_TERMINAL = fileURLToPath(new URL('./support/as-if-terminal.mjs', import.meta.url));
const TABLES = ['plans', 'themes', 'owners', 'recommendations', 'recommendation_owners', 'updates', 'delivery_dates', 'audit_events', 'conversations'] as const;
let planFile: string;
let total: number;

beforeAll(() => {
  // 10,000 recommendations and 100,000 updates: several seconds of writing on either driver.
  const plan = syntheticPlan(FULL_SIZE);
  total = plan.recommendations.length;
  planFile = path.join(dirs.make('concerto-fault-import-'), 'large-plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
});
afterAll(() => dirs.cleanup());

/**
 * `concerto import FILE` with stderr taken for a terminal, so it draws its progress bar; killed with
 * SIGKILL as soon as the bar shows a first batch written (and before the last).
 */
function importAndKill(env: CliOptions['env']): Promise<{ result: CliResult; shown: number }> {
  const childEnv: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'DATABASE_URL' || k.startsWith('CONCERTO_') || k === 'NODE_OPTIONS' || k.startsWith('VITEST')) continue;
    childEnv[k] = v;
  }
  Object.assign(childEnv, { CONCERTO_NOW: '2017-10-04' }, env);
  const child = spawn(process.execPath, ['--import', AS_IF_TERMINAL, BIN, 'import', planFile], { cwd: ROOT, env: childEnv, stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let shown = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The import never showed progress.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, 90_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (shown) return;
      const done = [...stderr.matchAll(/(\d+)\/(\d+) recommendations/g)].map((m) => Number(m[1])).filter((n) => n > 0 && n < total);
      if (done.length) {
        shown = done[0]!;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ result: { code, signal, stdout, stderr }, shown });
    });
  });
}

/** Rows in every table, and the plan as `concerto export --format json` prints it, read in this process. */
async function snapshot(options: DatabaseOptions): Promise<{ rows: Record<string, number>; exported: string }> {
  const database = await openDatabase(options);
  try {
    const counts: Record<string, number> = {};
    for (const t of TABLES) counts[t] = Number((await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${t}`)))[0]!.n);
    const plan = await (await planStore(database.db)).exportPlan();
    return { rows: counts, exported: `${JSON.stringify(plan, null, 2)}\n` };
  } finally {
    await database.close();
  }
}

interface Driver {
  name: 'pglite' | 'postgres';
  /** Environment for the CLI, and how this process opens the same database. */
  setup(): Promise<{ cli: CliOptions; open: DatabaseOptions }>;
}

const drivers: Driver[] = [
  {
    name: 'pglite',
    async setup() {
      const dataDir = dirs.make('concerto-fault-kill-');
      return { cli: { dataDir }, open: { dataDir } };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres' as const,
          async setup() {
            const url = await createScratchDatabase(postgresUrl!);
            return { cli: { env: { DATABASE_URL: url } }, open: { url } };
          },
        },
      ]
    : []),
];

describe.each(drivers)('an import killed mid-way on $name', ({ name, setup }) => {
  let cli: CliOptions;
  let open: DatabaseOptions;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let killed: { result: CliResult; shown: number };

  beforeAll(async () => {
    ({ cli, open } = await setup());
    // The first command loads the bundled plan; its change makes "as before" more than the bundled file (4.2.1 is in the large plan too).
    const redated = await runCli(['ask', 'date 4.2.1 Q1 2018'], cli);
    expect(redated.code).toBe(0);
    expect(redated.stdout).toContain('4.2.1 is now due "Q1 2018"');
    before = await snapshot(open);
    killed = await importAndKill(cli.env ?? { CONCERTO_DATA_DIR: cli.dataDir! });
  }, 120_000);

  it('was killed while writing, before it could finish', () => {
    expect(killed.result.signal).toBe('SIGKILL');
    expect(killed.shown).toBeGreaterThan(0);
    expect(killed.shown).toBeLessThan(total);
    expect(killed.result.stdout).toBe('');
  });

  it('the next command opens the database by itself (a dead importer\'s lock does not lock people out) and exports the plan exactly as before', async () => {
    const started = Date.now();
    const after = await runCli(['export', '--format', 'json'], cli);
    expect({ code: after.code, stderr: after.stderr }).toEqual({ code: 0, stderr: '' });
    // On the embedded directory the dead importer's lock is taken over once it goes stale (10 s), not left to refuse people.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(after.stdout).toBe(before.exported);
  });

  it('left not one row of the import in any table', async () => {
    expect((await snapshot(open)).rows).toEqual(before.rows);
  });

  it('takes a change again: a small import afterwards goes through whole', async () => {
    const small = syntheticPlan({ recommendations: 50, updates: 100, owners: 10 }, 7);
    const smallFile = path.join(path.dirname(planFile), `small-${name}.json`);
    writeFileSync(smallFile, JSON.stringify(small));
    const imported = await runCli(['import', smallFile], cli);
    expect({ code: imported.code, stdout: imported.stdout, stderr: imported.stderr }).toEqual({
      code: 0,
      stdout: `Imported ${smallFile} into concerto-2017: 50 added, 0 changed, 0 unchanged, 100 updates added.\n`,
      stderr: '',
    });
  }, 120_000);
});
