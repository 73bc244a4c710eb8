import { readFileSync } from 'node:fs';
import { PlanFileError, PlanTargetError } from './plan-errors.js';
import { fileURLToPath } from 'node:url';
import type { ChangeMeta, ImportSummary, PlanDirectory, PlanInfo } from '../core/ports.js';
import { keyFromTitle, planKeyProblem } from '../core/plan/plan-key.js';
import { readPlan } from '../core/plan/read-plan.js';
import { seedBundledGovernance, type GovernanceSeeded } from './bundled-governance.js';

export const BUNDLED_PLAN = fileURLToPath(new URL('../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url));
/** The key the bundled plan is loaded under (and the key migration 0006 gives a database it already filled). */
export const BUNDLED_PLAN_KEY = 'concerto-2017';


export type ImportResult = ImportSummary & { plan: PlanInfo; created: boolean };

/**
 * Validates a parsed plan file and imports it in one transaction; a bad file changes nothing.
 * With a key, into that plan (created from the file when it does not exist); without one, into the
 * only plan there is, or a new plan keyed from the file's title when there is none.
 */
export async function importParsed(
  plans: PlanDirectory,
  key: string | null,
  input: unknown,
  label: string,
  meta: ChangeMeta,
  onProgress?: (done: number, total: number) => void,
  options: { addOnly?: boolean; keepUnreadableDates?: boolean; fileName?: string } = {},
): Promise<ImportResult> {
  const reading = readPlan(input, { keepUnreadable: options.keepUnreadableDates ?? false });
  if (!reading.ok) throw new PlanFileError(reading.errors, label);
  const { title, asOf, timeZone } = reading.plan.file;
  const target = key ?? (await defaultTarget(plans, keyFromTitle(title, asOf)));
  const problem = planKeyProblem(target);
  if (problem) throw new PlanTargetError(`${problem} Nothing was imported.`);
  const existing = await plans.get(target);
  if (existing?.state === 'archived') throw new PlanTargetError(`The plan ${target} is archived, so nothing was imported. \`plan restore ${target}\` first, or import into another plan.`);
  return plans.importInto({ key: target, ...(existing ? {} : { create: { title, asOf, timeZone } }) }, reading.plan, meta, onProgress, options);
}

async function defaultTarget(plans: PlanDirectory, fromTitle: string): Promise<string> {
  const all = await plans.list();
  if (all.length === 1) return all[0]!.key;
  if (!all.length) return fromTitle;
  throw new PlanTargetError(`There are ${all.length} plans (${all.map((p) => p.key).join(', ')}): say which to import into with --plan KEY (a new key creates a plan). Nothing was imported.`);
}

/** Loads the bundled plan as concerto-2017: adds what is missing and never changes an item people have worked on. */
export async function seedBundledPlan(plans: PlanDirectory, meta: Omit<ChangeMeta, 'source'>): Promise<ImportResult> {
  const input: unknown = JSON.parse(readFileSync(BUNDLED_PLAN, 'utf8'));
  return importParsed(plans, BUNDLED_PLAN_KEY, input, 'The bundled plan', { ...meta, source: 'import' }, undefined, { addOnly: true });
}

/** The bundled plan with the boards, meetings, decisions and waits its text records (`concerto seed`). */
export async function seedBundledWithGovernance(plans: PlanDirectory, meta: Omit<ChangeMeta, 'source'>): Promise<ImportResult & { governance: GovernanceSeeded }> {
  const seeded = await seedBundledPlan(plans, meta);
  const governance = await seedBundledGovernance(seeded.plan, plans.governance(seeded.plan), plans.store(seeded.plan), { ...meta, source: 'import' });
  return { ...seeded, governance };
}
