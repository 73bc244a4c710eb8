import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './bench-databases.js';
import { ms, ratio } from './measure.js';

/**
 * One-shot commands as a person types them: `concerto when` (no database), `concerto ask` on the
 * embedded database and with DATABASE_URL, each a fresh process through bin/concerto.mjs (the bundled
 * dist/, built first). The floor for the embedded `ask` is a bare script that opens the same data
 * directory with PGlite, as Concerto does (the same buffer setting), and runs `select 1`. Medians of
 * several runs; peak memory is the child's maximum resident set, from GNU time.
 */

export interface OneShot {
  ms: number;
  peakMb: number | null;
}

export interface CliStartFigures {
  runs: number;
  when: OneShot;
  askPglite: OneShot;
  pgliteFloor: OneShot;
  askPostgres: OneShot | null;
}

export const CLI_TARGETS = { whenMs: 500, pgliteRatio: 1.5, postgresMs: 800 } as const;

const FLOOR = `import { PGlite } from '@electric-sql/pglite';
const db = new PGlite(process.argv[2] + '/pgdata', { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] });
await db.query('select 1');
await db.close();
`;

const GNU_TIME = '/usr/bin/time';

/** `command` is `concerto` executed as installed (its first line's Node flags included), or node for the floor. */
function once(command: string, args: string[], env: NodeJS.ProcessEnv): OneShot {
  const timed = existsSync(GNU_TIME);
  const started = process.hrtime.bigint();
  const r = timed ? spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { cwd: ROOT, env, encoding: 'utf8' }) : spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  const took = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const kb = timed ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms: took, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

function median(runs: OneShot[]): OneShot {
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const peaks = runs.map((r) => r.peakMb).filter((x): x is number => x !== null);
  return { ms: mid(runs.map((r) => r.ms)), peakMb: peaks.length ? mid(peaks) : null };
}

export async function cliStart(postgresUrl: string | null, log: (line: string) => void, runs = 11): Promise<CliStartFigures> {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const bin = path.join(ROOT, 'bin', 'concerto.mjs');
  const dir = mkdtempSync(path.join(tmpdir(), 'concerto-bench-cli-'));
  const floorScript = path.join(ROOT, `.bench-floor-${process.pid}.mjs`);
  writeFileSync(floorScript, FLOOR);
  const base: NodeJS.ProcessEnv = { ...process.env, CONCERTO_NOW: '2017-10-04', CONCERTO_DATA_DIR: dir };
  delete base.DATABASE_URL;
  delete base.NODE_OPTIONS;
  try {
    // The data directory is created and seeded first: first-run set-up is not what is measured.
    execFileSync(process.execPath, [bin, 'seed'], { cwd: ROOT, env: base, stdio: 'ignore' });
    const repeat = (args: string[], env: NodeJS.ProcessEnv) => median(Array.from({ length: runs }, () => once(bin, args, env)));
    const when = repeat(['when', 'Q1 2018'], base);
    // Alternated, so a drift in the machine's speed falls on both alike.
    const asks: OneShot[] = [];
    const floors: OneShot[] = [];
    for (let i = 0; i < runs; i++) {
      asks.push(once(bin, ['ask', 'status 4.2.1'], base));
      floors.push(once(process.execPath, [floorScript, dir], base));
    }
    const askPglite = median(asks);
    const pgliteFloor = median(floors);
    let askPostgres: OneShot | null = null;
    if (postgresUrl) {
      const env = { ...base, DATABASE_URL: postgresUrl };
      execFileSync(process.execPath, [bin, 'seed'], { cwd: ROOT, env, stdio: 'ignore' });
      askPostgres = repeat(['ask', 'status 4.2.1'], env);
    }
    log(`cli: when ${ms(when.ms)}; ask (PGlite) ${ms(askPglite.ms)} vs floor ${ms(pgliteFloor.ms)}; ask (PostgreSQL) ${askPostgres ? ms(askPostgres.ms) : 'not measured'}`);
    return { runs, when, askPglite, pgliteFloor, askPostgres };
  } finally {
    rmSync(floorScript, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

export function cliStartLines(f: CliStartFigures, check: (label: string, ok: boolean) => string): string[] {
  const mb = (x: number | null) => (x === null ? '–' : `${x.toFixed(0)} MB`);
  const rows = [
    ['`concerto when "Q1 2018"` (no database)', ms(f.when.ms), mb(f.when.peakMb), `< ${CLI_TARGETS.whenMs} ms`, check('CLI when', f.when.ms < CLI_TARGETS.whenMs)],
    [
      '`concerto ask "status 4.2.1"`, embedded',
      `${ms(f.askPglite.ms)} (${ratio(f.askPglite.ms, f.pgliteFloor.ms)})`,
      `${mb(f.askPglite.peakMb)} (${f.askPglite.peakMb && f.pgliteFloor.peakMb ? ratio(f.askPglite.peakMb, f.pgliteFloor.peakMb) : '–'})`,
      `≤ ${CLI_TARGETS.pgliteRatio}× the floor, time and memory`,
      check('CLI ask (PGlite)', f.askPglite.ms <= CLI_TARGETS.pgliteRatio * f.pgliteFloor.ms && (!f.askPglite.peakMb || !f.pgliteFloor.peakMb || f.askPglite.peakMb <= CLI_TARGETS.pgliteRatio * f.pgliteFloor.peakMb)),
    ],
    ['floor: PGlite opens the same directory, `select 1`', ms(f.pgliteFloor.ms), mb(f.pgliteFloor.peakMb), '', ''],
    ...(f.askPostgres ? [['`concerto ask "status 4.2.1"` with `DATABASE_URL`', ms(f.askPostgres.ms), mb(f.askPostgres.peakMb), `< ${CLI_TARGETS.postgresMs} ms`, check('CLI ask (PostgreSQL)', f.askPostgres.ms < CLI_TARGETS.postgresMs)]] : []),
  ];
  return [
    '## One-shot commands',
    '',
    `Each a fresh process of \`bin/concerto.mjs\` executed as the installed \`concerto\` is (its first line's Node flags included), running the bundled \`dist/\`; the median of ${f.runs} runs, the data directory already seeded.`,
    '',
    '| Command | Time | Peak memory | Target | |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}
