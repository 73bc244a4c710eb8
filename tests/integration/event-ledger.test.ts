import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { DrizzleEventLedger, SingleProcessEventLedger } from '../../src/store/event-ledger.js';
import { processedEvents } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Slack redelivers an event when it did not see the acknowledgement in time. The first delivery is
 * handled and every redelivery dropped: through the database's insert when instances share it, and
 * through memory, written behind, on the embedded database, which one process holds.
 */
const AT = '2017-10-04T10:00:00.000Z';
const later = (hours: number) => new Date(Date.parse(AT) + hours * 3_600_000).toISOString();

describe.each(testDatabases)('the event ledger on $name', (target) => {
  let database: Database;
  const statements: string[] = [];
  // One database for the suite: each case uses ids of its own.
  beforeAll(async () => {
    database = await target.open({ onQuery: (q) => statements.push(q) });
  });
  afterAll(async () => database.close());

  const storedIds = async (prefix: string) =>
    (await database.db.select({ id: processedEvents.eventId }).from(processedEvents))
      .map((r) => r.id)
      .filter((id) => id.startsWith(prefix))
      .sort();

  it('claims an id once, in the database, for any instance', async () => {
    const one = new DrizzleEventLedger(database.db);
    const other = new DrizzleEventLedger(database.db);
    expect(await one.firstSeen('Ev0A1B2C3D', AT)).toBe(true);
    expect(await other.firstSeen('Ev0A1B2C3D', AT)).toBe(false);
    expect(await storedIds('Ev0A')).toEqual(['Ev0A1B2C3D']);
  });

  it('in one process: drops redeliveries without asking the database, and writes the ids behind', async () => {
    const ledger = SingleProcessEventLedger.open(database.db, new Date(AT), () => {});
    // Once the last day's ids are read (a first delivery waits for them), nothing more is asked.
    await ledger.firstSeen('EvB00', AT);
    statements.length = 0;
    const answers = await Promise.all(['EvB01', 'EvB02', 'EvB01', 'EvB03', 'EvB02'].map((id) => ledger.firstSeen(id, AT)));
    expect(answers).toEqual([true, true, false, true, false]);
    // Decided before anything was sent; the five deliveries are then written as one statement.
    expect(statements).toEqual([]);
    await ledger.close();
    expect(statements).toHaveLength(1);
    expect(await storedIds('EvB')).toEqual(['EvB00', 'EvB01', 'EvB02', 'EvB03']);
  });

  it('after a restart, knows the ids of the last day and forgets older ones', async () => {
    const before = SingleProcessEventLedger.open(database.db, new Date(AT), () => {});
    await before.firstSeen('EvOLD', AT);
    await before.firstSeen('EvRECENT', later(20));
    await before.close();

    const after = SingleProcessEventLedger.open(database.db, new Date(later(25)), () => {});
    expect(await after.firstSeen('EvRECENT', later(25))).toBe(false);
    // A day old: past what the prune keeps, and long past Slack's redeliveries.
    expect(await after.firstSeen('EvOLD', later(25))).toBe(true);
  });

  it('forgets ids from memory as they pass a day old', async () => {
    const ledger = SingleProcessEventLedger.open(database.db, new Date(later(30)), () => {});
    await ledger.firstSeen('EvFIRST', later(30));
    await ledger.firstSeen('EvNEXT', later(55));
    await ledger.close();
    // Memory no longer has it; the database's row is what the prune will delete.
    expect(await ledger.firstSeen('EvFIRST', later(55))).toBe(true);
  });

  it("starts at once, and a redelivery that arrives while the last day's ids are read still waits for them", async () => {
    const before = SingleProcessEventLedger.open(database.db, new Date(later(60)), () => {});
    await before.firstSeen('EvEARLY', later(60));
    await before.close();
    const after = SingleProcessEventLedger.open(database.db, new Date(later(61)), () => {});
    // As the server does once it listens; the deliveries below arrive before the read has answered.
    void after.readSeen();
    const answers = await Promise.all([after.firstSeen('EvEARLY', later(61)), after.firstSeen('EvLATE', later(61)), after.firstSeen('EvLATE', later(61))]);
    expect(answers).toEqual([false, true, false]);
    await after.close();
  });

  // Last: it closes the database.
  it('reports a write that fails and still drops redeliveries in this process', async () => {
    const failures: unknown[] = [];
    const ledger = SingleProcessEventLedger.open(database.db, new Date(AT), (_err, step) => failures.push(step));
    await ledger.readSeen();
    await database.close();
    expect(await ledger.firstSeen('EvLOST', AT)).toBe(true);
    await ledger.close();
    expect(failures).toEqual(['write']);
    expect(await ledger.firstSeen('EvLOST', AT)).toBe(false);
  });

  it('reports a read that fails at start, and still drops redeliveries from then on', async () => {
    const failures: string[] = [];
    const ledger = SingleProcessEventLedger.open(database.db, new Date(AT), (_err, step) => failures.push(step));
    expect(await ledger.firstSeen('EvUNREAD', AT)).toBe(true);
    expect(await ledger.firstSeen('EvUNREAD', AT)).toBe(false);
    expect(failures).toEqual(['read']);
  });
});
