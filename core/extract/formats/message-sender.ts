/**
 * The sender's side of a bounce: the sending domain (envelope sender, From, DKIM d=, the notice's own
 * sender lines), the sending hosts (Reporting-MTA, the host the notice names, the exit hop of the
 * returned copy) and the sending IPs (exit hop, ARF Source-IP, the bounce's relay hop), never the
 * remote's. Split out of message.ts, which reads the reply, the remote, the recipient and the date.
 * fillSender weighs what the message-*.ts modules it imports read: the bounce's own host
 * (message-system-host), the remote it names, the copy's exit hop, the recipient side's hosts and writers.
 */
import type { FieldName, Incident } from '../../types';
import { localhostOriginExit } from '../bounce-origin';
import type { DeliveryStatus } from '../delivery-status';
import {
  noteExchangeOnlineRelay,
  relayedByExchangeOnline,
  settleMicrosoftSendingHosts,
} from '../exchange-online-relay';
import { isWithin, receivedCopy, sendingBase } from '../exit-hop';
import { type Field, fieldValue, isHostName, isIcannName, stripType } from '../header-block';
import { addUnique } from '../incident';
import { isLoopbackIp, normalizeIp } from '../ip';
import { isLocalDelivery, isOwnLocalMailbox } from '../local-delivery';
import { fromNameOf } from '../received';
import { receiverWrittenDsn } from '../received-from-sender';
import { refusedWriter, remoteNetworkRelay } from '../remote-network-relay';
import type { ReturnedHeaders } from '../returned-headers';
import { sendmailNoticeHost } from '../sendmail-notice-host';
import { isGoogleLabel, noteGoogleLabel } from './google-report-label';
import { addRelayIps } from './message-bounce-route-ips';
import { type NamedRemote, namedRemote } from './message-named-remote';
import {
  isFailingRecipientHost,
  isReceivingOnlyHost,
  isRecipientSideHost,
} from './message-recipient-side-host';
import { mailboxWriter, wroteWhereRecipientLives } from './message-recipient-side-writer';
import { fillReportedHost } from './message-reported-host';
import { exitOf, kddiReceiverCopy } from './message-sender-exit';
import { fillSpfClient } from './message-sender-spf';
import { fillSendingDomain } from './message-sending-domain';
import { isPublicSendingIp } from './message-sending-ip';
import { SYSTEM_HOST, systemHostLine } from './message-system-host';

/**
 * Cites where `needle` is; `wholeLine`: a line that is the needle and nothing else, before any containing it.
 */
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
  // The client addresses the remote's reply named (`550 5.1.0 192.0.2.222 is not allowed to send from`).
  const namedInReply = [...incident.sendingIps];
  const sourceIp = fieldValue(decoded.dsn.perMessage, 'source-ip');
  const reportedIp = sourceIp ? normalizeIp(sourceIp.value.split(/\s/)[0] ?? '') : null;
  const isReport = fieldValue(decoded.dsn.perMessage, 'feedback-type') !== null;
  // The hosts that wrote the bounce: the reporting MTA, the host its text names.
  const reporting = fieldValue(decoded.dsn.perMessage, 'reporting-mta');
  // Its name, without the address some write after it (Tiscali's `dns; michael.mail.tiscali.it
  // [213.205.33.13]`).
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
  // A host that only receives mail wrote it (SES's inbound endpoint): the remote, also when the returned
  // copy kept no hop into it.
  const receivingOnly = isReceivingOnlyHost(reportingHost);
  if (!incident.remoteHost && reporting && receivingOnly) {
    incident.remoteHost = reportingHost;
    refOf(incident, 'remoteHost', reporting.firstLine);
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
  // (Or when the mailbox it failed is one of its own, at its name: local-delivery.ts.)
  const ownMailbox = decoded.dsn.recipients.some((r) => isOwnLocalMailbox(r, reporting));
  const byRemote =
    exit?.writtenByRemote === true ||
    (failedHere !== null && (ownMailbox || receivedCopy(returned.fields, failedHere))) ||
    directoryOfRecipient;
  if (
    !byRemote &&
    reporting &&
    isHostName(reportingHost) &&
    reportingHost !== 'localhost' &&
    !receivingOnly &&
    !isGoogleLabel(reportingHost) &&
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
    !isGoogleLabel(systemHost) &&
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
  } else if (exit && exitNotRefused(exit.hop.fromIp, namedInReply)) {
    // The remote named another client than this hop's: the copy went on from the host it entered (an
    // Office 365 tenant forwarding to GoDaddy, which named Microsoft's address), so neither this hop's
    // client nor its address is the one refused.
  } else if (
    exit &&
    !namedInReply.includes(exit.hop.fromIp ?? '') &&
    relayedByExchangeOnline(incident, exit.hop.byHost)
  ) {
    // The copy went from the sender's server into Exchange Online, which delivered it (a hybrid setup):
    // this hop's client is not the server the remote saw (exchange-online-relay.ts).
    noteExchangeOnlineRelay(incident, exit.sendingHost || exit.hop.fromIp || null);
  } else if (exit) {
    if (exit.sendingHost && !isGoogleLabel(exit.sendingHost)) {
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
    !isGoogleLabel(returned.topHop.hop.byHost) &&
    !isRecipientSideHost(incident, returned.topHop.hop.byHost) &&
    !kddiReceiverCopy(incident, decoded.top, bodyLines) &&
    !returned.sesOutgoing?.internal.includes(returned.topHop.field) &&
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
  // Sendmail 5's notice names its writer, the client of the attempts it transcribes (sendmail-notice-host.ts).
  const notice = !byRemote && !isReport ? sendmailNoticeHost(decoded.top, bodyLines) : null;
  if (notice) {
    addUnique(incident.sendingHosts, notice.host);
    refOf(incident, 'sendingHosts', notice.field.firstLine);
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
  // The copy kept no hop into the remote, only its SPF check's verdict naming the client.
  if (!exit && !isReport && incident.sendingIps.length === 0) fillSpfClient(incident, returned, refOf);
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
  settleMicrosoftSendingHosts(incident);
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
  // (Said once Google's names were left out: the returned copy may name the outgoing server.)
  for (const label of [writer, exit?.sendingHost, returned.topHop?.hop.byHost])
    if (!byRemote && label && isGoogleLabel(label)) noteGoogleLabel(incident, label.toLowerCase());
}

/** The exit hop's client address is known and is none of the clients the remote's reply named. */
function exitNotRefused(exitIp: string | null | undefined, namedInReply: readonly string[]): boolean {
  return !!exitIp && namedInReply.length > 0 && !namedInReply.includes(exitIp);
}
