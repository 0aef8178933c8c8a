/**
 * The hop where the bounce's returned copy left the sender for the remote, when the bounce agrees the
 * remote is there, and whether the copy is the one the recipient's side received (its own From).
 */
import { getDomain } from 'tldts';
import type { Incident } from '../../types';
import { type ExitHop, findExitHop, hasReceived, isWithin, sendingBase } from '../exit-hop';
import { domainOf, type Field, fieldValue, isHostName } from '../header-block';
import { isNonPublicIp } from '../ip';
import { isKddiNotice } from '../kddi-notice';
import { bounceHopNamesWithin } from '../remote-by-bounce-hop';
import { findRemoteEntryHop } from '../remote-entry-hop';
import type { ReturnedHeaders } from '../returned-headers';
import type { NamedRemote } from './message-named-remote';

/**
 * The hop where the returned copy left the sender's domain for the remote (see exit-hop.ts), when
 * the bounce agrees that the remote is there: a remote named by the bounce (Remote-MTA, the reply's
 * host, a qmail or Postfix line) in another domain means the copy went through a relay of the sender
 * first (Google as the sender's smarthost, a forwarding host), whose hop in is not the one the remote
 * saw. An abuse report (ARF) has no remote: its copy is the one its provider received; its
 * Source-IP, when given, is the address to trust.
 */
export function exitOf(
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
export function kddiReceiverCopy(
  incident: Incident,
  bounceTop: readonly Field[],
  bodyLines: string[],
): boolean {
  if (!isKddiNotice(bodyLines)) return false;
  const base = incident.sendingDomain ? sendingBase(incident.sendingDomain) : null;
  return isRecipientAuthored(incident, bounceTop, base);
}
