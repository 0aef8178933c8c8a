/**
 * Postfix's `status=sent` lines, most of a mail.log: counted, and read only when a refusal may be held
 * for their message (an earlier MX's `host X refused to talk to me: 421 ...`), which then takes their
 * recipient and is published.
 */
import type { HeldAttempts } from './held-attempts';
import { heldKey } from './held-attempts';
import { refOf, type ScanContext, UNQUEUED } from './model';
import { deliveredLine } from './postfix-fast';
import type { LogScanCounts } from './scanner-api';
import type { SegmentRecording } from './segment-recording';

/** See SegmentRecording.deliveringProcesses: about 4 MB of events at most. */
const MAX_DELIVERING_PROCESSES = 4096;

/** A `status=sent` line, src[s, e), read at line `line`. */
export type DeliveredLineReader = (src: string, s: number, e: number, line: number) => void;

/**
 * A Postfix `status=sent` line, src[s, e): counted, and the refusals held for its queue id and process
 * (an earlier MX's `host X refused to talk to me: 421 ...`) take its recipient and are published. Read
 * only when something may be held: deliveries are most of a mail.log. A segment cannot know what the
 * first part holds, but a delivery agent does one delivery at a time: only the first status line of a
 * process in the segment can end a delivery the first part began, so only that one is recorded.
 */
export function createDeliveredLineReader(
  segmentMode: boolean,
  counts: LogScanCounts,
  held: HeldAttempts,
  recording: SegmentRecording,
  unqueuedHeld: () => boolean,
  ctx: ScanContext,
): DeliveredLineReader {
  const { deliveringProcesses, holds: segmentHolds } = recording;
  return (src: string, s: number, e: number, line: number) => {
    counts.delivered++;
    const mayMatter = segmentMode
      ? segmentHolds.size > 0 || deliveringProcesses.size < MAX_DELIVERING_PROCESSES
      : held.size > 0;
    if (!mayMatter) return;
    const sent = deliveredLine(src, s, e);
    if (!sent) return;
    const key = heldKey(`postfix:${sent.queueId}`, sent.process);
    const unqueued = unqueuedHeld() ? heldKey(UNQUEUED, sent.process) : '';
    if (segmentMode) {
      // The segment's own attempt held for this message, or the first line of a process.
      const first =
        deliveringProcesses.size < MAX_DELIVERING_PROCESSES && !deliveringProcesses.has(sent.process);
      if (first) deliveringProcesses.add(sent.process);
      if (!segmentHolds.delete(key) && !first) return;
    } else if (!held.has(key) && !(unqueued && held.has(unqueued))) return;
    const ref = refOf({ line, text: s === 0 && e === src.length ? src : src.slice(s, e) });
    ctx.release(`postfix:${sent.queueId}`, sent.recipient, ref, sent.process);
    // Postfix 2.2's attempt lines without queue id, held by process (model.ts, UNQUEUED).
    if (unqueued) ctx.release(UNQUEUED, sent.recipient, ref, sent.process, { senderKey: sent.queueId });
  };
}
