/**
 * Whether a log reads newest first: `journalctl -r` (`--reverse`) prints the newest entries first, and a
 * paste of it puts each delivery's status line before the attempt and the sender line that came before
 * it in time. The readers expect time order (attempt lines held for their status line, a 999 linked to
 * the error logged before it), so such a log is said to be reversed, with a note.
 *
 * Counted over the records a reader dispatches, and the Postfix sender and delivery lines the fast paths read
 * without parsing their prefix (their classic stamp is read here), each stamp against the previous one of the
 * same kind: steps back in time are counted against steps forward. Several hosts' lines merged by a remote
 * syslog step back now and then, and a classic stamp steps back at the new year; a reversed log steps back
 * nearly always.
 */
import { monthNumber } from './month-names';
import type { RawStamp } from './time';

/** Steps back needed, and how many times the steps forward they must outnumber. */
const MIN_BACKWARD = 2;
const RATIO = 3;
/**
 * Steps after which a log's order is known: a paste is newest first throughout or not at all, and the
 * lines after these cost a comparison instead of a stamp read (the sender lines are most of a mail.log).
 */
const ENOUGH_STEPS = 4096;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A text that sorts as the stamp does, among stamps of its kind (the zone, same within a host, left out). */
function sortKey(stamp: RawStamp): string {
  switch (stamp.kind) {
    case 'syslog':
      return `${pad2(stamp.month)}${pad2(stamp.day)}${stamp.time}`;
    case 'iso':
      return stamp.text.slice(0, 19);
    case 'local':
      return `${stamp.date}T${stamp.time}`;
    case 'epoch':
      return Math.floor(stamp.seconds).toString().padStart(12, '0');
    // (Seconds since boot: the lines of one boot sort by them.)
    case 'monotonic':
      return stamp.seconds.toFixed(6).padStart(20, '0');
  }
}

/** What a StampOrder has seen, as plain data: a segment's (segment.ts) is merged into the scan's. */
export interface StampOrderState {
  firstKind: string;
  firstKey: string;
  lastKind: string;
  lastKey: string;
  forward: number;
  backward: number;
}

export class StampOrder {
  private firstKind = '';
  private firstKey = '';
  private lastKind = '';
  private lastKey = '';
  private forward = 0;
  private backward = 0;

  observe(stamp: RawStamp): void {
    if (this.forward + this.backward < ENOUGH_STEPS) this.step(stamp.kind, sortKey(stamp));
  }

  /** The classic stamp (`Mar 16 02:27:29`, `May 07 10:12:31`) that opens text at `s`, if it has one. */
  observeClassicAt(text: string, s: number): void {
    if (this.forward + this.backward >= ENOUGH_STEPS) return;
    if (text.charCodeAt(s + 3) !== 32 || text.charCodeAt(s + 9) !== 58 || text.charCodeAt(s + 12) !== 58)
      return;
    const month = monthNumber(text.slice(s, s + 3));
    const tens = text.charCodeAt(s + 4);
    const day = (tens === 32 ? 0 : tens - 48) * 10 + text.charCodeAt(s + 5) - 48;
    if (month === 0 || !(day >= 1 && day <= 31)) return;
    this.step('syslog', `${pad2(month)}${pad2(day)}${text.slice(s + 7, s + 15)}`);
  }

  get state(): StampOrderState {
    const { firstKind, firstKey, lastKind, lastKey, forward, backward } = this;
    return { firstKind, firstKey, lastKind, lastKey, forward, backward };
  }

  /** The stamps of the lines that follow those seen so far, as another StampOrder saw them. */
  merge(next: StampOrderState): void {
    if (next.firstKind === '') return;
    this.step(next.firstKind, next.firstKey);
    this.forward += next.forward;
    this.backward += next.backward;
    this.lastKind = next.lastKind;
    this.lastKey = next.lastKey;
  }

  private step(kind: string, key: string): void {
    if (this.firstKind === '') {
      this.firstKind = kind;
      this.firstKey = key;
    }
    if (kind === this.lastKind) {
      if (key > this.lastKey) this.forward++;
      else if (key < this.lastKey) this.backward++;
    }
    this.lastKind = kind;
    this.lastKey = key;
  }

  /** True when the stamps read so far go back in time far more often than forward. */
  get reversed(): boolean {
    return this.backward >= MIN_BACKWARD && this.backward > RATIO * this.forward;
  }
}
