/**
 * Rejections read before any sender line of their queue id, waiting a few lines for one: Postfix's qmgr
 * logs `QID: from=<sender>, status=expired, returned to sender` right after the last deferral of a
 * message that outlived the queue lifetime, so an excerpt that starts after the message's `(queue
 * active)` line still names its sender a line or two below the refusal (a 2012 forum post quoting
 * `postfix/error ... refused to talk to me: 421 4.7.0 [GL01]`, then that qmgr line).
 *
 * Bounded: an entry waits at most WINDOW lines (it is then given up, unfilled), and at most CAP entries
 * wait at once; each operation costs O(1) amortised, whatever the length of the log.
 */
import type { Found } from './model';

/** How many lines after the rejection its sender line may come (qmgr writes it at once). */
export const LATER_SENDER_WINDOW = 2000;
const CAP = 4096;

interface Entry<T> {
  key: string;
  atLine: number;
  /** Null once given out: the entry may wait in the queue a while longer (see expire), its item need not. */
  item: T | null;
  done: boolean;
}

export class LaterSenders<T> {
  private readonly queue: Entry<T>[] = [];
  private head = 0;
  private readonly byKey = new Map<string, Entry<T>[]>();

  constructor(
    /** The sender line came in time: fill the item, then give it out. */
    private readonly onFill: (item: T, sender: Found<string>) => void,
    /** No sender line came in time: give the item out as it is. */
    private readonly onGiveUp: (item: T) => void,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** A rejection of queue id `key`, published at line `atLine`, waits for its sender line. */
  add(key: string, atLine: number, item: T): void {
    this.expire(atLine - LATER_SENDER_WINDOW);
    if (this.queue.length - this.head >= CAP) this.giveUpOldest();
    const entry = { key, atLine, item, done: false };
    this.queue.push(entry);
    const list = this.byKey.get(key);
    if (list) list.push(entry);
    else this.byKey.set(key, [entry]);
  }

  /**
   * The sender line of queue id `key`: the rejections waiting for it, read at most WINDOW lines before, are
   * filled.
   */
  sender(key: string, sender: Found<string>): void {
    const list = this.byKey.get(key);
    if (!list) return;
    this.byKey.delete(key);
    for (const entry of list) {
      const item = this.takeItem(entry);
      if (sender.ref.line - entry.atLine <= LATER_SENDER_WINDOW) this.onFill(item, sender);
      else this.onGiveUp(item);
    }
  }

  /** The queue id left the queue (`removed`): a later sender line with its id is another message's. */
  forget(key: string): void {
    const list = this.byKey.get(key);
    if (!list) return;
    this.byKey.delete(key);
    for (const entry of list) this.onGiveUp(this.takeItem(entry));
  }

  /** Gives out everything still waiting, oldest first (the end of the input). */
  drain(): void {
    this.expire(Number.POSITIVE_INFINITY);
  }

  /** Gives up the entries published before line `before`. */
  private expire(before: number): void {
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head] as Entry<T>;
      if (!entry.done && entry.atLine >= before) break;
      this.giveUpOldest();
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private giveUpOldest(): void {
    const entry = this.queue[this.head++] as Entry<T>;
    if (entry.done) return;
    entry.done = true;
    const list = this.byKey.get(entry.key);
    const rest = list?.filter((e) => e !== entry) ?? [];
    if (rest.length > 0) this.byKey.set(entry.key, rest);
    else this.byKey.delete(entry.key);
    this.onGiveUp(this.takeItem(entry));
  }

  /**
   * The entry's item, given out: the entry is done and no longer holds it. (Entries given out stay in the
   * queue until `expire` cuts its head, up to half of it: holding their incidents too kept twice the
   * incidents waiting alive on a log without sender lines, `grep status=`'s.)
   */
  private takeItem(entry: Entry<T>): T {
    const item = entry.item as T;
    entry.done = true;
    entry.item = null;
    return item;
  }
}
