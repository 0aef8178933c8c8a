/** Hosts of the failed recipient's side, which are never the sender's. */
import { getDomain } from 'tldts';
import type { Incident } from '../../types';
import { isWithin, sendingBase } from '../exit-hop';
import { isNonPublicIp } from '../ip';

/**
 * A host in the failed recipient's domain and not in the sender's: the remote's own (a filter such as
 * Active!Hunter returns the copy as its own MX received it), never the sender's last hop.
 */
export function isRecipientSideHost(incident: Incident, host: string): boolean {
  const name = host.replace(/\.$/, '').toLowerCase();
  return isWithin(name, incident.recipientDomain) && !isWithin(name, incident.sendingDomain);
}

/**
 * Amazon SES's receiving endpoint, `inbound-smtp.<region>.amazonaws.com`: the MX a domain that receives its
 * mail with SES publishes (AWS's SES developer guide, "Publishing an MX record for Amazon SES email
 * receiving"). It only takes mail in: a bounce it reports (Firefox Relay's `mozmail.com` refusing a message
 * too large, `552 5.2.3`) was written on the recipient's side, never by the sender's host.
 */
const SES_INBOUND = /^inbound-smtp\.[a-z]{2}(?:-[a-z]{2,12}){1,2}-\d{1,2}\.amazonaws\.com$/;

/** A host that only receives mail (SES_INBOUND): the remote's, never a sending host. */
export function isReceivingOnlyHost(host: string): boolean {
  return SES_INBOUND.test(host.replace(/\.$/, '').toLowerCase());
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
export function isFailingRecipientHost(incident: Incident, host: string): boolean {
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
