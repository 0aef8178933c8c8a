/**
 * Postfix's queue as `postqueue -j` prints it (Postfix 3.1 and later, postqueue(1)): one JSON object per
 * line and queued message, `{"queue_name": "deferred", "queue_id": ..., "arrival_time": <Unix seconds>,
 * "sender": ..., "recipients": [{"address": ..., "delay_reason": "host X[IP] said: 421 ... (in reply to
 * ...)"}]}`. A queue deferred by Orange for hours holds many thousands of messages, so its listing is a
 * large file: read here by the log scanner, line by line, as a pasted listing is read whole by
 * formats/queue-json.ts (same replies, same note on the date).
 *
 * The listing gives when each message arrived, never when it was refused: the incident's date is left
 * empty, with the arrival time in the note. Each recipient's reason is one rejection, a reason repeated
 * for the same recipient domain in one message counted once.
 */
import { fromUnixSeconds } from '../../dates';
import { ARRIVALS_ONLY, arrivalNote, replyOf } from '../../formats/queue-listing';
import { domainOf } from '../../header-block';
import { isLocalPeer } from '../local-peer';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { refOf } from '../model';
import { baseRejection, hostAndIp } from './common';

type Json = Record<string, unknown>;

/** A line of `postqueue -j` (cheap: two member names no other JSON log read here writes together). */
export function isPostqueueJson(text: string): boolean {
  return text.includes('"queue_id"') && text.includes('"recipients"');
}

function entryOf(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const entry = value as Json;
    return typeof entry.queue_id === 'string' && Array.isArray(entry.recipients) ? entry : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function read(record: LogRecord, ctx: ScanContext): void {
  const entry = entryOf(record.text);
  if (!entry) return;
  const ref = refOf(record);
  const sender = text(entry.sender);
  const arrival = typeof entry.arrival_time === 'number' ? fromUnixSeconds(entry.arrival_time) : null;
  const seen = new Set<string>();
  for (const recipient of entry.recipients as unknown[]) {
    if (!recipient || typeof recipient !== 'object') continue;
    const address = text((recipient as Json).address);
    const reason = text((recipient as Json).delay_reason);
    // A message still waiting in the incoming or active queue has no reason yet.
    if (!reason) continue;
    const key = `${domainOf(address ?? '') ?? ''}\n${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const said = replyOf(reason);
    const remote = hostAndIp(said?.peer ?? '');
    if (!said || isLocalPeer(said.peer, remote.ip)) {
      ctx.count('failure-without-reply');
      continue;
    }
    const rejection = baseRejection('postfix', ref, null, said.reply);
    rejection.recipient = address;
    if (sender) rejection.sender = { value: sender, ref };
    rejection.remoteHost = remote.host;
    rejection.remoteIp = remote.ip;
    if (arrival) rejection.stampNote = arrivalNote(arrival);
    ctx.warnOnce(ARRIVALS_ONLY);
    ctx.emit(rejection);
  }
}

export const postqueueJsonReader: FormatReader = {
  format: 'postfix',
  read: (record, _syslog, ctx) => read(record, ctx),
};
