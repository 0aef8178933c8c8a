/**
 * maddy's records of one message, logged apart (maddy issue #842: `submission: incoming message
 * {"msg_id":"3b24958c","sender":...}`, then `[debug] connected {"local_addr":"IP:port","msg_id":
 * "3b24958c-6a0a81a2","remote_addr":"IP:25","remote_server":...}`, then `queue: delivery attempt failed
 * {"msg_id":"3b24958c",...}`): the failure's incident takes the envelope sender of the message's
 * `incoming message` record, and from the `connected` record to the server that refused, the address
 * maddy sent from (`local_addr`) and the server's (`remote_addr`). The client's `src_ip` is never the
 * sending address: it is the application that handed the message over.
 */

import type { ExtractionResult, FieldName, Incident, SourceRef } from '../types';
import { cite } from './incident';
import { isNonPublicIp, normalizeIp } from './ip';
import { domainOf } from './logs/model';
import { withoutAnsweredMissing } from './notes';
import type { SourceText } from './source-text';

export interface MaddyRecord {
  line: number;
  msgId: string;
  fields: { [key: string]: unknown };
}
type Record = MaddyRecord;

/** A record's object: from its first `{"` to the line's end. */
const RECORD_OBJECT = /(\{"[^\n]*\})\s*$/;
/** maddy's words for a message's records (`incoming message`, `delivery attempt failed`). */
const MADDY_WORDS = /: (?:incoming message|delivery attempt failed)\s{1,40}\{"msg_id"/;

/** The record of line `n`, or null when the line ends with no object of maddy's (no `msg_id`). */
export function maddyRecordOf(line: string, n: number): Record | null {
  const json = RECORD_OBJECT.exec(line)?.[1];
  if (!json) return null;
  try {
    const fields = JSON.parse(json) as { [key: string]: unknown };
    return typeof fields.msg_id === 'string' ? { line: n, msgId: fields.msg_id, fields } : null;
  } catch {
    // not an object maddy wrote whole
    return null;
  }
}

function recordsOf(paste: SourceText): Record[] {
  const records: Record[] = [];
  for (let n = 1; n <= paste.lineCount; n++) {
    const record = maddyRecordOf(paste.line(n), n);
    if (record) records.push(record);
  }
  return records;
}

/** A message's id without the delivery's suffix (`3b24958c-6a0a81a2` is a delivery of `3b24958c`). */
export const maddyMessageOf = (msgId: string) => msgId.split('-')[0] as string;
const messageOf = maddyMessageOf;

/** The address of `IP:port` or `[IPv6]:port`. */
function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\[?([^\]]+?)\]?:\d{1,5}$/.exec(value);
  return m ? normalizeIp(m[1] as string) : null;
}

/** The fields filled in one incident from the other records of its message. */
function fill(
  incident: Incident,
  failure: Record,
  byMessage: ReadonlyMap<string, readonly Record[]>,
  paste: SourceText,
): FieldName[] {
  const message = messageOf(failure.msgId);
  const ofMessage = (byMessage.get(message) ?? []).filter((r) => r.line < failure.line);
  return fillFromRecords(incident, failure, ofMessage, (line) => paste.ref(line));
}

/**
 * The fields filled in a failure's incident from its message's records above it (`earlier`), each cited
 * by `refAt` its line. Also used by the log scanner, which keeps those records (logs/formats/maddy-
 * message-records.ts).
 */
export function fillFromRecords(
  incident: Incident,
  failure: Record,
  ofMessage: readonly Record[],
  refAt: (line: number) => SourceRef,
): FieldName[] {
  const filled: FieldName[] = [];
  const incoming = ofMessage.find((r) => typeof r.fields.sender === 'string');
  const senderDomain = incoming ? domainOf(incoming.fields.sender as string) : null;
  if (!incident.sendingDomain && incoming && senderDomain) {
    incident.sendingDomain = senderDomain;
    cite(incident, 'sendingDomain', refAt(incoming.line));
    filled.push('sendingDomain');
  }
  const server = failure.fields.remote_server;
  const connected = ofMessage
    .filter(
      (r) => r.fields.local_addr !== undefined && (server === undefined || r.fields.remote_server === server),
    )
    .at(-1);
  if (!connected) return filled;
  const local = addressOf(connected.fields.local_addr);
  if (local && !isNonPublicIp(local) && !incident.sendingIps.includes(local)) {
    if (incident.sendingIps.length === 0) filled.push('sendingIps');
    incident.sendingIps.push(local);
    cite(incident, 'sendingIps', refAt(connected.line));
  }
  const remote = addressOf(connected.fields.remote_addr);
  if (!incident.remoteIp && remote) {
    incident.remoteIp = remote;
    cite(incident, 'remoteIp', refAt(connected.line));
    filled.push('remoteIp');
  }
  return filled;
}

/** The result with each maddy failure's incident completed from its message's other records. */
export function withMaddyRecords(result: ExtractionResult, paste: SourceText): ExtractionResult {
  if (!MADDY_WORDS.test(paste.text)) return result;
  // Looked up by line and by message: a long journal has many failures (no search of all records each).
  const byLine = new Map<number, Record>();
  const byMessage = new Map<string, Record[]>();
  for (const record of recordsOf(paste)) {
    byLine.set(record.line, record);
    const message = messageOf(record.msgId);
    const list = byMessage.get(message);
    if (list) list.push(record);
    else byMessage.set(message, [record]);
  }
  const filled = new Map<number, FieldName[]>();
  result.incidents.forEach((incident, i) => {
    const line = incident.sources.reply?.line;
    const failure = line === undefined ? undefined : byLine.get(line);
    if (!failure) return;
    const fields = fill(incident, failure, byMessage, paste);
    if (fields.length > 0) filled.set(i + 1, fields);
  });
  if (filled.size === 0) return result;
  return { ...result, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
