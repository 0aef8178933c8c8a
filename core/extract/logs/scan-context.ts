/**
 * The context a scan gives its format readers (ScanContext): what they emit, hold, release, count and
 * warn goes to the scan's state, or, in segment mode, is recorded for the scan that absorbs the segment
 * (segment.ts).
 */
import type { Note } from '../../types';
import type { PublishedRuns } from './delivery-run';
import { type HeldAttempts, heldKey } from './held-attempts';
import type { IncidentOutput } from './incident-output';
import { detach, type LineKind, type RawRejection, type ScanContext, UNQUEUED } from './model';
import type { LogScanCounts } from './scanner-api';
import type { SegmentEvent } from './segment';
import type { SegmentRecording } from './segment-recording';
import type { SenderState } from './sender-state';

/** The scan's state the context acts on. */
export interface ScanState {
  segmentMode: boolean;
  /** Cap of each per-queue-id map. */
  cap: number;
  senders: SenderState;
  held: HeldAttempts;
  runs: PublishedRuns;
  output: IncidentOutput;
  recording: SegmentRecording;
  counts: LogScanCounts;
  /** The notes of the result, each said once. */
  warnings: Note[];
}

export interface LogScanContext {
  ctx: ScanContext;
  /** True once an attempt without queue id is held: the scan is then not split (see UNQUEUED). */
  unqueuedHeld(): boolean;
}

export function createScanContext(state: ScanState): LogScanContext {
  const { segmentMode, cap, senders, held, runs, recording, counts, warnings } = state;
  const { later, publish } = state.output;
  const { events, holds: segmentHolds, waiting: laterInSegment } = recording;
  const record = (event: SegmentEvent) => recording.record(event);
  const warned = new Set<string>();
  /** Set once an attempt without queue id is held: the scan is then not split (see UNQUEUED). */
  let unqueuedHeld = false;
  if (segmentMode) senders.onUnknownDelete = (key) => record({ type: 'forget', key: detach(key) });

  const ctx: ScanContext = {
    senders,
    formatState: new Map(),
    emit(rejection) {
      if (segmentMode) {
        record({ type: 'emit', rejection });
        const copy = (events[events.length - 1] as { rejection: RawRejection }).rejection;
        if (copy.sender === null && copy.senderKey !== undefined)
          laterInSegment.add(copy.senderKey, copy.ref.line, copy);
        return;
      }
      // Sendmail's line for the next MX of the run, repeating the first one's reply: the same refusal.
      if (rejection.runKey !== undefined && runs.repeats(rejection.runKey, rejection)) return;
      if (rejection.queueKey)
        held.release(rejection.queueKey, rejection.process, rejection.recipient, rejection.ref, rejection);
      // A segment's rejection that took the sender logged below it (see laterInSegment): that line
      // comes now, for the rejections of its queue id read before.
      if (rejection.laterSender && rejection.senderKey !== undefined)
        later.sender(rejection.senderKey, rejection.laterSender);
      publish(rejection, rejection.ref.line);
    },
    emitIncident(incident) {
      // A segment's records of that format keep it from being absorbed (segment.ts, ABSORBABLE): the
      // scan that reads the lines before reads these again itself.
      if (!segmentMode) state.output.deliver(incident);
    },
    release(queueKey, recipient, ref, process, release) {
      // A segment cannot tell whether the first part held attempts for the queue id: it says so each time.
      // Attempts without queue id: only this scan's own (see UNQUEUED), none held in a segment's.
      if (release) {
        if (unqueuedHeld) held.release(queueKey, process, recipient, ref, release.status ?? null, release);
        return;
      }
      if (segmentMode) {
        record({ type: 'release', key: queueKey, recipient, ref, process });
        segmentHolds.delete(heldKey(queueKey, process));
      } else held.release(queueKey, process, recipient, ref, null);
    },
    hold(rejection) {
      rejection.replyText = detach(rejection.replyText);
      if (rejection.queueKey === UNQUEUED) unqueuedHeld = true;
      if (segmentMode) {
        record({ type: 'hold', rejection });
        if (segmentHolds.size >= cap) segmentHolds.clear();
        segmentHolds.add(heldKey(rejection.queueKey, rejection.process));
        return;
      }
      held.hold(rejection);
    },
    count(kind: LineKind) {
      if (kind === 'delivered') counts.delivered++;
      else if (kind === 'inbound-rejection') counts.inboundRejections++;
      else counts.failuresWithoutReply++;
    },
    warnOnce(note) {
      if (warned.has(note.code)) return;
      warned.add(note.code);
      if (segmentMode) record({ type: 'warn', note });
      else warnings.push(note);
    },
  };

  return { ctx, unqueuedHeld: () => unqueuedHeld };
}
