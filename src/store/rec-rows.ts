import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DeliveryWindow, Precision } from '../core/dates/delivery-window.js';
import type { Recommendation, Source, UpdateEntry } from '../core/plan/recommendation.js';
import type { PlanInfo } from '../core/ports.js';
import type { Status } from '../core/plan/status.js';
import type { Db } from './database.js';
import { planInfoOf } from './plan-rows.js';
import { deliveryDates, owners, plans, recommendationOwners, recommendations, themes, updates } from './schema.js';
import { queryRows } from './query-rows.js';
import { StoreError } from './store-error.js';

/** Reading recommendations out of their tables: shared by queries, changes and export. */

export const recColumns = {
  recId: recommendations.recId,
  text: recommendations.text,
  status: recommendations.status,
  theme: themes.name,
  deliveryText: recommendations.deliveryText,
  deliveryStart: recommendations.deliveryStart,
  deliveryEnd: recommendations.deliveryEnd,
  deliveryPrecision: recommendations.deliveryPrecision,
  deliveryRevisions: recommendations.deliveryRevisions,
  priority: recommendations.priority,
  waitingOn: recommendations.waitingOn,
  waitingBoard: recommendations.waitingBoard,
  proposedBy: recommendations.proposedBy,
  proposedById: recommendations.proposedById,
  proposedAt: recommendations.proposedAt,
  proposalEvidence: recommendations.proposalEvidence,
};
export type RecRow = {
  recId: string;
  text: string;
  status: string;
  theme: string;
  deliveryText: string;
  deliveryStart: string | null;
  deliveryEnd: string | null;
  deliveryPrecision: string;
  deliveryRevisions: number;
  priority?: string | null;
  waitingOn?: string | null;
  waitingBoard?: string | null;
  proposedBy?: string | null;
  proposedById?: string | null;
  proposedAt?: string | null;
  proposalEvidence?: string | null;
};

/** "4.10.2" → "004.010.002", "IA-7" → "~IA-007", "1a" → "001a", so text order is plan order (numbers before lettered ids, 1 before 1a before 2). */
export function sortKeyOf(recId: string): string {
  const lettered = /^([A-Z]{1,4})-?(\d.*)$/.exec(recId);
  const pad = (numbers: string) =>
    numbers
      .split('.')
      .map((p) => p.replace(/^\d+/, (n) => n.padStart(3, '0')))
      .join('.');
  return lettered ? `~${lettered[1]}-${pad(lettered[2]!)}` : pad(recId);
}

export function windowOf(row: { text: string; start: string | null; end: string | null; precision: string }): DeliveryWindow {
  return { text: row.text, start: row.start, end: row.end, precision: row.precision as Precision };
}

/**
 * Many items at once: three queries whatever the count (owners, baselines, updates). `range`: the rows
 * are exactly the plan's items with ids in [from, to], read by index range rather than by list.
 */
export async function hydrate(db: Db, planId: number, rows: RecRow[], allUpdates: boolean, range?: IdRange): Promise<Recommendation[]> {
  if (rows.length === 0) return [];
  // Past a few hundred ids an IN list costs more than reading the plan's rows and dropping the rest.
  const ids = rows.map((r) => r.recId);
  const byIds = ids.length <= 500;
  const recFilter = (t: { planId: AnyPgColumn; recId: AnyPgColumn }) =>
    range ? and(eq(t.planId, planId), gte(t.recId, range.from), lte(t.recId, range.to)) : byIds ? and(eq(t.planId, planId), inArray(t.recId, ids)) : eq(t.planId, planId);

  const ownerRows = await db
    .select({ recId: recommendationOwners.recId, name: owners.name })
    .from(recommendationOwners)
    .innerJoin(owners, eq(owners.id, recommendationOwners.ownerId))
    .where(recFilter(recommendationOwners))
    .orderBy(recommendationOwners.recId, recommendationOwners.position);

  const revised = rows.filter((r) => r.deliveryRevisions > 0).map((r) => r.recId);
  const baselineRows = revised.length
    ? await db
        .select({ recId: deliveryDates.recId, text: deliveryDates.text, start: deliveryDates.start, end: deliveryDates.end, precision: deliveryDates.precision })
        .from(deliveryDates)
        .where(and(recFilter(deliveryDates), eq(deliveryDates.seq, 0), !range && revised.length <= 500 ? inArray(deliveryDates.recId, revised) : undefined))
    : [];

  const updateColumns = {
    recId: updates.recId,
    date: updates.date,
    author: updates.author,
    text: updates.text,
    evidence: updates.evidence,
    source: updates.source,
  };
  const updateRows = allUpdates
    ? await db.select(updateColumns).from(updates).where(recFilter(updates)).orderBy(updates.recId, asc(updates.seq))
    : await latestUpdates(db, planId, ids);

  const ownersOf = groupBy(ownerRows, (o) => o.recId);
  const updatesOf = groupBy(updateRows, (u) => u.recId);
  const baselineOf = new Map(baselineRows.map((b) => [b.recId, windowOf(b)]));

  return rows.map((r) => {
    const delivery = windowOf({ text: r.deliveryText, start: r.deliveryStart, end: r.deliveryEnd, precision: r.deliveryPrecision });
    return {
      id: r.recId,
      theme: r.theme,
      text: r.text,
      status: r.status as Status,
      owners: (ownersOf.get(r.recId) ?? []).map((o) => o.name),
      delivery,
      baseline: baselineOf.get(r.recId) ?? delivery,
      revisions: r.deliveryRevisions,
      ...(r.priority ? { priority: r.priority } : {}),
      waiting: r.waitingOn ? { what: r.waitingOn, board: r.waitingBoard ?? null } : null,
      proposal:
        r.proposedAt && r.proposedBy
          ? { by: r.proposedBy, byId: r.proposedById ?? null, at: new Date(r.proposedAt).toISOString(), evidence: r.proposalEvidence ?? null }
          : null,
      updates: (updatesOf.get(r.recId) ?? []).map(
        (u): UpdateEntry => ({ date: u.date, author: u.author, text: u.text, evidence: u.evidence, source: u.source as Source }),
      ),
    };
  });
}

type UpdateRow = { recId: string; date: string; author: string | null; text: string; evidence: string | null; source: string };

/**
 * Each item's latest update — the most recent date, the log's own order breaking ties — one index
 * probe per item (updates_latest). DISTINCT ON read and sorted every update of the listed items
 * instead: a tenth of the time of "what's overdue" over 10,000 items on the embedded database.
 */
async function latestUpdates(db: Db, planId: number, ids: string[]): Promise<UpdateRow[]> {
  return queryRows<UpdateRow>(db, sql`
    select u.rec_id as "recId", u.date::text as date, u.author, u.text, u.evidence, u.source
    from json_array_elements_text(${JSON.stringify(ids)}::text::json) as r(rec_id)
    cross join lateral (
      select rec_id, date, author, text, evidence, source from ${updates}
      where plan_id = ${planId} and rec_id = r.rec_id
      -- As the index orders them (drizzle writes DESC NULLS LAST): a plain DESC would sort instead of walking it.
      order by date desc nulls last, seq desc nulls last
      limit 1
    ) u`);
}

export async function loadRecommendation(db: Db, planId: number, recId: string): Promise<Recommendation | null> {
  const rows = await db
    .select(recColumns)
    .from(recommendations)
    .innerJoin(themes, eq(themes.id, recommendations.themeId))
    .where(and(eq(recommendations.planId, planId), eq(recommendations.recId, recId)));
  const [rec] = await hydrate(db, planId, rows, true);
  return rec ?? null;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Concerto runs one plan per database: the first one. */
/** The first plan made: where workspace-wide events (people linked and unlinked) are recorded. */
export async function loadPlan(db: Db): Promise<PlanInfo | null> {
  const [row] = await db.select().from(plans).orderBy(asc(plans.id)).limit(1);
  return row ? planInfoOf(row) : null;
}

/** Item ids from `from` to `to` inclusive, compared as text (the primary key's order). */
export interface IdRange {
  from: string;
  to: string;
}

/**
 * Every item of the plan with its whole update log, handed over a batch at a time (ids in the
 * database's text order, each batch read by index range in that same order): what a read model is built from without holding every row of the
 * plan's tables at once.
 */
export async function forEachRecommendationBatch(db: Db, planId: number, batchSize: number, onBatch: (recs: Recommendation[]) => void | Promise<void>): Promise<void> {
  const all = await db.select({ recId: recommendations.recId }).from(recommendations).where(eq(recommendations.planId, planId)).orderBy(recommendations.recId);
  for (let i = 0; i < all.length; i += batchSize) {
    const range = { from: all[i]!.recId, to: all[Math.min(i + batchSize, all.length) - 1]!.recId };
    const rows = await db
      .select(recColumns)
      .from(recommendations)
      .innerJoin(themes, eq(themes.id, recommendations.themeId))
      .where(and(eq(recommendations.planId, planId), gte(recommendations.recId, range.from), lte(recommendations.recId, range.to)));
    await onBatch(await hydrate(db, planId, rows, true, range));
  }
}

/** Every item of the plan in plan order, with its whole update log. */
export async function loadAllRecommendations(db: Db, planId: number): Promise<Recommendation[]> {
  const rows = await db
    .select(recColumns)
    .from(recommendations)
    .innerJoin(themes, eq(themes.id, recommendations.themeId))
    .where(eq(recommendations.planId, planId))
    .orderBy(recommendations.sortKey);
  return hydrate(db, planId, rows, true);
}

/** The named items of a plan (those that exist), in plan order, each with its whole update log. */
export async function loadRecommendations(db: Db, planId: number, recIds: string[]): Promise<Recommendation[]> {
  if (!recIds.length) return [];
  const rows = await db
    .select(recColumns)
    .from(recommendations)
    .innerJoin(themes, eq(themes.id, recommendations.themeId))
    .where(and(eq(recommendations.planId, planId), inArray(recommendations.recId, recIds)))
    .orderBy(recommendations.sortKey);
  return hydrate(db, planId, rows, true);
}

/**
 * Locks an item's row (FOR UPDATE) for the rest of the transaction and reads it under the lock: every
 * write to one item goes through here, so concurrent writes to it are serialised and each sees what it replaces.
 */
export async function lockRecommendation(db: Db, planId: number, recId: string): Promise<Recommendation> {
  const locked = await db
    .select({ recId: recommendations.recId })
    .from(recommendations)
    .where(and(eq(recommendations.planId, planId), eq(recommendations.recId, recId)))
    .for('update');
  if (!locked.length) throw new StoreError('not_found', `There is no recommendation ${recId}.`);
  return (await loadRecommendation(db, planId, recId))!;
}
