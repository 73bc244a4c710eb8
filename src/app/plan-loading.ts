import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChangeMeta, ImportSummary, PlanStore } from '../core/ports.js';
import { readPlan } from '../core/plan/read-plan.js';

export const BUNDLED_PLAN = fileURLToPath(new URL('../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url));

export class PlanFileError extends Error {
  constructor(readonly errors: string[], file: string) {
    super(`${file} was not imported — nothing was changed:\n${errors.map((e) => `  • ${e}`).join('\n')}`);
    this.name = 'PlanFileError';
  }
}

/** Validates and imports a parsed plan file in one transaction; a bad file changes nothing. */
export async function importParsed(
  store: PlanStore,
  input: unknown,
  label: string,
  meta: ChangeMeta,
  onProgress?: (done: number, total: number) => void,
  options: { addOnly?: boolean } = {},
): Promise<ImportSummary> {
  const reading = readPlan(input);
  if (!reading.ok) throw new PlanFileError(reading.errors, label);
  return store.importPlan(reading.plan, meta, onProgress, options);
}

/** Loads the bundled plan: adds what is missing and never changes an item people have worked on. */
export async function seedBundledPlan(store: PlanStore, meta: Omit<ChangeMeta, 'source'>): Promise<ImportSummary> {
  const input: unknown = JSON.parse(readFileSync(BUNDLED_PLAN, 'utf8'));
  return importParsed(store, input, 'The bundled plan', { ...meta, source: 'import' }, undefined, { addOnly: true });
}

/** First run: a database with no plan gets the bundled one, so a fresh clone has something to ask about. */
export async function ensurePlan(store: PlanStore, meta: Omit<ChangeMeta, 'source'>): Promise<boolean> {
  if (await store.plan()) return false;
  await seedBundledPlan(store, meta);
  return true;
}
