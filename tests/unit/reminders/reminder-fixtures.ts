/**
 * Shared fixtures for the reminder tests: the bundled plan as `Recommendation`s, one Slack user per
 * owner, and a fake-clock scheduler loop that keeps an outbox of keys already sent (a key goes out once).
 */
import { readFileSync } from 'node:fs';
import type { DeliveryWindow, IsoDate } from '../../../src/core/dates/delivery-window.js';
import { readDelivery } from '../../../src/core/dates/read-delivery.js';
import { PlanFile } from '../../../src/core/plan/plan-file.js';
import type { Recommendation, UpdateEntry } from '../../../src/core/plan/recommendation.js';
import type { Status } from '../../../src/core/plan/status.js';
import {
  decideNudges,
  type NudgeItem,
  type NudgePreference,
  type Recipient,
} from '../../../src/core/reminders/decide-nudges.js';
import { localTime } from '../../../src/core/reminders/local-time.js';
import type { NudgeKind } from '../../../src/core/reminders/nudge-schedule.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../src/core/reminders/settings.js';

export const LONDON = 'Europe/London';

const file = PlanFile.parse(
  JSON.parse(readFileSync(new URL('../../../db/plans/concerto-action-plan-2017-10-04.json', import.meta.url), 'utf8')),
);

/** The bundled plan's date (a Wednesday). */
export const PLAN_AS_OF: IsoDate = file.asOf;

export function windowOf(text: string, today: IsoDate = PLAN_AS_OF): DeliveryWindow {
  const read = readDelivery(text, { today });
  if (!read.ok) throw new Error(`cannot read "${text}": ${read.error}`);
  return read.window;
}

/** Every item of the bundled plan, as the questions see it: baseline = delivery, no revisions. */
export const BUNDLED: Recommendation[] = file.recommendations.map((r) => {
  const delivery = windowOf(r.delivery);
  return {
    id: r.id,
    theme: r.theme,
    text: r.text,
    owners: r.owners,
    status: r.status,
    delivery,
    baseline: delivery,
    revisions: 0,
    updates: r.updates.map((u) => ({ date: u.date, author: u.author, text: u.text, evidence: u.evidence, source: 'import' as const })),
  };
});

export function bundled(id: string): Recommendation {
  const rec = BUNDLED.find((r) => r.id === id);
  if (!rec) throw new Error(`no recommendation ${id} in the bundled plan`);
  return rec;
}

/** One Slack user acting for each owner named in the bundled plan. */
export const SLACK_USER: Record<string, string> = {
  'Karen Georgiou': 'U_KG',
  'Portfolio Office': 'U_PO',
  'Rachel Wilkinson': 'U_RW',
  'N. Shackleton': 'U_NS',
  'SRO – Organisational Support': 'U_SRO_OS',
  'BCH Chief Constables': 'U_BCH_CC',
  'Alison Roome-Gifford': 'U_ARG',
  'Six Corporation Soles & Chief Executives': 'U_SIX',
  'Lead CC’s/ BAU Heads of Service': 'U_LEAD',
  'Force CFO’s': 'U_CFO',
  'SRO’s for each management Board': 'U_SRO',
  'PCC’s': 'U_PCC',
  'PCC’s and CC’s': 'U_PCC_CC',
  'Chief Constables': 'U_CC',
};

export function recipientsOf(rec: Recommendation, timeZone: string | null = LONDON): Recipient[] {
  return rec.owners.map((owner) => {
    // Made-up items (itemEnding) name their Slack user as the owner.
    const id = SLACK_USER[owner] ?? (owner.startsWith('U_') ? owner : undefined);
    if (!id) throw new Error(`no Slack user for owner "${owner}"`);
    return { id, timeZone };
  });
}

export function itemOf(rec: Recommendation, rearmedAt: string | null = null, timeZone: string | null = LONDON): NudgeItem {
  return { rec, recipients: recipientsOf(rec, timeZone), rearmedAt };
}

export const PLAN_ITEMS: NudgeItem[] = BUNDLED.map((rec) => itemOf(rec));

export function update(date: IsoDate, text = `Update of ${date}`): UpdateEntry {
  return { date, author: null, text, evidence: null, source: 'slack' };
}

/** A bundled item with an extra update posted at the end of its log. */
export function withUpdate(rec: Recommendation, date: IsoDate): Recommendation {
  return { ...rec, updates: [...rec.updates, update(date)] };
}

/** A bundled item re-dated to a new delivery phrase (read as of `on`). */
export function redated(rec: Recommendation, phrase: string, on: IsoDate): Recommendation {
  return { ...rec, delivery: windowOf(phrase, on), revisions: rec.revisions + 1 };
}

export function withStatus(rec: Recommendation, status: Status): Recommendation {
  return { ...rec, status };
}

/** A made-up open item whose delivery window ends on `end`, last updated on `lastUpdate`. */
export function itemEnding(id: string, end: IsoDate, lastUpdate: IsoDate, owner = 'U_X'): Recommendation {
  const delivery: DeliveryWindow = { text: end, start: end, end, precision: 'day' };
  return {
    id,
    theme: 'Test',
    text: `Item ${id}`,
    owners: [owner],
    status: 'on_going',
    delivery,
    baseline: delivery,
    revisions: 0,
    updates: [update(lastUpdate)],
  };
}

/** What the outbox actually sent, and when. `day` is the London date of the send instant. */
export interface Sent {
  at: string;
  day: IsoDate;
  kind: NudgeKind;
  item: string;
  to: string;
  on: IsoDate;
}

export interface Simulation {
  /** Tick instants. */
  ticks: Date[];
  items: NudgeItem[] | ((now: Date) => NudgeItem[]);
  preferences?: NudgePreference[] | ((now: Date) => NudgePreference[]);
  settings?: ReminderSettings;
  planAsOf?: IsoDate;
  /** The outbox: keys already sent (mutated). */
  sent?: Set<string>;
}

/** Ticks every `minutes` from `from` (inclusive) to `to` (exclusive). */
export function everyMinutes(from: string, to: string, minutes: number): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += minutes * 60_000) out.push(new Date(t));
  return out;
}

/** Runs the scheduler loop on a fake clock; returns what the outbox sent, in order. */
export function simulate(sim: Simulation): Sent[] {
  const sent = sim.sent ?? new Set<string>();
  const out: Sent[] = [];
  for (const now of sim.ticks) {
    const items = typeof sim.items === 'function' ? sim.items(now) : sim.items;
    const preferences = typeof sim.preferences === 'function' ? sim.preferences(now) : (sim.preferences ?? []);
    const decisions = decideNudges({
      now,
      planTimeZone: LONDON,
      planAsOf: sim.planAsOf ?? PLAN_AS_OF,
      items,
      preferences,
      settings: sim.settings ?? DEFAULT_REMINDER_SETTINGS,
    });
    for (const d of decisions) {
      if (sent.has(d.key)) continue;
      sent.add(d.key);
      out.push({ at: now.toISOString(), day: localTime(now, LONDON).date, kind: d.kind, item: d.item, to: d.to, on: d.on });
    }
  }
  return out;
}

/** A sent row as a compact tuple for exact table comparisons: [day, kind, item, to, on]. */
export type Row = [day: IsoDate, kind: NudgeKind, item: string, to: string, on: IsoDate];

export const rows = (sent: Sent[]): Row[] => sent.map((s) => [s.day, s.kind, s.item, s.to, s.on]);

/** A row whose nudge is for the day it is sent. */
export const today = (day: IsoDate, kind: NudgeKind, item: string, to: string): Row => [day, kind, item, to, day];
