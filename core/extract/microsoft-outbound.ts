/**
 * Exchange Online Protection's outbound servers, through which Microsoft 365 sends all its customers' mail
 * out: named `*.outbound.protection.outlook.com` (`mail-am6eur05on2070.outbound.protection.outlook.com`),
 * at the addresses Microsoft lists for Exchange Online's SMTP (ID 9 of "Microsoft 365 URLs and IP address
 * ranges", learn.microsoft.com; the same as its SPF record, `spf.protection.outlook.com`). Microsoft shares
 * them among its customers ("Outbound delivery pools"): a block of one is no block of the customer's own
 * server, and the ticket should say the message left through Microsoft 365.
 */
import ipaddr from 'ipaddr.js';
import type { Incident } from '../types';
import { inRanges } from './ip';
import { NOTES } from './notes';

const MICROSOFT_OUTBOUND_HOST = /(?:^|\.)outbound\.protection\.outlook\.com$/i;

const EXCHANGE_ONLINE_SMTP = [
  '40.92.0.0/15',
  '40.107.0.0/16',
  '52.100.0.0/14',
  '104.47.0.0/17',
  '2a01:111:f400::/48',
  '2a01:111:f403::/48',
].map((cidr) => ipaddr.parseCIDR(cidr));

function isExchangeOnlineIp(ip: string): boolean {
  return inRanges(ip, EXCHANGE_ONLINE_SMTP);
}

/** Says, once, that the sending host or IP is one of Microsoft's shared outbound servers. */
export function noteMicrosoftOutbound(incident: Incident): void {
  const shared =
    incident.sendingHosts.find((h) => MICROSOFT_OUTBOUND_HOST.test(h)) ??
    incident.sendingIps.find(isExchangeOnlineIp);
  if (!shared) return;
  const note = NOTES.microsoftSharedOutbound(shared);
  if (!incident.assumptions.some((a) => a.code === note.code)) incident.assumptions.push(note);
}
