/**
 * nodemailer's debug output logged as JSON by a logger adapter that keeps the console logger's prefix in
 * each record's message (`{"level":20,"time":"2026-11-26T08:05:45.018+01:00",...,"msg":"[Xy7Pq2LmN0a] S:
 * 550 5.2.0 ..."}`, formats/nodemailer-json-log.ts), read by the scanner record by record when `summarize`
 * reads such a log: each session id's lines are one session (client-session.ts), its commands (`C:`) and
 * the server's replies (`S:`), the remote's address from `Connection established to IP:port`, its name from
 * `Resolved HOST as IP`; each refusal dated by its own record's time. Each record alone said nothing: its
 * message is no event's reply key, and its reply starts with the prefix.
 *
 * Only that form: pino's and bunyan's own records (`"tnx":"server","msg":"550 ..."`) stay read as events,
 * where nodemailer's error record quoting the reply (`err.message`) gives the refusal, which their session
 * lines would give a second time.
 */

import { isObj, type Json } from '../../formats/json-value';
import { recordTime } from '../../formats/nodemailer-json-log';
import { sessionPrefix } from '../../formats/nodemailer-session-prefix';
import type { LogRecord, ScanContext } from '../model';
import { detach } from '../model';
import { type ClientSession, commandSent, newClientSession, replyReceived } from './client-session';
import { boundedState } from './common';

const CONNECTED = /^Connection established to ([\d.]{7,15}|[0-9A-Fa-f:]{2,39}):\d{1,5}$/;
const RESOLVED = /^Resolved ([A-Za-z0-9.-]{1,253}) as ([\d.]{7,15}|[0-9A-Fa-f:]{2,39})\b/;
/** A line of a multi-line reply that more lines follow (`250-mwinf5c12 hello [192.0.2.61]`). */
const CONTINUED = /^[2-5]\d\d-/;
/** Continuation lines kept at most for one reply. */
const MAX_HELD = 32;

interface PrefixedSession {
  session: ClientSession;
  /** The lines of a multi-line reply read so far, before its last. */
  held: string[];
  /** The record of the reply's first line, cited for the reply (and the address its `hello [IP]` names). */
  firstRecord: LogRecord | null;
}

function sessionOf(ctx: ScanContext, sid: string): PrefixedSession {
  const sessions = boundedState<PrefixedSession>(ctx, 'nodemailer-prefixed.sessions');
  let found = sessions.get(sid);
  if (!found) {
    found = { session: newClientSession(), held: [], firstRecord: null };
    sessions.set(detach(sid), found);
  }
  return found;
}

/** One line the server wrote: a reply's last line goes to the session, with the lines held before it. */
function serverLine(
  found: PrefixedSession,
  line: string,
  record: LogRecord,
  iso: string | null,
  ctx: ScanContext,
): void {
  if (CONTINUED.test(line)) {
    found.firstRecord ??= { line: record.line, text: detach(record.text) };
    if (found.held.length < MAX_HELD) found.held.push(detach(line));
    return;
  }
  const reply = [...found.held, line].join(' ');
  const cited = found.firstRecord ?? record;
  found.held = [];
  found.firstRecord = null;
  const stamp = iso ? { kind: 'iso' as const, text: iso } : null;
  replyReceived(found.session, reply, cited, stamp, 'json-event', ctx);
}

/**
 * Reads `value` (the record's one JSON value) when it is such a record of a session's line; false for
 * any other value, left to the other readers.
 */
export function readPrefixedNodemailerRecord(value: Json, record: LogRecord, ctx: ScanContext): boolean {
  if (!isObj(value) || typeof value.msg !== 'string') return false;
  const [first = '', ...more] = value.msg.replace(/\r?\n$/, '').split(/\r?\n/);
  const head = sessionPrefix(first);
  if (!head) return false;
  const side = head.side;
  const rest = first.slice(head.length);
  const connected = side ? null : CONNECTED.exec(rest);
  const resolved = side || connected ? null : RESOLVED.exec(rest);
  if (!side && !connected && !resolved) return false;
  const found = sessionOf(ctx, head.sid);
  if (connected?.[1]) found.session.remote = detach(connected[1]);
  if (resolved?.[1] && resolved[2]) {
    found.session.remoteHost = detach(resolved[1].toLowerCase());
    found.session.remote = detach(resolved[2]);
  }
  if (!side) return true;
  // (A message of several lines: each after the first with the prefix again, or without it.)
  const lines = [rest, ...more.map((l) => l.slice(sessionPrefix(l)?.length ?? 0))];
  if (side === 'C') {
    for (const line of lines) commandSent(found.session, line, record);
    return true;
  }
  const iso = recordTime(value);
  for (const line of lines) serverLine(found, line, record, iso, ctx);
  return true;
}
