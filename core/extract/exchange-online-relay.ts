/**
 * Exchange Online between the sender and the remote. In a hybrid setup, the on-premises Exchange server
 * hands the message to Exchange Online (`Received: from EX01.corp.example.com (203.0.113.25) by
 * DB8EUR05FT012.mail.protection.outlook.com … via Frontend Transport`), whose servers then deliver it; the
 * notice, `Generating server: PR3PR02MB6138.eurprd02.prod.outlook.com`, is Exchange Online's. Exchange
 * Online sends all outgoing mail through Exchange Online Protection's outbound servers, named
 * `*.outbound.protection.outlook.com` (`mail-am6eur05on2070.outbound.protection.outlook.com`), from
 * address ranges Microsoft shares among its customers (Microsoft's "Outbound delivery pools" and
 * "Exchange Online Protection IP addresses" pages): that server is the one the remote saw. Neither the
 * on-premises server (its address is the hop into Microsoft) nor Exchange Online's inner servers
 * (`*.prod.outlook.com`, `*.mail.protection.outlook.com`, which never connect to another provider's MX) is.
 *
 * Only where the refusal came from outside Microsoft (Orange's reply, a remote named outside outlook.com):
 * a copy that entered `*.mail.protection.outlook.com` may also be a Microsoft 365 recipient's own inbound.
 */
import type { Incident } from '../types';
import { isWithin } from './exit-hop';
import { noteMicrosoftOutbound } from './microsoft-outbound';
import { microsoftServerIn } from './microsoft-server';
import { NOTES } from './notes';

/** Exchange Online's own servers, inbound frontends and mailbox servers (not its outbound ones). */
const EXCHANGE_ONLINE_INNER = /\.(?:prod\.(?:protection\.)?outlook\.com|mail\.protection\.outlook\.com)$/i;

/** The refusal is a server's outside Microsoft: Orange's reply, or a remote named outside outlook.com. */
function refusedOutsideMicrosoft(incident: Incident): boolean {
  if (microsoftServerIn(incident.reply.text)) return false;
  if (incident.remoteHost) return !isWithin(incident.remoteHost.toLowerCase(), 'outlook.com');
  return incident.orange !== null;
}

/** True when the copy left the sender's server into Exchange Online, which then met the refusal. */
export function relayedByExchangeOnline(incident: Incident, byHost: string | null | undefined): boolean {
  return (
    !!byHost && EXCHANGE_ONLINE_INNER.test(byHost.replace(/\.$/, '')) && refusedOutsideMicrosoft(incident)
  );
}

/** Says that Exchange Online delivered the message, once; `onPremises` is the server that handed it over. */
export function noteExchangeOnlineRelay(incident: Incident, onPremises: string | null): void {
  const note = NOTES.exchangeOnlineRelay(onPremises);
  if (!incident.assumptions.some((a) => a.code === note.code)) incident.assumptions.push(note);
}

/**
 * Settles the sending hosts of a refusal from outside Microsoft: Exchange Online's inner servers (its
 * notice's generating server) are left out, with the note; Microsoft's shared outbound server or address is
 * kept, with a note saying it is Microsoft's, shared (microsoft-outbound.ts).
 */
export function settleMicrosoftSendingHosts(incident: Incident): void {
  if (!refusedOutsideMicrosoft(incident)) return;
  const inner = incident.sendingHosts.filter((h) => EXCHANGE_ONLINE_INNER.test(h));
  if (inner.length > 0) {
    incident.sendingHosts = incident.sendingHosts.filter((h) => !inner.includes(h));
    if (incident.sendingHosts.length === 0) delete incident.sources.sendingHosts;
    noteExchangeOnlineRelay(incident, null);
  }
  noteMicrosoftOutbound(incident);
}
