import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { DeliveryWindow } from '../core/dates/delivery-window.js';
import type { AuditAction } from '../core/plan/audit.js';
import { ownerKind } from '../core/plan/owners.js';
import type { ChangeMeta } from '../core/ports.js';
import { bulkInsert } from './bulk-insert.js';
import type { Db } from './database.js';
import { auditEvents, deliveryDates, owners, recommendationOwners, themes } from './schema.js';

/** Row-level writes shared by single changes and imports. Callers run them inside a transaction. */

export interface AuditRow {
  recId: string | null;
  action: AuditAction;
  before: unknown;
  after: unknown;
}

export async function writeAudit(db: Db, planId: number, meta: ChangeMeta, events: AuditRow[]): Promise<void> {
  await bulkInsert(
    db,
    auditEvents,
    events.map((e) => ({
      planId,
      recId: e.recId,
      at: meta.at,
      actor: meta.actor,
      actorId: meta.actorId ?? null,
      source: meta.source,
      action: e.action,
      before: e.before ?? null,
      after: e.after ?? null,
    })),
  );
}

/** Theme ids by name, creating missing themes at the end of the plan's order. */
export async function ensureThemes(db: Db, planId: number, names: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(names)];
  const existing = await db.select({ id: themes.id, name: themes.name, position: themes.position }).from(themes).where(eq(themes.planId, planId));
  const ids = new Map(existing.map((t) => [t.name, t.id]));
  let position = existing.reduce((m, t) => Math.max(m, t.position), -1);
  const missing = wanted.filter((n) => !ids.has(n));
  if (missing.length) {
    const rows = await db
      .insert(themes)
      .values(missing.map((name) => ({ planId, name, position: ++position })))
      .returning({ id: themes.id, name: themes.name });
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

/** Owner ids by name, creating people and roles as first named. */
export async function ensureOwners(db: Db, planId: number, names: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(names)];
  const ids = new Map<string, number>();
  if (!wanted.length) return ids;
  await db
    .insert(owners)
    .values(wanted.map((name) => ({ planId, name, kind: ownerKind(name) })))
    .onConflictDoNothing({ target: [owners.planId, owners.name] });
  for (let i = 0; i < wanted.length; i += 1000) {
    const rows = await db
      .select({ id: owners.id, name: owners.name })
      .from(owners)
      .where(and(eq(owners.planId, planId), inArray(owners.name, wanted.slice(i, i + 1000))));
    for (const r of rows) ids.set(r.name, r.id);
  }
  return ids;
}

export async function setOwners(db: Db, planId: number, recId: string, names: string[]): Promise<void> {
  const ids = await ensureOwners(db, planId, names);
  await db.delete(recommendationOwners).where(and(eq(recommendationOwners.planId, planId), eq(recommendationOwners.recId, recId)));
  if (names.length) {
    await db.insert(recommendationOwners).values(names.map((n, position) => ({ planId, recId, ownerId: ids.get(n)!, position })));
  }
}

export function deliveryRow(planId: number, recId: string, seq: number, w: DeliveryWindow, meta: ChangeMeta) {
  return {
    planId,
    recId,
    seq,
    text: w.text,
    start: w.start,
    end: w.end,
    precision: w.precision,
    recordedAt: meta.at,
    recordedBy: meta.actor,
    source: meta.source,
  };
}

export async function nextDeliverySeq(db: Db, planId: number, recId: string): Promise<number> {
  const [row] = await db
    .select({ top: max(deliveryDates.seq) })
    .from(deliveryDates)
    .where(and(eq(deliveryDates.planId, planId), eq(deliveryDates.recId, recId)));
  return row?.top == null ? 0 : row.top + 1;
}

export const sameWindow = (a: DeliveryWindow, b: DeliveryWindow) =>
  a.text === b.text && a.start === b.start && a.end === b.end && a.precision === b.precision;

export const bumpVersion = sql`version + 1`;
