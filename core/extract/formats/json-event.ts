/**
 * ESP webhook/event JSON: Mailgun (`delivery-status`), Amazon SES (`bounce.bouncedRecipients`,
 * `deliveryDelay`), SendGrid (`reason`/`response`, `ip`), Postmark (`Details`), SparkPost (`raw_reason`,
 * `sending_ip`, `ip_address`), Mailjet (`smtp_reply`), Mandrill (`msg.diag`), Brevo (`reason`,
 * `sending_ip`, `ts_event`), or any object with an
 * SMTP reply in a usual key. A JSON array, one object, or one object per line (NDJSON); an event wrapped
 * as a JSON string in another (an SNS notification's `Message`) is read too.
 * Field names from the providers' public event documentation.
 */
import type { ExtractionResult, Incident, Note } from '../../types';
import { fromUnixSeconds, parseDate } from '../dates';
import { domainOf, isHostName, stripType } from '../header-block';
import { addUnique, applyReply, cite, emptyIncident, finishIncident } from '../incident';
import { isNonPublicIp, normalizeIp } from '../ip';
import { note } from '../notes';
import { parseReply } from '../reply';
import type { SourceText } from '../source-text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

// SparkPost writes `raw_reason` (as received) beside `reason`; Mailjet `smtp_reply`; Mandrill `diag`.
const REPLY_KEYS = [
  'diagnosticCode',
  'diagnostic_code',
  'Details',
  'raw_reason',
  'reason',
  'response',
  'smtp_response',
  'smtp_reply',
  'diag',
  'error',
];
const STARTS_WITH_REPLY = /^\s{0,4}(?:smtp;\s{0,2})?[245]\d\d[\s-]/i;

function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj | undefined, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = o?.[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}

/**
 * Parses the text as JSON or NDJSON; null when it is neither. A piece of an object copied without its
 * braces (`"delivery-status": { ... },`, as users copy it from an ESP's event log) is read as the object
 * those members make.
 */
export function parseJsonInput(text: string): Json[] | null {
  const t = text.trim().replace(/,$/, '');
  if (t.startsWith('"')) {
    try {
      return [JSON.parse(`{${t}}`) as Json];
    } catch {
      return null;
    }
  }
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    const v = JSON.parse(t) as Json;
    return Array.isArray(v) ? v : [v];
  } catch {
    const out: Json[] = [];
    for (const line of t.split(/\r\n|\r|\n/)) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as Json);
      } catch {
        return null;
      }
    }
    return out.length > 0 ? out : null;
  }
}

interface EventFacts {
  replyText: string | null;
  /** The reply as written in the JSON, when replyText was assembled (Mailgun: code + message). */
  replyWritten: string | null;
  enhanced: string | null;
  recipient: string | null;
  sender: string | null;
  time: string | null;
  sendingIp: string | null;
  sendingHost: string | null;
  remoteHost: string | null;
  remoteIp: string | null;
  /** The ESP did not try: the address is on its suppression list (its own words), so no one refused. */
  suppressed: { esp: string; reason: string } | null;
}

// Mandrill and Brevo (Sendinblue) give Unix seconds in `ts` / `ts_event`.
const TIME_KEYS = ['timestamp', 'BouncedAt', 'time', 'created_at', 'ts_event', 'ts'];

function timeOf(v: string | null): string | null {
  if (!v) return null;
  if (/^\d{9,11}(?:\.\d{1,9})?$/.test(v)) return fromUnixSeconds(Number(v));
  return parseDate(v)?.iso ?? null;
}

function senderOf(o: Obj): string | null {
  const envelope = isObj(o.envelope) ? o.envelope : undefined;
  const mail = isObj(o.mail) ? o.mail : undefined;
  const headers = isObj(mail?.commonHeaders) ? mail?.commonHeaders : undefined;
  const from = headers && Array.isArray(headers.from) ? headers.from[0] : undefined;
  return (
    str(envelope, 'sender') ??
    str(mail, 'source') ??
    str(o, 'From', 'from', 'sender', 'msg_from') ??
    (typeof from === 'string' ? from : null)
  );
}

/** One or more events described by this object (SES lists several recipients in one notification). */
function factsOf(o: Obj): EventFacts[] {
  const base: EventFacts = {
    replyText: null,
    replyWritten: null,
    enhanced: null,
    recipient: str(o, 'recipient', 'email', 'Email', 'rcpt', 'rcpt_to'),
    sender: senderOf(o),
    time: timeOf(str(o, ...TIME_KEYS)),
    sendingIp: null,
    sendingHost: null,
    remoteHost: null,
    remoteIp: null,
    suppressed: null,
  };
  const status = isObj(o['delivery-status']) ? o['delivery-status'] : undefined;
  if (status) {
    const code = str(status, 'code');
    // Mailgun's own codes 605-607 (suppress-bounce, -unsubscribe, -complaint): it did not send.
    const reason = str(o, 'reason') ?? '';
    if (/^60[5-7]$/.test(code ?? '') || reason.startsWith('suppress-'))
      base.suppressed = { esp: 'Mailgun', reason: reason || (code ?? '') };
    const message = str(status, 'message', 'description') ?? '';
    base.replyText = STARTS_WITH_REPLY.test(message) || !code ? message : `${code} ${message}`;
    base.replyWritten = message || code;
    base.enhanced = str(status, 'enhanced-code');
    base.remoteHost = str(status, 'mx-host');
    const envelope = isObj(o.envelope) ? o.envelope : undefined;
    base.sendingIp = str(envelope, 'sending-ip');
    return [base];
  }
  const ses = isObj(o.bounce) ? o.bounce : isObj(o.deliveryDelay) ? o.deliveryDelay : undefined;
  if (ses) {
    // SES's suppression lists (global or the account's): it did not send.
    const subType = str(ses, 'bounceSubType') ?? '';
    if (subType === 'Suppressed' || subType === 'OnAccountSuppressionList')
      base.suppressed = { esp: 'Amazon SES', reason: subType };
    const list = ses.bouncedRecipients ?? ses.delayedRecipients;
    const out: EventFacts[] = [];
    for (const r of Array.isArray(list) ? list : []) {
      if (!isObj(r)) continue;
      out.push({
        ...base,
        replyText: str(r, 'diagnosticCode'),
        enhanced: str(r, 'status'),
        recipient: str(r, 'emailAddress'),
        time: timeOf(str(ses, 'timestamp')) ?? base.time,
        sendingHost: str(ses, 'reportingMTA'),
        remoteIp: str(ses, 'remoteMtaIp'),
        remoteHost: str(ses, 'remoteMta'),
      });
    }
    return out;
  }
  const reply = str(o, ...REPLY_KEYS);
  if (reply && (STARTS_WITH_REPLY.test(reply) || parseReply(reply).isOrangeReply)) {
    return [
      {
        ...base,
        replyText: reply,
        enhanced: str(o, 'status'),
        sendingIp: str(o, 'ip', 'sending_ip'),
        // SparkPost (its events carry `bounce_class`): `ip_address` is the host it delivered to.
        remoteIp: o.bounce_class !== undefined ? str(o, 'ip_address') : null,
      },
    ];
  }
  return [];
}

function collect(value: Json, out: Obj[], depth: number): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (isObj(value)) {
    if (factsOf(value).length > 0) out.push(value);
    else for (const v of Object.values(value)) collect(v, out, depth + 1);
  } else if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    // An event sent on as a JSON string: SES notifications through SNS (`"Message": "{\"notificationType\"...`).
    let inner: Json;
    try {
      inner = JSON.parse(value) as Json;
    } catch {
      return;
    }
    collect(inner, out, depth + 1);
  }
}

/** Said instead of an incident when the ESP did not try at all (its suppression list). */
const suppressedNote = ({ esp, reason }: { esp: string; reason: string }): Note =>
  note(
    'input.esp-suppressed',
    `${esp} n’a pas tenté la livraison : l’adresse est sur sa liste de suppression (${reason}). Aucun serveur ne l’a refusée ; il n’y a rien à signaler au service abuse d’Orange pour cet événement.`,
    `${esp} did not attempt delivery: the address is on its suppression list (${reason}). No server refused it; there is nothing to report to Orange's abuse desk for this event.`,
  );

export function extractJsonEvents(values: Json[], source: SourceText): ExtractionResult {
  const objects: Obj[] = [];
  for (const v of values) collect(v, objects, 0);
  const incidents: Incident[] = [];
  const warnings: Note[] = [];
  // Events come in text order: search from the last line found first, so many events stay linear.
  let cursor = 1;
  const refFor = (needle: string | null) => {
    if (!needle) return null;
    const piece = needle.slice(0, 60);
    const line = source.find(piece, cursor) ?? (cursor > 1 ? source.find(piece, 1, cursor) : null);
    if (line === null) return null;
    cursor = line;
    return source.ref(line);
  };
  for (const o of objects) {
    for (const f of factsOf(o)) {
      if (f.suppressed) {
        if (!warnings.some((w) => w.code === 'input.esp-suppressed'))
          warnings.push(suppressedNote(f.suppressed));
        continue;
      }
      const incident = emptyIncident('json-event');
      const parsed = parseReply(f.replyText ?? '');
      // A delivered or accepted event (2xx/3xx) is not an incident.
      if (parsed.reply.code !== null && parsed.reply.code < 400 && !parsed.isOrangeReply) continue;
      applyReply(incident, parsed);
      const enhanced = /^[245]\.\d{1,3}\.\d{1,3}$/.exec(f.enhanced ?? '')?.[0] ?? null;
      if (!incident.reply.enhanced && enhanced && String(incident.reply.code ?? enhanced)[0] === enhanced[0])
        incident.reply.enhanced = enhanced;
      const written = f.replyWritten ?? f.replyText;
      const replyRef = refFor(written ? JSON.stringify(written).slice(1, -1) : null);
      cite(incident, 'reply', replyRef);
      if (parsed.orange) cite(incident, 'orange', replyRef);
      for (const ip of parsed.linkIps) addUnique(incident.sendingIps, ip);
      if (parsed.linkIps.length > 0) cite(incident, 'sendingIps', replyRef);
      const sendingIp = f.sendingIp ? normalizeIp(f.sendingIp) : null;
      if (sendingIp && !isNonPublicIp(sendingIp)) {
        addUnique(incident.sendingIps, sendingIp);
        cite(incident, 'sendingIps', refFor(f.sendingIp));
      }
      const sendingHost = f.sendingHost ? stripType(f.sendingHost).toLowerCase() : null;
      if (sendingHost && isHostName(sendingHost)) {
        addUnique(incident.sendingHosts, sendingHost);
        cite(incident, 'sendingHosts', refFor(f.sendingHost));
      }
      incident.sendingDomain = f.sender ? domainOf(f.sender) : null;
      if (incident.sendingDomain) cite(incident, 'sendingDomain', refFor(f.sender));
      incident.recipientDomain = f.recipient ? domainOf(f.recipient) : null;
      if (incident.recipientDomain) cite(incident, 'recipientDomain', refFor(f.recipient));
      incident.occurredAt = f.time;
      if (f.time) cite(incident, 'occurredAt', refFor(str(o, ...TIME_KEYS)));
      const remoteHost = f.remoteHost ? stripType(f.remoteHost).toLowerCase() : null;
      if (remoteHost && isHostName(remoteHost)) {
        incident.remoteHost = remoteHost;
        cite(incident, 'remoteHost', refFor(f.remoteHost));
      }
      const remoteIp = f.remoteIp ? normalizeIp(f.remoteIp) : null;
      if (remoteIp) {
        incident.remoteIp = remoteIp;
        cite(incident, 'remoteIp', refFor(f.remoteIp));
      }
      incidents.push(incident);
    }
  }
  incidents.forEach((incident, i) => {
    warnings.push(...finishIncident(incident, i + 1));
  });
  return { incidents, warnings };
}
