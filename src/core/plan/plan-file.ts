import { z } from 'zod';
import { STATUSES } from './status.js';
import { canonicalId, isRecommendationId } from './recommendation-id.js';

/**
 * The plan interchange format: what `concerto import` reads, `concerto export --format json` writes,
 * and the bundled plan is stored as. Dates are calendar days (YYYY-MM-DD).
 */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const PlanUpdate = z.object({
  date: isoDay,
  author: z.string().trim().max(200).nullish().transform((a) => (a ? a : null)),
  text: text(20_000),
  evidence: z.string().trim().max(2_000).nullish().transform((e) => (e ? e : null)),
});
export type PlanUpdate = z.infer<typeof PlanUpdate>;

export const PlanRecommendation = z.object({
  id: z.string().trim().transform(canonicalId).refine(isRecommendationId, 'must be a recommendation number such as 4.2.1 (or a reference such as IA-01)'),
  theme: text(200),
  text: text(20_000),
  owners: z.array(text(200)).max(50).default([]),
  status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }),
  /** The delivery date as written now ("By end 2017"); empty when the plan gives none. */
  delivery: z.string().trim().max(200).default(''),
  /** The delivery date as first written, when it has since been revised ("" when the plan first gave none). */
  baseline: z.string().trim().max(200).nullish().transform((b) => b ?? null),
  updates: z.array(PlanUpdate).max(100_000).default([]),
  /** The priority the plan gives it, as written ("High", "Priority 1"); audit trackers rank their recommendations so. */
  priority: z.string().trim().max(100).nullish(),
});
export type PlanRecommendation = z.infer<typeof PlanRecommendation>;

export const PlanFile = z
  .object({
    title: text(300),
    asOf: isoDay,
    timeZone: z.string().trim().min(1).default('Europe/London'),
    recommendations: z.array(PlanRecommendation),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.recommendations.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['recommendations', i, 'id'], message: `${r.id} appears more than once` });
      seen.add(r.id);
    });
  });
export type PlanFile = z.infer<typeof PlanFile>;
export type PlanFileInput = z.input<typeof PlanFile>;

/** Turns zod issues into sentences that name the record and the field, e.g. "recommendation 4.2.1 (#12): status must be one of …". */
export function describePlanIssues(input: unknown, error: z.ZodError): string[] {
  const recs = (input as { recommendations?: Array<{ id?: unknown }> } | null)?.recommendations;
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === 'recommendations' && typeof index === 'number') {
      const id = Array.isArray(recs) && typeof recs[index]?.id === 'string' ? ` ${recs[index]!.id}` : '';
      const field = rest.length ? rest.join('.') : 'record';
      return `recommendation${id} (#${index + 1}), ${field}: ${plainer(issue.message)}`;
    }
    return `${issue.path.length ? issue.path.join('.') : 'file'}: ${plainer(issue.message)}`;
  });
}

/** zod's "Invalid input: expected string, received undefined" means the field is missing. */
function plainer(message: string): string {
  return /received undefined$/.test(message) ? 'is missing' : message.replace(/^Invalid input: /, '');
}
