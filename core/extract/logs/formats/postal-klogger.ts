/**
 * Postal v3's log lines: Postal logs through Klogger (`Klogger.new(nil, destination: $stdout)`,
 * lib/postal/config.rb), whose default formatter writes each entry as one JSON object, `time` as Ruby's
 * `Time#to_s` (`2024-03-04 09:12:01 +0000`, with its offset), `severity`, the `message`, then the tags of
 * the tagged logger that wrote it: the SMTP sender's `log_id` (app/senders/smtp_sender.rb), which ties
 * its `Connected to IP:PORT (HOST)`, `Sending message ID to RCPT` and `Net::SMTPFatalError: REPLY`
 * messages together, as the older releases' `[LOGID]` does in their text lines.
 */

import type { RawStamp } from '../time';

export interface KloggerEntry {
  id: string;
  message: string;
  stamp: RawStamp;
}

const TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)$/;
const LOG_ID = /^[A-Z0-9]{6,16}$/;

/** Does the line look like a Postal v3 entry (read whole by postalKloggerEntry)? */
export function isPostalKloggerLine(text: string): boolean {
  return text.includes('"log_id":"') && text.includes('"severity":"') && text.startsWith('{"time":"');
}

/** The entry of a Postal v3 log line, or null when it is none. */
export function postalKloggerEntry(text: string): KloggerEntry | null {
  if (!isPostalKloggerLine(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const time = typeof o.time === 'string' ? TIME.exec(o.time) : null;
  const id = typeof o.log_id === 'string' && LOG_ID.test(o.log_id) ? o.log_id : null;
  if (!time || !id || typeof o.message !== 'string') return null;
  return {
    id,
    message: o.message.trimEnd(),
    stamp: { kind: 'iso', text: `${time[1]}T${time[2]}${time[3]}:${time[4]}` },
  };
}
