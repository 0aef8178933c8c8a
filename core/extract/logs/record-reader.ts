/**
 * One record of a log to its reader: Postfix's lines are sorted in place (most are dismissed or counted
 * without being cut out of their chunk, postfix-fast.ts), other records are dispatched to their
 * format's reader (dispatch.ts).
 */
import type { DeliveredLineReader } from './delivered-line';
import { type DispatchState, dispatch, plainSpaces } from './dispatch';
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
import { nextRecordAt } from './run-on';
import type { LogScanCounts } from './scanner-api';
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

  /** Full reading of one record: deliveries counted, others dispatched to their reader. */
  const readRecord = (record: string, line: number) => {
    const text = plainSpaces(record);
    // Postfix deliveries are most of a mail.log: counted without parsing the line.
    if (text.includes('status=sent (')) {
      onDelivered(text, 0, text.length, line);
      return;
    }
    const found = dispatch(text, dispatchState);
    if (!found) return;
    const next = found.syslog ? nextRecordAt(text, found.syslog) : -1;
    if (next > 0) {
      readRecord(text.slice(0, next).trimEnd(), line);
      readRecord(text.slice(next), line);
      return;
    }
    if (found.syslog) order.observe(found.syslog.stamp);
    const format = found.reader.format;
    counts.recordsByFormat[format] = (counts.recordsByFormat[format] ?? 0) + 1;
    found.reader.read({ text, line }, found.syslog, ctx);
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
