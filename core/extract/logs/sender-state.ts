/**
 * Envelope senders by queue id, for the log scanner: a BoundedMap, plus the last senders read from the
 * chunk being scanned, kept as positions in that chunk until it is done (settle). On a mail.log most
 * messages leave the queue (qmgr `removed`) a few lines after their sender was logged, in the same
 * chunk: those never cost a copy of their line nor an entry in the map. The others are copied when the
 * chunk is done, or when a reader asks for them.
 *
 * The scan finds the same as if every sender were set in the map at once: a queue id is never both
 * pending and in the map, and pending senders count as members of the map's young generation (see
 * YoungReserve), moving into it before the generations turn over, so the same ids are forgotten at the cap.
 */
import { BoundedMap, type YoungReserve } from './bounded-map';
import { KeyFilter } from './key-filter';
import { detach, type Found } from './model';

/** Pending senders at most; a few dozen lines separate a sender from its `removed` line. */
const SLOTS = 64;
/** Per slot: line start, line end, sender start, sender end, line number. */
const FIELDS = 5;

/** What SenderState tells of the senders it learns and the keys it forgets (see later-sender.ts). */
export interface SenderListener {
  readonly size: number;
  has(key: string): boolean;
  sender(key: string, sender: Found<string>): void;
  forget(key: string): void;
}

/** A byte from the last two characters of a key (at least two long): see SenderState.pendingDigests. */
function digestOf(key: string): number {
  return (key.charCodeAt(key.length - 1) * 31 + key.charCodeAt(key.length - 2)) & 255;
}

function addCount(counts: Uint8Array, at: number, n: number): void {
  counts[at] = (counts[at] ?? 0) + n;
}

export class SenderState implements YoungReserve<string, Found<string>> {
  private readonly map: BoundedMap<string, Found<string>>;
  /** Queue ids of the pending senders, oldest first; '' marks a slot freed since. */
  private readonly keys: string[] = [];
  private readonly sources: string[] = [];
  private readonly copies: (Found<string> | null)[] = [];
  private readonly positions = new Float64Array(SLOTS * FIELDS);
  private live = 0;
  /**
   * Pending keys by a one-byte digest of their last two characters (digestOf): a key whose count is 0 is
   * not pending, which spares the scan of the slots (most of them freed ones) for the new queue id of
   * every sender line. Counts stay below 256: there are at most SLOTS pending keys.
   */
  private readonly pendingDigests = new Uint8Array(256);
  /** The keys in the map, asked before looking there: most keys looked for are new (key-filter.ts). */
  private readonly inMap = new KeyFilter();
  /** Told of each key deleted that was not held (a segment passes these on: see segment.ts). */
  onUnknownDelete: ((key: string) => void) | null = null;
  /** Rejections read before their sender line, told of each sender set and each key deleted. */
  waiting: SenderListener | null = null;

  constructor(readonly cap: number) {
    this.map = new BoundedMap(cap, (key) => this.inMap.remove(key));
    this.map.reserve = this;
  }

  /** Senders held, pending ones included. */
  get size(): number {
    return this.map.size + this.live;
  }

  /** Pending senders: members of the map's young generation, kept outside it until settle. */
  get reserved(): number {
    return this.live;
  }

  /** Senders forgotten because the cap was reached. */
  get evicted(): number {
    return this.map.evicted;
  }

  get(key: string): Found<string> | undefined {
    const slot = this.slotOf(key);
    if (slot >= 0) return this.copyOf(slot);
    return this.inMap.mayHave(key) ? this.map.get(key) : undefined;
  }

  /** A sender given as a value of its own (key and value already copied out of their chunk). */
  set(key: string, value: Found<string>): void {
    const slot = this.slotOf(key);
    if (slot >= 0) this.free(slot);
    this.inMap.add(key);
    this.map.set(key, value);
    if (this.waiting !== null && this.waiting.size > 0) this.waiting.sender(key, value);
  }

  /**
   * The sender of queue id `key`, read at src[valueStart, valueEnd) on the line src[start, end): kept as
   * these positions until settle(). `src` (a decoded chunk, or the line itself) must not be reused before.
   */
  hold(
    key: string,
    src: string,
    start: number,
    end: number,
    valueStart: number,
    valueEnd: number,
    line: number,
  ): void {
    const slot = this.slotOf(key);
    if (slot >= 0) this.free(slot);
    else this.deleteFromMap(key);
    if (this.keys.length === SLOTS) this.moveInto(this.map);
    const at = this.keys.length;
    this.keys.push(key);
    if (key.length >= 2) addCount(this.pendingDigests, digestOf(key), 1);
    this.sources.push(src);
    this.copies.push(null);
    const p = at * FIELDS;
    this.positions[p] = start;
    this.positions[p + 1] = end;
    this.positions[p + 2] = valueStart;
    this.positions[p + 3] = valueEnd;
    this.positions[p + 4] = line;
    this.live++;
    this.map.turnOverIfFull();
    if (this.waiting !== null && this.waiting.size > 0 && this.waiting.has(key))
      this.waiting.sender(key, this.copyOf(at));
  }

  delete(key: string): boolean {
    if (this.waiting !== null && this.waiting.size > 0) this.waiting.forget(key);
    const slot = this.slotOf(key);
    if (slot < 0) {
      if (this.deleteFromMap(key)) return true;
      this.onUnknownDelete?.(key);
      return false;
    }
    this.free(slot);
    return true;
  }

  /** Every sender held, oldest first (pending ones copied out of their chunk first). */
  entries(): [string, Found<string>][] {
    this.settle();
    return this.map.entries();
  }

  /** Copies the senders still pending into the map: the chunk they point into is done with. */
  settle(): void {
    if (this.keys.length > 0) this.moveInto(this.map);
  }

  moveInto(map: BoundedMap<string, Found<string>>): void {
    for (let slot = 0; slot < this.keys.length; slot++) {
      const key = this.keys[slot] ?? '';
      if (key === '') continue;
      this.inMap.add(key);
      map.setYoung(detach(key), this.copyOf(slot));
    }
    this.keys.length = 0;
    this.pendingDigests.fill(0);
    this.sources.length = 0;
    this.copies.length = 0;
    this.live = 0;
  }

  private deleteFromMap(key: string): boolean {
    if (!this.inMap.mayHave(key) || !this.map.delete(key)) return false;
    this.inMap.remove(key);
    return true;
  }

  private slotOf(key: string): number {
    if (key.length >= 2 && this.pendingDigests[digestOf(key)] === 0) return -1;
    for (let slot = this.keys.length - 1; slot >= 0; slot--) if (this.keys[slot] === key) return slot;
    return -1;
  }

  private free(slot: number): void {
    const key = this.keys[slot] ?? '';
    if (key.length >= 2) addCount(this.pendingDigests, digestOf(key), -1);
    this.keys[slot] = '';
    this.sources[slot] = '';
    this.copies[slot] = null;
    this.live--;
  }

  /** A copy of the line (as windowRef makes it), the sender being a slice of that copy. */
  private copyOf(slot: number): Found<string> {
    const made = this.copies[slot];
    if (made) return made;
    const src = this.sources[slot] ?? '';
    const p = slot * FIELDS;
    const start = this.positions[p] ?? 0;
    const end = this.positions[p + 1] ?? 0;
    const text = detach(start === 0 && end === src.length ? src : src.slice(start, end));
    const value = text.slice((this.positions[p + 2] ?? 0) - start, (this.positions[p + 3] ?? 0) - start);
    const found = { value, ref: { line: this.positions[p + 4] ?? 0, text } };
    this.copies[slot] = found;
    return found;
  }
}
