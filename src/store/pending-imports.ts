import { eq, inArray, lt } from 'drizzle-orm';
import type { ImportRefusal, PendingImport, PendingImportStore, PlanDirectory } from '../core/ports.js';
import type { Db } from './database.js';
import { DrizzlePlanDirectory } from './plan-directory.js';
import { pendingImports } from './schema.js';

type Row = typeof pendingImports.$inferSelect;

const pendingOf = (r: Row): PendingImport => ({
  id: r.id,
  userId: r.userId,
  planKey: r.planKey,
  createsPlan: r.createsPlan,
  fileName: r.fileName,
  plan: r.plan,
  createdAt: new Date(r.createdAt).toISOString(),
  expiresAt: new Date(r.expiresAt).toISOString(),
});

/** Previews waiting for Import or Cancel, in the database so any instance can take the press. */
export class DrizzlePendingImports implements PendingImportStore {
  constructor(private readonly db: Db) {}

  async add(p: Omit<PendingImport, 'id'>): Promise<string> {
    const [row] = await this.db.insert(pendingImports).values({ ...p, plan: p.plan as object }).returning({ id: pendingImports.id });
    return row!.id;
  }

  decide<R>(
    id: string,
    by: string,
    at: string,
    decision: { import: (plans: PlanDirectory, pending: PendingImport) => Promise<R> } | { cancel: true },
  ): Promise<{ ok: true; pending: PendingImport; result: R | null } | { ok: false; reason: ImportRefusal; pending: PendingImport | null }> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      // FOR UPDATE: a double click, or presses reaching two instances, decide one after the other.
      const [row] = UUID.test(id) ? await tx.select().from(pendingImports).where(eq(pendingImports.id, id)).for('update') : [];
      if (!row) return { ok: false as const, reason: 'unknown' as const, pending: null };
      const pending = pendingOf(row);
      const refusal: ImportRefusal | null =
        row.state === 'imported' ? 'imported' : row.state === 'cancelled' ? 'cancelled' : row.userId !== by ? 'not_yours' : Date.parse(pending.expiresAt) <= Date.parse(at) ? 'expired' : null;
      if (refusal) return { ok: false as const, reason: refusal, pending };
      // The import runs in this transaction (a savepoint inside it): it and the row's new state commit together.
      const result = 'import' in decision ? await decision.import(new DrizzlePlanDirectory(tx), pending) : null;
      await tx
        .update(pendingImports)
        .set({ state: 'import' in decision ? 'imported' : 'cancelled', decidedAt: at, plan: {} })
        .where(eq(pendingImports.id, id));
      return { ok: true as const, pending, result };
    });
  }

  /** Drops previews a day past their expiry (and the plans they hold), oldest first. */
  async sweep(now: string, limit: number): Promise<number> {
    const before = new Date(Date.parse(now) - KEEP_MS).toISOString();
    const old = this.db.select({ id: pendingImports.id }).from(pendingImports).where(lt(pendingImports.expiresAt, before)).orderBy(pendingImports.expiresAt).limit(limit);
    const gone = await this.db.delete(pendingImports).where(inArray(pendingImports.id, old)).returning({ id: pendingImports.id });
    return gone.length;
  }
}

/** A decided or expired preview is kept a day, so a late press is answered "expired", not "unknown". */
const KEEP_MS = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
