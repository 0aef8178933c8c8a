/**
 * maddy's records of each message as the log scanner reads them (stamped-json-record.ts), kept so that a
 * failure's incident takes what extract takes from the same records (../../maddy-delivery.ts): the envelope
 * sender of the message's `incoming message` record, the addresses of its `connected` records (`local_addr`,
 * the address maddy sent from; `remote_addr`, the server's). Per message, in a map bounded as the senders
 * are; a message's connected records are its last MAX_CONNECTED.
 */
import type { Incident, SourceRef } from '../../../types';
import { fillFromRecords, type MaddyRecord, maddyMessageOf, maddyRecordOf } from '../../maddy-delivery';
import { type LogRecord, refOf, type ScanContext } from '../model';
import { boundedState } from './common';

interface Kept {
  record: MaddyRecord;
  ref: SourceRef;
}

interface MessageRecords {
  incoming: Kept | null;
  connected: Kept[];
}

/** A message's delivery attempts kept at most (maddy tries each MX in turn, then again later). */
const MAX_CONNECTED = 8;

/**
 * The record of maddy's on this line, kept when it is of use to a later failure of its message; and what
 * completes an incident read from this line (a failure's) from the records above it. Null when the line
 * holds no record of maddy's.
 */
export function maddyRecordFiller(
  record: LogRecord,
  ctx: ScanContext,
): ((incident: Incident) => void) | null {
  const maddy = maddyRecordOf(record.text, record.line);
  if (!maddy) return null;
  const messages = boundedState<MessageRecords>(ctx, 'maddy.messages');
  const message = maddyMessageOf(maddy.msgId);
  const kept = messages.get(message) ?? null;
  const earlier = kept ? [...(kept.incoming ? [kept.incoming] : []), ...kept.connected] : [];
  const fill = (incident: Incident) => {
    if (earlier.length === 0) return;
    const refAt = (line: number) => earlier.find((k) => k.record.line === line)?.ref ?? refOf(record);
    fillFromRecords(
      incident,
      maddy,
      earlier.map((k) => k.record),
      refAt,
    );
  };
  const isIncoming = typeof maddy.fields.sender === 'string';
  if (isIncoming || maddy.fields.local_addr !== undefined) {
    const next: MessageRecords = kept ?? { incoming: null, connected: [] };
    const entry = { record: maddy, ref: refOf(record) };
    if (isIncoming) next.incoming ??= entry;
    else next.connected = [...next.connected, entry].slice(-MAX_CONNECTED);
    messages.set(message, next);
  }
  return fill;
}
