/**
 * MTA logs to incidents, streaming: lines go in one by one (push), or decoded text in chunks of any size
 * (pushText, faster: most Postfix lines are judged inside their chunk without being cut out), incidents
 * come out as soon as they are read (onIncident) and the memory used does not grow with the log: no line
 * is kept, per-queue-id state lives in bounded maps (oldest evicted, Postfix queue ids forgotten at their
 * `removed` line), and `keep` limits the incidents retained for the result.
 */
import type { ExtractionResult, ExtractOptions, Incident, InputFormat, Note } from '../../types';
import { unwrappedLogLines } from '../formats/json-log';
import { BoundedMap } from './bounded-map';
import { PublishedRuns } from './delivery-run';
import { type Dispatch, type DispatchState, dispatch, plainSpaces, syslogPrefix } from './dispatch';
import { powermtaReader } from './formats/powermta';
import { HeldAttempts, heldKey } from './held-attempts';
import { buildIncident, createIncidentCaches, fillLaterSender } from './incident';
import { IncidentTally } from './incident-tally';
import { LaterSenders } from './later-sender';
import { createLineSplitter, type LineSplitter } from './lines';
import { withHostClocks } from './message-id-clock';
import { detach, type LineKind, type RawRejection, refOf, type ScanContext, UNQUEUED } from './model';
import { NextIndex } from './next-index';
import { isCriPartialAt, PartialLines } from './partial-lines';
import {
  classifyPostfix,
  createPostfixFinders,
  deliveredLine,
  forgetRemoved,
  POSTFIX_REMOVED,
  POSTFIX_SENDER,
  POSTFIX_SKIP,
  POSTFIX_UNKNOWN,
  readSenderLine,
} from './postfix-fast';
import { MARKERS } from './record-markers';
import { createRecordAssembler, ENTRY_START, endsCutShort, mayStartEntry } from './records';
import { eachRunOnRecord } from './run-on';
import { NOTES } from './scan-notes';
import type { LogScanCounts, LogScanner, LogScanOptions, LogScanResult } from './scanner-api';
import {
  addSegmentCounts,
  eventSize,
  recordedEvent,
  replaySegment,
  type SegmentEvent,
  segmentIsAbsorbable,
} from './segment';
import { SenderState } from './sender-state';
import type { SyslogLine } from './syslog';
import { StampOrder } from './time-order';
import { createTriggerTracker } from './trigger';

export { detectLogFormat } from './detect';
export { createLineSplitter, type LineSplitter } from './lines';
export type { LogScanCounts, LogScanner, LogScanOptions, LogScanResult } from './scanner-api';
export type { LogSegment } from './segment';

/** src[s, e) as a string of its own (the string itself when it is the whole of it). */
function cut(src: string, s: number, e: number): string {
  return s === 0 && e === src.length ? src : src.slice(s, e);
}

/** ENTRY_START at a given place of a chunk (lastIndex), without cutting the line out. */
const ENTRY_START_AT = new RegExp(ENTRY_START.source.slice(1), 'y');

/** See deliveringProcesses (createLogScanner): about 4 MB of events at most. */
const MAX_DELIVERING_PROCESSES = 4096;

export function createLogScanner(options: LogScanOptions = {}): LogScanner {
  const keep = options.keep ?? 'all';
  const cap = options.stateCap ?? 20_000;
  const fastPaths = options.fastPaths ?? true;
  const segmentMode = options.segment ?? false;
  const events: SegmentEvent[] = [];
  let segmentBytes = 0;
  const record = (event: SegmentEvent) => {
    const copy = recordedEvent(event);
    events.push(copy);
    segmentBytes += eventSize(copy);
  };
  let absorbedEvictions = 0;
  const incidents: Incident[] = [];
  const warnings: Note[] = [];
  const warned = new Set<string>();
  const triggers = createTriggerTracker(cap);
  const dispatchState: DispatchState = { powermta: false, exchange: false };
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
  const caches = createIncidentCaches();
  /** An incident out: counted, handed to onIncident, kept. `senderLogged`: the log gave its sender. */
  const tally = new IncidentTally(counts);
  const deliver = (incident: Incident, senderLogged = false) => {
    tally.add(incident, senderLogged);
    options.onIncident?.(incident);
    if (keep === 'all' || (keep === 'orange' && incident.isOrange)) incidents.push(incident);
  };
  // Incidents whose queue id had logged no sender yet: out when its sender line comes, or a while later.
  const later = new LaterSenders<Incident>((incident, sender) => {
    fillLaterSender(incident, sender);
    deliver(incident, true);
  }, deliver);
  // In segment mode, the rejections recorded without a sender take the one logged a few lines below.
  const laterInSegment = new LaterSenders<RawRejection>(
    (rejection, sender) => {
      rejection.laterSender = sender;
      segmentBytes += 2 * sender.ref.text.length;
    },
    () => {},
  );

  /**
   * The incident of a rejection, published while reading line `atLine`. Its trigger is linked now, in
   * log order; without a sending domain, and its queue id without a sender so far, it waits for the
   * sender line qmgr may write below it (later-sender.ts).
   */
  const publish = (raw: RawRejection, atLine: number) => {
    const incident = buildIncident(raw, options, caches);
    const host = raw.sendingHost;
    triggers.observe(
      incident,
      host?.instance,
      raw.queueKey,
      raw.loggedBy ?? (host?.origin === 'syslog-ip' ? host.value : undefined),
    );
    if (incident.sendingDomain === null && raw.sender === null && raw.senderKey !== undefined) {
      if (raw.laterSender) fillLaterSender(incident, raw.laterSender);
      else {
        later.add(raw.senderKey, atLine, incident);
        return;
      }
    }
    deliver(incident, raw.sender !== null || raw.laterSender !== undefined);
  };

  const runs = new PublishedRuns(cap, options);
  const senders = new SenderState(cap);
  senders.waiting = segmentMode ? laterInSegment : later;
  const held = new HeldAttempts(cap, options, senders, publish);

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

  /** The bounded maps some readers keep in formatState (qmail deliveries, Haraka attempts...). */
  const formatMaps = () =>
    [...ctx.formatState.values()].filter((v): v is BoundedMap<string, unknown> => v instanceof BoundedMap);

  /**
   * Segment mode: the processes whose first `status=sent` line was recorded (see onDelivered), at most
   * MAX_DELIVERING_PROCESSES: those in a delivery at the cut are at most Postfix's process limit (100 by
   * default, a few hundred on a busy relay) and end it within minutes, before that many others appear.
   */
  const deliveringProcesses = new Set<string>();
  /** Segment mode: the attempts it held itself (their keys), which its own status lines release. */
  const segmentHolds = new Set<string>();
  /**
   * A Postfix `status=sent` line, src[s, e): counted, and the refusals held for its queue id and process
   * (an earlier MX's `host X refused to talk to me: 421 ...`) take its recipient and are published. Read
   * only when something may be held: deliveries are most of a mail.log. A segment cannot know what the
   * first part holds, but a delivery agent does one delivery at a time: only the first status line of a
   * process in the segment can end a delivery the first part began, so only that one is recorded.
   */
  const onDelivered = (src: string, s: number, e: number, line: number) => {
    counts.delivered++;
    const mayMatter = segmentMode
      ? segmentHolds.size > 0 || deliveringProcesses.size < MAX_DELIVERING_PROCESSES
      : held.size > 0;
    if (!mayMatter) return;
    const sent = deliveredLine(src, s, e);
    if (!sent) return;
    const key = heldKey(`postfix:${sent.queueId}`, sent.process);
    const unqueued = unqueuedHeld ? heldKey(UNQUEUED, sent.process) : '';
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

  const finders = createPostfixFinders();
  const order = new StampOrder();
  // Looked for from its `(` (see NextIndex), rarer than the `s`s of every line.
  const sent = new NextIndex('status=sent (', 12);

  /** Full reading of one record (no-break spaces made plain): deliveries counted, others dispatched. */
  const readOne = (text: string, line: number, dispatched?: Dispatch | null) => {
    // Postfix deliveries are most of a mail.log: counted without parsing the line.
    if (text.includes('status=sent (')) {
      onDelivered(text, 0, text.length, line);
      return;
    }
    const found = dispatched === undefined ? dispatch(text, dispatchState) : dispatched;
    if (!found) return;
    if (found.syslog) order.observe(found.syslog.stamp);
    const format = found.reader.format;
    counts.recordsByFormat[format] = (counts.recordsByFormat[format] ?? 0) + 1;
    found.reader.read({ text, line }, found.syslog, ctx);
  };
  /**
   * A record that may hold several a paste ran together on one line (run-on.ts): each is read alone, as
   * if the line breaks were there, also after a first record no reader claims (a Dovecot line before
   * Postfix's). Returns false, having read nothing, when `text` holds one record.
   */
  const readRunOn = (text: string, syslog: SyslogLine, line: number): boolean =>
    eachRunOnRecord(text, syslog, (record) => readOne(record, line));
  /** Full reading of a record, or of the records run together in it. */
  const readRecord = (record: string, line: number) => {
    const text = plainSpaces(record);
    const found = dispatch(text, dispatchState);
    const syslog = found ? found.syslog : syslogPrefix(text);
    if (syslog && readRunOn(text, syslog, line)) return;
    readOne(text, line, found);
  };

  /**
   * One record, src[s, e): a whole record (s = 0, e = its length) or a line of a chunk, so that the
   * many lines no reader needs are dismissed without being cut out of their chunk.
   */
  const onRecordAt = (src: string, s: number, e: number, line: number) => {
    counts.records++;
    const c0 = src.charCodeAt(s);
    // Header-driven formats, JSON and comments go straight to the readers; other records are sorted.
    if (
      c0 === 123 /* { */ ||
      c0 === 35 /* # */ ||
      dispatchState.powermta ||
      dispatchState.exchange ||
      (c0 === 116 /* t */ && (src.startsWith('type,', s) || src.startsWith('type;', s)))
    ) {
      readRecord(cut(src, s, e), line);
      return;
    }
    const kind = classifyPostfix(src, s, e, finders);
    // The fast paths below take the line for one record: one holding several a paste ran together is
    // read record by record. Only a line with a second ` postfix` in it can be one (found once per chunk).
    if (kind !== POSTFIX_UNKNOWN && mayRunOn(src, s, e) && readRunOnAt(src, s, e, line)) return;
    if (kind === POSTFIX_SKIP) return;
    if (kind === POSTFIX_REMOVED) {
      if (fastPaths) forgetRemoved(src, s, e, ctx);
      return;
    }
    if (kind === POSTFIX_UNKNOWN) {
      const text = plainSpaces(cut(src, s, e));
      if (MARKERS.test(text)) readRecord(text, line);
      return;
    }
    if (sent.within(src, s, e)) {
      order.observeClassicAt(src, s);
      onDelivered(src, s, e, line);
      return;
    }
    if (kind === POSTFIX_SENDER) order.observeClassicAt(src, s);
    if (kind === POSTFIX_SENDER && fastPaths && readSenderLine(src, s, e, line, finders, ctx)) {
      counts.recordsByFormat.postfix = (counts.recordsByFormat.postfix ?? 0) + 1;
      return;
    }
    readRecord(cut(src, s, e), line);
  };
  /** True when ` postfix` occurs again after the first in src[s, e), which classifyPostfix found. */
  const mayRunOn = (src: string, s: number, e: number): boolean => {
    const at = finders.postfix.find(src, s);
    return at >= 0 && finders.postfix.within(src, at + 1, e);
  };
  /** Reads src[s, e) as the records run together in it, or returns false when it holds one. */
  const readRunOnAt = (src: string, s: number, e: number, line: number): boolean => {
    const text = plainSpaces(cut(src, s, e));
    const syslog = syslogPrefix(text);
    return syslog !== null && readRunOn(text, syslog, line);
  };
  const onRecord = (text: string, line: number) => onRecordAt(text, 0, text.length, line);
  const assembler = createRecordAssembler(onRecord);

  /** A line of a chunk taken as it is (see LineSplitterOptions.takeSpan), or false to have it cut. */
  const takeSpan = (chunk: string, s: number, e: number, lineNo: number): boolean => {
    // The next line must be known not to continue this one, and no JSON object may be open.
    const next = chunk.charCodeAt(e + 1);
    if (Number.isNaN(next) || next === 32 || next === 9 || assembler.collectingJson || e === s) return false;
    // A CRI piece and the records after it, until its line is whole (partial-lines.ts).
    if (partials.pending || isCriPartialAt(chunk, s, e)) return false;
    const c0 = chunk.charCodeAt(s);
    if (c0 === 32 || c0 === 9 || c0 === 123) return false;
    // After an entry, a next line that starts none may be its wrapped rest (`5.7.0 (SNT004-MC4F16) ...`
    // after `said: 550`, `restrictions. (in reply ...`): the assembler decides.
    if (mayStartEntry(c0)) {
      if (next >= 97 && next <= 122) return false;
      if (next >= 48 && next <= 57) {
        ENTRY_START_AT.lastIndex = e + 1;
        if (!ENTRY_START_AT.test(chunk)) return false;
      }
    }
    // A record wrapped by a post without indenting (records.ts, isCutShort): the assembler joins it.
    if (assembler.cutShort || (c0 === 40 && assembler.holding)) return false;
    if (mayStartEntry(c0) && endsCutShort(chunk.charCodeAt(e - 1))) return false;
    // A qmail delivery line (`@4000<20 hex> delivery N: ...`, records.ts) not ended by its `/`: the
    // assembler may join its wrapped rest. Its `status:` lines are taken as they are.
    if (c0 === 64 && chunk.charCodeAt(e - 1) !== 47 && chunk.startsWith(' delivery ', s + 25)) return false;
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
        unqueuedHeld ||
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
        events,
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
        ...(unqueuedHeld ? { unqueuedAttempts: true } : {}),
      };
    },
    get segmentBytes() {
      return segmentBytes;
    },
  };
}

/** Whole-text convenience: splits CRLF/LF/CR lines itself and scans them. */
export function extractFromLog(text: string, options: ExtractOptions = {}): ExtractionResult {
  const result = scanLogText(text, options);
  // A Postfix-made Message-ID gives its host's year and zone (message-id-clock.ts).
  withHostClocks(result.incidents, text);
  return { incidents: result.incidents, warnings: result.warnings };
}

/** Like extractFromLog, with the counts. */
export function scanLogText(text: string, options: LogScanOptions = {}): LogScanResult {
  const scanner = createLogScanner(options);
  scanner.pushText(text);
  return scanner.finish();
}
