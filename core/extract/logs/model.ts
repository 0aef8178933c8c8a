/**
 * What a format reader hands to the scanner: one rejection read from the log, with where each value was
 * found, before the reply is parsed and the incident is built (incident.ts).
 */
import type { Incident, InputFormat, Note, SourceRef } from '../../types';
import { isPartlyMasked } from '../redaction';
import { detach } from '../remembered';
import type { SenderState } from './sender-state';
import type { SyslogLine } from './syslog';
import type { RawStamp } from './time';

/** One logical log record: a line, plus any indented continuation lines joined onto it. */
export interface LogRecord {
  line: number;
  text: string;
}

export interface Found<T> {
  value: T;
  ref: SourceRef;
}

/**
 * Where a sending host name was read, said in the incident's assumptions. `syslog-ip`: the syslog host
 * field held an IP address (a remote syslog's `Feb 14 18:12:49 192.0.2.51 exim[63062]: ...`), which names
 * the machine that logged but is no host name (incident.ts).
 */
export type SendingHostOrigin = 'syslog-host' | 'syslog-ip' | 'haraka-queue-file' | 'helo';

export interface RawRejection {
  format: InputFormat;
  ref: SourceRef;
  stamp: RawStamp | null;
  /** The remote server's reply as logged (a prefix like `host X[ip] said:` is tolerated). */
  replyText: string;
  /** Enhanced status code logged beside the reply (dsn=, dsnStatus), used only when the reply has none. */
  loggedEnhanced?: string | null;
  recipient: string | null;
  /** Where the recipient was read, when not on the record of `ref` (an attempt lent its status line's). */
  recipientRef?: SourceRef;
  sender: Found<string> | null;
  /**
   * The queue id the sender was looked up by: a segment of a log scanned apart (segment.ts) that did not
   * know it leaves it to the scanner that read the lines before.
   */
  senderKey?: string;
  /**
   * Segment mode: the sender its queue id logged in the lines below it (later-sender.ts), for the scanner
   * that absorbs the segment when it knows no earlier one.
   */
  laterSender?: Found<string>;
  remoteHost: string | null;
  remoteIp: string | null;
  /** Sending IPs from the log's own source-address fields (never the remote MX). */
  sendingIps: Found<string>[];
  /**
   * The logging machine, and the MTA instance on it that logged the line (Postfix's syslog_name before its
   * `/smtp`: `postfix-out2`): one machine's instances may each send from their own address.
   */
  sendingHost: (Found<string> & { origin: SendingHostOrigin; instance?: string }) | null;
  /**
   * The machine that sent, as the log names it where it gives no sender's name or address (a protocol
   * log's private local endpoint, its server's name): an Orange 999 refused before its session named
   * either is linked to the earlier error of the same machine by it (trigger.ts).
   */
  loggedBy?: string;
  /** Said beside the date when the stamp is not the time of the rejection itself (PowerMTA timeQueued). */
  stampNote?: Note;
  /**
   * Said beside the reply about what the log does not record with it: no remote's words, only its own
   * status (PowerMTA), no reply code (OpenSMTPD's first releases), no message (a refusal at the greeting).
   */
  replyNote?: Note;
  /** Key tying a standalone attempt line to the status line that repeats it (queue id). */
  queueKey?: string;
  /**
   * The process that logged the line (`postfix-out/smtp[5058]`), when the log names it: a delivery agent
   * logs the attempts of a delivery and the status lines that end it, so only its own status lines may
   * complete the attempts held for a queue id (another process's line is for other recipients).
   */
  process?: string;
  /**
   * Key of a line the MTA writes for each MX address it tried, with no status line after them (Sendmail:
   * queue id and recipient): one repeating the same key's reply within its delivery run is left out
   * (delivery-run.ts).
   */
  runKey?: string;
}

/** Counters a reader bumps for lines that are not incidents. */
export type LineKind = 'delivered' | 'inbound-rejection' | 'failure-without-reply';

export interface ScanContext {
  /** Envelope senders by queue id (qmail: `q` + message number), bounded. */
  readonly senders: SenderState;
  /** Small per-format state (column headers, delivery numbers), bounded by each reader. */
  readonly formatState: Map<string, unknown>;
  emit(rejection: RawRejection): void;
  /**
   * An incident the reader built whole, as extract builds it from the same text (an ESP's event,
   * formats/esp-event.ts), published as it is.
   */
  emitIncident(incident: Incident): void;
  /**
   * A per-attempt line (`host X said:` without a recipient): kept until the status line of the same
   * queue id (and process, when named) arrives. If that line repeats the same reply it replaces the
   * attempt, else both are kept.
   */
  hold(rejection: RawRejection & { queueKey: string }): void;
  /**
   * The status line of a queue id that quotes no reply (`status=deferred (connect to ...: Connection
   * timed out)`): the attempts held for it were for its recipient, and are published with it now. Held
   * attempts that name no queue id (Postfix 2.2's, see postfix.ts) also take `release.senderKey`'s sender,
   * and leave out the attempt `release.status` (the status line's own rejection) repeats.
   */
  release(
    queueKey: string,
    recipient: string | null,
    ref: SourceRef,
    process?: string,
    release?: UnqueuedRelease,
  ): void;
  count(kind: LineKind): void;
  warnOnce(note: Note): void;
}

/**
 * The key Postfix's attempt lines without queue id (Postfix 2.2's, formats/postfix.ts) are held by, with
 * the process that logged them. A scan that holds such lines is not split (segment.ts): they are rare
 * (old logs), and a segment would have to record every status line for them.
 */
export const UNQUEUED = 'postfix:';

/** What a status line tells the attempts held without queue id (ScanContext.release). */
export interface UnqueuedRelease {
  /** The status line's queue id, whose sender they take. */
  senderKey: string;
  /** The status line's own rejection, which leaves out the attempt it repeats. */
  status?: RawRejection;
}

export interface FormatReader {
  readonly format: InputFormat;
  /** Reads a record that has a syslog prefix this reader recognised (see claimsSyslog). */
  claimsSyslog?(syslog: SyslogLine): boolean;
  /** Claims a record without a syslog prefix, by its own markers. Must be cheap. */
  claimsBare?(text: string): boolean;
  read(record: LogRecord, syslog: SyslogLine | null, ctx: ScanContext): void;
  /** The end of the input: what the reader kept waiting for a later row is published now. */
  finish?(ctx: ScanContext): void;
}

/** Domains by the text after the `@`: a log has many addresses but few domains. */
const domains = new Map<string, string | null>();

/** Domain part of an address, lower case, or null. */
export function domainOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  if (at < 0 || at === address.length - 1) return null;
  const tail = address.slice(at + 1);
  let domain = domains.get(tail);
  if (domain === undefined) {
    const written = tail.replace(/[>\s].*$/, '').replace(/\.$/, '');
    const cleaned = written.toLowerCase();
    // Labels of letters, digits and dashes, at least two: a redaction (`info@......`, `XXXt.com`) is no
    // domain.
    domain =
      /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,126}$/.test(cleaned) &&
      cleaned.length <= 253 &&
      !isPartlyMasked(written)
        ? cleaned
        : null;
    if (domains.size >= 4096) domains.clear();
    // The key is copied: a slice of a line would keep its stream chunk alive.
    domains.set(detach(tail), domain === null ? null : detach(domain));
  }
  return domain;
}

export { detach } from '../remembered';

/** A reference for bounded state (senders by queue id): a copy, so no stream chunk is kept alive. */
export function windowRef(record: LogRecord): SourceRef {
  return {
    line: record.line,
    text: record.text.length > 2000 ? `${record.text.slice(0, 2000)}…` : detach(record.text),
  };
}

/**
 * Remembers the envelope sender of a queue id. Key and value are copied too: a slice of a line would
 * keep its whole stream chunk (1 MB) alive for as long as the entry lives.
 */
export function rememberSender(ctx: ScanContext, key: string, value: string, record: LogRecord): void {
  ctx.senders.set(detach(key), { value: detach(value), ref: windowRef(record) });
}

/** Source text kept for a field: the record, cut at 2,000 characters so an incident stays small. */
export function refOf(record: LogRecord): SourceRef {
  const text = record.text.length > 2000 ? `${record.text.slice(0, 2000)}…` : detach(record.text);
  return { line: record.line, text };
}
