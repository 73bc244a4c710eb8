import type { DeliveryWindow } from '../../../src/core/dates/delivery-window.js';
import type { AuditEvent } from '../../../src/core/plan/audit.js';
import type { Recommendation, UpdateEntry } from '../../../src/core/plan/recommendation.js';

/** Small hand-made plans and trails for the report's pure functions. */

export const win = (text: string, start: string | null, end: string | null, precision: DeliveryWindow['precision'] = 'day'): DeliveryWindow => ({
  text,
  start,
  end,
  precision: start ? precision : 'none',
});

export const upd = (date: string, text: string, source: UpdateEntry['source'] = 'import'): UpdateEntry => ({ date, author: null, text, evidence: null, source });

export function rec(id: string, over: Partial<Recommendation> = {}): Recommendation {
  const delivery = over.delivery ?? win('September 2017', '2017-09-01', '2017-09-30', 'month');
  return { id, theme: 'Governance', text: `Recommendation ${id}.`, owners: ['Portfolio Office'], status: 'on_going', delivery, baseline: delivery, revisions: 0, updates: [], ...over };
}

/** Builds a trail in order, numbering the events as the database would. */
export function trail() {
  const events: AuditEvent[] = [];
  const push = (e: Omit<AuditEvent, 'id'>) => {
    events.push({ id: events.length + 1, ...e });
    return api;
  };
  const api = {
    events,
    /** An import of a plan file dated `asOf`, loaded at `at`: one `recommendation_added` per item, then `plan_imported`. */
    imported(at: string, asOf: string, recs: Recommendation[]) {
      for (const r of recs) push({ recId: r.id, at, actor: 'seed', source: 'import', action: 'recommendation_added', before: null, after: r });
      return push({ recId: null, at, actor: 'seed', source: 'import', action: 'plan_imported', before: null, after: { title: 'Plan', asOf, added: recs.length } });
    },
    change(recId: string, at: string, action: AuditEvent['action'], before: unknown, after: unknown, source: AuditEvent['source'] = 'cli') {
      return push({ recId, at, actor: 'N. Shackleton', source, action, before, after });
    },
  };
  return api;
}

export const PLAN = { id: 1, title: 'Concerto Action Plan', asOf: '2017-10-04', timeZone: 'Europe/London' };
