/**
 * A counting filter of string keys: says for sure that a key is not in a set, or that it may be. A key
 * looked up in a Map of tens of thousands of entries costs a hash of the key and a probe at a random
 * place of the table (a cache miss, twice for BoundedMap's two generations); here it costs a hash of a
 * few characters and one byte read. SenderState asks it before each lookup in its map: the queue id of
 * every qmgr sender line is looked for there, and nearly always absent.
 *
 * Exact as long as every key added is added here and every key removed is removed here once: a count
 * never falls below the number of keys present with its hash. A key added twice without being removed
 * in between only leaves a count too high (a false "may be"), and a count that reaches 255 stays there
 * (never decremented), so no count can wrap to a false "no".
 */
const BITS = 18;
const MASK = (1 << BITS) - 1;
const STUCK = 255;

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> BITS)) & MASK;
}

export class KeyFilter {
  /** 256 KiB: a few slots per key of a 20,000-entry map, so that few absent keys are taken for present. */
  private readonly counts = new Uint8Array(1 << BITS);

  add(key: string): void {
    const h = hashOf(key);
    const n = this.counts[h] ?? 0;
    if (n !== STUCK) this.counts[h] = n + 1;
  }

  remove(key: string): void {
    const h = hashOf(key);
    const n = this.counts[h] ?? 0;
    if (n !== STUCK && n > 0) this.counts[h] = n - 1;
  }

  /** False when the key is certainly absent. */
  mayHave(key: string): boolean {
    return this.counts[hashOf(key)] !== 0;
  }
}
