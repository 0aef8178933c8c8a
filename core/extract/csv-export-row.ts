/**
 * A reply in a row of a CSV export whose first line names its columns (an ESP's or a sending platform's
 * log downloaded as CSV: Copernica's `id,time,type,status,description,code,content,email,...`, a
 * dashboard's `"date","email","status","error"`): the row's date, recipient, sender domain and the
 * addresses it went from and to are in the columns the header names, often after the reply, where no
 * other reader looks.
 *
 * Only a date written year first (`2024-03-14 09:12:44`, ISO 8601) or with its month named (RFC 5322) is
 * read: a `14/03/2024` or `03/04/2024` column may be either order and stays empty. Only the file's first
 * line counts as the header, read once per text.
 */
import type { ExtractOptions, Incident, SourceRef } from '../types';
import { parseDateIn } from './dates';
import { domainOf, isHostName } from './header-block';
import { cite } from './incident';
import { isNonPublicIp, isOrangeIp, normalizeIp } from './ip';
import { parseCsvRow } from './logs/formats/csv';
import { NOTES } from './notes';
import type { SourceText } from './source-text';

// (`processed`: SendGrid's Activity feed export, the time of each event.)
// (`sent time`: cPanel's Track Delivery table.)
const DATE_COLUMN =
  /^(?:date|time|timestamp|datetime|date_?time|created_?at|sent_?at|sent[ _]time|event_?date|event_?time|horodatage|processed)$/i;
const RECIPIENT_COLUMN = /^(?:email|e-mail|recipient|rcpt|to|destinataire|email_?address)$/i;
const SENDER_DOMAIN_COLUMN = /^(?:sender_?domain|from_?domain)$/i;
// (`from address`: cPanel's Track Delivery table, whose `Sender` may be the account's user name.)
const SENDER_COLUMN = /^(?:from[ _]address|sender|from|envelope|expediteur|expéditeur)$/i;
/**
 * The addresses a delivery went from and to, by name (SMTPeter's failures log: `from`, the "from" IP
 * address, `to`, the "to" IP address): read only when the row's value is an IP address, as `from` and `to`
 * name envelope addresses in other exports.
 */
const SENDING_IP_COLUMN = /^(?:from|from_?ip|source_?ip|sending_?ip)$/i;
/**
 * A column named for the sending address alone, read before a `from` that may hold an envelope address:
 * SendGrid's Activity feed export (`...,from,email,...,originating_ip,reason,outbound_ip,outbound_ip_type,
 * mx,...`) names the address it sent from `outbound_ip`; its `originating_ip` is the customer's server that
 * called SendGrid's API, never the sending IP.
 */
const NAMED_SENDING_IP_COLUMN = /^(?:from_?ip|source_?ip|sending_?ip|outbound_?ip)$/i;
const REMOTE_IP_COLUMN = /^(?:to|to_?ip|remote_?ip|mx_?ip|destination_?ip)$/i;
/** The remote's host name (SendGrid's Activity feed export: `mx`, the MX it delivered to). */
const REMOTE_HOST_COLUMN = /^(?:mx|mx_?host|mx_?server|remote_?host)$/i;
/** Year first: `2024-03-14 09:12:44`, `2024-03-14T09:12:44Z`, `2024-03-14T09:12:44+01:00`. */
const YEAR_FIRST = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
/**
 * RFC 5322, the month by its name: `Thu, 14 Mar 2024 09:12:44 UTC` (Mailgun's bounce list as CSV,
 * `address,code,error,created_at`).
 */
const NAMED_MONTH = /^(?:[A-Za-z]{3},\s{1,2})?\d{1,2}\s[A-Za-z]{3}\s\d{4}\s\d{2}:\d{2}(?::\d{2})?(?:\s|$)/;
/** Longest row read (each incident of a row reads it once). */
const MAX_ROW = 20_000;
const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,10}[A-Za-z]{2,63}$/;

interface Columns {
  date: number;
  recipient: number;
  sender: number;
  senderDomain: number;
  sendingIp: number;
  remoteIp: number;
  remoteHost: number;
  count: number;
  separator: string;
}

/**
 * The header's separator: a tab (a table of a web page copied from the browser, a cell per tab: cPanel's
 * Track Delivery report, as mailcow's log table, mailcow-ui-row.ts), a comma, or a semicolon in a header
 * without commas (a spreadsheet set to French or German writes `Date;Email;Statut;Erreur`, the comma
 * being its decimal mark).
 */
function separatorOf(header: string): string | null {
  if (header.includes('\t')) return '\t';
  if (header.includes(',')) return ',';
  return header.includes(';') ? ';' : null;
}

/** The header's columns by text: read once, though every incident of the file asks. */
const headers = new WeakMap<SourceText, Columns | null>();

function headerColumns(source: SourceText): Columns | null {
  let columns = headers.get(source);
  if (columns === undefined) {
    columns = readHeader(source);
    headers.set(source, columns);
  }
  return columns;
}

/** The columns the file's header names, or null when its first line is no CSV header. */
function readHeader(source: SourceText): Columns | null {
  // (A copied table's first cell may be empty, an icon's: its tab is kept.)
  const first = source.line(1).replace(/^ +/, '').trimEnd();
  // A header holds names, no reply: not a reply code, not a long text.
  if (first.length > 1000 || /\b[245]\d\d[ -]/.test(first)) return null;
  const separator = separatorOf(first);
  if (!separator) return null;
  const names = parseCsvRow(first, separator).map((name) => name.trim());
  const find = (re: RegExp) => names.findIndex((name) => re.test(name));
  const columns = {
    date: find(DATE_COLUMN),
    recipient: find(RECIPIENT_COLUMN),
    sender: find(SENDER_COLUMN),
    senderDomain: find(SENDER_DOMAIN_COLUMN),
    sendingIp: names.some((name) => NAMED_SENDING_IP_COLUMN.test(name))
      ? find(NAMED_SENDING_IP_COLUMN)
      : find(SENDING_IP_COLUMN),
    remoteIp: find(REMOTE_IP_COLUMN),
    remoteHost: find(REMOTE_HOST_COLUMN),
    count: names.length,
    separator,
  };
  if (names.length < 3 || (columns.date < 0 && columns.recipient < 0)) return null;
  return columns;
}

/**
 * True when the text opens with the header of a table copied from a web page (its cells separated by
 * tabs, naming a date or recipient column): its rows are read as rows, even when a row quotes a notice's
 * words (cPanel's Track Delivery: `SMTP error from remote mail server after ...`).
 */
export function isCopiedTable(source: SourceText): boolean {
  return headerColumns(source)?.separator === '\t';
}

/** Fills the incident's empty date, recipient and sending domain from its row's columns. */
export function fillFromCsvRow(incident: Incident, source: SourceText, options: ExtractOptions): void {
  const line = incident.sources.reply?.line;
  if (!line || line < 2) return;
  const columns = headerColumns(source);
  if (!columns) return;
  const ref: SourceRef = source.ref(line);
  // (A row is a record, not a megabyte: a longer line is read by no column.)
  if (ref.text.length > MAX_ROW) return;
  const fields = parseCsvRow(ref.text, columns.separator);
  // A copied table row may lose its empty last cells (an icon's, a button's): the others keep their place.
  const complete =
    fields.length === columns.count || (columns.separator === '\t' && fields.length < columns.count);
  if (!complete) return;
  const value = (at: number) => (at >= 0 ? (fields[at] ?? '').trim() : '');
  const date = value(columns.date);
  const yearFirst = YEAR_FIRST.test(date);
  if (!incident.occurredAt && (yearFirst || NAMED_MONTH.test(date))) {
    const parsed = parseDateIn(yearFirst ? date.replace(' ', 'T') : date, options.assumeZone);
    if (parsed) {
      incident.occurredAt = parsed.iso;
      cite(incident, 'occurredAt', ref);
      if (!parsed.hadZone) incident.assumptions.push(NOTES.noZone(options.assumeZone?.trim() || 'UTC'));
    }
  }
  // The row's own column wins over a recipient read elsewhere: on another line (the row above's, whose
  // address comes after its reply and so right before this row's), or on this one from another column
  // (`date,from,to,...`: the sender's address, first on the line).
  const recipient = domainOf(value(columns.recipient));
  if (recipient) {
    incident.recipientDomain = recipient;
    incident.sources.recipientDomain = ref;
  }
  // A public address, not Orange's, the delivery went from; and the server's it went to.
  const from = normalizeIp(value(columns.sendingIp));
  if (from && incident.sendingIps.length === 0 && !isNonPublicIp(from) && !isOrangeIp(from)) {
    incident.sendingIps.push(from);
    cite(incident, 'sendingIps', ref);
  }
  const to = normalizeIp(value(columns.remoteIp));
  if (to && !incident.remoteIp) {
    incident.remoteIp = to;
    cite(incident, 'remoteIp', ref);
  }
  const host = value(columns.remoteHost).toLowerCase().replace(/\.$/, '');
  if (host && !incident.remoteHost && isHostName(host)) {
    incident.remoteHost = host;
    cite(incident, 'remoteHost', ref);
  }
  const sender = value(columns.senderDomain) || domainOf(value(columns.sender)) || '';
  if (!incident.sendingDomain && DOMAIN.test(sender)) {
    incident.sendingDomain = sender.toLowerCase();
    cite(incident, 'sendingDomain', ref);
  }
}
