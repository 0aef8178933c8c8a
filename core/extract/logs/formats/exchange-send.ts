/**
 * Exchange's SMTP Send protocol log (`TransportRoles\Logs\...\ProtocolLog\SmtpSend\SEND*.LOG`): a W3C-style
 * header (`#Log-type: SMTP Send Protocol Log`, `#Fields: date-time,connector-id,session-id,sequence-number,
 * local-endpoint,remote-endpoint,event,data,context`), then one CSV row per event of an outgoing SMTP
 * session: `+` connected, `>` a command sent, `<` a reply received, `*` Exchange's own remark, `-` the
 * end. A remote that refuses answers a `<` row with its 4xx/5xx reply, which is the only row to carry it.
 *
 * Each session id's rows are read as one session (client-session.ts). The local endpoint is the sending
 * address (behind NAT it is a private one, which names no sender: incident.ts drops it); a remote's EHLO
 * reply that names the client's address (`250-mwinf5d36 hello [192.0.2.7], pleased to meet you`) gives
 * the public one.
 * The rows are claimed by their shape, with or without the header (a Markdown post drops its `#`).
 */
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { detach } from '../model';
import { type ClientSession, commandSent, newClientSession, replyReceived } from './client-session';
import { boundedState, stripPort } from './common';
import { parseCsvRow } from './csv';

/** A row: the ISO date (UTC), the connector, a session id of 16 hex digits, the sequence number. */
const ROW = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z,[^,\n]{0,256},[0-9A-F]{16},\d{1,10},/;

/** Exchange's columns, in the order every release writes them. */
const COLUMNS = [
  'date-time',
  'connector-id',
  'session-id',
  'sequence-number',
  'local-endpoint',
  'remote-endpoint',
  'event',
  'data',
  'context',
];

export const isExchangeSendRow = (text: string): boolean => ROW.test(text);

/** The header's column list (`#Fields: ...`, or `Fields: ...` once Markdown ate the `#`). */
export function readExchangeSendHeader(text: string, ctx: ScanContext): void {
  const at = text.indexOf('Fields:');
  if (at < 0 || !text.includes('connector-id')) return;
  ctx.formatState.set(
    'exchange-send.columns',
    text
      .slice(at + 7)
      .split(',')
      .map((c) => c.trim()),
  );
}

function sessionOf(ctx: ScanContext, id: string): ClientSession {
  const sessions = boundedState<ClientSession>(ctx, 'exchange-send.sessions');
  let session = sessions.get(id);
  if (!session) {
    session = newClientSession();
    sessions.set(detach(id), session);
  }
  return session;
}

export function readExchangeSendRow(record: LogRecord, ctx: ScanContext): void {
  const columns = (ctx.formatState.get('exchange-send.columns') as string[] | undefined) ?? COLUMNS;
  const fields = parseCsvRow(record.text.trim());
  // A reply whose commas lost their quotes (retyped, or edited by hand) spills into the columns after
  // it: they are its own, up to the row's last field, the context.
  const dataAt = columns.indexOf('data');
  if (fields.length > columns.length && dataAt >= 0 && dataAt === columns.length - 2) {
    fields.splice(dataAt, fields.length - columns.length + 1, fields.slice(dataAt, -1).join(','));
  }
  const get = (name: string) => fields[columns.indexOf(name)]?.trim() ?? '';
  const id = get('session-id');
  const event = get('event');
  const data = get('data');
  if (!id) return;
  if (event === '-') {
    boundedState<ClientSession>(ctx, 'exchange-send.sessions').delete(id);
    return;
  }
  const session = sessionOf(ctx, id);
  const local = get('local-endpoint');
  const remote = get('remote-endpoint');
  if (local) session.local = session.machine = detach(stripPort(local));
  if (remote) session.remote = detach(stripPort(remote));
  const when = get('date-time');
  if (event === '>') commandSent(session, data, record);
  else if (event === '<')
    replyReceived(session, data, record, when ? { kind: 'iso', text: when } : null, 'exchange', ctx);
}

export const exchangeSendReader: FormatReader = {
  format: 'exchange',
  claimsBare: isExchangeSendRow,
  read(record, _syslog, ctx) {
    if (record.text.startsWith('#')) readExchangeSendHeader(record.text, ctx);
    else readExchangeSendRow(record, ctx);
  },
};
