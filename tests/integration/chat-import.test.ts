import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideChatImport, PREVIEW_MINUTES, previewChatImport, type Importer } from '../../src/app/chat-import.js';
import type { Services } from '../../src/app/services.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { DrizzleChaseQueue } from '../../src/store/chase-queue.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePendingImports } from '../../src/store/pending-imports.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { pruneExpired } from '../../src/store/prune.js';
import { queryRows } from '../../src/store/query-rows.js';
import { testDatabases } from '../helpers/databases.js';
import { seedDocx, wordTable } from '../helpers/plan-documents.js';
import { seedBundled } from '../helpers/plan-stores.js';

/**
 * A document previewed in chat and imported by its sender's press, on both drivers: the import and the
 * preview's "imported" commit together; a press that fails, is late, is someone else's, or comes twice
 * writes nothing.
 */

const NOW = '2017-10-04T10:00:00.000Z';
const ADMIN: Importer = { id: 'U0ADMIN01', name: 'Alice Admin', admin: true };
const OTHER: Importer = { id: 'U0OTHER01', name: 'Olly Other', admin: true };
const NOBODY: Importer = { id: 'U0NOBODY1', name: 'Nick Nobody', admin: false };

describe.each(testDatabases)('imports previewed in chat, on $name', ({ open }) => {
  let database: Database;
  let services: Services;
  let pendings: DrizzlePendingImports;
  let seed: Buffer;

  const at = (iso: string) => Object.assign(services, { clock: fixedClock(new Date(iso)) });
  const counts = async () =>
    (
      await queryRows<Record<string, number>>(
        database.db,
        sql`select (select count(*)::int from plans) as plans, (select count(*)::int from recommendations) as items, (select count(*)::int from audit_events) as events`,
      )
    )[0]!;
  const previewOf = async (who: Importer, planKey: string, bytes = seed) => {
    const p = await previewChatImport(services, pendings, who, { name: 'plan.docx', bytes }, { planKey, sheet: null, table: null, map: [] });
    if (p.kind !== 'preview' || !p.id) throw new Error(`no preview: ${JSON.stringify(p).slice(0, 300)}`);
    return p;
  };

  beforeAll(async () => {
    database = await open();
    await seedBundled(database.db, NOW);
    services = {
      database,
      plans: new DrizzlePlanDirectory(database.db),
      conversations: new DrizzleConversationStore(database.db),
      chases: new DrizzleChaseQueue(database.db),
      clock: fixedClock(new Date(NOW)),
      config: loadConfig({ LOG_LEVEL: 'error' }),
      close: () => database.close(),
    };
    pendings = new DrizzlePendingImports(database.db);
    seed = await seedDocx();
  });
  afterAll(async () => database?.close());

  it('previewing writes nothing to the plan; Import writes the plan and marks the preview imported, together', async () => {
    at(NOW);
    const before = await counts();
    const p = await previewOf(ADMIN, 'word-2017');
    expect(p.preview).toMatchObject({ plan: 'word-2017', createsPlan: true, items: 30 });
    expect(await counts()).toEqual(before);
    const done = await decideChatImport(services, pendings, ADMIN, p.id!, 'import');
    expect(done).toMatchObject({ kind: 'imported', result: { created: true, added: 30, plan: { key: 'word-2017' } } });
    const [row] = await queryRows<{ state: string; plan: unknown }>(database.db, sql`select state, plan from pending_imports where id = ${p.id}`);
    // The plan it held is dropped once imported: the plan tables have it now.
    expect(row).toEqual({ state: 'imported', plan: {} });
  });

  it('two presses at once import once', async () => {
    const p = await previewOf(ADMIN, 'twice-2017');
    const both = await Promise.all([decideChatImport(services, pendings, ADMIN, p.id!, 'import'), decideChatImport(services, pendings, ADMIN, p.id!, 'import')]);
    expect(both.map((d) => d.kind).sort()).toEqual(['imported', 'refused']);
    expect(both.find((d) => d.kind === 'refused')).toMatchObject({ reason: 'imported' });
    const [{ n }] = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_events a join plans p on p.id = a.plan_id where p.key = 'twice-2017' and a.action = 'plan_imported'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("someone else's press, a late press and a press after Cancel write nothing", async () => {
    const p = await previewOf(ADMIN, 'refused-2017');
    const before = await counts();
    expect(await decideChatImport(services, pendings, OTHER, p.id!, 'import')).toMatchObject({ kind: 'refused', reason: 'not_yours' });
    expect(await decideChatImport(services, pendings, OTHER, p.id!, 'cancel')).toMatchObject({ kind: 'refused', reason: 'not_yours' });
    at(new Date(Date.parse(NOW) + PREVIEW_MINUTES * 60_000).toISOString());
    expect(await decideChatImport(services, pendings, ADMIN, p.id!, 'import')).toMatchObject({ kind: 'refused', reason: 'expired' });
    at(NOW);
    expect(await decideChatImport(services, pendings, ADMIN, p.id!, 'cancel')).toMatchObject({ kind: 'cancelled' });
    expect(await decideChatImport(services, pendings, ADMIN, p.id!, 'import')).toMatchObject({ kind: 'refused', reason: 'cancelled' });
    expect(await decideChatImport(services, pendings, ADMIN, 'not-a-uuid', 'import')).toMatchObject({ kind: 'refused', reason: 'unknown' });
    expect(await decideChatImport(services, pendings, ADMIN, '00000000-0000-4000-8000-000000000000', 'import')).toMatchObject({ kind: 'refused', reason: 'unknown' });
    expect(await counts()).toEqual(before);
  });

  it('an admin who lost the right since the preview is refused at the press, and the preview stays pending', async () => {
    const p = await previewOf(ADMIN, 'demoted-2017');
    const before = await counts();
    const done = await decideChatImport(services, pendings, { ...ADMIN, admin: false }, p.id!, 'import');
    expect(done).toMatchObject({ kind: 'refused', reason: 'not_permitted', message: 'Only an admin named in CONCERTO_ADMINS can create the plan demoted-2017, so nothing was imported.' });
    expect(await counts()).toEqual(before);
    const [row] = await queryRows<{ state: string }>(database.db, sql`select state from pending_imports where id = ${p.id}`);
    expect(row!.state).toBe('pending');
  });

  it('a plan made with the same key since the preview: the press is refused rather than merging into it', async () => {
    const p = await previewOf(ADMIN, 'raced-2017');
    await services.plans.create({ key: 'raced-2017', title: 'Made meanwhile', asOf: '2017-10-04', timeZone: 'Europe/London' }, { actor: 'test', source: 'cli', at: NOW });
    const before = await counts();
    expect(await decideChatImport(services, pendings, ADMIN, p.id!, 'import')).toMatchObject({ kind: 'refused', reason: 'changed' });
    expect(await counts()).toEqual(before);
  });

  it('a document naming one number on two rows is previewed with no Import, and nothing is kept to import', async () => {
    const rows = [
      ['Ref', 'Action', 'Owner', 'Target date'],
      ['1.1', 'First action', 'Portfolio Office', 'March 2018'],
      ['1.1', 'Same number again', 'Portfolio Office', 'April 2018'],
    ];
    const p = await previewChatImport(services, pendings, ADMIN, { name: 'dupes.docx', bytes: await wordTable('Dupes', rows) }, { planKey: 'dupes-2018', sheet: null, table: null, map: [] });
    expect(p).toMatchObject({ kind: 'preview', id: null, blocked: 'dupes.docx has the same number on more than one row (1.1: rows 2, 3). Make each number appear once, then import again. Nothing was imported.' });
  });

  it('someone who administers no plan may not preview into a plan; an archived plan takes no import', async () => {
    const p = await previewChatImport(services, pendings, NOBODY, { name: 'plan.docx', bytes: seed }, { planKey: 'word-2017', sheet: null, table: null, map: [] });
    expect(p).toMatchObject({ kind: 'not_permitted', planKey: 'word-2017', creates: false });
    const word = (await services.plans.get('word-2017'))!;
    await services.plans.update(word.id, { state: 'archived' }, { actor: 'test', source: 'cli', at: NOW });
    const archived = await previewChatImport(services, pendings, ADMIN, { name: 'plan.docx', bytes: seed }, { planKey: 'word-2017', sheet: null, table: null, map: [] });
    expect(archived).toEqual({ kind: 'refused', message: 'The plan word-2017 is archived, so nothing was imported. An admin can `plan restore word-2017` first, or send the file again with `into KEY` for another plan.' });
  });

  it('previews are swept a day after they expire', async () => {
    const left = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pending_imports`))[0]!.n;
    expect(left).toBeGreaterThan(0);
    await pruneExpired(database.db, new Date(Date.parse(NOW) + (PREVIEW_MINUTES + 23 * 60) * 60_000));
    expect((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pending_imports`))[0]!.n).toBe(left);
    const swept = await pruneExpired(database.db, new Date(Date.parse(NOW) + (PREVIEW_MINUTES + 25 * 60) * 60_000));
    expect(swept.imports).toBe(left);
  });
});
