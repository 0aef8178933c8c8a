/**
 * MTA logs to incidents, streaming: lines go in one by one (push), or decoded text in chunks of any size
 * (pushText, faster: most Postfix lines are judged inside their chunk without being cut out), incidents
 * come out as soon as they are read (onIncident) and the memory used does not grow with the log: no line
 * is kept, per-queue-id state lives in bounded maps (oldest evicted, Postfix queue ids forgotten at their
 * `removed` line), and `keep` limits the incidents retained for the result.
 */
import type { InputFormat, Note } from '../../types';
import { unwrappedLogLines } from '../formats/json-log';
import { BoundedMap } from './bounded-map';
import { createDeliveredLineReader } from './delivered-line';
import { PublishedRuns } from './delivery-run';
import type { DispatchState } from './dispatch';
import { powermtaReader } from './formats/powermta';
import { createStampedJsonReader } from './formats/stamped-json-record';
import { HeldAttempts } from './held-attempts';
import { createIncidentOutput } from './incident-output';
import { lineStandsAlone } from './line-stands-alone';
import { createLineSplitter, type LineSplitter } from './lines';
import { isCriPartialAt, PartialLines } from './partial-lines';
import { prettyLogLines } from './pretty-record';
import { createRecordReader } from './record-reader';
import { createRecordAssembler } from './records';
import { createScanContext } from './scan-context';
import { NOTES } from './scan-notes';
import type { LogScanCounts, LogScanner, LogScanOptions } from './scanner-api';
import { addSegmentCounts, replaySegment, segmentIsAbsorbable } from './segment';
import { SegmentRecording } from './segment-recording';
import { SenderState } from './sender-state';
import { StampOrder } from './time-order';

export function createLogScanner(options: LogScanOptions = {}): LogScanner {
  const cap = options.stateCap ?? 20_000;
  const fastPaths = options.fastPaths ?? true;
  const segmentMode = options.segment ?? false;
  // What segment mode records instead of acting (segment-recording.ts).
  const recording = new SegmentRecording();
  let absorbedEvictions = 0;
  const warnings: Note[] = [];
  const dispatchState: DispatchState = {
    powermta: false,
    exchange: false,
    espEvents: options.espEvents,
    stampedJson: options.espEvents ? createStampedJsonReader(options) : undefined,
  };
  const counts: LogScanCounts = {
    lines: 0,
    records: 0,
    recordsByFormat: {},
    rejections: 0,
    rejectionsByProvider: {},
    orangeRejections: 0,
    suspensions: 0,
    suspensionsLinked: 0,
    delivered: 0,
    inboundRejections: 0,
    failuresWithoutReply: 0,
    evictedStates: 0,
    truncatedLines: 0,
  };
  const output = createIncidentOutput(options, counts, cap);
  const { incidents, tally, later } = output;

  const runs = new PublishedRuns(cap, options);
  const senders = new SenderState(cap);
  senders.waiting = segmentMode ? recording.waiting : later;
  const held = new HeldAttempts(cap, options, senders, output.publish);

  const { ctx, unqueuedHeld } = createScanContext({
    segmentMode,
    cap,
    senders,
    held,
    runs,
    output,
    recording,
    counts,
    warnings,
  });

  /** The bounded maps some readers keep in formatState (qmail deliveries, Haraka attempts...). */
  const formatMaps = () =>
    [...ctx.formatState.values()].filter((v): v is BoundedMap<string, unknown> => v instanceof BoundedMap);

  const onDelivered = createDeliveredLineReader(segmentMode, counts, held, recording, unqueuedHeld, ctx);
  const order = new StampOrder();
  const onRecordAt = createRecordReader(counts, dispatchState, fastPaths, order, onDelivered, ctx);
  const onRecord = (text: string, line: number) => {
    // A log file's JSON object printed over several lines (`journalctl -o json-pretty`), gathered by the
    // assembler: read as the log line it wraps, as the object on one line is (pushWhole).
    const unwrapped = text.charCodeAt(0) === 123 /* { */ && text.includes('\n') ? prettyLogLines(text) : null;
    if (unwrapped) for (const l of unwrapped) onRecordAt(l, 0, l.length, line);
    else onRecordAt(text, 0, text.length, line);
  };
  const assembler = createRecordAssembler(onRecord);

  /** A line of a chunk taken as it is (see LineSplitterOptions.takeSpan), or false to have it cut. */
  const takeSpan = (chunk: string, s: number, e: number, lineNo: number): boolean => {
    if (!lineStandsAlone(chunk, s, e, assembler, partials)) return false;
    counts.lines++;
    assembler.flush();
    onRecordAt(chunk, s, e, lineNo);
    return true;
  };
  let splitter: LineSplitter | null = null;

  const partials = new PartialLines();
  const push = (line: string, lineNo: number) => {
    counts.lines++;
    // A container runtime's line written in pieces (CRI's `P`, Docker's json-file): read joined.
    if (partials.pending || line.charCodeAt(0) === 123 || isCriPartialAt(line, 0, line.length))
      partials.push(line, lineNo, pushWhole);
    else pushWhole(line, lineNo);
  };
  const pushWhole = (line: string, lineNo: number) => {
    // A log file in JSON (Docker's, journald's): each object read as the log line it wraps.
    const unwrapped =
      line.charCodeAt(0) === 123 /* { */ && !assembler.collectingJson ? unwrappedLogLines(line) : null;
    if (unwrapped) for (const l of unwrapped) assembler.push(l, lineNo);
    else assembler.push(line, lineNo);
  };

  /** The end of the input: the last line, the record held, the senders pending. */
  const endInput = () => {
    if (splitter) {
      splitter.end();
      counts.truncatedLines += splitter.truncatedLines;
      splitter = null;
    }
    partials.end(pushWhole);
    assembler.flush();
    if (dispatchState.powermta) powermtaReader.finish?.(ctx);
    senders.settle();
    // A segment's order is merged into the scan that absorbs it, which says whether the log is reversed.
    if (!segmentMode && order.reversed) ctx.warnOnce(NOTES.reversed);
  };

  const evictions = () => {
    let n = senders.evicted + held.evicted + absorbedEvictions;
    for (const map of formatMaps()) n += map.evicted;
    return n;
  };

  return {
    push(line, lineNo) {
      push(line, lineNo);
      senders.settle();
    },
    pushText(chunk) {
      splitter ??= createLineSplitter(push, { takeSpan });
      splitter.push(chunk);
      // Senders still queued are copied out of the chunk, which the scan no longer needs.
      senders.settle();
    },
    finish() {
      endInput();
      held.drain();
      later.drain();
      counts.evictedStates = evictions();
      // A note on the input (sendmail's status without a reply) already says why there is no incident.
      if (counts.rejections === 0 && !warnings.some((w) => w.code.startsWith('input.')))
        ctx.warnOnce(NOTES.noRejection);
      for (const note of tally.missingFieldNotes()) ctx.warnOnce(note);
      if (counts.evictedStates > 0) ctx.warnOnce(NOTES.evicted(counts.evictedStates));
      if (counts.truncatedLines > 0) ctx.warnOnce(NOTES.truncated(counts.truncatedLines));
      // Attempt lines held for their status line can come out late: give the result in log order.
      incidents.sort((a, b) => (a.sources.reply?.line ?? 0) - (b.sources.reply?.line ?? 0));
      const formats = (Object.entries(counts.recordsByFormat) as [InputFormat, number][])
        .sort((a, b) => b[1] - a[1])
        .map(([f]) => f);
      return { incidents, warnings, counts, formats };
    },
    get lines() {
      return counts.lines;
    },
    get truncatedLines() {
      return counts.truncatedLines + (splitter?.truncatedLines ?? 0);
    },
    get stateSize() {
      let size = senders.size + held.size + runs.size;
      for (const map of formatMaps()) size += map.size;
      return size;
    },
    addTruncatedLines(n) {
      counts.truncatedLines += n;
    },
    absorb(segment) {
      if (
        segmentMode ||
        unqueuedHeld() ||
        partials.pending ||
        segment.unqueuedAttempts ||
        assembler.collectingJson ||
        splitter?.midLine
      )
        return false;
      // The record held is complete (the segment starts with a line of its own): it is read first, as
      // it may be a header that changes how the following lines are read.
      assembler.flush();
      const absorbable =
        segmentIsAbsorbable(segment) &&
        !dispatchState.powermta &&
        !dispatchState.exchange &&
        ctx.formatState.size === 0;
      if (!absorbable) return false;
      replaySegment(segment, counts.lines, ctx);
      // counts.evictedStates is set at finish(), from the maps and what the segments evicted.
      addSegmentCounts(counts, segment);
      if (segment.order) order.merge(segment.order);
      absorbedEvictions += segment.counts.evictedStates;
      splitter ??= createLineSplitter(push, { takeSpan });
      splitter.skipLines(segment.counts.lines);
      return true;
    },
    finishSegment() {
      endInput();
      return {
        events: recording.events,
        counts: {
          lines: counts.lines,
          records: counts.records,
          recordsByFormat: counts.recordsByFormat,
          delivered: counts.delivered,
          inboundRejections: counts.inboundRejections,
          failuresWithoutReply: counts.failuresWithoutReply,
          evictedStates: evictions(),
          truncatedLines: counts.truncatedLines,
        },
        order: order.state,
        senders: senders.entries(),
        ...(unqueuedHeld() ? { unqueuedAttempts: true } : {}),
      };
    },
    get segmentBytes() {
      return recording.bytes;
    },
  };
}
