/**
 * Values by key, each read on first use and dropped when the change log names its key (Slack
 * profiles, pending conversations, plan choices). A read that was under way when anything was dropped
 * is not kept: it may have read the row before the change that dropped it.
 *
 * Given `loadAll`, the cache reads every row once and then knows its misses too: a key it does not
 * hold has no row, so a question in a new thread (a new conversation key, every time) asks the
 * database nothing. A key the change log names after that is read again by itself on its next use.
 */
export class KeyedCache<T> {
  private readonly values = new Map<string, T | null>();
  private generation = 0;
  /** Every row is in `values`, except the keys in `unsure` (named by a change since), which are read again. */
  private complete = false;
  private readonly unsure = new Set<string>();
  private loading: Promise<void> | null = null;
  /** `loadAll` found too many rows: key by key until the cache starts again. */
  private tooMany = false;

  constructor(
    private readonly confirm: () => Promise<void>,
    private readonly options: {
      /** Past this many keys the cache starts again: a workspace's people and their open conversations fit well inside. */
      limit?: number;
      /** Every row at once, or null when there are too many to hold (the cache then reads key by key). */
      loadAll?: (limit: number) => Promise<Map<string, T> | null>;
    } = {},
  ) {}

  private get limit(): number {
    return this.options.limit ?? 20_000;
  }

  async get(key: string, read: () => Promise<T | null>): Promise<T | null> {
    await this.confirm();
    if (this.values.has(key)) return this.values.get(key)!;
    if (!this.complete && !this.tooMany && this.options.loadAll) await this.loadEverything();
    if (this.values.has(key)) return this.values.get(key)!;
    if (this.complete && !this.unsure.has(key)) return null;
    const generation = this.generation;
    const value = await read();
    if (generation === this.generation) {
      if (this.values.size >= this.limit) this.drop(null);
      this.values.set(key, value);
      this.unsure.delete(key);
    }
    return value;
  }

  /** Drops one key (or, for null, every key). */
  drop(key: string | null): void {
    this.generation += 1;
    if (key === null) {
      this.values.clear();
      this.unsure.clear();
      this.complete = false;
      this.tooMany = false;
    } else {
      this.values.delete(key);
      if (this.complete) this.unsure.add(key);
    }
  }

  clear(): void {
    this.drop(null);
  }

  /** One load at a time; one that a drop overtook is not kept, and the next use tries again. */
  private loadEverything(): Promise<void> {
    this.loading ??= (async () => {
      const generation = this.generation;
      const all = await this.options.loadAll!(this.limit);
      if (generation !== this.generation) return;
      if (!all) return void (this.tooMany = true);
      this.values.clear();
      for (const [k, v] of all) this.values.set(k, v);
      this.unsure.clear();
      this.complete = true;
    })().finally(() => (this.loading = null));
    return this.loading;
  }
}
