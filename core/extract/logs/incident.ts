/**
 * From a rejection read in a log to an Incident: the reply is parsed by the shared reply parser, the
 * sending IPs come from the log's source-address fields and from the IPs in Orange's links, and never
 * from the remote MX address or a private address.
 */

import type { ExtractOptions, FieldName, Incident, Note, SourceRef } from '../../types';
import { isNonPublicIp, isOrangeIp, normalizeIp } from '../ip';
import { ORANGE_MAIL_DOMAINS } from '../orange-network';
import { isOrangeHost, parseReply } from '../reply';
import { domainOf, type RawRejection, type SendingHostOrigin } from './model';
import { resolveStamp } from './time';

const HOST_ORIGIN_NOTES: Record<SendingHostOrigin, Note> = {
  'syslog-host': {
    code: 'sending-host-from-syslog',
    text: {
      fr: 'Le nom de l’hôte émetteur est celui de la machine qui a écrit le journal (champ hôte de syslog).',
      en: 'The sending host name is the machine that wrote the log (the syslog host field).',
    },
  },
  'haraka-queue-file': {
    code: 'sending-host-from-haraka-queue',
    text: {
      fr: 'Le nom de l’hôte émetteur provient du nom du fichier de file d’attente de Haraka.',
      en: 'The sending host name comes from the Haraka queue file name.',
    },
  },
};

function isOrangeRecipient(domain: string | null): boolean {
  return domain !== null && ORANGE_MAIL_DOMAINS.includes(domain);
}

/**
 * Logs join a multi-line reply with spaces (`550-5.7.1 first line 550-5.7.1 second 550 5.7.1 last`):
 * the continuation prefixes are put back on lines of their own so the reply parser removes them.
 */
export function splitJoinedReply(text: string): string {
  const head = /^\s*([245]\d\d)[ -](?:([245]\.\d{1,3}\.\d{1,3}) )?/.exec(text);
  if (!head) return text;
  const code = head[1] ?? '';
  const enhanced = head[2] ? ` ${head[2].replace(/\./g, '\\.')}` : '';
  // Only a reply that really continues (`550-`) is split; digits and dots only go into the pattern.
  if (!new RegExp(` ${code}-${enhanced.trim()}`).test(text.slice(head[0].length))) return text;
  return text.replace(new RegExp(` (?=${code}[ -]${enhanced.trim()}(?: |$))`, 'g'), '\n');
}

/** True when the remote side of a rejection is Orange (token/server id, MX name or network, domain). */
export function buildIncident(raw: RawRejection, options: ExtractOptions): Incident {
  const parsed = parseReply(splitJoinedReply(raw.replyText));
  const sources: Partial<Record<FieldName, SourceRef>> = {};
  const assumptions: Note[] = [];
  const remoteIp = raw.remoteIp ? normalizeIp(raw.remoteIp) : null;

  const sendingIps: string[] = [];
  const addIp = (ip: string, ref: SourceRef) => {
    const norm = normalizeIp(ip);
    if (!norm || norm === remoteIp || isNonPublicIp(norm) || isOrangeIp(norm)) return;
    if (sendingIps.includes(norm)) return;
    sendingIps.push(norm);
    sources.sendingIps ??= ref;
  };
  for (const found of raw.sendingIps) addIp(found.value, found.ref);
  for (const ip of parsed.linkIps) addIp(ip, raw.ref);

  const sendingHosts: string[] = [];
  if (raw.sendingHost && raw.sendingHost.value !== '-' && raw.sendingHost.value !== '') {
    sendingHosts.push(raw.sendingHost.value.toLowerCase());
    sources.sendingHosts = raw.sendingHost.ref;
    assumptions.push(HOST_ORIGIN_NOTES[raw.sendingHost.origin]);
  }

  const sendingDomain = domainOf(raw.sender?.value);
  if (sendingDomain && raw.sender) sources.sendingDomain = raw.sender.ref;
  const recipientDomain = domainOf(raw.recipient);
  if (recipientDomain) sources.recipientDomain = raw.ref;

  const remoteHost = raw.remoteHost ? raw.remoteHost.replace(/\.$/, '').toLowerCase() : null;
  if (remoteHost) sources.remoteHost = raw.ref;
  if (remoteIp) sources.remoteIp = raw.ref;

  const time = resolveStamp(raw.stamp, options);
  if (time.iso) sources.occurredAt = raw.ref;
  if (time.assumption) assumptions.push(time.assumption);

  const reply = { ...parsed.reply };
  if (reply.enhanced === null && raw.loggedEnhanced && /^[245]\.\d{1,3}\.\d{1,3}$/.test(raw.loggedEnhanced)) {
    reply.enhanced = raw.loggedEnhanced;
  }
  sources.reply = raw.ref;
  if (parsed.orange) sources.orange = raw.ref;

  const isOrange =
    parsed.isOrangeReply ||
    (remoteHost !== null && isOrangeHost(remoteHost)) ||
    (remoteIp !== null && isOrangeIp(remoteIp)) ||
    isOrangeRecipient(recipientDomain);

  return {
    occurredAt: time.iso,
    sendingIps,
    sendingHosts,
    sendingDomain,
    recipientDomain,
    remoteHost,
    remoteIp,
    reply,
    orange: parsed.orange,
    isOrange,
    format: raw.format,
    sources,
    assumptions,
    trigger: null,
  };
}
