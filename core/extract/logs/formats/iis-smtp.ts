/**
 * The log of Windows' SMTP service (IIS 6's SMTPSVC, still the relay of many Windows web servers), in W3C
 * extended format: `#Fields: date time c-ip cs-username s-sitename s-computername s-ip s-port cs-method
 * cs-uri-stem cs-uri-query sc-status ...`, one space between fields, `+` for a space inside one. Its outgoing
 * sessions are rows whose cs-username is `OutboundConnectionCommand` (the verb in cs-method, its arguments in
 * cs-uri-query) or `OutboundConnectionResponse` (the remote's reply, first line only, in cs-uri-query), c-ip
 * the remote's address: `2017-02-09 05:28:28 66.196.118.34 OutboundConnectionResponse SMTPSVC1 VSERVER14541 -
 * 25 - - 421+4.7.0+[TSS04]+... 0 0 157 0 16 SMTP - - - -`. W3C extended logs write the date and time in UTC.
 * The rows have no session id: those of one remote address and server are read as one session
 * (client-session.ts: a QUIT or a new greeting ends it, so nothing of one connection is carried to the next).
 * IIS logs one row per reply, its first line, so a `550-` row is the refusal itself. The header may be
 * missing or its fields chosen otherwise: the query is then found from the row's end, before the numbers
 * ahead of `SMTP` (the protocol version). The service's inbound rows (the web application handing it the
 * message) are claimed and left unread: their addresses are the application's, not the session with the
 * remote.
 *
 * The service may also write the older Microsoft IIS log file format, fields parted by `, ` in a fixed
 * order (client IP, user name, date, time, service, server name, server IP, time taken, bytes received,
 * bytes sent, status, Windows status, operation, target, parameters) and a comma at the row's end:
 * `193.252.22.65, OutboundConnectionResponse, 4/23/2009, 9:47:02, SMTPSVC1, NTINTWEBP, -, 47, 0, 114, 0, 0,
 * -, -, 250-mail.example.net Hello [192.0.2.4],` (a log of 2009 posted on pastebin). The parameters, last,
 * may hold commas themselves. Its date is the server's local time, month or day first by its settings:
 * not read.
 */
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { detach } from '../model';
import { type ClientSession, commandSent, newClientSession, replyReceived } from './client-session';
import { boundedState } from './common';

const ROW = / Outbound(?:ConnectionCommand|ConnectionResponse) SMTPSVC\d{1,3} /;
/** Any dated row of the service, inbound ones included. */
const DATED_ROW = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S{1,64} \S{1,255} SMTPSVC\d{1,4} /;
const KIND = /^Outbound(?:ConnectionCommand|ConnectionResponse)$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const TIME = /^\d\d:\d\d:\d\d$/;
/** c-ip: the remote's address (never a name, which IIS does not log there). */
const IP = /^[0-9A-Fa-f:.]{2,45}$/;

/** A row of the Microsoft IIS log file format (comma separated) of the service's outgoing sessions. */
const COMMA_ROW =
  /^\s{0,4}([0-9A-Fa-f:.]{2,45}), (Outbound(?:ConnectionCommand|ConnectionResponse)), [^,]{1,20}, [^,]{1,20}, SMTPSVC\d{1,4}, ([^,]{1,255}), (?:[^,]{0,64}, ){6}([^,]{0,64}), [^,]{0,255}, ([\s\S]{0,8000}?),?\s*$/;

export const isIisSmtpRow = (text: string): boolean =>
  ROW.test(text) || DATED_ROW.test(text) || COMMA_ROW.test(text);

/** A row of the comma-separated format, or null. */
function commaRowOf(text: string): Row | null {
  const m = COMMA_ROW.exec(text);
  if (!m) return null;
  const query = (m[5] ?? '').trim();
  return {
    stamp: null,
    remote: IP.test(m[1] ?? '') ? (m[1] ?? null) : null,
    server: (m[3] ?? '').trim(),
    command: m[2] === 'OutboundConnectionCommand',
    method: (m[4] ?? '-').trim(),
    query: query === '-' ? '' : query,
  };
}

/** True for a `#Fields:` line of the SMTP service's log (not another W3C log). */
export function isIisSmtpFields(text: string): boolean {
  return text.startsWith('#Fields:') && text.includes(' cs-username') && text.includes(' cs-uri-query');
}

interface Row {
  stamp: string | null;
  remote: string | null;
  server: string;
  command: boolean;
  method: string;
  query: string;
}

/** The header's fields (`#Fields: date time c-ip ...`). */
function readHeader(text: string, ctx: ScanContext): void {
  const at = text.indexOf('Fields:');
  if (at >= 0)
    ctx.formatState.set(
      'iis-smtp.columns',
      text
        .slice(at + 7)
        .trim()
        .split(/\s+/),
    );
}

/** A row read by its header's fields, or by its shape when it has none (or they do not fit). */
function rowOf(text: string, ctx: ScanContext): Row | null {
  if (text.includes('ConnectionCommand, ') || text.includes('ConnectionResponse, ')) return commaRowOf(text);
  const tokens = text.trim().split(/\s+/);
  const k = tokens.findIndex((t) => KIND.test(t));
  if (k < 1) return null;
  const columns = ctx.formatState.get('iis-smtp.columns') as string[] | undefined;
  const stamp =
    DATE.test(tokens[0] ?? '') && TIME.test(tokens[1] ?? '') ? `${tokens[0]}T${tokens[1]}Z` : null;
  const row = (method: string, query: string): Row => ({
    stamp,
    remote: IP.test(tokens[k - 1] ?? '') ? (tokens[k - 1] ?? null) : null,
    server: tokens[k + 2] ?? '',
    command: tokens[k] === 'OutboundConnectionCommand',
    method,
    query: query === '-' ? '' : query.replace(/\+/g, ' ').trim(),
  });
  if (columns && columns.length === tokens.length && columns.indexOf('cs-username') === k) {
    return row(tokens[columns.indexOf('cs-method')] ?? '-', tokens[columns.indexOf('cs-uri-query')] ?? '-');
  }
  // s-sitename, s-computername, s-ip, then the port.
  const port = tokens.findIndex((t, i) => i > k + 2 && /^\d{1,5}$/.test(t));
  const version = tokens.indexOf('SMTP', port);
  if (port < 0 || version < 0) return null;
  let q = version - 1;
  while (q > port + 1 && /^\d{1,12}$/.test(tokens[q] ?? '')) q--;
  return q > port + 1 ? row(tokens[port + 1] ?? '-', tokens[q] ?? '-') : null;
}

function read(record: LogRecord, ctx: ScanContext): void {
  const row = rowOf(record.text, ctx);
  if (!row) return;
  const sessions = boundedState<ClientSession>(ctx, 'iis-smtp.sessions');
  const key = `${row.server}|${row.remote ?? ''}`;
  let session = sessions.get(key);
  if (!session) {
    session = newClientSession();
    session.remote = row.remote ? detach(row.remote) : null;
    session.machine = row.server ? detach(row.server) : null;
    sessions.set(detach(key), session);
  }
  if (row.command) commandSent(session, `${row.method} ${row.query}`.trim(), record);
  else
    replyReceived(
      session,
      row.query,
      record,
      row.stamp ? { kind: 'iso', text: row.stamp } : null,
      'iis-smtp',
      ctx,
    );
}

export const iisSmtpReader: FormatReader = {
  format: 'iis-smtp',
  claimsBare: isIisSmtpRow,
  read(record, _syslog, ctx) {
    if (record.text.startsWith('#')) readHeader(record.text, ctx);
    else read(record, ctx);
  },
};
