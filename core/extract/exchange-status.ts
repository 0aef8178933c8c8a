/**
 * Exchange 2013 and later tag a recipient's status: `[{LED=550 5.7.1 ...};{MSG=};{FQDN=host};{IP=ip};
 * {LRT=...}]` (the last error, the remote's name and address, the last retry), as its message tracking
 * logs, Get-MessageTrackingLog and its delivery reports show it; older builds write
 * `[{LED}=...];[{FQDN}=...]`.
 */
import { normalizeIp } from './ip';
import { breaksAsSpaces } from './joined-lines';
import { twentyFourHour } from './twelve-hour-clock';

/** The value of a `{NAME=value}` tag (up to `};{` or the closing `}`), or of a `[{NAME}=value]` one. */
export function statusTag(status: string, name: string): string | null {
  const inside = status.indexOf(`{${name}=`);
  if (inside >= 0) {
    const start = inside + name.length + 2;
    // The tag ends at the next tag or at the list's close (`};{`, `}]`), whichever comes first: the
    // last tag of one event (`{IP=192.0.2.7}]}`) must not run on into the next event of the paste.
    const ends = [status.indexOf('};{', start), status.indexOf('}]', start)].filter((i) => i >= 0);
    const last = status.lastIndexOf('}');
    const end = ends.length > 0 ? Math.min(...ends) : last >= start ? last : status.length;
    return status.slice(start, end).trim() || null;
  }
  const at = status.indexOf(`{${name}}=`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  const end = status.indexOf('];', start);
  const value = status.slice(start, end < 0 ? (status.endsWith(']') ? -1 : undefined) : end).trim();
  return value || null;
}

/**
 * A refusal at connection is wrapped in Exchange's own 451 (`451 4.4.0 Primary target IP address responded
 * with: "421 4.4.1 Connection timed out." ... The last endpoint attempted was IP:25`, Microsoft KB 4051498):
 * the endpoint is the remote's address.
 */
const LAST_ENDPOINT = /The last endpoint attempted was ([0-9A-Fa-f.:]{3,45}):\d{1,5}/;

/**
 * The remote's address Exchange's own status names after the reply it quotes (Get-Queue's LastError
 * pasted alone: `451 4.4.0 Primary target IP address responded with: "421 mwinf5c77 ME ..." ... The last
 * endpoint attempted was 80.12.242.9:25`), or null.
 */
export function lastEndpoint(text: string): string | null {
  const found = LAST_ENDPOINT.exec(text)?.[1];
  return found ? normalizeIp(found) : null;
}

/**
 * The remote server a status names. Its FQDN and IP tags, else the last endpoint its LED names; but when
 * the organisation's own Frontend server gave up (`450 4.7.0 Proxy session setup failed on Frontend with
 * '451 4.4.0 Primary target IP address responded with: ...'`, a Get-Queue LastError on Microsoft Q&A),
 * the tags name that Frontend server: only the last endpoint is the remote's.
 */
export function statusRemote(status: string, led: string): { host: string | null; ip: string | null } {
  const endpoint = LAST_ENDPOINT.exec(led)?.[1] ?? null;
  if (/Proxy session setup failed on Frontend/i.test(led.slice(0, 200))) return { host: null, ip: endpoint };
  return { host: statusTag(status, 'FQDN'), ip: statusTag(status, 'IP') ?? endpoint };
}

/** The refusal Get-MessageTrackingLog's output shows, as Format-List prints it. */
export interface TrackingStatus {
  reply: string;
  /** Offsets in the text given: of the status, and of the remote's name (-1 without one). */
  offset: number;
  remoteHost: string | null;
  remoteIp: string | null;
  remoteOffset: number;
  recipient: string | null;
  /** The envelope sender the event names (`Sender :`, `SenderAddress :`). */
  sender: string | null;
  /** When it happened, as `YYYY-MM-DDTHH:MM:SS` (no zone: the output gives none), and where. */
  time: { text: string; offset: number } | null;
}

const RECIPIENTS =
  /^[ \t]{0,12}(?:Recipients|RecipientAddress|To)[ \t]{0,30}:[ \t]{0,4}\{?<?([^\s{},<>]{1,320}@[^\s{},<>]{1,253})>?(?:[},]|[ \t]*$)/m;
const SENDER =
  /^[ \t]{0,12}(?:Sender|SenderAddress)[ \t]{0,30}:[ \t]{0,4}<?([^\s{},<>]{1,320}@[^\s{},<>]{1,253})>?[ \t]*$/m;
const TIMESTAMP = /^[ \t]{0,12}Timestamp[ \t]{0,30}:[ \t]{0,4}([^\n]{8,40})$/m;
/**
 * Exchange Online's Get-MessageTraceDetail prints its event's time as `Date :` beside the trace's
 * `MessageTraceId :` or, under `Select-Object Date,Event,Detail`, beside `Event :`, in UTC ("The
 * timestamps on the output are in UTC time format", Microsoft's cmdlet reference; Microsoft Graph's
 * exchangeMessageTraceDetail: "The timestamp is in UTC format"). The events of one message follow each
 * other (Receive, then Fail): the refusal's is the last `Date :` written before its status.
 */
const TRACE_DATE = /^[ \t]{0,12}Date[ \t]{0,30}:[ \t]{0,4}([^\n]{8,40})$/gm;
const TRACE_FIELD = /^[ \t]{0,12}(?:MessageTraceId|Event)[ \t]{0,30}:/m;

/** The last `Date :` line of a message trace before offset `before`, or null. */
function traceDate(text: string, before: number): RegExpExecArray | null {
  if (!TRACE_FIELD.test(text)) return null;
  let found: RegExpExecArray | null = null;
  for (const m of text.slice(0, before).matchAll(TRACE_DATE)) found = m;
  return found;
}

/**
 * The time of the event whose status is at `at`, and where it is written: Get-MessageTrackingLog's
 * `Timestamp`, or a message trace's UTC `Date`.
 */
function eventTime(text: string, at: number): { text: string; offset: number } | null {
  const stamp = TIMESTAMP.exec(text);
  const stampTime = stamp ? cultureDate(stamp[1] ?? '') : null;
  if (stamp && stampTime) return { text: stampTime, offset: stamp.index };
  const traced = traceDate(text, at);
  const tracedTime = traced ? cultureDate(traced[1] ?? '') : null;
  return traced && tracedTime ? { text: `${tracedTime}Z`, offset: traced.index } : null;
}

/**
 * A date as PowerShell prints it in the server's culture, read only where the order is certain: ISO,
 * day first with dots (`11.08.2026 09:47:13`, German and most of Europe), month first with AM/PM
 * (`1/21/2025 3:45:12 AM`, United States). As `YYYY-MM-DDTHH:MM:SS`, or null.
 */
export function cultureDate(text: string): string | null {
  const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');
  const iso = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d:\d\d:\d\d)/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}`;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4}) (\d{1,2}):(\d\d):(\d\d)\b/.exec(text);
  if (dotted)
    return `${dotted[3]}-${pad(dotted[2])}-${pad(dotted[1])}T${pad(dotted[4])}:${dotted[5]}:${dotted[6]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d) ?([AP]M)\b/i.exec(text);
  if (!us) return null;
  const hour = twentyFourHour(Number(us[4]), us[7]);
  if (hour === null) return null;
  return `${us[3]}-${pad(us[1])}-${pad(us[2])}T${pad(String(hour))}:${us[5]}:${us[6]}`;
}

/**
 * The LED of a multi-line reply, its lines joined by Exchange with their code repeated (`451-4.7.23
 * Message deferred ... for 451 4.7.23 example.com.`): the reply with one code, as read from the wire.
 */
function joinedReply(led: string): string {
  const m = /^([245]\d\d)-((?:[245]\.\d{1,3}\.\d{1,3} )?)/.exec(led);
  if (!m) return led;
  const [head, code, enhanced = ''] = m;
  const again = new RegExp(` ${code}[ -]${enhanced.replace(/\./g, '\\.')}`, 'g');
  return `${code} ${enhanced}${led.slice(head.length).replace(again, ' ')}`;
}

/**
 * Statuses Exchange makes itself name the component that gave up (`550 4.4.7 QUEUE.Expired; message
 * expired`, `550 4.3.2 QUEUE.TransportAgent; message deleted by transport agent`, `550 5.1.1
 * RESOLVER.ADR.RecipNotFound`, `SMTPSEND.DNS...`): no remote server said them.
 */
export const EXCHANGE_OWN_STATUS =
  /^[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3} (?:QUEUE|RESOLVER|ROUTING|STOREDRV|SMTPSEND|CAT)\./;

/**
 * The recipient status of a tracking log's text, from its first `{LED=`: the tags joined where Format-List
 * broke the line between two (`...};` then `{IP=...}`), its offset in the text, and its LED.
 */
function firstStatus(text: string): { status: string; at: number; led: string | null } | null {
  const at = text.indexOf('{LED=');
  if (at < 0) return null;
  const status = text.slice(at, at + 8000).replace(/\};\s{1,40}\{/g, '};{');
  return { status, at, led: statusTag(status, 'LED') };
}

/**
 * The event's own word that no outside server gave the status (`EventData : {...,
 * [IsSmtpResponseFromExternalServer, False], ...}`): Exchange 2019 refusing `501 5.1.4 Recipient address
 * reserved by RFC 2606` to itself, in a Microsoft Q&A thread of 2020, named its own server as the remote.
 */
const NOT_FROM_EXTERNAL = /\[IsSmtpResponseFromExternalServer,\s{0,40}False\]/i;

/**
 * The first status of Exchange's own in a tracking log's text (`550 4.3.2 QUEUE.TransportAgent; ...`, or
 * any the event says no outside server gave), or null.
 */
export function exchangeOwnStatus(text: string): string | null {
  const found = firstStatus(text)?.led;
  const led = found ? breaksAsSpaces(found, '\n') : null;
  return led && (EXCHANGE_OWN_STATUS.test(led) || NOT_FROM_EXTERNAL.test(text)) ? led.slice(0, 200) : null;
}

/** A message coming in, refused by this Exchange's own agents: no remote refused anything. */
const INCOMING_EVENT =
  /^[ \t]{0,12}(?:Directionality[ \t]{0,30}:[ \t]{0,4}Incoming|SourceContext[ \t]{0,30}:[^\n]{0,200}Agent)\b/m;

/**
 * Get-MessageTrackingLog's event as Format-List prints it, its tags wrapped over lines: `RecipientStatus
 * : {[{LED=550-5.7.26 ...};{MSG=};{FQDN=gmail-smtp-in.l.google.com};{IP=192.0.2.7};...`, `Recipients :
 * {rcpt}`. `incoming` for a message coming in (`Directionality : Incoming`, `SourceContext : Sender Id
 * Agent`), `own` for a status Exchange made itself; null when the text holds no refusal.
 */
export function trackingStatus(text: string): TrackingStatus | 'incoming' | 'own' | null {
  const first = firstStatus(text);
  if (!first) return null;
  if (INCOMING_EVENT.test(text)) return 'incoming';
  const { status, at } = first;
  // Format-List wraps a long LED at the console's width, between words: one line again.
  const led = first.led ? breaksAsSpaces(first.led, '\n') : null;
  if (!led || !/^[245]\d\d[ -]/.test(led)) return null;
  if (EXCHANGE_OWN_STATUS.test(led) || NOT_FROM_EXTERNAL.test(text)) return 'own';
  const remote = statusRemote(status, led);
  const remoteHost = remote.host;
  const stamped = eventTime(text, at);
  const lrt = stamped ? null : statusTag(status, 'LRT');
  const lrtTime = lrt ? cultureDate(lrt) : null;
  return {
    reply: joinedReply(led),
    offset: at,
    remoteHost,
    remoteIp: remote.ip,
    remoteOffset: remoteHost ? text.indexOf('{FQDN=', at) : -1,
    recipient: RECIPIENTS.exec(text)?.[1] ?? null,
    sender: SENDER.exec(text)?.[1] ?? null,
    time: stamped ? stamped : lrtTime ? { text: lrtTime, offset: text.indexOf('{LRT=', at) } : null,
  };
}
