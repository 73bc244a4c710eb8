import type { SQL } from 'drizzle-orm';
import type { Database } from '../../../src/store/database.js';

/** Rows of a raw query on either driver (PGlite answers `{ rows }`, postgres.js an array). */
export async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = await database.db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}
