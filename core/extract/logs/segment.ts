/**
 * A large log scanned in two parts at once: the first part by the scanner that makes the summary, the
 * second, from a line start onwards, by a scanner in segment mode (another thread), which reads its lines
 * as usual but only records what it would have done to the shared state, in order. The first scanner then
 * absorbs the segment: it replays those events against its own state as it stands at the end of its part,
 * so the incidents, counts and links come out as if it had read every line itself.
 *
 * What a segment records, beside its counts: each rejection emitted or held (with the queue id whose
 * sender it did not know: the first part may), each queue id it was told to forget but did not know,
 * each note, and at its end the senders it still knows (for the lines read after it, in the next round).
 * Only segments read entirely by the Postfix reader are absorbed, and only when the first scanner ends
 * its part in the state a segment starts from (no header-driven format, no JSON object open, no
 * per-format state): otherwise the caller scans the second part itself. A rejection the segment read
 * before any sender line of its queue id carries the sender logged a few lines below it (laterSender,
 * later-sender.ts), which also goes to the first part's rejections still waiting for it. Three differences
 * are accepted: a queue id the first part's bounded state would have forgotten while reading the second
 * part (more than the state cap of messages pending at once) can still lend its sender; a rejection of
 * the first part, or an attempt released by a status line without reply, does not take a sender that only
 * a sender line of the segment gives. A refusal the first part holds for a message the segment's
 * `status=sent` line completes takes that line's recipient when its process is among the first 4,096
 * delivering processes of the segment (segment-recording.ts, deliveringProcesses): otherwise it keeps
 * none, as before.
 */
import type { InputFormat, Note, SourceRef } from '../../types';
import type { Found, RawRejection, ScanContext } from './model';
import type { StampOrderState } from './time-order';

export type SegmentEvent =
  | { type: 'emit' | 'hold'; rejection: RawRejection }
  | { type: 'forget'; key: string }
  | { type: 'release'; key: string; recipient: string | null; ref: SourceRef; process?: string }
  | { type: 'warn'; note: Note };

/** The counts a segment adds to the scan (the rejections are counted when its events are replayed). */
export interface SegmentCounts {
  lines: number;
  records: number;
  recordsByFormat: Partial<Record<InputFormat, number>>;
  delivered: number;
  inboundRejections: number;
  failuresWithoutReply: number;
  evictedStates: number;
  truncatedLines: number;
}

/** What a scanner in segment mode hands back: plain data, so it can cross a thread boundary. */
export interface LogSegment {
  events: SegmentEvent[];
  counts: SegmentCounts;
  /** The order of its stamps (time-order.ts), whether the whole log reads newest first is said at the end. */
  order?: StampOrderState;
  /** Set when it held Postfix attempt lines without queue id (model.ts, UNQUEUED): it is not absorbed. */
  unqueuedAttempts?: true;
  /**
   * The envelope senders its state holds at its end (messages still queued), oldest first: the scan that
   * absorbs it reads the lines after it, whose status lines may need them (a cut between a message's
   * qmgr line and its refusal).
   */
  senders?: [string, Found<string>][];
}

/** Formats whose reader keeps no state but the senders: a segment read by these alone can be absorbed. */
const ABSORBABLE = new Set<InputFormat>(['postfix']);

export function segmentIsAbsorbable(segment: LogSegment): boolean {
  return Object.keys(segment.counts.recordsByFormat).every((f) => ABSORBABLE.has(f as InputFormat));
}

/** About how many bytes an event takes (its texts), to bound what a segment keeps. */
export function eventSize(event: SegmentEvent): number {
  if (event.type === 'forget') return 64 + event.key.length;
  if (event.type === 'warn') return 256;
  if (event.type === 'release') return 512 + 2 * event.ref.text.length;
  const r = event.rejection;
  return 512 + 2 * (r.ref.text.length + r.replyText.length + (r.sender?.ref.text.length ?? 0));
}

/**
 * The event as a segment keeps it: a rejection's texts copied (structuredClone makes flat strings), so
 * that they do not keep the chunk they were cut from alive, and so that later changes to the reader's
 * objects do not reach it. A copy by hand (strings detached one by one) was measured: no faster on the
 * 1 GB log and 10-15 MB more at peak.
 */
export function recordedEvent(event: SegmentEvent): SegmentEvent {
  return event.type === 'emit' || event.type === 'hold' || event.type === 'release'
    ? structuredClone(event)
    : event;
}

function shifted(ref: SourceRef, offset: number): SourceRef {
  return { ...ref, line: ref.line + offset };
}

/** The rejection with every line number moved by `offset` (a segment numbers its lines from 1). */
function shiftRejection(r: RawRejection, offset: number): RawRejection {
  const out: RawRejection = {
    ...r,
    ref: shifted(r.ref, offset),
    sendingIps: r.sendingIps.map((ip) => ({ ...ip, ref: shifted(ip.ref, offset) })),
    sender: r.sender && { ...r.sender, ref: shifted(r.sender.ref, offset) },
    sendingHost: r.sendingHost && { ...r.sendingHost, ref: shifted(r.sendingHost.ref, offset) },
  };
  if (r.recipientRef) out.recipientRef = shifted(r.recipientRef, offset);
  if (r.laterSender) out.laterSender = { ...r.laterSender, ref: shifted(r.laterSender.ref, offset) };
  return out;
}

/**
 * Replays a segment's events against the state of the scanner that read the lines before it (whose
 * first `offset` lines they were): forgotten queue ids are forgotten, senders the segment did not know
 * are looked up, rejections emitted or held, notes given.
 */
export function replaySegment(segment: LogSegment, offset: number, ctx: ScanContext): void {
  for (const event of segment.events) {
    if (event.type === 'forget') ctx.senders.delete(event.key);
    else if (event.type === 'warn') ctx.warnOnce(event.note);
    else if (event.type === 'release')
      ctx.release(event.key, event.recipient, shifted(event.ref, offset), event.process);
    else {
      const rejection = shiftRejection(event.rejection, offset);
      if (rejection.sender === null && rejection.senderKey !== undefined)
        rejection.sender = ctx.senders.get(rejection.senderKey) ?? null;
      if (event.type === 'emit') ctx.emit(rejection);
      else if (rejection.queueKey !== undefined) ctx.hold({ ...rejection, queueKey: rejection.queueKey });
    }
  }
  for (const [key, sender] of segment.senders ?? [])
    ctx.senders.set(key, { ...sender, ref: shifted(sender.ref, offset) });
}

/** Adds a segment's counts to a scan's (its rejections were counted as they were replayed). */
export function addSegmentCounts(counts: SegmentCounts, segment: LogSegment): void {
  const c = segment.counts;
  counts.lines += c.lines;
  counts.records += c.records;
  for (const [format, n] of Object.entries(c.recordsByFormat) as [InputFormat, number][])
    counts.recordsByFormat[format] = (counts.recordsByFormat[format] ?? 0) + n;
  counts.delivered += c.delivered;
  counts.inboundRejections += c.inboundRejections;
  counts.failuresWithoutReply += c.failuresWithoutReply;
  counts.evictedStates += c.evictedStates;
  counts.truncatedLines += c.truncatedLines;
}
