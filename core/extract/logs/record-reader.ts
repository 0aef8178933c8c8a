/**
 * One record of a log to its reader: Postfix's lines are sorted in place (most are dismissed or counted
 * without being cut out of their chunk, postfix-fast.ts), other records are dispatched to their
 * format's reader (dispatch.ts).
 */
import type { DeliveredLineReader } from './delivered-line';
import { type Dispatch, type DispatchState, dispatch, plainSpaces, syslogPrefix } from './dispatch';
import type { ScanContext } from './model';
import { NextIndex } from './next-index';
import {
  classifyPostfix,
  createPostfixFinders,
  forgetRemoved,
  POSTFIX_REMOVED,
  POSTFIX_SENDER,
  POSTFIX_SKIP,
  POSTFIX_UNKNOWN,
  readSenderLine,
} from './postfix-fast';
import { MARKERS } from './record-markers';
import { eachRunOnRecord } from './run-on';
import type { LogScanCounts } from './scanner-api';
import type { SyslogLine } from './syslog';
import type { StampOrder } from './time-order';

/** src[s, e) as a string of its own (the string itself when it is the whole of it). */
function cut(src: string, s: number, e: number): string {
  return s === 0 && e === src.length ? src : src.slice(s, e);
}

/** Reads the record src[s, e), read at line `line` (see onRecordAt). */
export type RecordReader = (src: string, s: number, e: number, line: number) => void;

export function createRecordReader(
  counts: LogScanCounts,
  dispatchState: DispatchState,
  fastPaths: boolean,
  order: StampOrder,
  onDelivered: DeliveredLineReader,
  ctx: ScanContext,
): RecordReader {
  const finders = createPostfixFinders();
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
  return onRecordAt;
}
