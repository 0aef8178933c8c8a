/**
 * What a scanner in segment mode records instead of acting on its state (segment.ts): the events in
 * order and their size, the rejections waiting for a sender logged below them, and what it needs to
 * know which `status=sent` lines to record (see createDeliveredLineReader).
 */
import { LaterSenders } from './later-sender';
import type { RawRejection } from './model';
import { eventSize, recordedEvent, type SegmentEvent } from './segment';

export class SegmentRecording {
  readonly events: SegmentEvent[] = [];
  /** The size of what was recorded (LogScanner.segmentBytes). */
  bytes = 0;
  // In segment mode, the rejections recorded without a sender take the one logged a few lines below.
  readonly waiting = new LaterSenders<RawRejection>(
    (rejection, sender) => {
      rejection.laterSender = sender;
      this.bytes += 2 * sender.ref.text.length;
    },
    () => {},
  );
  /**
   * The processes whose first `status=sent` line was recorded (see createDeliveredLineReader), at most
   * MAX_DELIVERING_PROCESSES (delivered-line.ts): those in a delivery at the cut are at most Postfix's
   * process limit (100 by default, a few hundred on a busy relay) and end it within minutes, before that
   * many others appear.
   */
  readonly deliveringProcesses = new Set<string>();
  /** The attempts it held itself (their keys), which its own status lines release. */
  readonly holds = new Set<string>();

  record(event: SegmentEvent): void {
    const copy = recordedEvent(event);
    this.events.push(copy);
    this.bytes += eventSize(copy);
  }
}
