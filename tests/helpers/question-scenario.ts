import { readDelivery } from '../../src/core/dates/read-delivery.js';
import type { PlanStore } from '../../src/core/ports.js';
import type { Status } from '../../src/core/plan/status.js';
import { asStood, bundledItems, type OracleChange, type OracleItem } from './questions-oracle.js';

/**
 * Two months of work on the bundled plan, from its own date (4 Oct 2017) to Wednesday 6 December 2017:
 * updates, re-dated delivery dates (one item three times, one twice), items closed, a decision taken,
 * owners changed and two items added — made through the store as the app makes them, and applied to
 * the oracle's items by the oracle (`asStood`). The same list drives both, so the two can only
 * disagree in how they read it.
 *
 * Chosen so that questions about the past, about changes, slipped dates, stale items and orderings
 * have answers worth checking on 6 December:
 * - "this week" (4–6 Dec), "this month" (from 1 Dec), "the past week" (from 29 Nov), "last week" (from
 *   27 Nov) and "since 20/10/2017" each take in a different set of changes; ICT and HR both change.
 * - the latest updates fall on many days, one exactly 14 days before 6 December (9.2.2, 22 Nov), none
 *   exactly 10, 21, 28, 30, 42 or 60 days before; 4.2.3 keeps its July update (re-dated, never updated).
 * - as at the end of October, 1 November and the end of November the plan differs from today's.
 */

export const SCENARIO_TODAY = '2017-12-06';

export interface ScenarioStep extends OracleChange {
  /** Who made it (shown in the paper's changes section). */
  by: string;
  /** The update's words, when the step adds one. */
  note?: string;
  /** The added item's words. */
  text?: string;
}

export const SCENARIO: readonly ScenarioStep[] = [
  { day: '2017-10-20', id: '4.1.1', by: 'Rachel Wilkinson', update: true, note: 'HR impact assessment consultation closed; findings go to SAS in January.' },
  { day: '2017-10-21', id: '4.1.1', by: 'Rachel Wilkinson', delivery: 'end of January 2018' },
  {
    day: '2017-10-24',
    id: '4.1.5',
    by: 'Admin User',
    add: { theme: 'HR', owners: ['Rachel Wilkinson'], status: 'not_started' as Status, delivery: '10 November 2017' },
    text: 'HR should publish the collaboration staff survey results to all staff.',
  },
  {
    day: '2017-10-24',
    id: '4.2.4',
    by: 'Admin User',
    add: { theme: 'ICT', owners: ['N. Shackleton'], status: 'on_going' as Status, delivery: 'October 2017' },
    text: 'ICT should agree a single service catalogue for the collaboration.',
  },
  { day: '2017-10-24', id: '4.2.3', by: 'SRO – Organisational Support', delivery: 'June 2018' },
  { day: '2017-11-01', id: '5.2', by: 'Karen Georgiou', update: true, delivery: 'December 2017', note: 'Portfolio Office resourcing agreed; recruitment in December.' },
  { day: '2017-11-10', id: '4.1.1', by: 'Rachel Wilkinson', delivery: 'February 2018' },
  { day: '2017-11-14', id: '9.1.1', by: 'Admin User', update: true, status: 'on_going', note: 'Decision taken at JCOB: Lead CCs to take BAU ownership.' },
  { day: '2017-11-20', id: '4.2.3', by: 'SRO – Organisational Support', delivery: 'September 2018' },
  { day: '2017-11-22', id: '9.2.2', by: 'Admin User', update: true, note: 'PCCs briefed on the revised scheme of delegation.' },
  { day: '2017-11-27', id: '4.1.2', by: 'Rachel Wilkinson', update: true, status: 'complete', note: 'Workforce plan signed off by SAS.' },
  { day: '2017-11-27', id: '4.1.3', by: 'Rachel Wilkinson', delivery: 'mid-January 2018' },
  { day: '2017-11-29', id: '9.3.1', by: 'Admin User', owners: ['Chief Constables', 'Alison Roome-Gifford'] },
  { day: '2017-12-01', id: '4.1.1', by: 'Rachel Wilkinson', delivery: 'March 2018' },
  { day: '2017-12-04', id: '1.1', by: 'Karen Georgiou', update: true, note: 'Benefits migration paper drafted for SAS.' },
  { day: '2017-12-05', id: '4.2.1', by: 'N. Shackleton', update: true, note: 'Network convergence design approved.' },
  { day: '2017-12-06', id: '3.6', by: 'Karen Georgiou', status: 'complete' },
];

/** The oracle's items as they stood at the end of `day`. */
export function scenarioItems(day: string, base: readonly OracleItem[] = bundledItems()): OracleItem[] {
  return asStood(base, SCENARIO, day);
}

/** Makes the scenario's changes through the store, each at 10:00 on its day (09:00 on the last day, before the questions). */
export async function applyScenario(store: PlanStore): Promise<void> {
  for (const step of SCENARIO) {
    const at = `${step.day}T${step.day === SCENARIO_TODAY ? '09' : '10'}:00:00.000Z`;
    const meta = { actor: step.by, source: 'cli' as const, at };
    const windowOn = (phrase: string) => {
      const read = readDelivery(phrase, { today: step.day, timeZone: 'Europe/London' });
      if (!read.ok) throw new Error(read.error);
      return read.window;
    };
    if (step.add) {
      await store.add({ id: step.id, theme: step.add.theme, text: step.text ?? step.id, owners: step.add.owners, status: step.add.status, delivery: windowOn(step.add.delivery) }, meta);
      continue;
    }
    await store.change({
      ...meta,
      recId: step.id,
      ...(step.update ? { update: { date: step.day, text: step.note ?? 'Update.', author: step.by, evidence: null } } : {}),
      ...(step.delivery !== undefined ? { delivery: windowOn(step.delivery) } : {}),
      ...(step.status ? { status: step.status } : {}),
      ...(step.owners ? { owners: step.owners } : {}),
    });
  }
}
