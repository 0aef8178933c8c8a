/**
 * A bounce written on the failed recipient's side: by the host that failed a mailbox itself, or by an
 * Exchange whose directory did not find the recipient. Its name is then the remote's, not the sender's.
 */
import type { Incident } from '../../types';
import { isWithin, sendingBase } from '../exit-hop';
import { isNonPublicIp } from '../ip';
import type { NamedRemote } from './message-named-remote';
import type { RefOf } from './message-sender';

/**
 * An enhanced code about the address or the mailbox (RFC 3463: X.1.Y but X.1.2, the destination system;
 * X.2.Y).
 */
const MAILBOX_STATUS = /^[45]\.(?:1\.(?:[013-9]|\d\d)|2\.\d{1,3})$/;

/** Exchange's own components: its directory (`RESOLVER.ADR.RecipNotFound`) and mailbox store. */
const EXCHANGE_INTERNAL = /\b(?:RESOLVER|STOREDRV)\.[A-Z]/;

/**
 * The host that wrote the bounce, when it failed a mailbox itself: a mailbox status given by no SMTP
 * server further on (a local delivery's own words, `maildir delivery failed`; Exchange's directory or
 * store), or by an inner store at a private address (`host 10.2.9.112 says: 550 5.1.1 User unknown`,
 * `host saturno51.mail.sys.intranet[172.26.20.8] said: 550 ... User unknown`), or any failure of its
 * own local delivery to a mailbox (`Diagnostic-Code: x-unix; The recipient mailbox has exceeded its
 * disk space limit.`, whatever the status, naming no server).
 * Only the recipient's side knows its mailboxes: a writer that then received the copy is the remote.
 */
export function mailboxWriter(
  incident: Incident,
  writer: string | null,
  remoteNamed: () => NamedRemote,
  localDelivery: boolean,
): string | null {
  if (writer && localDelivery) {
    const remote = remoteNamed();
    if (!remote.host && !remote.ip) return writer;
  }
  if (!writer || !incident.reply.enhanced || !MAILBOX_STATUS.test(incident.reply.enhanced)) return null;
  const remote = remoteNamed();
  if (remote.ip && isNonPublicIp(remote.ip)) return writer;
  if (remote.host || remote.ip) return null;
  const local = incident.reply.code === null || EXCHANGE_INTERNAL.test(incident.reply.text);
  return local ? writer : null;
}

/**
 * Exchange's `RESOLVER.ADR.*` (RecipNotFound, ExRecipNotFound...): the recipient was looked up, and not
 * found, in the directory of the organisation the generating server belongs to, so that server is the
 * recipient's (it refused; Sisimai's lhost-exchange2007-06, a French town hall's Exchange behind Trend
 * Micro). Its name is then the rejecting host's, where none was read, and no sending host's, unless it
 * is in the sending domain (mail inside one organisation).
 */
const RECIPIENT_DIRECTORY = /\bRESOLVER\.ADR\.\w{1,40}/;

export function wroteWhereRecipientLives(
  incident: Incident,
  writer: string | null,
  writerLine: string | null | undefined,
  refOf: RefOf,
): boolean {
  if (!writer || !RECIPIENT_DIRECTORY.test(incident.reply.text)) return false;
  const base = incident.sendingDomain ? sendingBase(incident.sendingDomain) : null;
  if (isWithin(writer, base)) return false;
  if (!incident.remoteHost && writerLine) {
    incident.remoteHost = writer;
    refOf(incident, 'remoteHost', writerLine);
  }
  return true;
}
