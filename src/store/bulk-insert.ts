import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { eventLoopTurn } from './event-loop-turn.js';

/**
 * Inserts many rows as one JSON parameter per chunk (`json_to_recordset`) instead of one
 * parameter per value. The import profile showed drizzle spending longer building a
 * 100,000-row VALUES list than PostgreSQL spent storing it; this is one round trip per
 * chunk with nothing to build. Rows use the table's TypeScript keys, as `db.insert` does.
 *
 * A column with the same plain value in every row of a chunk (the plan, a status, a timestamp)
 * goes once as a typed parameter instead of once per row: parsing the JSON is most of what
 * the embedded database spends on a large insert, and a scheduler pass's 9,095 outbox rows
 * took a third less time on both databases without their repeated columns.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  options: { chunk?: number; onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const chunk = options.chunk ?? 5_000;
  const conflict = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  const value = (row: T['$inferInsert'], key: string): unknown => (row as Record<string, unknown>)[key] ?? null;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  for (let i = 0; i < rows.length; i += chunk) {
    if (i > 0) await eventLoopTurn();
    const part = rows.slice(i, i + chunk);
    const shared = sharedColumns(part, columns, value);
    const varying = columns.filter(([key]) => !shared.has(key));
    const json = JSON.stringify(part.map((r) => Object.fromEntries(varying.map(([key, c]) => [c.name, value(r, key)]))));
    const shape = sql.raw(varying.map(([, c]) => `"${c.name}" ${recordType(c.getSQLType())}`).join(', '));
    const selected = sql.join(
      columns.map(([key, c]) => (shared.has(key) ? sql`${shared.get(key)}::${sql.raw(recordType(c.getSQLType()))}` : sql.identifier(c.name))),
      sql`, `,
    );
    const statement: SQL = sql`insert into ${table} (${names}) select ${selected} from json_to_recordset(${json}::text::json) as x(${shape})${conflict}`;
    await db.execute(statement);
  }
}

/**
 * The columns (other than JSON ones) whose value is the same string, number, boolean or null in every
 * row, with that value; at least one column stays in the JSON, which carries the rows.
 */
function sharedColumns<R>(rows: ReadonlyArray<R>, columns: Array<[string, PgColumn]>, value: (row: R, key: string) => unknown): Map<string, unknown> {
  const shared = new Map<string, unknown>();
  if (rows.length < 2) return shared;
  for (const [key, column] of columns) {
    if (shared.size === columns.length - 1) break;
    const first = value(rows[0]!, key);
    // A JSON column's string is a JSON value in the recordset but would be JSON text as a parameter.
    if ((first !== null && typeof first === 'object') || /^jsonb?$/.test(column.getSQLType())) continue;
    if (rows.every((r) => value(r, key) === first)) shared.set(key, first);
  }
  return shared;
}

/** Serial columns are plain integers once the value is given. */
function recordType(sqlType: string): string {
  if (sqlType === 'serial') return 'integer';
  if (sqlType === 'bigserial') return 'bigint';
  return sqlType;
}
