import type { Incident } from '../types';
import { withoutOwnServer } from './exchange-history';
import { type ExpiredLastReply, expiredLastReply } from './expired-last-reply';
import { gmailTried } from './gmail-tried-server';
import { isHostName } from './header-block';
import { applyReply } from './incident';
import { indentedContinuation } from './indented-continuation';
import { normalizeIp } from './ip';
import { FAILED_CONNECT_TO } from './messaging-server';
import { NO_REPLY } from './no-reply-words';
import { parseReply } from './reply';
import { SENDMAIL_OWN_STATUS } from './sendmail-v5-lines';

/**
 * `connect to mx.example.net[192.0.2.1]:25: ...`, `lost connection with mx.example.net[192.0.2.1] while
 * receiving the initial server greeting`: the server the MTA could not reach, or that said nothing.
 */
const CONNECT_TO =
  /\b(?:connect to|lost connection with|conversation with) ([A-Za-z0-9][A-Za-z0-9._-]{0,252})\[([0-9A-Fa-f:.]{2,45})\]/i;

/** Yahoo's `unable to connect to remote server [192.0.2.1:25]`: an IPv4 address and its port. */
const REMOTE_SERVER_AT = /\bunable to connect to remote server \[(\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?\]/i;

/** Exchange Online's `[LastAttemptedServerName=mail.example.net] [LastAttemptedIP=192.0.2.1:25]`. */
const LAST_ATTEMPTED =
  /\[LastAttemptedServerName=([A-Za-z0-9][A-Za-z0-9._-]{0,252})\](?:\s{0,4}\[LastAttemptedIP=([0-9A-Fa-f:.]{2,45}?):\d{1,5}\])?/;

export interface ConnectionFailure {
  /** The MTA's own words, on one line. */
  words: string;
  /** The server it could not reach, when named. */
  host: string | null;
  ip: string | null;
  /**
   * The remote's last reply, when Exchange's own code says it gave up on a server that did answer:
   * Exchange quotes it as `[Message=451 5.7.3 STARTTLS is required to send mail]` or at the end of its
   * status, `...(451 5.7.3 STARTTLS is required to send mail)`. Then there is a reply to quote after all.
   */
  remoteReply: string | null;
}

/**
 * Exchange's own words in the same place are no reply of the remote's: `[Message=451 4.4.0 TLS
 * negotiation failed with error SocketError]`, `[Message=451 4.4.0 Security status IllegalMessage]`.
 * The reply keeps its own brackets: Orange's ends with its reason, `... OFR004_104 [104]]`.
 */
const QUOTED_REMOTE_REPLY =
  /\[Message=(?!451 4\.4\.0 (?:TLS negotiation failed|Security status))([245]\d\d[ -](?:[^[\]]|\[[^[\]]{0,100}\]){1,500})(?:\]|$)|\((?!451 4\.4\.0 (?:TLS negotiation failed|Security status))([245]\d\d [^()]{1,500})\)\s*$/;

/**
 * Exchange and Exchange Online write their own code when they could not reach the remote: 4.4.312 / 5.4.312
 * (DNS query failed), 4.4.316 / 5.4.316 (connection refused), 4.4.317 / 5.4.317 (cannot connect: timed out,
 * or the certificate did not match), 4.4.318 (connection dropped). `450 4.4.317 Cannot connect to remote
 * server [Message=SubjectMismatch ...]`, `550 5.4.317 Message expired, cannot connect to remote server`:
 * Exchange's words, with a code of its own, not a reply of the remote's. Exchange 2013-2019 on its premises:
 * `441 4.4.1 Error encountered while communicating with primary target IP address: "Failed to connect.
 * Winsock error code: 10060, ..."` or `441 4.4.1 Error communicating with target host: "421 4.4.2 Connection
 * dropped due to SocketError."`, and inside its wrappers (exchange-wrapper.ts): `421 4.2.1 Unable to connect
 * -> SocketConnectionRefused`, `421 4.4.2 Connection dropped due to ConnectionReset`,
 * `421 4.4.1 Connection timed out.`, `451 4.4.0 DNS query failed. The error was: ...`. In its delay notices
 * (`Remote Server returned '...'`): `400 4.4.7 Message delayed`; its own expiry (`Remote Server at host (IP)
 * returned '550 4.4.7 QUEUE.Expired; message expired'`); and Exchange 2007's summary of a host it could not
 * reach, `554 5.4.0 <mx.example.net #4.4.1>`. Microsoft documents 4.4.312 (DNS query failed), 4.4.315
 * (Connection timed out: it "can't connect to the destination email server"), 4.4.316 (Connection refused),
 * 4.4.317 (Cannot connect to remote server: the server gave an immediate error or lacked what the connector
 * requires, TLS; a reply it gave is quoted after the code and read, QUOTED_REMOTE_REPLY) and 4.4.318
 * (Connection was closed abruptly) in "Mail flow intelligence in EOP" (learn.microsoft.com,
 * defender-office-365/connectors-mail-flow-intelligence), and 4.4.316 again in "Email non-delivery reports in
 * Exchange Online" ("attempts to connect to it are failing"). Exchange Online's 5.4.310 is on neither page:
 * its own NDR says what it means, `The Domain Name System (DNS) reported that the recipient's domain
 * does not exist`, above `550 5.4.310 DNS domain example.moc does not exist [Message=InfoDomainNonexistent]
 * [LastAttemptedServerName=example.moc]` (crisp-oss/email-bounce-parser's fixture
 * 550_5_4_310_server_unknown.txt): no server to reach. 5.4.300 (`Message expired`) stays out: the second page
 * says the destination server never responded *or* the message's own NDR could not be delivered.
 */
const EXCHANGE_UNREACHED =
  /^\s{0,8}(?:[45]\d\d[ -][45]\.4\.31[25678]\s{1,4}(?:Message expired, )?(?:DNS query failed|Connection refused|Connection timed out|Connection was closed abruptly|Cannot connect to remote server|Cannot establish session|Connection dropped)|5\d\d[ -]5\.4\.310\s{1,4}DNS domain [A-Za-z0-9._-]{1,253} does not exist\b|4\d\d[ -]4\.4\.1\s{1,4}Error encountered while communicating with primary target IP address:\s{0,4}"?Failed to connect|4\d\d[ -]4\.4\.1\s{1,4}Error communicating with target host:\s{0,4}"?(?:Failed to connect|421 4\.4\.2 Connection dropped)|4\d\d[ -]4\.(?:2\.1\s{1,4}Unable to connect|4\.2\s{1,4}Connection dropped due to|4\.1\s{1,4}Connection timed out|4\.0\s{1,4}DNS query failed)\b|4\d\d[ -]4\.4\.7\s{1,4}Message delayed\s*$|[45]\d\d[ -][45]\.4\.7\s{1,4}QUEUE\.Expired;\s{0,4}message expired\b|5\d\d[ -]5\.4\.0\s{1,4}<[^<>#\s]{1,253}\s{1,4}#4\.4\.\d{1,3}>\s*$)/i;

/**
 * Exchange Online's 5.4.310: the recipient's domain does not exist, so its
 * `[LastAttemptedServerName=example.moc]` is that domain, no server it tried.
 */
const EXCHANGE_NO_DOMAIN = /\b5\.4\.310\s{1,4}DNS domain [A-Za-z0-9._-]{1,253} does not exist\b/i;

/**
 * Sendmail's own code for a server that dropped the line before answering: `451 <a@example.net>... reply:
 * read error from mx.example.net.` in its transcript, `451 4.4.1 reply: read error from mx.example.net.`
 * in its log's `stat=Deferred:`.
 */
const SENDMAIL_READ_ERROR =
  /^\s{0,8}4\d\d[ -](?:4\.\d{1,3}\.\d{1,3}\s{1,4})?(?:<[^<>\s]{1,320}>\.\.\.\s{1,4})?reply:\s{1,4}read error from\b/i;

/**
 * Codes an MTA writes itself for a failure before any server answered: Sendmail's `550 Host unknown` in a
 * DSN's Diagnostic-Code (listmonk's test DSN, beside `Remote-MTA: DNS; example.ch`), its `426 connection
 * timed out` (flanker's delay notice of 1994: 426 is no SMTP reply code), Momentum's `454 4.4.4 [internal]
 * no MX or A for domain` (flanker's test data), Haraka's `550 5.1.2 Tried all MXs example.net` (its
 * later outbound/hmail.js: `DSN.addr_bad_dest_system('Tried all MXs ' + domain)` when no MX is left),
 * Hotmail's `554 The mail could not be delivered to the recipient because the domain is not reachable.
 * Please check the domain and try again (-1915321397:308:-2147467259)` (its notice of 2014, with no
 * Remote-MTA: Sisimai's lhost-outlook-03 and rhost-outlook-03, found by audit63).
 */
const MTA_OWN_CODE =
  /^\s{0,8}(?:smtp;\s{0,2})?(?:5\d\d[ -](?:5\.\d{1,3}\.\d{1,3}\s{1,4})?Host unknown\.?\s*$|5\d\d[ -]The mail could not be delivered to the recipient because the domain is not reachable\b|5\d\d[ -]5\.1\.2\s{1,4}Tried all MXs\b|426[ -]connection timed out|4\d\d[ -](?:4\.4\.\d{1,3}\s{1,4})?\[internal\] no MX or A for domain)/i;

/**
 * Sendmail's own refusal to go on with a server after STARTTLS, by its tls_server ruleset (TLS_connection
 * in cf/m4/proto.m4): `stat=Deferred: 403 4.7.0 TLS handshake failed.` in its log (a Comcast forum
 * thread's title; the `ruleset=tls_server, arg1=SOFTWARE, relay=..., reject=403 4.7.0 TLS handshake
 * failed.` line before it, quoted in DTU's and sonic.net's notes), `503 5.7.0` with TLS_PERM_ERR, and the
 * access map's TLS requirements (`encryption too weak 56 less than 128`, `not authenticated`...). No
 * server says 403, which is no SMTP reply code; a 503 is sendmail's own only with these TLS words.
 */
const SENDMAIL_TLS_POLICY =
  /^\s{0,8}(?:smtp;\s{0,2})?(?:403[ -](?:4\.7\.0\s{1,4})?(?:authentication (?:required|failed|failure\b)|not authenticated|no authentication requested|CN .{1,300} does not match\b|Cert (?:Subject|Issuer)\b|TLS handshake|STARTTLS (?:failed|disabled locally)|DANE check failed|encryption too weak\b|other side does not support STARTTLS)|503[ -](?:5\.7\.0\s{1,4})?(?:TLS handshake|STARTTLS (?:failed|disabled locally)|DANE check failed|encryption too weak\b|other side does not support STARTTLS))/i;

/**
 * True for Sendmail's own words behind a reply code, no server's reply: `451 ... reply: read error from
 * host`, and its TLS policy's refusals (SENDMAIL_TLS_POLICY).
 */
export function isSendmailOwnReply(text: string): boolean {
  return SENDMAIL_READ_ERROR.test(text) || SENDMAIL_TLS_POLICY.test(text);
}

/**
 * What the reply says when it says no server replied; null when it may be a reply. A reply with a code
 * is one, unless Exchange wrote that code itself (EXCHANGE_UNREACHED).
 */
export function connectionFailure(code: number | null, text: string): ConnectionFailure | null {
  const expired = code === null ? null : expiredLastReply(text);
  if (expired) return expiredAround(text, expired);
  const own =
    code !== null &&
    (EXCHANGE_UNREACHED.test(text) ||
      isSendmailOwnReply(text) ||
      MTA_OWN_CODE.test(text) ||
      SENDMAIL_OWN_STATUS.test(text));
  if (code === null ? !NO_REPLY.test(text.slice(0, 2000)) : !own) return null;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const target = EXCHANGE_NO_DOMAIN.test(oneLine)
    ? null
    : (CONNECT_TO.exec(oneLine) ?? LAST_ATTEMPTED.exec(oneLine) ?? gmailTried(oneLine));
  const server = target ? null : (REMOTE_SERVER_AT.exec(oneLine) ?? FAILED_CONNECT_TO.exec(oneLine));
  const quoted = code === null ? null : QUOTED_REMOTE_REPLY.exec(oneLine);
  const inner = quoted?.[1] ?? quoted?.[2] ?? null;
  return {
    words: shortened(oneLine),
    host: target?.[1]?.toLowerCase() ?? null,
    ip: target?.[2] ?? server?.[1] ?? null,
    // Exchange's own words quoted after its code (`450 4.4.317 Cannot connect to remote server(421 4.2.1
    // Unable to connect)`) are no remote's reply either.
    remoteReply: inner !== null && !EXCHANGE_UNREACHED.test(inner) ? inner : null,
  };
}

/** The MTA's words as a note quotes them: at most 300 characters. */
function shortened(oneLine: string): string {
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine;
}

/** SES's `Message expired` around its own failure or the remote's last reply (expired-last-reply.ts). */
function expiredAround(text: string, last: ExpiredLastReply): ConnectionFailure {
  return {
    words: shortened(text.replace(/\s+/g, ' ').trim()),
    host: null,
    ip: null,
    remoteReply: last.own || EXCHANGE_UNREACHED.test(last.reply) ? null : last.reply,
  };
}

/**
 * The server `host` and `ip` name as the remote, cited at the reply's line, when nothing else named one
 * (a failed connection's target, the server that announced a size limit: size-limit.ts).
 */
export function nameRemote(incident: Incident, host: string | null, ip: string | null): void {
  if (incident.remoteHost || incident.remoteIp) return;
  if (host && isHostName(host)) {
    incident.remoteHost = host;
    incident.sources.remoteHost = incident.sources.reply;
  }
  if (ip) {
    incident.remoteIp = ip;
    incident.sources.remoteIp = incident.sources.reply;
  }
}

/** No server's reply to quote: the reply is emptied (its words go into a note), its enhanced code kept. */
export function withoutReply(incident: Incident): void {
  incident.reply = { code: null, enhanced: incident.reply.enhanced, text: '' };
  incident.orange = null;
  delete incident.sources.reply;
  delete incident.sources.orange;
}

/** The server a failed connection names, when nothing else named the remote. */
function fillUnreached(incident: Incident, failure: ConnectionFailure): void {
  nameRemote(incident, failure.host, failure.ip ? normalizeIp(failure.ip) : null);
}

/**
 * When Exchange gave up on a server that did answer (ConnectionFailure.remoteReply), that server's reply
 * becomes the incident's, with the server it tried; returns false, changing nothing, otherwise.
 */
function quoteRemoteReply(incident: Incident, failure: ConnectionFailure): boolean {
  if (!failure.remoteReply) return false;
  const remote = parseReply(failure.remoteReply);
  applyReply(incident, remote);
  if (!remote.orange) delete incident.sources.orange;
  fillUnreached(incident, failure);
  return true;
}

/**
 * An incident whose reply is the MTA's own words that no server replied (`failure`), in a bounce or a
 * pasted line alike: Exchange's own server is no rejecting host; the remote's last reply, when Exchange
 * quotes one, becomes the incident's; else the reply is emptied (the words go into a note) and the server
 * tried is named. Returns true when no reply remains.
 */
export function settleConnectionFailure(incident: Incident, failure: ConnectionFailure): boolean {
  withoutOwnServer(incident);
  if (quoteRemoteReply(incident, failure)) return false;
  fillUnreached(incident, failure);
  withoutReply(incident);
  return true;
}

/**
 * A log line about a client connecting to this server, not about a delivery: Exim checking a sender's
 * domain (`H=host [IP] sender verify fail for <a@x>: all relevant MX records point to non-existent
 * hosts`, in fail2ban's test logs), its refusals of a client, Postfix's smtpd and postscreen.
 */
/** NO_REPLY for every place it matches. */
const NO_REPLY_ALL = new RegExp(NO_REPLY.source, `${NO_REPLY.flags}g`);

const INBOUND_LINE =
  /\bsender verify (?:fail|defer)\b|\brejected (?:RCPT|MAIL|EHLO|HELO|after DATA)\b|\bNOQUEUE: reject:|\/(?:smtpd|postscreen)\[\d/;

/**
 * The words of the first line of `text` that says no server replied (NO_REPLY), for a text in which no
 * incident was found: the user is told why there is nothing to send Orange rather than that nothing was
 * recognised. Lines about clients of this server (INBOUND_LINE) are passed over.
 */
export function noReplyWords(text: string): string | null {
  const head = text.slice(0, 64 * 1024);
  let tries = 0;
  for (const m of head.matchAll(NO_REPLY_ALL)) {
    if (++tries > 50) break;
    const start = head.lastIndexOf('\n', m.index) + 1;
    const newline = head.indexOf('\n', m.index);
    const line = head.slice(start, newline < 0 ? head.length : newline);
    if (!INBOUND_LINE.test(line))
      return shortened(`${line}${indentedContinuation(head, newline)}`.replace(/\s+/g, ' ').trim());
  }
  return null;
}
