import { readFile } from 'node:fs/promises';
import { readPlan } from '../src/core/plan/read-plan.js';
import { keyFromTitle } from '../src/core/plan/plan-key.js';
import { DrizzlePlanDirectory } from '../src/store/plan-directory.js';
import type { BenchTarget } from './bench-databases.js';

/** Every table an import writes, parents first, so COPY can load them in this order. */
export const IMPORTED_TABLES = ['plans', 'themes', 'owners', 'recommendations', 'delivery_dates', 'recommendation_owners', 'updates', 'audit_events'] as const;

export interface ImportFigures {
  /** File on disk → committed: read, parse, validate, read every delivery phrase, write. */
  importMs: number;
  /** Of which: parsing and validating the file and reading its phrases. */
  readMs: number;
  /** COPY of exactly the rows the import wrote, into an empty database of the same schema. */
  copyMs: number;
  rows: number;
}

/**
 * Imports the plan file into `target` the way `concerto import` does (minus process start), then
 * loads the very rows it wrote into `floor` with COPY. The floor is the least any loader could do.
 */
export async function importVersusCopy(file: string, target: BenchTarget, floor: BenchTarget): Promise<ImportFigures> {
  const database = await target.open();
  let importMs: number;
  let readMs: number;
  try {
    const start = performance.now();
    const reading = readPlan(JSON.parse(await readFile(file, 'utf8')));
    if (!reading.ok) throw new Error(`The synthetic plan does not validate: ${reading.errors.slice(0, 3).join('; ')}`);
    readMs = performance.now() - start;
    // Into an empty database, as `concerto import` without --plan: a new plan keyed from the file's title, in the import's transaction.
    const { title, asOf, timeZone } = reading.plan.file;
    await new DrizzlePlanDirectory(database.db).importInto(
      { key: keyFromTitle(title, asOf), create: { title, asOf, timeZone } },
      reading.plan,
      { actor: 'bench', source: 'import', at: new Date().toISOString() },
    );
    importMs = performance.now() - start;
  } finally {
    await database.close();
  }
  const dumps = await target.dump(IMPORTED_TABLES);
  const copyMs = await floor.copyIn(dumps);
  const rows = dumps.reduce((n, d) => n + d.data.toString('utf8').split('\n').length - 1, 0);
  return { importMs, readMs, copyMs, rows };
}
