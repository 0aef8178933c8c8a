/**
 * Envelope senders by queue id, bounded, with a cheap entrance for the Postfix fast path. A qmgr
 * `from=<...>` line is first only noted by its positions in the chunk being scanned (pending): most
 * messages are delivered and `removed` a few lines later in the same chunk, and then nothing is ever
 * copied or stored for them. A pending entry becomes a real one (its strings copied out of the chunk)
 * when a reader asks for it, when the chunk is done (materializeAll) or when too many are pending.
 * Lookups see pending entries, newest first, so readers cannot tell the difference, except that
 * entries enter the bounded map later, which can only delay an eviction.
 */
import { BoundedMap } from './bounded-map';
import { detach, type Found } from './model';

/** More pending entries than this (a chunk of deferred mail, a huge paste) and the oldest half is stored. */
const MAX_PENDING = 256;

export class SenderStore {
  private readonly map: BoundedMap<string, Found<string>>;
  private chunk = '';
  /** Per pending entry, 7 numbers: key start, key end, value start, value end, line start, line end, line number. */
  private readonly pending: number[] = [];

  constructor(readonly cap: number) {
    this.map = new BoundedMap(cap);
  }

  get size(): number {
    return this.map.size + this.pending.length / 7;
  }

  get evicted(): number {
    return this.map.evicted;
  }

  get(key: string): Found<string> | undefined {
    const at = this.findPending(key);
    if (at >= 0) this.materialize(at);
    return this.map.get(key);
  }

  set(key: string, value: Found<string>): void {
    this.dropPending(key);
    this.map.set(key, value);
  }

  delete(key: string): boolean {
    const dropped = this.dropPending(key);
    return this.map.delete(key) || dropped;
  }

  /**
   * Notes the sender line chunk[lineStart, lineEnd) (number `line`): queue id chunk[keyStart, keyEnd),
   * sender chunk[valueStart, valueEnd). All calls between two materializeAll() must share one chunk.
   */
  addPending(
    chunk: string,
    keyStart: number,
    keyEnd: number,
    valueStart: number,
    valueEnd: number,
    lineStart: number,
    lineEnd: number,
    line: number,
  ): void {
    if (chunk !== this.chunk) {
      this.materializeAll();
      this.chunk = chunk;
    }
    this.pending.push(keyStart, keyEnd, valueStart, valueEnd, lineStart, lineEnd, line);
    if (this.pending.length >= MAX_PENDING * 7) {
      const half = (MAX_PENDING / 2) * 7;
      for (let at = 0; at < half; at += 7) this.store(at);
      this.pending.splice(0, half);
    }
  }

  /** Forgets the queue id chunk[keyStart, keyEnd) of the current chunk (its `removed` line). */
  deleteAt(chunk: string, keyStart: number, keyEnd: number): void {
    if (chunk !== this.chunk) {
      this.delete(chunk.slice(keyStart, keyEnd));
      return;
    }
    this.dropPendingAt(keyStart, keyEnd);
    // An older stored entry (an earlier pass of the message through the queue) goes too.
    if (this.map.size > 0) this.map.delete(chunk.slice(keyStart, keyEnd));
  }

  /** Stores every pending entry (in the order they were noted): the chunk is about to go. */
  materializeAll(): void {
    for (let at = 0; at < this.pending.length; at += 7) this.store(at);
    this.pending.length = 0;
    this.chunk = '';
  }

  /** Removes and returns every entry, oldest first. */
  drain(): [string, Found<string>][] {
    this.materializeAll();
    return this.map.drain();
  }

  private store(at: number): void {
    const p = this.pending;
    const chunk = this.chunk;
    // One copy of the line; the sender is a slice of that copy, not of the chunk.
    const lineStart = p[at + 4] as number;
    const text = detach(chunk.slice(lineStart, p[at + 5]));
    const value = text.slice((p[at + 2] as number) - lineStart, (p[at + 3] as number) - lineStart);
    this.map.set(detach(chunk.slice(p[at], p[at + 1])), { value, ref: { line: p[at + 6] as number, text } });
  }

  private materialize(at: number): void {
    this.store(at);
    this.pending.splice(at, 7);
  }

  /** Index of the newest pending entry for `key`, or -1. */
  private findPending(key: string): number {
    const p = this.pending;
    for (let at = p.length - 7; at >= 0; at -= 7) {
      const start = p[at] as number;
      if ((p[at + 1] as number) - start === key.length && this.chunk.startsWith(key, start)) return at;
    }
    return -1;
  }

  private dropPending(key: string): boolean {
    let dropped = false;
    for (let at = this.findPending(key); at >= 0; at = this.findPending(key)) {
      this.pending.splice(at, 7);
      dropped = true;
    }
    return dropped;
  }

  /** Drops the pending entries whose key equals chunk[keyStart, keyEnd); true when there was one. */
  private dropPendingAt(keyStart: number, keyEnd: number): boolean {
    const p = this.pending;
    const chunk = this.chunk;
    const n = keyEnd - keyStart;
    let dropped = false;
    for (let at = p.length - 7; at >= 0; at -= 7) {
      const start = p[at] as number;
      if ((p[at + 1] as number) - start !== n) continue;
      let i = 0;
      while (i < n && chunk.charCodeAt(start + i) === chunk.charCodeAt(keyStart + i)) i++;
      if (i === n) {
        p.splice(at, 7);
        dropped = true;
      }
    }
    return dropped;
  }
}
