import type { SQL } from 'drizzle-orm';
import type { Db } from './database.js';

/** The rows of a raw query on either driver: postgres.js answers an array, PGlite `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
