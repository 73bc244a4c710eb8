import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { queryRows } from '../query-rows.js';

/** One row of model_changes (migration 0012 writes them from triggers). */
export interface ModelChange {
  id: number;
  tx: bigint;
  planId: number | null;
  recId: string | null;
  what: 'item' | 'themes' | 'owners' | 'plans' | 'links' | 'rebuild' | 'profile' | 'conversation' | 'choice';
}

export interface ChangesSince {
  /**
   * The oldest transaction still running when this was read (pg_snapshot_xmin): every transaction
   * older than it had finished, so its changes were in this read or an earlier one. The next read asks
   * from here; a change from a transaction that commits later has a transaction id at or above it.
   */
  horizon: bigint;
  /** Changes below this horizon were pruned (store/prune.ts): a model older than it must rebuild. */
  prunedBelow: bigint | null;
  changes: ModelChange[];
}

const PRUNED_BELOW = 'model_changes_pruned_below';

/**
 * The version check: one statement, one snapshot, an index range scan on model_changes.tx. What
 * it returns besides the horizon are the changes of transactions at or after the last horizon —
 * usually none; a long-running transaction elsewhere keeps a few already seen in the range, and
 * the caller skips those by id.
 */
export async function changesSince(db: Db, horizon: bigint): Promise<ChangesSince> {
  const [row] = await queryRows<{ horizon: string; pruned: string | null; changes: Array<[number, string, number | null, string | null, string]> }>(
    db,
    sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
          (select value #>> '{}' from app_state where key = ${PRUNED_BELOW}) as pruned,
          coalesce(json_agg(json_build_array(c.id, c.tx::text, c.plan_id, c.rec_id, c.what) order by c.id) filter (where c.id is not null), '[]'::json) as changes
        from (select 1) one left join model_changes c on c.tx >= ${horizon.toString()}::xid8`,
  );
  return {
    horizon: BigInt(row!.horizon),
    prunedBelow: row!.pruned == null ? null : BigInt(row!.pruned),
    changes: (typeof row!.changes === 'string' ? JSON.parse(row!.changes) : row!.changes).map(([id, tx, planId, recId, what]: [number, string, number | null, string | null, string]) => ({
      id,
      tx: BigInt(tx),
      planId,
      recId,
      what: what as ModelChange['what'],
    })),
  };
}

/** Where a model built now starts from: read before the load, so anything committed meanwhile is caught by the next check. */
export async function currentHorizon(db: Db): Promise<bigint> {
  const [row] = await queryRows<{ horizon: string }>(db, sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`);
  return BigInt(row!.horizon);
}

/** Rows kept: a day of changes is ample for any process that checks before each answer. */
export const KEEP_CHANGES = '1 day';

/**
 * Drops change rows older than a day, at most `limit`, noting the newest transaction dropped so that a
 * model whose horizon is older than that (a process idle for a day) rebuilds rather than misses one.
 */
export async function pruneChanges(db: Db, limit: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with gone as (
          delete from model_changes where id in (
            select id from model_changes where at < now() - ${KEEP_CHANGES}::interval order by id limit ${limit})
          returning tx),
        top as (select max(tx)::text as tx from gone),
        noted as (
          insert into app_state (key, value, updated_at)
          select ${PRUNED_BELOW}, to_jsonb((top.tx::numeric + 1)::text), now() from top where top.tx is not null
          on conflict (key) do update set value = case
            when (app_state.value #>> '{}')::numeric >= (excluded.value #>> '{}')::numeric then app_state.value else excluded.value end,
            updated_at = excluded.updated_at)
        select count(*)::int as n from gone`,
  );
  return row?.n ?? 0;
}
