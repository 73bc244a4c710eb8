/**
 * Values by key, each read on first use and dropped when the change log names its key (Slack
 * profiles, pending conversations). A read that was under way when anything was dropped is not kept:
 * it may have read the row before the change that dropped it.
 */
export class KeyedCache<T> {
  private readonly values = new Map<string, T | null>();
  private generation = 0;

  constructor(
    private readonly confirm: () => Promise<void>,
    /** Past this many keys the cache starts again: a workspace's people and their open conversations fit well inside. */
    private readonly limit = 20_000,
  ) {}

  async get(key: string, read: () => Promise<T | null>): Promise<T | null> {
    await this.confirm();
    if (this.values.has(key)) return this.values.get(key)!;
    const generation = this.generation;
    const value = await read();
    if (generation === this.generation) {
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }

  /** Drops one key (or, for null, every key). */
  drop(key: string | null): void {
    this.generation += 1;
    if (key === null) this.values.clear();
    else this.values.delete(key);
  }

  clear(): void {
    this.drop(null);
  }
}
