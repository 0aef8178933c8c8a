/**
 * From a rejection read in a log to an Incident: the reply is parsed by the shared reply parser, the
 * sending IPs come from the log's source-address fields and from the IPs in Orange's links, and never
 * from the remote MX address or a private address.
 */

import { refusedElsewhere } from '../../orange/other-provider';
import type { ExtractOptions, FieldName, Incident, Note, SourceRef } from '../../types';
import { findClientHosts } from '../client-ip';
import { dropPlaceholders } from '../incident';
import { isLoopbackIp, isNonPublicIp, isOrangeIp, normalizeIp } from '../ip';
import { microsoftServerIn } from '../microsoft-server';
import { isOrangeMailDomain } from '../orange-network';
import { isOrangeHost, type ParsedReply, parseReply } from '../reply';
import { recipientNamedByReply } from '../reply-recipient';
import { replySenderDomain } from '../reply-sender-domain';
import { cutReplyNote } from './cut-reply';
import { detach, domainOf, type Found, type RawRejection } from './model';
import { syslogFromRemoteStamp } from './remote-reply-stamp';
import { HOST_ORIGIN_NOTES, syslogIpNote, syslogShortNameNote } from './sending-host-notes';
import { fullNameInReplyNote, shortNameOf } from './short-host-in-full';
import { resolveStamp } from './time';

/** The domain of `<local@domain>` in the reply, for the recipient logged as `local` alone. */
function qualifiedInReply(local: string, reply: string): string | null {
  const lower = reply.toLowerCase();
  const at = lower.indexOf(`<${local.toLowerCase()}@`);
  if (at < 0) return null;
  const end = lower.indexOf('>', at);
  return end < 0 ? null : domainOf(lower.slice(at + 1, end));
}

/** The Microsoft 365 frontend a reply names at its end (microsoft-server.ts), or null. */
function frontendIn(reply: string): string | null {
  const server = microsoftServerIn(reply);
  return server?.frontend ? server.name : null;
}

/** A map that forgets everything when full: enough for values that repeat (replies, IPs). */
class MemoMap<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly cap: number) {}
  get(key: string, make: (key: string) => V): V {
    const found = this.map.get(key);
    if (found !== undefined) return found;
    const value = make(key);
    if (this.map.size >= this.cap) this.map.clear();
    // The key is copied: a slice of a line would keep its stream chunk alive (see detach).
    this.map.set(detach(key), value);
    return value;
  }
}

interface IpFacts {
  ip: string | null;
  /** Public and not Orange's: may be a sending IP. */
  canSend: boolean;
  orange: boolean;
}

/** Caches shared by the incidents of one scan: a log repeats the same replies and IPs many times. */
export interface IncidentCaches {
  replies: MemoMap<ParsedReply>;
  ips: MemoMap<IpFacts>;
  /** By reply text: the client host names it gives (findClientHosts); read only, never changed. */
  clientHosts: MemoMap<readonly string[]>;
  /** By reply text: the sender's domain it names (replySenderDomain), or null. */
  replySenders: MemoMap<string | null>;
  /** Remote host names as logged, as incidents name them (remoteHostName). */
  hosts: MemoMap<string>;
}

export function createIncidentCaches(): IncidentCaches {
  return {
    replies: new MemoMap(4096),
    ips: new MemoMap(8192),
    clientHosts: new MemoMap(4096),
    replySenders: new MemoMap(4096),
    hosts: new MemoMap(4096),
  };
}

/** A remote host as written (`smtp-in.orange.fr.`), as an incident names it; a copy (see detach). */
const remoteHostName = (named: string) => detach(named.replace(/\.$/, '').toLowerCase());

/** Incidents outlive the chunk their strings were cut from (see detach). */
function nullableDetach(text: string | null): string | null {
  return text === null ? null : detach(text);
}

function classifyIp(text: string): IpFacts {
  const ip = normalizeIp(text);
  if (!ip) return { ip: null, canSend: false, orange: false };
  const orange = isOrangeIp(ip);
  return { ip, canSend: !orange && !isNonPublicIp(ip), orange };
}

function senderRef(sender: Found<string>): SourceRef {
  return { line: sender.ref.line, text: detach(sender.ref.text) };
}

/**
 * The sending domain of an incident built without a sender, from the sender line its queue id logged
 * after the rejection (later-sender.ts): as buildIncident would have taken it from an earlier one.
 */
export function fillLaterSender(incident: Incident, sender: Found<string>): void {
  const domain = nullableDetach(domainOf(sender.value));
  if (incident.sendingDomain !== null || domain === null) return;
  incident.sendingDomain = domain;
  incident.sources.sendingDomain = senderRef(sender);
  // A user's redaction (`from=<x@xxxx.xx>`) names nothing, as on a sender read before.
  dropPlaceholders(incident);
}

/**
 * Builds the incident of one rejection. The remote side is Orange when the reply has Orange's token or
 * server id, or the remote host or address is Orange's, or the recipient domain is orange.fr/wanadoo.fr.
 */
export function buildIncident(
  raw: RawRejection,
  options: ExtractOptions,
  caches: IncidentCaches = createIncidentCaches(),
): Incident {
  const parsed = caches.replies.get(raw.replyText, (text) => parseReply(text));
  const sources: Partial<Record<FieldName, SourceRef>> = {};
  const assumptions: Note[] = [];
  const remote = raw.remoteIp ? caches.ips.get(raw.remoteIp, classifyIp) : null;
  // A remote named by a public name at a loopback address (`alt4.gmail-smtp-in.l.google.com
  // [127.0.0.1]`) is a poster's rewrite or a local proxy's: no remote address to report.
  const remoteIp =
    remote?.ip && !(isLoopbackIp(remote.ip) && raw.remoteHost?.includes('.')) ? remote.ip : null;

  const sendingIps: string[] = [];
  const addIp = (text: string, ref: SourceRef) => {
    const { ip, canSend } = caches.ips.get(text, classifyIp);
    if (!ip || !canSend || ip === remoteIp || sendingIps.includes(ip)) return;
    sendingIps.push(ip);
    sources.sendingIps ??= ref;
  };
  for (const found of raw.sendingIps) addIp(found.value, found.ref);
  for (const ip of parsed.linkIps) addIp(ip, raw.ref);

  const sendingHosts: string[] = [];
  /** The syslog field's short name, said to need completing (Orange's words until the refusal is known). */
  let shortNote: { host: string; note: Note } | null = null;
  // An rsyslog relay may write `HOST/FROMHOST` in the host field (`eugeni/eugeni`): the first is the
  // machine that logged the line.
  const hostField = raw.sendingHost?.value ?? '';
  const slash = hostField.indexOf('/');
  const loggedHost = slash < 0 ? hostField : hostField.slice(0, slash);
  const origin = raw.sendingHost?.origin;
  if (origin === 'syslog-ip') {
    const { ip, canSend } = caches.ips.get(hostField, classifyIp);
    if (ip && canSend && !sendingIps.includes(ip)) assumptions.push(syslogIpNote(ip));
  } else if (origin && loggedHost !== '-' && loggedHost !== '') {
    const host = detach(loggedHost.toLowerCase());
    sendingHosts.push(host);
    sources.sendingHosts = raw.sendingHost?.ref;
    const short = origin === 'syslog-host' && !host.includes('.');
    if (short) shortNote = { host, note: syslogShortNameNote(host) };
    assumptions.push(shortNote?.note ?? HOST_ORIGIN_NOTES[origin]);
  }
  // The name the remote gives the client (`<mta.example.com[IP]>: Client host rejected`), its address
  // taken as a sending IP above.
  for (const host of caches.clientHosts.get(raw.replyText, findClientHosts)) {
    if (sendingHosts.includes(host)) continue;
    // The full name of the syslog field's short one (short-host-in-full.ts): it takes the short one's place.
    const short = shortNameOf(sendingHosts, host);
    if (short >= 0) {
      const named = sendingHosts[short] as string;
      sendingHosts[short] = detach(host);
      sources.sendingHosts = raw.ref;
      const note = assumptions.findIndex((a) => a.code === 'sending-host-from-syslog');
      if (note >= 0) assumptions[note] = fullNameInReplyNote(named, sendingHosts[short] as string);
      continue;
    }
    sendingHosts.push(detach(host));
    sources.sendingHosts ??= raw.ref;
  }

  let sendingDomain = nullableDetach(domainOf(raw.sender?.value));
  if (sendingDomain && raw.sender) sources.sendingDomain = senderRef(raw.sender);
  // No sender logged for the message (not `from=<>`, a bounce's): the one the reply names, if any
  // (Gmail's `SPF [example.com] with ip: [IP]`).
  if (!raw.sender) {
    sendingDomain = nullableDetach(caches.replySenders.get(raw.replyText, replySenderDomain));
    if (sendingDomain) sources.sendingDomain = raw.ref;
  }
  let recipientDomain = nullableDetach(domainOf(raw.recipient));
  if (recipientDomain) sources.recipientDomain = raw.recipientRef ?? raw.ref;
  else if (raw.recipient && !raw.recipient.includes('@')) {
    // A local name (`to=postmaster`) the MTA qualified before sending: the reply may quote it whole.
    recipientDomain = nullableDetach(qualifiedInReply(raw.recipient, raw.replyText));
    if (recipientDomain) sources.recipientDomain = raw.ref;
  } else if (!raw.recipient) {
    // No recipient logged (Postfix's `host X said: 450 4.2.0 <b@y>: Recipient address rejected: ...`
    // of an attempt no status line follows): the one the RCPT reply names at its start.
    recipientDomain = nullableDetach(domainOf(recipientNamedByReply(raw.replyText)));
    if (recipientDomain) sources.recipientDomain = raw.ref;
  }

  // Else the Microsoft 365 server a reply names at its end
  // (`... [MW2NAM12FT046.eop-nam12.prod.protection.outlook.com]`).
  const named =
    raw.remoteHost ??
    (raw.replyText.includes('outlook.com') || raw.replyText.includes('OUTLOOK.COM')
      ? frontendIn(raw.replyText)
      : null);
  const remoteHost = named ? caches.hosts.get(named, remoteHostName) : null;
  if (remoteHost) sources.remoteHost = raw.ref;
  if (remoteIp) sources.remoteIp = raw.ref;

  const time = syslogFromRemoteStamp(raw.stamp, raw.replyText) ?? resolveStamp(raw.stamp, options);
  if (time.iso) sources.occurredAt = raw.ref;
  if (time.assumption) assumptions.push(time.assumption);
  // A note on a date left out (PowerMTA's ambiguous spreadsheet dates) is said without one.
  if (raw.stampNote && (time.iso || raw.stamp === null)) assumptions.push(raw.stampNote);
  if (raw.replyNote) assumptions.push(raw.replyNote);
  // (Said once: a line cut before its `)` may end with an ellipsis too.)
  const cut = cutReplyNote(raw.replyText);
  if (cut && raw.replyNote?.code !== cut.code) assumptions.push(cut);

  const reply = { ...parsed.reply };
  const orange = parsed.orange ? { ...parsed.orange } : null;
  if (reply.enhanced === null && raw.loggedEnhanced && /^[245]\.\d{1,3}\.\d{1,3}$/.test(raw.loggedEnhanced)) {
    reply.enhanced = raw.loggedEnhanced;
  }
  sources.reply = raw.ref;
  if (parsed.orange) sources.orange = raw.ref;

  const isOrange =
    parsed.isOrangeReply ||
    (remoteHost !== null && isOrangeHost(remoteHost)) ||
    remote?.orange === true ||
    isOrangeMailDomain(recipientDomain);

  // The lists are copied to their size: one grown by push keeps room for 16 more, some 400 bytes of an
  // incident's 1,500, and a streamed scan holds its incidents a while (those waiting for a sender line, or
  // for the log's clocks), long enough for V8 to move each into its old generation.
  const incident: Incident = {
    occurredAt: time.iso,
    sendingIps: sendingIps.slice(),
    sendingHosts: sendingHosts.slice(),
    sendingDomain,
    recipientDomain,
    remoteHost,
    remoteIp,
    reply,
    orange,
    isOrange,
    format: raw.format,
    sources,
    assumptions: assumptions.slice(),
    trigger: null,
  };
  // A user's redaction (`to=xxxx@xxxx.xxxxx`) names nothing.
  dropPlaceholders(incident);
  if (shortNote !== null && refusedElsewhere(incident)) {
    const at = incident.assumptions.indexOf(shortNote.note);
    if (at >= 0) incident.assumptions[at] = syslogShortNameNote(shortNote.host, false);
  }
  return incident;
}
