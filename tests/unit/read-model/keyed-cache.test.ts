import { describe, expect, it } from 'vitest';
import { KeyedCache } from '../../../src/store/read-model/keyed-cache.js';

/** A table the cache reads from, counting what it is asked. */
function table(rows: Record<string, string>) {
  const asked = { all: 0, keys: [] as string[] };
  return {
    rows,
    asked,
    loadAll: async (limit: number) => {
      asked.all += 1;
      const entries = Object.entries(rows);
      return entries.length > limit ? null : new Map(entries);
    },
    read: (key: string) => async () => {
      asked.keys.push(key);
      return rows[key] ?? null;
    },
  };
}

const confirmed = async () => {};

describe('a keyed cache read key by key', () => {
  it('reads a key once, and again after the change log names it', async () => {
    const t = table({ U1: 'first' });
    const cache = new KeyedCache<string>(confirmed);
    expect(await cache.get('U1', t.read('U1'))).toBe('first');
    expect(await cache.get('U1', t.read('U1'))).toBe('first');
    expect(await cache.get('U2', t.read('U2'))).toBeNull();
    expect(await cache.get('U2', t.read('U2'))).toBeNull();
    t.rows.U1 = 'second';
    cache.drop('U1');
    expect(await cache.get('U1', t.read('U1'))).toBe('second');
    expect(t.asked.keys).toEqual(['U1', 'U2', 'U1']);
  });
});

describe('a keyed cache held whole', () => {
  it('loads every row once, then answers a key with no row without asking', async () => {
    const t = table({ 'U1:C1:1.0': 'awaiting' });
    const cache = new KeyedCache<string>(confirmed, { loadAll: t.loadAll });
    expect(await cache.get('U1:C1:1.0', t.read('U1:C1:1.0'))).toBe('awaiting');
    for (const key of ['U1:C1:2.0', 'U2:C1:3.0', 'U3:D1:']) expect(await cache.get(key, t.read(key))).toBeNull();
    expect(t.asked).toEqual({ all: 1, keys: [] });
  });

  it('reads again by itself a key the change log names, whether the row came or went', async () => {
    const t = table({ K1: 'one' });
    const cache = new KeyedCache<string>(confirmed, { loadAll: t.loadAll });
    expect(await cache.get('K2', t.read('K2'))).toBeNull();
    t.rows.K2 = 'two';
    delete t.rows.K1;
    cache.drop('K2');
    cache.drop('K1');
    expect(await cache.get('K2', t.read('K2'))).toBe('two');
    expect(await cache.get('K1', t.read('K1'))).toBeNull();
    expect(await cache.get('K1', t.read('K1'))).toBeNull();
    expect(t.asked).toEqual({ all: 1, keys: ['K2', 'K1'] });
  });

  it('loads whole again after everything is dropped (the model was reset)', async () => {
    const t = table({ K1: 'one' });
    const cache = new KeyedCache<string>(confirmed, { loadAll: t.loadAll });
    await cache.get('K1', t.read('K1'));
    t.rows.K3 = 'three';
    cache.clear();
    expect(await cache.get('K3', t.read('K3'))).toBe('three');
    expect(t.asked).toEqual({ all: 2, keys: [] });
  });

  it('does not keep a load that a change overtook, and loads again on the next use', async () => {
    const t = table({ K1: 'old' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const cache = new KeyedCache<string>(confirmed, {
      loadAll: async (limit) => {
        const loaded = await t.loadAll(limit);
        await gate;
        return loaded;
      },
    });
    const first = cache.get('K1', t.read('K1'));
    await Promise.resolve();
    t.rows.K1 = 'new';
    cache.drop('K1');
    release();
    // The overtaken load is not kept; the key is read by itself (the load may predate the change).
    expect(await first).toBe('new');
    expect(await cache.get('K1', t.read('K1'))).toBe('new');
    expect(await cache.get('K9', t.read('K9'))).toBeNull();
    expect(t.asked.all).toBe(2);
  });

  it('with more rows than it holds, reads key by key and stops trying to load them all', async () => {
    const t = table({ K1: 'one', K2: 'two', K3: 'three' });
    const cache = new KeyedCache<string>(confirmed, { limit: 2, loadAll: t.loadAll });
    expect(await cache.get('K1', t.read('K1'))).toBe('one');
    expect(await cache.get('K4', t.read('K4'))).toBeNull();
    expect(t.asked).toEqual({ all: 1, keys: ['K1', 'K4'] });
  });
});
