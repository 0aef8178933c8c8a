/**
 * A Map with a size cap: inserting beyond the cap evicts the oldest entry (insertion order, refreshed on
 * set), so per-queue-id state stays bounded however long the log is.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  /** Entries dropped because the cap was reached. */
  evicted = 0;

  constructor(
    readonly cap: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    if (this.map.has(key)) this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.cap) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      const old = this.map.get(oldest.value) as V;
      this.map.delete(oldest.value);
      this.evicted++;
      this.onEvict?.(oldest.value, old);
    }
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  /** Removes and returns every entry, oldest first. */
  drain(): [K, V][] {
    const all = [...this.map.entries()];
    this.map.clear();
    return all;
  }
}
