/**
 * A map with a size cap, in two generations: entries go into the young generation; when it is half the
 * cap, the old generation is dropped (its entries evicted, oldest first) and the young one becomes old.
 * Reading or re-setting an old entry moves it back to the young generation. Memory stays bounded however
 * long the log is, and every operation is O(1) (a single Map with deletions at its head would slow down
 * on the deleted slots it keeps until rehashing).
 */
/**
 * Entries that count as members of a map's young generation but are kept outside it for now (the
 * senders of the chunk being scanned, see SenderState). They move in just before the generations turn
 * over, so the entries dropped are exactly those that would have been had they been set one by one.
 */
export interface YoungReserve<K, V> {
  /** How many entries are kept outside the map. */
  readonly reserved: number;
  moveInto(map: BoundedMap<K, V>): void;
}

export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  /** Entries dropped because the cap was reached. */
  evicted = 0;
  reserve: YoungReserve<K, V> | null = null;

  constructor(
    readonly cap: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {
    // These fields change when the generations turn over, which first happens deep into a large log.
    // Stored once more here, they are never taken for constants by V8's optimising compiler, whose
    // code would otherwise be thrown away (and the scanner's hottest functions recompiled) at that moment.
    this.young = new Map();
    this.old = new Map();
    this.evicted = 0;
    this.reserve = null;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  has(key: K): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  set(key: K, value: V): void {
    this.setYoung(key, value);
    this.turnOverIfFull();
  }

  /** Puts an entry in the young generation, without the check that turns the generations over. */
  setYoung(key: K, value: V): void {
    this.old.delete(key);
    this.young.set(key, value);
  }

  /** When the young generation (reserve included) is half the cap, the old one is dropped. */
  turnOverIfFull(): void {
    const reserved = this.reserve === null ? 0 : this.reserve.reserved;
    if (this.young.size + reserved >= Math.max(1, Math.floor(this.cap / 2))) {
      if (reserved > 0) this.reserve?.moveInto(this);
      const dropped = this.old;
      this.old = this.young;
      this.young = new Map();
      this.evicted += dropped.size;
      if (this.onEvict) for (const [k, v] of dropped) this.onEvict(k, v);
    }
  }

  delete(key: K): boolean {
    return this.young.delete(key) || this.old.delete(key);
  }

  /** Every entry, oldest first, left in place. */
  entries(): [K, V][] {
    return [...this.old.entries(), ...this.young.entries()];
  }

  /** Removes and returns every entry, oldest first. */
  drain(): [K, V][] {
    const all = [...this.old.entries(), ...this.young.entries()];
    this.old = new Map();
    this.young = new Map();
    return all;
  }
}
