import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows } from './query-rows.js';
import type { Db } from './database.js';

/**
 * Inserts many rows as one JSON parameter per chunk (`json_to_recordset`) instead of one
 * parameter per value. The import profile showed drizzle spending longer building a
 * 100,000-row VALUES list than PostgreSQL spent storing it; this is one round trip per
 * chunk with nothing to build. Rows use the table's TypeScript keys, as `db.insert` does.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: ReadonlyArray<T['$inferInsert']>,
  /** `returning`: a column whose values in the rows actually inserted are returned (with onConflictDoNothing, the new ones). */
  options: { chunk?: number; onConflictDoNothing?: boolean; returning?: PgColumn } = {},
): Promise<unknown[]> {
  const returned: unknown[] = [];
  if (!rows.length) return returned;
  const chunk = options.chunk ?? 5_000;
  const conflict = options.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = sql.join(columns.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const shape = sql.raw(columns.map(([, c]) => `"${c.name}" ${recordType(c.getSQLType())}`).join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, (r as Record<string, unknown>)[key] ?? null]))),
    );
    const returning = options.returning ? sql` returning ${sql.identifier(options.returning.name)} as value` : sql``;
    const statement: SQL = sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${json}::text::json) as x(${shape})${conflict}${returning}`;
    if (!options.returning) {
      await db.execute(statement);
      continue;
    }
    for (const row of await queryRows<{ value: unknown }>(db, statement)) returned.push(row.value);
  }
  return returned;
}

/** Serial columns are plain integers once the value is given. */
function recordType(sqlType: string): string {
  if (sqlType === 'serial') return 'integer';
  if (sqlType === 'bigserial') return 'bigint';
  return sqlType;
}
