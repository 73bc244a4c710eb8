import { readFileSync } from 'node:fs';
import { readPlan } from '../../src/core/plan/read-plan.js';
import type { PlanFileInput } from '../../src/core/plan/plan-file.js';
import type { ReadPlan } from '../../src/core/ports.js';
import { BUNDLED_PLAN } from '../../src/app/plan-loading.js';

export function bundledPlanInput(): PlanFileInput {
  return JSON.parse(readFileSync(BUNDLED_PLAN, 'utf8')) as PlanFileInput;
}

export function read(input: unknown): ReadPlan {
  const r = readPlan(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.plan;
}

export const at = (iso: string) => ({ actor: 'test', source: 'cli' as const, at: iso });
