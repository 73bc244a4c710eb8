import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { importParsed } from '../../src/app/plan-loading.js';
import type { PlanInfo } from '../../src/core/ports.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import type { FakeUser } from './fake-slack.js';
import { responseTo, startTestApp, type TestApp } from './slack-app.js';

/**
 * Two plans behind the real Slack app: the bundled concerto-2017 (seeded by the harness) and
 * audit-2018 from tests/fixtures/audit-2018.json, whose 1.1, 4.2.1 and 5.2 are also numbers in the
 * bundled plan. Karen Georgiou owns items in both; her Slack user is linked to her by an admin link
 * (her Slack name is not her owner name, so nothing links her automatically).
 */

export const AUDIT = 'audit-2018';
export const CONCERTO = 'concerto-2017';
/** audit-2018's home channel and digest channel; concerto-2017 has neither of its own. */
export const AUDIT_HOME = 'C0AUDIT01';
export const AUDIT_DIGEST = 'C0AUDDIG1';
/** CONCERTO_DIGEST_CHANNEL for plans without a digest channel of their own. */
export const DEFAULT_DIGEST = 'C0CONDIG1';
/** A channel that is nobody's home. */
export const ELSEWHERE = 'C0GENERAL';

export const KAREN = 'U0KAREN01';
export const ADMIN = 'U0ADMIN01';
export const BOB = 'U0BOBNB01';
export const CAROL = 'U0CAROL01';
export const DAVE = 'U0DAVEX01';

export const MANY_PLAN_USERS: FakeUser[] = [
  { id: KAREN, name: 'karen', real_name: 'Karen G.', tz: 'Europe/London' },
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: BOB, name: 'bob', real_name: 'Bob Nobody', tz: 'Europe/London' },
  { id: CAROL, name: 'carol', real_name: 'Carol Chooser', tz: 'Europe/London' },
  { id: DAVE, name: 'dave', real_name: 'Dave Clicker', tz: 'Europe/London' },
];

/** Monday 4 June 2018, 09:30 in London: the weekly digests and the morning's nudges are due. */
export const MONDAY_0930 = '2018-06-04T08:30:00Z';

export const AUDIT_FILE = new URL('../fixtures/audit-2018.json', import.meta.url);

export interface ManyPlans {
  t: TestApp;
  plans: DrizzlePlanDirectory;
  audit: PlanInfo;
  concerto: PlanInfo;
}

export async function startManyPlans(): Promise<ManyPlans> {
  const t = await startTestApp({ users: MANY_PLAN_USERS, admins: [ADMIN], now: MONDAY_0930 });
  const { db } = t.services.database;
  const plans = new DrizzlePlanDirectory(db);
  const meta = { actor: 'test', source: 'import' as const, at: '2018-01-15T09:00:00.000Z' };
  await importParsed(plans, AUDIT, JSON.parse(readFileSync(AUDIT_FILE, 'utf8')), 'audit-2018.json', meta);
  const linked = await new DrizzlePeopleStore(db).link(KAREN, 'Karen Georgiou', false, { actor: 'test', source: 'cli', at: meta.at });
  if (linked !== 'added') throw new Error(`could not link ${KAREN} to Karen Georgiou: ${linked}`);
  const imported = (await plans.get(AUDIT))!;
  const audit = await plans.update(imported.id, { homeChannel: AUDIT_HOME, digestChannel: AUDIT_DIGEST }, { actor: 'test', source: 'cli', at: meta.at });
  const concerto = (await plans.get(CONCERTO))!;
  return { t, plans, audit, concerto };
}

/** Runs `/concerto <text>` and returns the answer posted to its response_url. */
export async function command(t: TestApp, user: string, text: string, channel = ELSEWHERE): Promise<Record<string, any>> {
  const res = await t.client.command({ text, user_id: user, channel_id: channel });
  if (res.status !== 200) throw new Error(`/concerto ${text}: HTTP ${res.status} ${res.body}`);
  return (await responseTo(t.fake, res)).body;
}

export interface PreferenceRow {
  planId: number;
  item: string;
  recipient: string;
  snoozedUntil: string | null;
  muted: boolean;
}

export async function preferenceRows(t: TestApp): Promise<PreferenceRow[]> {
  const rows = await queryRows(t.services.database.db, sql`select plan_id, item, recipient, snoozed_until, muted from nudge_preferences order by plan_id, item, recipient`);
  return rows.map((r) => ({
    planId: Number(r.plan_id),
    item: String(r.item),
    recipient: String(r.recipient),
    snoozedUntil: dateOnly(r.snoozed_until),
    muted: Boolean(r.muted),
  }));
}

function dateOnly(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}
