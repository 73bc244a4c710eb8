import { and, eq, sql } from 'drizzle-orm';
import type { DeliveryWindow } from '../core/dates/delivery-window.js';
import type { PlanRecommendation } from '../core/plan/plan-file.js';
import type { ChangeMeta, ImportSummary, ReadPlan } from '../core/ports.js';
import type { Db } from './database.js';
import { bulkInsert } from './bulk-insert.js';
import { eventLoopTurn } from './event-loop-turn.js';
import { bumpVersion, deliveryRow, ensureOwners, ensureThemes, nextDeliverySeq, sameWindow, setOwners, writeAudit, type AuditRow } from './plan-writes.js';
import { loadAllRecommendations, sortKeyOf } from './rec-rows.js';
import { deliveryDates, recommendationOwners, recommendations, updates } from './schema.js';

const BATCH = 500;
/** Items compared between turns of the event loop, so a server goes on answering from memory meanwhile. */
const TURN_EVERY = 100;
/**
 * Items added by one import past which the tables' statistics are refreshed at once. Low, because many plans
 * arrive as many small imports, and the embedded database has no autovacuum to notice them.
 */
const ANALYZE_AFTER = 100;

/**
 * Brings the database in line with a plan file inside the caller's transaction: new items are
 * added, changed fields become audited changes, updates not yet logged are appended. Running it
 * again with the same file finds nothing to do. `addOnly` (seeding) adds missing items and leaves the rest alone.
 */
export async function importPlan(
  db: Db,
  planId: number,
  read: ReadPlan,
  meta: ChangeMeta,
  onProgress?: (done: number, total: number) => void,
  addOnly = false,
  fileName?: string,
): Promise<ImportSummary> {
  const { file } = read;

  const themeIds = await ensureThemes(db, planId, file.recommendations.map((r) => r.theme));
  const current = new Map((await loadAllRecommendations(db, planId)).map((r) => [r.id, r]));
  const summary: ImportSummary = { added: 0, changed: 0, unchanged: 0, updatesAdded: 0 };
  const total = file.recommendations.length;
  const fresh = file.recommendations.filter((r) => !current.has(r.id));
  onProgress?.(0, total);

  for (let i = 0; i < fresh.length; i += BATCH) {
    const batch = fresh.slice(i, i + BATCH);
    await insertNew(db, planId, batch, themeIds, read.delivery, meta);
    summary.added += batch.length;
    summary.updatesAdded += batch.reduce((n, r) => n + r.updates.length, 0);
    onProgress?.(summary.added, total);
    await eventLoopTurn();
  }

  let compared = 0;
  for (const rec of file.recommendations) {
    const before = current.get(rec.id);
    if (!before) continue;
    if (++compared % TURN_EVERY === 0) await eventLoopTurn();
    if (addOnly) {
      summary.unchanged++;
      continue;
    }
    const events: AuditRow[] = [];
    const set: Partial<typeof recommendations.$inferInsert> = {};
    if (before.text !== rec.text || before.theme !== rec.theme) {
      Object.assign(set, { text: rec.text, themeId: themeIds.get(rec.theme)! });
      events.push({ recId: rec.id, action: 'recommendation_changed', before: { text: before.text, theme: before.theme }, after: { text: rec.text, theme: rec.theme } });
    }
    // A file without priorities (Concerto's own CSV of old, most documents) leaves the ones held alone.
    if (rec.priority && (before.priority ?? null) !== rec.priority) {
      set.priority = rec.priority;
      events.push({ recId: rec.id, action: 'priority_changed', before: before.priority ?? null, after: rec.priority });
    }
    if (before.status !== rec.status) {
      set.status = rec.status;
      events.push({ recId: rec.id, action: 'status_changed', before: before.status, after: rec.status });
    }
    const delivery = read.delivery.get(rec.id)!.current;
    if (!sameWindow(before.delivery, delivery) && before.delivery.text !== delivery.text) {
      const seq = await nextDeliverySeq(db, planId, rec.id);
      await db.insert(deliveryDates).values(deliveryRow(planId, rec.id, seq, delivery, meta));
      Object.assign(set, { deliveryText: delivery.text, deliveryStart: delivery.start, deliveryEnd: delivery.end, deliveryPrecision: delivery.precision, deliveryRevisions: seq });
      events.push({ recId: rec.id, action: 'date_revised', before: before.delivery, after: delivery });
    }
    if (before.owners.join('\n') !== rec.owners.join('\n')) {
      await setOwners(db, planId, rec.id, rec.owners);
      events.push({ recId: rec.id, action: 'owners_changed', before: before.owners, after: rec.owners });
    }
    const logged = new Set(before.updates.map((u) => `${u.date}\n${u.text}`));
    const newUpdates = rec.updates.filter((u) => !logged.has(`${u.date}\n${u.text}`));
    if (newUpdates.length) {
      await db.insert(updates).values(
        newUpdates.map((u, k) => ({ planId, recId: rec.id, seq: before.updates.length + k, ...u, source: meta.source, recordedAt: meta.at })),
      );
      for (const u of newUpdates) events.push({ recId: rec.id, action: 'update_posted', before: null, after: { ...u, source: meta.source } });
      summary.updatesAdded += newUpdates.length;
    }
    if (!events.length) {
      summary.unchanged++;
      continue;
    }
    summary.changed++;
    await db
      .update(recommendations)
      .set({ ...set, version: bumpVersion, updatedAt: meta.at })
      .where(and(eq(recommendations.planId, planId), eq(recommendations.recId, rec.id)));
    await writeAudit(db, planId, meta, events);
  }
  onProgress?.(total, total);
  if (summary.added || summary.changed) {
    await writeAudit(db, planId, meta, [{ recId: null, action: 'plan_imported', before: null, after: { ...(fileName ? { file: fileName } : {}), title: file.title, asOf: file.asOf, ...summary } }]);
  }
  // The embedded database has no autovacuum to learn the new row counts, and a planner that thinks the
  // tables are empty picks sorts over index probes ("what's overdue" was 40% slower until analysed).
  if (summary.added >= ANALYZE_AFTER) await db.execute(sql`analyze recommendations, recommendation_owners, owners, delivery_dates, updates`);
  return summary;
}

async function insertNew(
  db: Db,
  planId: number,
  batch: PlanRecommendation[],
  themeIds: Map<string, number>,
  delivery: ReadPlan['delivery'],
  meta: ChangeMeta,
): Promise<void> {
  const windows = batch.map((r) => delivery.get(r.id)!);
  await bulkInsert(
    db,
    recommendations,
    batch.map((r, i) => {
      const w = windows[i]!.current;
      return {
        planId,
        recId: r.id,
        sortKey: sortKeyOf(r.id),
        themeId: themeIds.get(r.theme)!,
        text: r.text,
        status: r.status,
        deliveryText: w.text,
        deliveryStart: w.start,
        deliveryEnd: w.end,
        deliveryPrecision: w.precision,
        deliveryRevisions: windows[i]!.baseline ? 1 : 0,
        priority: r.priority || null,
        createdAt: meta.at,
        updatedAt: meta.at,
      };
    }),
  );
  await bulkInsert(
    db,
    deliveryDates,
    batch.flatMap((r, i) => {
      const { current, baseline } = windows[i]!;
      return baseline
        ? [deliveryRow(planId, r.id, 0, baseline, meta), deliveryRow(planId, r.id, 1, current, meta)]
        : [deliveryRow(planId, r.id, 0, current, meta)];
    }),
  );
  const ownerIds = await ensureOwners(db, planId, batch.flatMap((r) => r.owners));
  const links = batch.flatMap((r) => [...new Set(r.owners)].map((n, position) => ({ planId, recId: r.id, ownerId: ownerIds.get(n)!, position })));
  await bulkInsert(db, recommendationOwners, links);
  await bulkInsert(db, updates, batch.flatMap((r) => r.updates.map((u, seq) => ({ planId, recId: r.id, seq, ...u, source: meta.source, recordedAt: meta.at }))));
  await writeAudit(
    db,
    planId,
    meta,
    batch.map((r, i): AuditRow => ({ recId: r.id, action: 'recommendation_added', before: null, after: { ...r, delivery: windows[i]!.current as DeliveryWindow, baseline: windows[i]!.baseline } })),
  );
}
