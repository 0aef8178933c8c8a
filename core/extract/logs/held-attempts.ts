/**
 * Refusals held until their message's status line (scanner.ts). Postfix logs a line per MX it tried
 * (`host X refused to talk to me: ...`), then one status line for the message, naming its recipient:
 * an attempt is published when that line comes, with its recipient, unless the status line repeats it.
 */
import type { ExtractOptions, SourceRef } from '../../types';
import { BoundedMap } from './bounded-map';
import { repeatsAttempt, sameRun } from './delivery-run';
import type { RawRejection, UnqueuedRelease } from './model';
import type { SenderState } from './sender-state';

/** More attempts than this for one key are published at once instead of being held. */
const MAX_HELD_PER_KEY = 50;

/**
 * The key attempts are held by: their queue id, and the process that logged them when the log names it
 * (RawRejection.process), so that a status line of another process, for other recipients of the same
 * message (its gmail.com ones, while the attempt was Orange's refusal), does not lend them its recipient.
 */
export function heldKey(queueKey: string, process: string | undefined): string {
  return process === undefined ? queueKey : `${queueKey}|${process}`;
}

function sameAttempt(a: RawRejection, b: RawRejection): boolean {
  return a.remoteIp === b.remoteIp && a.replyText.trim() === b.replyText.trim();
}

export class HeldAttempts {
  private readonly map: BoundedMap<string, RawRejection[]>;

  /** `publish`: an attempt out, read while reading line `atLine` (also the oldest ones at the cap). */
  constructor(
    cap: number,
    private readonly options: ExtractOptions,
    private readonly senders: SenderState,
    private readonly publish: (raw: RawRejection, atLine: number) => void,
  ) {
    this.map = new BoundedMap(cap, (_key, list) => {
      for (const r of list) publish(r, r.ref.line);
    });
  }

  get size(): number {
    return this.map.size;
  }

  /** Keys published early because the cap was reached. */
  get evicted(): number {
    return this.map.evicted;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  /** Holds an attempt for its status line (or publishes it at once when its key holds too many). */
  hold(rejection: RawRejection & { queueKey: string }): void {
    const key = heldKey(rejection.queueKey, rejection.process);
    const list = this.map.get(key);
    if (list) {
      if (repeatsAttempt(list, rejection, this.options)) return;
      if (list.length < MAX_HELD_PER_KEY) list.push(rejection);
      else this.publish(rejection, rejection.ref.line);
    } else this.map.set(key, [rejection]);
  }

  /**
   * The attempts held for a queue id, published now that its status line came (naming `recipient`, on
   * line `ref`); an attempt that line repeats (`status`) is left to it.
   */
  release(
    queueKey: string,
    process: string | undefined,
    recipient: string | null,
    ref: SourceRef,
    status: RawRejection | null,
    unqueued?: UnqueuedRelease,
  ): void {
    // Most logs hold no attempt (Postfix logs one only when a delivery tries several MXs): no key to
    // build and look up for each status line.
    if (this.map.size === 0) return;
    const key = heldKey(queueKey, process);
    const waiting = this.map.get(key);
    if (!waiting) return;
    this.map.delete(key);
    for (const attempt of waiting) {
      if (status && (sameAttempt(attempt, status) || sameRun(attempt, status, this.options))) continue;
      // An attempt line without queue id (Postfix 2.2's): the status line names the message it was for.
      const senderKey = unqueued?.senderKey;
      if (senderKey !== undefined && attempt.senderKey === undefined) {
        attempt.senderKey = senderKey;
        attempt.sender = this.senders.get(senderKey) ?? null;
      }
      // An attempt line names no recipient: that of the message's status line is the one it was for.
      if (attempt.recipient === null && recipient !== null) {
        attempt.recipient = recipient;
        attempt.recipientRef = ref;
      }
      this.publish(attempt, ref.line);
    }
  }

  /** The end of the input: every attempt still held is published. */
  drain(): void {
    for (const [, list] of this.map.drain()) for (const r of list) this.publish(r, r.ref.line);
  }
}
