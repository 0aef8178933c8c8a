/**
 * The rejecting server as Exchange Online's notice names it in its lead: `mx.example.net rejected your
 * message to the following email addresses:` (French `… a rejeté votre message pour les adresses de
 * messagerie suivantes :`, German `… hat Ihre Nachricht an die folgenden E-Mail-Adressen abgelehnt:`),
 * above the recipients and their `Remote Server returned '550 …'`. Read only where nothing better named
 * the remote (a Remote-MTA, `Server at X (IP) returned`), and only when that name is a remote server's:
 * not one of Microsoft's own (`*.outlook.com`), not the sender's own server or domain, not the
 * recipient's bare domain (which Exchange Online writes there when it knows no server's name).
 */

import type { Incident } from '../../types';
import { settleMicrosoftSendingHosts } from '../exchange-online-relay';
import { isWithin } from '../exit-hop';
import { domainOf, isHostName, isIcannName } from '../header-block';
import { isQuotedLine, unquoteLines } from '../mail-quote';
import type { RefOf } from './message-sender';
import { SYSTEM_HOST, systemHostLine } from './message-system-host';

const REJECTED_BY =
  /^[ \t]{0,12}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?[ \t]{1,4}(?:rejected your message to the following e-?mail address(?:es)?|a rejet[ée] votre message pour les adresses de messagerie suivantes|hat Ihre Nachricht an die folgenden E-Mail-Adressen abgelehnt)[ \t\u00a0\u202f]{0,2}:/i;

/** How far into the body the lead is looked for, and the longest line read. */
const LEAD_LINES = 400;
const LONGEST_LINE = 1000;

interface Lead {
  host: string;
  lineIndex: number;
}

/** Each body's leads, read once per message (not once per recipient). */
const leadsByBody = new WeakMap<readonly string[], Lead[]>();

/**
 * Each lead naming a host in the body's first lines, in order; also in a notice quoted in a reply (`> `
 * before each line, mail-quote.ts), which the body of a message attached to a forward still has.
 */
function leadsOf(bodyLines: readonly string[]): Lead[] {
  const known = leadsByBody.get(bodyLines);
  if (known) return known;
  const leads: Lead[] = [];
  const count = Math.min(bodyLines.length, LEAD_LINES);
  const head = bodyLines.slice(0, count);
  const lines = head.some(isQuotedLine) ? unquoteLines(head) : head;
  for (let i = 0; i < count; i++) {
    const line = lines[i] as string;
    if (line.length > LONGEST_LINE) continue;
    const host = REJECTED_BY.exec(line)?.[1]?.toLowerCase();
    if (host && isHostName(host) && isIcannName(host)) leads.push({ host, lineIndex: i });
  }
  leadsByBody.set(bodyLines, leads);
  return leads;
}

/**
 * The lead of the recipient's group: the only host the notice names, or, when it names several (one lead
 * per group of recipients), the one whose group lists `recipient`.
 */
function leadOf(leads: readonly Lead[], bodyLines: readonly string[], recipient: string | null): Lead | null {
  const first = leads[0];
  if (!first) return null;
  if (leads.every((l) => l.host === first.host)) return first;
  if (!recipient) return null;
  const wanted = recipient.toLowerCase();
  for (let k = 0; k < leads.length; k++) {
    const lead = leads[k] as Lead;
    const end = Math.min(leads[k + 1]?.lineIndex ?? bodyLines.length, lead.lineIndex + 40);
    for (let i = lead.lineIndex + 1; i < end; i++) {
      if ((bodyLines[i] as string).toLowerCase().includes(wanted)) return lead;
    }
  }
  return null;
}

/** A host of the sender's side: the notice's writer (`Generating server:`), a sending host, its domain. */
function isSendersOwn(incident: Incident, host: string, bodyLines: readonly string[]): boolean {
  const systemLine = systemHostLine(bodyLines);
  const writer = systemLine ? SYSTEM_HOST.exec(systemLine)?.[1]?.replace(/\.$/, '').toLowerCase() : null;
  return host === writer || incident.sendingHosts.includes(host) || isWithin(host, incident.sendingDomain);
}

/** Fills remoteHost from Exchange Online's lead, where nothing else named the remote. */
export function fillExchangeRejecter(
  incident: Incident,
  bodyLines: readonly string[],
  recipient: string | null,
  refOf: RefOf,
): void {
  if (incident.remoteHost || incident.remoteIp) return;
  const lead = leadOf(leadsOf(bodyLines), bodyLines, recipient);
  if (!lead) return;
  const { host } = lead;
  if (isWithin(host, 'outlook.com') || isSendersOwn(incident, host, bodyLines)) return;
  if (host === (incident.recipientDomain ?? domainOf(recipient ?? '')?.toLowerCase())) return;
  incident.remoteHost = host;
  refOf(incident, 'remoteHost', bodyLines[lead.lineIndex]);
  // A remote outside Microsoft now named: Exchange Online's own servers are no sending hosts of its.
  settleMicrosoftSendingHosts(incident);
}
