import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import type { FakeUser } from '../helpers/fake-slack.js';
import { blockTexts, responseTo, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * Links an earlier release made by names people choose (a display name, a role) are undone when the
 * member directory is next read; links an admin made or confirmed stay; a full-name match an admin
 * confirms stops being provisional. Through the real Bolt receiver and the fake Slack.
 */

const ADMIN = 'U0ALICE01';
const PO_BY_DISPLAY = 'U0POFAKE1'; // full name "Mallory Jones", display name "Portfolio Office"
const KG_BY_DISPLAY = 'U0KGFAKE1'; // full name "Kay Green", display name "Karen Georgiou"
const PO_BY_ADMIN = 'U0POREAL1'; // linked to Portfolio Office by an admin
const NS = 'U0NSHACK1';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin' },
  { id: PO_BY_DISPLAY, name: 'mallory', real_name: 'Mallory Jones', display_name: 'Portfolio Office' },
  { id: KG_BY_DISPLAY, name: 'kay', real_name: 'Kay Green', display_name: 'Karen Georgiou' },
  { id: PO_BY_ADMIN, name: 'pat', real_name: 'Pat Office' },
  { id: NS, name: 'nshackleton', real_name: 'N. Shackleton' },
];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ users: USERS, admins: [ADMIN] });
  // As the previous release left them: automatic links by display name, one of them to a role; an admin's link.
  const people = new DrizzlePeopleStore(t.services.database.db);
  const old = { actor: 'concerto', source: 'slack' as const, at: '2017-10-03T09:00:00.000Z' };
  await people.link(PO_BY_DISPLAY, 'Portfolio Office', true, old);
  await people.link(KG_BY_DISPLAY, 'Karen Georgiou', true, old);
  await people.link(PO_BY_ADMIN, 'Portfolio Office', false, { ...old, actor: 'Alice Admin' });
  // A day later the directory is due again; the restarted app reads it.
  await t.services.database.db.execute(sql`update app_state set updated_at = ${'2017-10-03T09:00:00.000Z'} where key = 'slack_directory'`);
  await restartAndReread();
});
afterAll(async () => t?.stop());

/** A restarted app reads a due directory in the background; the read is recorded once the links are in line with it. */
async function restartAndReread(): Promise<void> {
  await t.restart();
  const end = Date.now() + 10_000;
  for (;;) {
    const rows = await t.services.database.db.execute(sql`select updated_at > ${'2017-10-04T00:00:00.000Z'} as fresh from app_state where key = 'slack_directory'`);
    const [row] = ((rows as unknown as { rows?: Array<{ fresh: boolean }> }).rows ?? (rows as unknown as Array<{ fresh: boolean }>));
    if (row?.fresh) break;
    if (Date.now() > end) throw new Error('the directory was not read again after the restart');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function say(user: string, text: string): Promise<string> {
  const res = await t.client.command({ text, user_id: user });
  const body = (await responseTo(t.fake, res)).body;
  return [body.text ?? '', ...blockTexts(body.blocks)].join('\n');
}

describe('links from the old name rules, after an upgrade', () => {
  it('the automatic links by display name are gone, audited; the admin’s link stays; the unique full name is linked', async () => {
    const links = await new DrizzlePeopleStore(t.services.database.db).links();
    expect(links.map((l) => [l.externalId, l.ownerName, l.auto])).toEqual([
      [NS, 'N. Shackleton', true],
      [PO_BY_ADMIN, 'Portfolio Office', false],
    ]);
    const undone = await t.services.database.db.execute(sql`select before->>'externalId' as who from audit_events where action = 'person_unlinked' order by id`);
    expect(((undone as unknown as { rows?: Array<{ who: string }> }).rows ?? (undone as unknown as Array<{ who: string }>)).map((r) => r.who).sort()).toEqual([KG_BY_DISPLAY, PO_BY_DISPLAY].sort());
    expect(await say(PO_BY_DISPLAY, 'complete 1.1 done, trust me')).toMatch(/^Only an owner of 1\.1 .*Your Slack account is not linked/s);
  });

  it('`links` marks the full-name match as not yet confirmed; an admin confirms it, and it stops being marked', async () => {
    expect(await say(ADMIN, 'links')).toContain('• N. Shackleton: N. Shackleton (matched by full name, not yet confirmed)');
    expect(await say(ADMIN, `link <@${NS}|nshackleton> "N. Shackleton"`)).toMatch(/^Confirmed: nshackleton acts for N\. Shackleton/);
    const after = await say(ADMIN, 'links');
    expect(after).toContain('• N. Shackleton: N. Shackleton\n');
    expect(after).not.toContain('not yet confirmed');
  });

  it('an automatic pairing an admin undid is not made again at the next directory read', async () => {
    expect(await say(ADMIN, `unlink <@${NS}|nshackleton> "N. Shackleton"`)).toMatch(/no longer acts for N\. Shackleton/);
    await t.services.database.db.execute(sql`update app_state set updated_at = ${'2017-10-03T09:00:00.000Z'} where key = 'slack_directory'`);
    await restartAndReread();
    expect(await new DrizzlePeopleStore(t.services.database.db).ownersFor(NS)).toEqual([]);
  });
});
