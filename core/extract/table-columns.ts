/**
 * The columns a table's header row names, by what each holds: the date, the recipient, the sender, the
 * addresses a delivery went from and to, the reply (csv-export-row.ts reads a row's cells by them, in a
 * CSV export, a table copied from a panel's page and a Markdown table).
 */
import { isSfmcBounceHeader } from './sfmc-bounce-export';

/** A reply's code: in a row's cell, the reply; in a line, proof it is a row and not the header. */
export const REPLY_CODE = /\b[245]\d\d[ -]/;
/** Rows looked at above a reply for its table's header. */
export const MAX_TABLE_ROWS = 500;

/** True when the line may be a header row: names, no reply (no reply code, not a long text). */
export function mayBeHeaderRow(text: string): boolean {
  return text.length <= 1000 && !REPLY_CODE.test(text);
}

// (`sent time`: cPanel's Track Delivery table; `date added`: MailWizz's bounce log; `time stamp`:
// SEPPmail's queue details.)
const DATE_COLUMN =
  /^(?:date|time|timestamp|time stamp|datetime|date_?time|created_?at|created at|sent_?at|sent[ _]time|date added|event_?date|event_?time|horodatage)$/i;
/**
 * Names that may hold a date or something else, read only when no other column names one (MailWizz's
 * bounce log: `Processed` is `Yes` or `No`, beside its `Date added`): `processed`, SendGrid's Activity
 * feed export, the time of each event; `sent` (Webmin's Postfix queue) and `created`, a panel's.
 */
const OTHER_DATE_COLUMN = /^(?:processed|sent|created)$/i;
/** When the delivery was tried (cPanel's and WHM's `Out Time`), read before when the message was sent. */
const ATTEMPT_COLUMN = /^out time$/i;
// (`subscriber`: MailWizz's bounce log; `delivered to`: WHM's Mail Delivery Reports.)
const RECIPIENT_COLUMN =
  /^(?:email|e-mail|recipient|rcpt|to|destinataire|email_?address|subscriber|delivered to)$/i;
const SENDER_DOMAIN_COLUMN = /^(?:sender_?domain|from_?domain)$/i;
/** cPanel's `Domain` column, the sender's domain: read when no sender's address gives one. */
const DOMAIN_COLUMN = /^domain$/i;
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
// (`delivery ip`, `delivery host`: cPanel's and WHM's delivery reports.)
const REMOTE_IP_COLUMN = /^(?:to|to_?ip|remote_?ip|mx_?ip|destination_?ip|delivery ip)$/i;
/** The remote's host name (SendGrid's Activity feed export: `mx`, the MX it delivered to). */
const REMOTE_HOST_COLUMN = /^(?:mx|mx_?host|mx_?server|remote_?host|delivery host)$/i;
/**
 * The column holding the reply, in a table copied from a panel (cPanel's `Result`, Webmin's `Status`,
 * MailWizz's `Message`, SEPPmail's `Delay reason`): read after every reader, a copied table's header is
 * taken only when it names it, and its rows only when their reply is in it.
 */
const REPLY_COLUMN =
  /^(?:result|status|message|error|reason|bounce reason|delay reason|reply|smtp reply|server reply|response|server response|réponse|réponse du serveur)$/i;
/** Names only a delivery record's table writes (with a reply column, a header, not prose). */
const RECORD_COLUMN =
  /^(?:delivery host|delivery ip|router|transport|out time|sent time|mail id|bounce type)$/i;

export interface Columns {
  date: number;
  attempt: number;
  recipient: number;
  sender: number;
  senderDomain: number;
  domain: number;
  /** Marketing Cloud's `_Bounce` data view (sfmc-bounce-export.ts): its `Domain` is the recipient's. */
  sfmc: boolean;
  /** The columns that may hold the reply (`Status` and `Message`, both), and whether a record's are named. */
  replies: number[];
  record: boolean;
  sendingIp: number;
  remoteIp: number;
  remoteHost: number;
  count: number;
  separator: string;
}

/** The columns a header's names name. */
export function columnsOf(cells: string[], separator: string): Columns {
  const names = cells.map((name) => name.trim());
  const find = (re: RegExp) => names.findIndex((name) => re.test(name));
  return {
    date: names.some((name) => DATE_COLUMN.test(name)) ? find(DATE_COLUMN) : find(OTHER_DATE_COLUMN),
    attempt: find(ATTEMPT_COLUMN),
    recipient: find(RECIPIENT_COLUMN),
    sender: find(SENDER_COLUMN),
    senderDomain: find(SENDER_DOMAIN_COLUMN),
    domain: find(DOMAIN_COLUMN),
    sfmc: isSfmcBounceHeader(names),
    sendingIp: names.some((name) => NAMED_SENDING_IP_COLUMN.test(name))
      ? find(NAMED_SENDING_IP_COLUMN)
      : find(SENDING_IP_COLUMN),
    remoteIp: find(REMOTE_IP_COLUMN),
    remoteHost: find(REMOTE_HOST_COLUMN),
    replies: names.flatMap((name, at) => (REPLY_COLUMN.test(name) ? [at] : [])),
    record: names.some((name) => RECORD_COLUMN.test(name)),
    count: names.length,
    separator,
  };
}
