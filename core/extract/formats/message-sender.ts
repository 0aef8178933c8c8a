/**
 * The sender's side of a bounce: the sending domain (envelope sender, From, DKIM d=, the notice's own
 * sender lines), the sending hosts (Reporting-MTA, the host the notice names, the exit hop of the
 * returned copy) and the sending IPs (exit hop, ARF Source-IP, the bounce's relay hop), never the
 * remote's. Split out of message.ts, which reads the reply, the remote, the recipient and the date.
 */
import { getDomain } from 'tldts';
import type { FieldName, Incident } from '../../types';
import { localhostOriginExit } from '../bounce-origin';
import type { DeliveryStatus } from '../delivery-status';
import { type ExitHop, findExitHop, hasReceived, isWithin, receivedCopy, sendingBase } from '../exit-hop';
import { domainOf, type Field, fieldValue, isHostName, isIcannName, stripType } from '../header-block';
import { addUnique } from '../incident';
import { isLoopbackIp, isNonPublicIp, isOrangeIp, normalizeIp } from '../ip';
import { isKddiNotice } from '../kddi-notice';
import { isLocalDelivery } from '../local-delivery';
import { NOTES } from '../notes';
import { fromNameOf, hopOf } from '../received';
import { receiverWrittenDsn } from '../received-from-sender';
import { bounceHopNamesWithin } from '../remote-by-bounce-hop';
import { findRemoteEntryHop } from '../remote-entry-hop';
import { sameNetwork } from '../remote-network-ip';
import { refusedWriter, remoteNetworkRelay } from '../remote-network-relay';
import type { ReturnedHeaders } from '../returned-headers';
import { fillSendingDomain } from './message-sending-domain';

/** Cites where `needle` is; `wholeLine`: a line that is the needle and nothing else, before any containing it. */
export type RefOf = (
  incident: Incident,
  field: FieldName,
  needle: string | null | undefined,
  wholeLine?: boolean,
) => void;

/** The local address of the connection a Remote-MTA describes, and the line that gives it. */
export interface ConnectionIp {
  ip: string;
  line: string;
}

/** The bounce's own header fields and its DSN. */
export interface BounceFields {
  top: Field[];
  dsn: DeliveryStatus;
}

/**
 * Exchange's `Generating server:` label in English, German, French, Italian (Sisimai's Exchange2007
 * sample), Spanish (Microsoft's Exchange 2013 documentation on NDRs) and Norwegian (a notice pasted in an
 * Ubuntu Forums thread, 2012), French typography's space before the colon allowed.
 */
export const GENERATING_SERVER = String.raw`(?:Generating server|Generierender Server|Serveur de g[ée]n[ée]ration|Server di generazione|Servidor de generaci[óo]n|Genererende server)\s?:`;

// Exim's delay warning: `... after more than 24 hours on the queue on sapin.o2switch.net.`; Postfix before
// 2.3 wrote `This is the Postfix program at host ...`; Haraka's notice, after qmail's, `Hi. This is the
// Haraka Mailer program at mail.example.com.` (its outbound bounce template; Haraka issue #568); Courier's
// `This is a delivery status notification from mail.example.com,` (then `running the Courier mail server`).
const SYSTEM_HOST = new RegExp(
  String.raw`(?:This is the (?:mail system|(?:[A-Z]{2,12} )?Postfix program) at host|This is the (?:qmail-send|Haraka Mailer) program at|This is a delivery status notification from|${GENERATING_SERVER}|Reporting-MTA:\s{0,4}dns;|on the queue on)\s{0,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})`,
  'i',
);

/** The first of the first 80 body lines naming the bounce's own host (Postfix, qmail, Exchange, Exim). */
function systemHostLine(bodyLines: readonly string[]): string | undefined {
  const count = Math.min(bodyLines.length, 80);
  for (let i = 0; i < count; i++) {
    const line = bodyLines[i] as string;
    // The shortest match ("Generating server:" and a host's first character) is 19 characters long.
    if (line.length >= 19 && SYSTEM_HOST.test(line)) return line;
  }
  return undefined;
}

/** The sending domain, hosts and IPs of a bounce (its own headers and DSN, and the returned copy). */
export function fillSender(
  incident: Incident,
  decoded: BounceFields,
  returned: ReturnedHeaders,
  bodyLines: string[],
  refOf: RefOf,
  connection: ConnectionIp | null = null,
): void {
  fillSendingDomain(incident, decoded, returned, bodyLines, refOf);
  const sourceIp = fieldValue(decoded.dsn.perMessage, 'source-ip');
  const reportedIp = sourceIp ? normalizeIp(sourceIp.value.split(/\s/)[0] ?? '') : null;
  const isReport = fieldValue(decoded.dsn.perMessage, 'feedback-type') !== null;
  // The hosts that wrote the bounce: the reporting MTA, the host its text names.
  const reporting = fieldValue(decoded.dsn.perMessage, 'reporting-mta');
  // Its name, without the address some write after it (Tiscali's `dns; michael.mail.tiscali.it [213.205.33.13]`).
  const reportingName = reporting ? stripType(reporting.value).replace(/\s\[[0-9A-Fa-f:.]{2,45}\]$/, '') : '';
  const reportingHost = reportingName.replace(/\.$/, '').toLowerCase();
  const systemLine = systemHostLine(bodyLines);
  const systemHost = systemLine
    ? SYSTEM_HOST.exec(systemLine)?.[1]?.replace(/\.$/, '').toLowerCase()
    : undefined;
  const writer = isHostName(reportingHost)
    ? reportingHost
    : systemHost && isHostName(systemHost)
      ? systemHost
      : null;
  let named: NamedRemote | null = null;
  const remoteNamed = () => {
    named ??= namedRemote(incident, bodyLines);
    return named;
  };
  const failedHere = mailboxWriter(incident, writer, remoteNamed, isLocalDelivery(decoded.dsn.recipients));
  // A DSN the receiving side wrote about a message it took in from the sender (received-from-sender.ts).
  const receiverDsn =
    incident.sendingDomain && !incident.remoteHost && !incident.remoteIp && !isReport
      ? receiverWrittenDsn(
          decoded.dsn.perMessage,
          decoded.dsn.recipients,
          returned.fields,
          sendingBase(incident.sendingDomain),
        )
      : null;
  if (receiverDsn && reporting) {
    incident.remoteHost = reportingHost;
    refOf(incident, 'remoteHost', reporting.firstLine);
    if (receiverDsn.reportingIp) {
      incident.remoteIp = receiverDsn.reportingIp;
      refOf(incident, 'remoteIp', reporting.firstLine);
    }
  }
  const exit =
    receiverDsn?.exit ??
    exitOf(incident, returned, decoded.top, { isReport, reportedIp }, failedHere, remoteNamed);
  // The copy's hop out of the sender went into the very host that wrote the bounce: that host is the
  // remote that refused (Apple's `Reporting-MTA: dns; mail-in2.apple.com`, `by mail-in2.apple.com`).
  if (!incident.remoteHost && writer && exit?.hop.byHost === writer) {
    const line = writer === reportingHost ? reporting?.firstLine : systemLine;
    if (line) {
      incident.remoteHost = writer;
      refOf(incident, 'remoteHost', line);
      // The loopback address it named was its own filter's (`host 127.0.0.1[127.0.0.1] said: 550
      // Rejected by ESETS_SMTP`), not the address of the host the copy came into.
      if (isLoopbackIp(incident.remoteIp)) {
        incident.remoteIp = null;
        delete incident.sources.remoteIp;
      }
    }
  }
  // The local address of the connection a Remote-MTA describes: the one the remote saw, unless the
  // bounce's writer is on the receiving side (then it is that side's own connection to an inner store).
  if (
    connection &&
    exit?.writtenByRemote !== true &&
    !isWithin(reportingHost, exit?.receiverDomain ?? null) &&
    isPublicSendingIp(incident, connection.ip)
  ) {
    addUnique(incident.sendingIps, connection.ip);
    refOf(incident, 'sendingIps', connection.line);
  }
  // Sending host names: the reporting MTA, the host named in the bounce text (unless the remote wrote
  // the bounce: then they are the remote's), then the returned headers' hosts.
  // A bounce the remote wrote names the remote's hosts only (Google's `Reporting-MTA: dns; googlemail.com`),
  // as does one whose reporting host is in the failed recipient's domain and not the sender's
  // (CommuniGate Pro's `Reporting-MTA: dns; apollo.lv` for a recipient at apollo.lv).
  // Also when the host that failed a mailbox itself had received the copy, whatever hop it came by.
  // (Asked first, whatever else shows the remote wrote it: it also names the rejecting host.)
  const directoryOfRecipient = wroteWhereRecipientLives(
    incident,
    writer,
    writer === reportingHost ? reporting?.firstLine : systemLine,
    refOf,
  );
  const byRemote =
    exit?.writtenByRemote === true ||
    (failedHere !== null && receivedCopy(returned.fields, failedHere)) ||
    directoryOfRecipient;
  if (
    !byRemote &&
    reporting &&
    isHostName(reportingHost) &&
    reportingHost !== 'localhost' &&
    !isWithin(reportingHost, exit?.receiverDomain ?? null) &&
    !isFailingRecipientHost(incident, reportingHost)
  ) {
    addUnique(incident.sendingHosts, reportingHost);
    refOf(incident, 'sendingHosts', reporting.firstLine);
  }
  if (
    !byRemote &&
    systemHost &&
    isHostName(systemHost) &&
    !isWithin(systemHost, exit?.receiverDomain ?? null) &&
    !isFailingRecipientHost(incident, systemHost)
  ) {
    addUnique(incident.sendingHosts, systemHost);
    refOf(incident, 'sendingHosts', systemLine);
  }
  // ARF: the client of the returned copy's hop from the reported Source-IP.
  const reportedHost = isReport && fillReportedHost(incident, returned.fields, reportedIp, refOf);
  if (reportedHost) {
    // nothing more to read in the returned copy
  } else if (exit) {
    if (exit.sendingHost) {
      addUnique(incident.sendingHosts, exit.sendingHost);
      refOf(incident, 'sendingHosts', exit.field.firstLine);
    }
    const ip = exit.hop.fromIp;
    if (ip && isPublicSendingIp(incident, ip)) {
      addUnique(incident.sendingIps, ip);
      refOf(incident, 'sendingIps', exit.field.firstLine);
    }
  } else if (
    !isReport &&
    !byRemote &&
    returned.topHop?.hop.byHost &&
    !isRecipientSideHost(incident, returned.topHop.hop.byHost) &&
    !kddiReceiverCopy(incident, decoded.top, bodyLines) &&
    // An internal name is most often the recipient's own server, returning the copy as it received it.
    isIcannName(returned.topHop.hop.byHost)
  ) {
    // The topmost `by` host of a copy the sending side returned: the last hop inside its network.
    addUnique(incident.sendingHosts, returned.topHop.hop.byHost);
    refOf(incident, 'sendingHosts', returned.topHop.field.firstLine);
  }
  // A bounce host calling itself localhost (old OpenSMTPD) is named by the hop the bounce left it on.
  const origin =
    incident.sendingHosts.length === 0 && !byRemote && !isReport ? localhostOriginExit(decoded.top) : null;
  if (origin) {
    addUnique(incident.sendingHosts, origin.host);
    refOf(incident, 'sendingHosts', origin.field.firstLine);
  }
  // The bounce travelled from the reporting MTA to the sender's mailbox: the top-level Received line
  // whose client is one of the sending hosts gives that host's public address. Not when the remote
  // wrote the bounce: the address its hop in gave is the one it saw (an ESP may send the bounce on
  // from another address under the same name).
  // Below an address the remote named (SES may retry from another of its addresses).
  const ses = exit || incident.sendingIps.length > 0 ? null : returned.sesOutgoing;
  if (ses && isPublicSendingIp(incident, ses.ip)) {
    addUnique(incident.sendingIps, ses.ip);
    refOf(incident, 'sendingIps', ses.field.firstLine);
  }
  // The bounce's writer in the refusing server's /24, named by the reply as the client refused, is the
  // sender; else it is the receiving side's relay: the sender is the client of the copy's hop into it.
  const refused = incident.sendingIps.length === 0 ? refusedWriter(incident, decoded.top) : null;
  if (refused) {
    addUnique(incident.sendingIps, refused.ip);
    refOf(incident, 'sendingIps', refused.field.firstLine);
  }
  const relay =
    incident.sendingIps.length === 0 ? remoteNetworkRelay(incident, decoded.top, returned.fields) : null;
  if (relay) {
    incident.sendingHosts = incident.sendingHosts.filter((h) => h !== relay.host);
    delete incident.sources.sendingHosts;
    const client = relay.entry.hop.fromRdns ?? fromNameOf(relay.entry.hop);
    if (client && isHostName(client)) {
      addUnique(incident.sendingHosts, client.replace(/\.$/, '').toLowerCase());
      refOf(incident, 'sendingHosts', relay.entry.field.firstLine);
    }
    addUnique(incident.sendingIps, relay.entry.hop.fromIp as string);
    refOf(incident, 'sendingIps', relay.entry.field.firstLine);
  }
  const exitIp = !!exit?.hop.fromIp && incident.sendingIps.includes(exit.hop.fromIp);
  // Nor when the remote named the client in its reply, or SES its own address: that is the address the
  // remote saw, while the bounce's own hop to the sender's mailbox may leave from another address.
  const namedByRemote = incident.sendingIps.length > 0;
  if (incident.sendingHosts.length > 0 && !exitIp && !namedByRemote)
    addRelayIps(incident, decoded.top, refOf);
  if (sourceIp && reportedIp && isPublicSendingIp(incident, reportedIp)) {
    addUnique(incident.sendingIps, reportedIp);
    refOf(incident, 'sendingIps', sourceIp.firstLine);
  }
}

// A remote the bounce names where the reading of remoteHost/remoteIp does not look: Postfix's
// `connect to mx.example.org[192.0.2.1]:25`, `lost connection with mx[IP]`, qmail's
// `192.0.2.1 failed after I sent the message`, `192.0.2.1 does not like recipient`, Sendmail's
// `... while talking to mx.example.org.:`, CommuniGate Pro's `host 10.2.9.112 says:`.
const NAMED_REMOTE =
  /\b(?:connect to|connection with)\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\[|(?:^|\s)([0-9A-Fa-f:.]{3,45})\s{1,4}(?:failed after I sent the message|does not like recipient)|\b(?:Giving up on|Connected to)\s{1,4}([0-9A-Fa-f:.]{3,45})|\bwhile talking to\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?:|\bhost\s{1,4}([0-9A-Fa-f:.]{3,45})\s{1,4}says:/i;

interface NamedRemote {
  host: string | null;
  ip: string | null;
}

/** The remote host or address the bounce names: its Remote-MTA or reply host, else its body. */
function namedRemote(incident: Incident, bodyLines: readonly string[]): NamedRemote {
  if (incident.remoteHost || incident.remoteIp) return { host: incident.remoteHost, ip: incident.remoteIp };
  const count = Math.min(bodyLines.length, 200);
  for (let i = -1; i < count; i++) {
    const line = i < 0 ? incident.reply.text : (bodyLines[i] as string);
    const m = line.length < 4096 ? NAMED_REMOTE.exec(line) : null;
    if (m)
      return { host: (m[1] ?? m[4])?.toLowerCase() ?? null, ip: normalizeIp(m[2] ?? m[3] ?? m[5] ?? '') };
  }
  return { host: null, ip: null };
}

/**
 * The hop where the returned copy left the sender's domain for the remote (see exit-hop.ts), when
 * the bounce agrees that the remote is there: a remote named by the bounce (Remote-MTA, the reply's
 * host, a qmail or Postfix line) in another domain means the copy went through a relay of the sender
 * first (Google as the sender's smarthost, a forwarding host), whose hop in is not the one the remote
 * saw. An abuse report (ARF) has no remote: its copy is the one its provider received; its
 * Source-IP, when given, is the address to trust.
 */
function exitOf(
  incident: Incident,
  returned: ReturnedHeaders,
  bounceTop: readonly Field[],
  report: { isReport: boolean; reportedIp: string | null },
  failedHere: string | null,
  remoteNamed: () => NamedRemote,
): ExitHop | null {
  // Without a Received field neither walk has a hop to read: no public-suffix lookup then.
  if (!incident.sendingDomain || !hasReceived(returned.fields)) return null;
  const base = sendingBase(incident.sendingDomain);
  // The bounce's From at the failed recipient's domain: the recipient's side wrote it (Office 365 for
  // its tenant, `From: postmaster@matro.com.mx`), about the copy it received (remote-entry-hop.ts).
  const recipientAuthored = isRecipientAuthored(incident, bounceTop, base);
  const exit =
    (base ? findExitHop(returned.fields, base) : null) ??
    findRemoteEntryHop(
      returned.fields,
      base,
      incident.recipientDomain,
      bounceTop,
      failedHere,
      recipientAuthored,
    );
  if (!exit) return null;
  if (report.isReport) return report.reportedIp ? null : exit;
  // A bounce written from the failed recipient's own domain (`From: MAILER-DAEMON@elromail.dk` for a
  // recipient at elromail.dk) comes from the remote, which accepted the copy: the server it then
  // named (an inner backend, `Remote-MTA: DNS; 194.150.115.84`) is its own, not a hint that the copy
  // went through a relay of the sender.
  if (recipientAuthored) return { ...exit, writtenByRemote: true };
  const remote = remoteNamed();
  // A remote at a private address is inside the receiver's network, behind the hop the copy came in by.
  if (remote.ip && isNonPublicIp(remote.ip)) return exit;
  if (remote.host && isHostName(remote.host)) return isWithin(remote.host, exit.receiverDomain) ? exit : null;
  if (remote.ip)
    return remote.ip === exit.hop.byIp || bounceHopNamesWithin(bounceTop, remote.ip, exit.receiverDomain)
      ? exit
      : null;
  return exit;
}

/** An enhanced code about the address or the mailbox (RFC 3463: X.1.Y but X.1.2, the destination system; X.2.Y). */
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
function mailboxWriter(
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

/** True when the bounce's From address is in the failed recipient's registrable domain, not the sender's. */
function isRecipientAuthored(incident: Incident, bounceTop: readonly Field[], base: string | null): boolean {
  const from = fieldValue(bounceTop, 'from');
  const fromDomain = from ? domainOf(from.value) : null;
  if (!fromDomain || !incident.recipientDomain) return false;
  const fromBase = getDomain(fromDomain);
  return !!fromBase && fromBase !== base && fromBase === getDomain(incident.recipientDomain);
}

/**
 * KDDI's notice from the failed recipient's own domain (`From: no-reply@x.dion.ne.jp` for a recipient
 * at x.dion.ne.jp, kddi-notice.ts): KDDI took the message in and returns the copy as it received it,
 * its top hop KDDI's own (`by nm00mta.auone-net.jp`, a name of another domain), none of the sender's.
 * (Only KDDI's: in other test bounces the From shares the recipient's domain by anonymisation alone.)
 */
function kddiReceiverCopy(incident: Incident, bounceTop: readonly Field[], bodyLines: string[]): boolean {
  if (!isKddiNotice(bodyLines)) return false;
  const base = incident.sendingDomain ? sendingBase(incident.sendingDomain) : null;
  return isRecipientAuthored(incident, bounceTop, base);
}

/** ARF: the client name of the returned message's hop from the reported Source-IP. */
function fillReportedHost(
  incident: Incident,
  fields: readonly Field[],
  reportedIp: string | null,
  refOf: RefOf,
): boolean {
  if (!reportedIp) return false;
  for (const field of fields) {
    if (field.name !== 'received') continue;
    const hop = hopOf(field);
    if (hop.fromIp !== reportedIp) continue;
    const name = fromNameOf(hop) ?? '';
    const host = hop.fromRdns ?? (isHostName(name) ? name : hop.fromHelo);
    if (!host) return false;
    addUnique(incident.sendingHosts, host);
    refOf(incident, 'sendingHosts', field.firstLine);
    return true;
  }
  return false;
}

/**
 * A host in the failed recipient's domain and not in the sender's: the remote's own (a filter such as
 * Active!Hunter returns the copy as its own MX received it), never the sender's last hop.
 */
function isRecipientSideHost(incident: Incident, host: string): boolean {
  const name = host.replace(/\.$/, '').toLowerCase();
  return isWithin(name, incident.recipientDomain) && !isWithin(name, incident.sendingDomain);
}

/**
 * A reporting host in the failed recipient's domain and not the sender's, when the bounce names no
 * remote server: the recipient's own server failed the delivery (local delivery, a size or content
 * limit) and wrote the bounce, so its name is the remote's. A reporting host that names the server
 * it talked to (a forwarder sending on to Gmail, a relay in front of the recipient's MX) was that
 * server's client and stays a sending host; not when that server is at a private address only
 * (`host 10.16.32.166[10.16.32.166] said: 500 Mail appears to be unsolicited`): an inner server of the
 * recipient's network, behind its own relay.
 */
function isFailingRecipientHost(incident: Incident, host: string): boolean {
  const inner = !incident.remoteIp || isNonPublicIp(incident.remoteIp);
  if (incident.remoteHost || !inner) return false;
  return isRecipientSideHost(incident, host) || (!!incident.remoteIp && inRecipientsBase(incident, host));
}

/**
 * A host under the registrable domain of the failed recipient's (not under the sender's): the
 * recipient's organisation, whose mail domain is a subdomain of it (BlackBerry's
 * `Reporting-MTA: dns; as05.bis.ap.blackberry.com` for a recipient at docomo.blackberry.com, which
 * had handed the copy to an inner server, `Remote-MTA: dns; [172.22.192.16]`). Asked only when the
 * bounce names such an inner server: a provider's outbound host writes to its own domain's test
 * addresses too (Amazon SES's `a27-33.smtp-out.us-west-2.amazonses.com` for its mailbox simulator).
 */
function inRecipientsBase(incident: Incident, host: string): boolean {
  const base = incident.recipientDomain ? getDomain(incident.recipientDomain) : null;
  if (!base || base === incident.recipientDomain) return false;
  const name = host.replace(/\.$/, '').toLowerCase();
  const senders = incident.sendingDomain ? sendingBase(incident.sendingDomain) : null;
  return isWithin(name, base) && !isWithin(name, senders);
}

/** True when `text` holds one of the host names. */
function mentionsHost(text: string, hosts: readonly string[]): boolean {
  for (const h of hosts) if (text.includes(h)) return true;
  return false;
}

/** True when a client name of a Received hop (maybe absent, maybe with a final dot) is a sending host. */
function isSendingHost(name: string | null | undefined, hosts: readonly string[]): boolean {
  return !!name && hosts.includes(name.replace(/\.$/, ''));
}

/** A Received hop over a mailbox store's transport (`with HTTPS`, `with mapi`), not over SMTP. */
const INTERNAL_TRANSPORT = /\bwith\s{1,4}(?:HTTPS?|mapi)\b/i;

/**
 * The bounce travelled from the reporting MTA to the sender's mailbox: the top-level Received line
 * whose client is one of the sending hosts gives that host's public address.
 */
function addRelayIps(incident: Incident, top: readonly Field[], refOf: RefOf): void {
  const hosts = incident.sendingHosts;
  for (const f of top) {
    if (f.name !== 'received') continue;
    // Both names compared below are pieces of the value, lower-cased: skip values holding no host.
    if (!mentionsHost(f.value.toLowerCase(), hosts)) continue;
    // Exchange Online hands the notice to the mailbox over its own HTTPS/MAPI transport: that client
    // address is inside Microsoft's network, never the one the remote saw.
    if (INTERNAL_TRANSPORT.test(f.value)) continue;
    const hop = hopOf(f);
    if (!hop.fromIp) continue;
    const names = [hop.fromName?.toLowerCase(), hop.fromRdns, hop.fromHelo];
    if (!names.some((n) => isSendingHost(n, hosts))) continue;
    if (isPublicSendingIp(incident, hop.fromIp)) {
      // Read on the bounce's own way back, not on the refused copy's way out: most often the same
      // server and address, but not always (a separate outbound pool), so it is said.
      if (incident.sendingIps.length === 0) incident.assumptions.push(NOTES.ipFromBounceRoute(hop.fromIp));
      addUnique(incident.sendingIps, hop.fromIp);
      refOf(incident, 'sendingIps', f.firstLine);
    }
  }
}

export function isPublicSendingIp(incident: Incident, ip: string): boolean {
  const remote = incident.remoteIp;
  return !isNonPublicIp(ip) && !isOrangeIp(ip) && ip !== remote && !(remote && sameNetwork(ip, remote));
}

/**
 * Exchange's `RESOLVER.ADR.*` (RecipNotFound, ExRecipNotFound...): the recipient was looked up, and not
 * found, in the directory of the organisation the generating server belongs to, so that server is the
 * recipient's (it refused; Sisimai's lhost-exchange2007-06, a French town hall's Exchange behind Trend
 * Micro). Its name is then the rejecting host's, where none was read, and no sending host's, unless it
 * is in the sending domain (mail inside one organisation).
 */
const RECIPIENT_DIRECTORY = /\bRESOLVER\.ADR\.\w{1,40}/;

function wroteWhereRecipientLives(
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
