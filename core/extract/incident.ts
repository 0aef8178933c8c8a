/** Building incidents: empty defaults, source references, Orange flag and missing-field warnings. */
import type { FieldName, Incident, InputFormat, Note, SourceRef } from '../types';
import { parseDate } from './dates';
import { isOrangeIp, isUnspecifiedIp } from './ip';
import { type MicrosoftServer, microsoftServerIn } from './microsoft-server';
import { netEaseRefusalTime } from './netease-reply';
import { missingField, NOTES } from './notes';
import { isOrangeMailDomain } from './orange-network';
import { dropOrangeFromSending } from './orange-sending-ip';
import { isMaskedDomain, isMaskedHost, isMaskedRecipientDomain, isPlaceholderIp } from './redaction';
import type { ParsedReply } from './reply';
import { isOrangeHost } from './reply';
import { nextHopInReply, serverNameInReply } from './reply-host';

export function emptyIncident(format: InputFormat): Incident {
  return {
    occurredAt: null,
    sendingIps: [],
    sendingHosts: [],
    sendingDomain: null,
    recipientDomain: null,
    remoteHost: null,
    remoteIp: null,
    reply: { code: null, enhanced: null, text: '' },
    orange: null,
    isOrange: false,
    format,
    sources: {},
    assumptions: [],
    trigger: null,
  };
}

/** Records where a field came from (keeps the first reference given). */
export function cite(incident: Incident, field: FieldName, ref: SourceRef | null): void {
  if (ref && !incident.sources[field]) incident.sources[field] = ref;
}

export function applyReply(incident: Incident, parsed: ParsedReply): void {
  incident.reply = parsed.reply;
  incident.orange = parsed.orange;
}

/** Adds a value to a list field unless already there. */
export function addUnique(list: string[], value: string | null | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

/**
 * The remote's own address and name are never the sender's, whatever wording seemed to name them as the
 * client (an Exim-style `H=smtp-in.orange.fr [193.252.22.65]` quoted in a paste, a relay hop that was
 * the remote's): dropped from the sending fields, with their source when none is left.
 */
function dropRemoteFromSending(incident: Incident): void {
  const { remoteIp, remoteHost } = incident;
  if (remoteIp && incident.sendingIps.includes(remoteIp)) {
    incident.sendingIps = incident.sendingIps.filter((ip) => ip !== remoteIp);
    if (incident.sendingIps.length === 0) delete incident.sources.sendingIps;
  }
  if (remoteHost && incident.sendingHosts.includes(remoteHost)) {
    incident.sendingHosts = incident.sendingHosts.filter((host) => host !== remoteHost);
    if (incident.sendingHosts.length === 0) delete incident.sources.sendingHosts;
  }
}

/**
 * A redaction's placeholders (redaction.ts) name nothing: dropped, with their sources, so the user fills them
 * in.
 */
export function dropPlaceholders(incident: Incident): void {
  const ips = incident.sendingIps.filter((ip) => !isPlaceholderIp(ip));
  if (ips.length !== incident.sendingIps.length) {
    incident.sendingIps = ips;
    if (ips.length === 0) delete incident.sources.sendingIps;
  }
  const hosts = incident.sendingHosts.filter((host) => !isMaskedHost(host));
  if (hosts.length !== incident.sendingHosts.length) {
    incident.sendingHosts = hosts;
    if (hosts.length === 0) {
      delete incident.sources.sendingHosts;
      // Where the name came from no longer applies (`sending-host-from-syslog`...).
      incident.assumptions = incident.assumptions.filter((a) => !a.code.startsWith('sending-host-from'));
    }
  }
  const masked = {
    sendingDomain: isMaskedDomain,
    recipientDomain: isMaskedRecipientDomain,
    remoteHost: isMaskedHost,
  };
  for (const field of ['sendingDomain', 'recipientDomain', 'remoteHost'] as const) {
    const value = incident[field];
    if (value && masked[field](value)) {
      incident[field] = null;
      delete incident.sources[field];
    }
  }
  // Exchange Online's delivery history writes `(0.0.0.0)` for a server it never reached.
  if (incident.remoteIp && (isUnspecifiedIp(incident.remoteIp) || isPlaceholderIp(incident.remoteIp))) {
    incident.remoteIp = null;
    delete incident.sources.remoteIp;
  }
}

/**
 * With no date found elsewhere, the one a Microsoft 365 server wrote at the end of its reply
 * (`[BN3PEPF0000B077.namprd04.prod.outlook.com 2025-11-25T08:06:40.951Z 08DE2A19D02BF789]`, UTC).
 */
function dateFromReply(incident: Incident, server: MicrosoftServer): void {
  const parsed = server.stamp ? parseDate(server.stamp) : null;
  if (!parsed) return;
  incident.occurredAt = parsed.iso;
  cite(incident, 'occurredAt', incident.sources.reply ?? null);
  incident.assumptions.push(NOTES.dateFromMicrosoftReply(server.name));
}

/** With no date found elsewhere, the Unix time NetEase wrote in its reply (netease-reply.ts). */
export function dateFromNetEase(incident: Incident): void {
  const iso = netEaseRefusalTime(incident.reply.text);
  if (!iso) return;
  incident.occurredAt = iso;
  cite(incident, 'occurredAt', incident.sources.reply ?? null);
  incident.assumptions.push(NOTES.dateFromNetEaseReply());
}

/**
 * With no remote named elsewhere, the next hop a relay's reply quotes (`550 5.1.1 host X [ip] said: ...`).
 */
function nextHopFromReply(incident: Incident): void {
  const hop = nextHopInReply(incident.reply.text);
  if (!hop) return;
  incident.remoteHost = hop.host;
  incident.remoteIp = hop.ip;
  cite(incident, 'remoteHost', incident.sources.reply ?? null);
  cite(incident, 'remoteIp', incident.sources.reply ?? null);
}

/** With no remote named elsewhere, the name the reply gives its server right after its code. */
function hostFromReply(incident: Incident): void {
  const host = serverNameInReply(incident.reply.text);
  if (!host || incident.sendingHosts.includes(host)) return;
  incident.remoteHost = host;
  cite(incident, 'remoteHost', incident.sources.reply ?? null);
}

function isEmptyField(incident: Incident, field: FieldName): boolean {
  const value = incident[field as keyof Incident];
  return value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * Keeps the remote out of the sending fields, sets `isOrange`, then returns one warning per field left
 * empty (not the reply when `noServerReplied`: a note already says there is none).
 */
export function finishIncident(incident: Incident, number: number, noServerReplied = false): Note[] {
  dropRemoteFromSending(incident);
  dropPlaceholders(incident);
  const microsoft =
    incident.occurredAt && incident.remoteHost ? null : microsoftServerIn(incident.reply.text);
  if (microsoft && !incident.occurredAt) dateFromReply(incident, microsoft);
  if (!incident.occurredAt) dateFromNetEase(incident);
  // Else the Microsoft 365 frontend a reply names at its end (`[DM6NAM12FT056.eop-nam12.prod.protection.
  // outlook.com]`), as the log path does (logs/incident.ts); not a mailbox server, maybe the sender's own.
  if (microsoft?.frontend && !incident.remoteHost) {
    incident.remoteHost = microsoft.name.toLowerCase();
    cite(incident, 'remoteHost', incident.sources.reply ?? null);
  }
  if (!incident.remoteHost && !incident.remoteIp) nextHopFromReply(incident);
  if (!incident.remoteHost) hostFromReply(incident);
  incident.isOrange =
    incident.orange !== null ||
    (incident.remoteHost !== null && isOrangeHost(incident.remoteHost)) ||
    (incident.remoteIp !== null && isOrangeIp(incident.remoteIp)) ||
    isOrangeMailDomain(incident.recipientDomain);
  if (incident.isOrange) dropOrangeFromSending(incident);
  const warnings: Note[] = [];
  const missing: FieldName[] = [];
  // A field left empty (a placeholder dropped, a reading undone) points at no line.
  // (The reply and Orange's code say what their absence means elsewhere.)
  for (const field of Object.keys(incident.sources) as FieldName[])
    if (field !== 'reply' && field !== 'orange' && isEmptyField(incident, field))
      delete incident.sources[field];
  if (!incident.occurredAt) missing.push('occurredAt');
  if (incident.sendingIps.length === 0) missing.push('sendingIps');
  if (incident.sendingHosts.length === 0) missing.push('sendingHosts');
  if (!incident.sendingDomain) missing.push('sendingDomain');
  if (!incident.recipientDomain) missing.push('recipientDomain');
  if (!incident.remoteHost) missing.push('remoteHost');
  if (!incident.remoteIp) missing.push('remoteIp');
  // A reply read without its three-digit code (`5.1.1 <x@orange.com>: User unknown`): only the code is
  // missing.
  const codeOnly = incident.reply.code === null && incident.reply.text.trim() !== '';
  // (Not when no server replied: a note says so, and there is no reply to fill in.)
  if (incident.reply.code === null && !codeOnly && !noServerReplied) missing.push('reply');
  for (const field of missing) warnings.push(missingField(field, number));
  if (codeOnly && !noServerReplied) warnings.push(NOTES.missingReplyCode(number));
  return warnings;
}
