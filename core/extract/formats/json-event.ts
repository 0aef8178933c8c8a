/**
 * ESP webhook/event JSON (which providers and fields: esp-facts.ts) to incidents, from the values
 * json-input.ts reads; an event wrapped as a JSON string in another (an SNS notification's `Message`) is
 * read too.
 */
import type { ExtractionResult, Incident, Note } from '../../types';
import { fromUnixSeconds, parseDate } from '../dates';
import { domainOf, isHostName, stripType } from '../header-block';
import { addUnique, applyReply, cite, emptyIncident, finishIncident } from '../incident';
import { MAX_INCIDENTS } from '../incident-cap';
import { isLoopbackIp, isNonPublicIp, normalizeIp } from '../ip';
import { NOTES, note } from '../notes';
import { parseReply } from '../reply';
import type { SourceText } from '../source-text';
import { factsOf, failureWithoutReply } from './esp-facts';
import type { EventFacts } from './event-facts';
import { jsonPiece, type LineSpan, objectSpanAt, objectSpansByDepth, topLevelSpans } from './json-spans';
import { isObj, type Json, type Obj } from './json-value';
import { rememberStalwartBatch, repeatsStalwartRefusal } from './stalwart-webhook';

/** An object holding events, with the objects around it (nearest first). */
interface Found {
  obj: Obj;
  parents: Obj[];
  /** Index of the top-level value (array element, NDJSON line) the object is in. */
  top: number;
}

interface Collected {
  events: Found[];
  /** The kind of the first failure event that held no reply (`hard_bounce`, `bounce`...). */
  failureWithoutReply: string | null;
}

function collect(value: Json, out: Collected, depth: number, parents: Obj[], top: number): void {
  if (depth > 20) return;
  if (Array.isArray(value)) {
    rememberStalwartBatch(value);
    for (const v of value) collect(v, out, depth + 1, parents, top);
  } else if (isObj(value)) {
    // Read once, from the refusal it repeats.
    if (repeatsStalwartRefusal(value)) return;
    if (factsOf(value, parents).length > 0) {
      out.events.push({ obj: value, parents, top });
      return;
    }
    const inner = [value, ...parents];
    const before = out.events.length;
    for (const v of Object.values(value)) collect(v, out, depth + 1, inner, top);
    if (out.events.length === before) out.failureWithoutReply ??= failureWithoutReply(value);
  } else if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    // An event sent on as a JSON string: SES notifications through SNS (`"Message":
    // "{\"notificationType\"...`).
    const inner = parsedString(value);
    if (inner !== undefined) collect(inner, out, depth + 1, parents, top);
  }
}

/**
 * The JSON a string holds; undefined when it holds none. A line break inside one of its strings, where
 * `\\n` was meant (a Gmail reply's continuation lines escaped once instead of twice in an SNS `Message`
 * kept by a Kotlin project's tests), is read as that escape.
 */
function parsedString(value: string): Json | undefined {
  try {
    return JSON.parse(value) as Json;
  } catch {
    try {
      return JSON.parse(withEscapedBreaks(value)) as Json;
    } catch {
      return undefined;
    }
  }
}

/** The text with the line breaks and tabs inside its JSON strings written as escapes. */
function withEscapedBreaks(text: string): string {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString && c === 92 /* \\ */) i++;
    else if (c === 34 /* " */) inString = !inString;
    else if (inString && (c === 10 || c === 13 || c === 9)) {
      out += `${text.slice(from, i)}${c === 10 ? '\\n' : c === 13 ? '\\r' : '\\t'}`;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

/** Said instead of an incident when the ESP sent nothing to any server. */
function notSentNote(notSent: NonNullable<EventFacts['notSent']>): Note {
  const { esp, reason, suppressed, unreached, earlierReply } = notSent;
  if (suppressed && earlierReply) return suppressedAfterRefusalNote(notSent, earlierReply);
  if (unreached)
    return note(
      'input.esp-unreached',
      `${esp} n’a joint aucun serveur (${reason.slice(0, 200)}) : le serveur du destinataire n’a pas répondu, il n’a donc rien refusé ; il n’y a rien à signaler au service abuse d’Orange pour cet événement.`,
      `${esp} reached no server (${reason.slice(0, 200)}): the recipient's server did not answer, so it refused nothing; there is nothing to report to Orange's abuse desk for this event.`,
    );
  return suppressed
    ? note(
        'input.esp-suppressed',
        `${esp} n’a pas tenté la livraison : l’adresse est sur sa liste de suppression (${reason}). Aucun serveur ne l’a refusée : il n’y a pas de réponse SMTP à transmettre à Orange ni rien à signaler à son service abuse pour cet événement.`,
        `${esp} did not attempt delivery: the address is on its suppression list (${reason}). No server refused it: there is no SMTP reply to give Orange and nothing to report to its abuse desk for this event.`,
      )
    : note(
        'input.esp-not-sent',
        `${esp} n’a remis le message à aucun serveur (${reason.slice(0, 200)}) : c’est une erreur de l’ESP lui-même, aucun serveur ne l’a refusé ; il n’y a rien à signaler au service abuse d’Orange pour cet événement.`,
        `${esp} handed the message to no server (${reason.slice(0, 200)}): the ESP failed on its own side and no server refused it; there is nothing to report to Orange's abuse desk for this event.`,
      );
}

/**
 * Said when the ESP names the earlier refusal that put the address on its suppression list (Hyvor Relay's
 * `suppression.description`): that reply answered another send, not this one.
 */
function suppressedAfterRefusalNote(notSent: NonNullable<EventFacts['notSent']>, earlier: string): Note {
  const { esp, reason, since } = notSent;
  const reply = earlier.length > 300 ? `${earlier.slice(0, 300)}…` : earlier;
  return note(
    'input.esp-suppressed',
    `${esp} n’a pas tenté la livraison : l’adresse est sur sa liste de suppression (${reason}). Aucun serveur n’a refusé ce message et il n’y a pas de réponse SMTP à transmettre à Orange pour lui. La réponse qu’il cite (« ${reply} ») est celle du refus antérieur qui a mis l’adresse sur la liste${since ? ` (le ${since})` : ''} : c’est l’événement de cet envoi-là (send.recipient.bounced) qu’il faut lire.`,
    `${esp} did not attempt delivery: the address is on its suppression list (${reason}). No server refused this message and there is no SMTP reply to give Orange for it. The reply it quotes ("${reply}") is that of the earlier refusal that put the address on the list${since ? ` (${since})` : ''}: read that send's own event (send.recipient.bounced).`,
  );
}

/** Said when an ESP reports a failure without the remote server's reply. */
const noReplyNote = (kind: string): Note =>
  note(
    'input.esp-no-reply',
    `L’ESP signale un échec (« ${kind.slice(0, 40)} ») sans la réponse du serveur distant : il n’y a pas de réponse SMTP à transmettre à Orange. Cherchez-la dans le journal de l’ESP ou dans le rebond.`,
    `The ESP reports a failure ("${kind.slice(0, 40)}") without the remote server's reply: there is no SMTP reply to give Orange. Look for it in the ESP's log or in the bounce.`,
  );

/** The time as an ISO date: Unix seconds or milliseconds (UTC), or a written date. */
function dateOf(v: string | null): { iso: string; hadZone: boolean } | null {
  if (!v) return null;
  if (/^\d{9,11}(?:\.\d{1,9})?$/.test(v)) return wrap(fromUnixSeconds(Number(v)));
  if (/^\d{12,14}$/.test(v)) return wrap(fromUnixSeconds(Number(v) / 1000));
  return parseDate(v);
}

const wrap = (iso: string | null) => (iso ? { iso, hadZone: true } : null);

export function extractJsonEvents(values: Json[], source: SourceText): ExtractionResult {
  const collected: Collected = { events: [], failureWithoutReply: null };
  // (The values pasted are one list: a bare array of events, or one event per line.)
  rememberStalwartBatch(values);
  values.forEach((v, top) => {
    collect(v, collected, 0, [], top);
  });
  const incidents: Incident[] = [];
  const warnings: Note[] = [];
  // Each event's values are cited from its own lines first (a batch repeats its senders and dates).
  const spans = topLevelSpans(source.text);
  const whole = { from: 1, to: source.lineCount };
  let objects: LineSpan[][] | null = null;
  for (const { obj, parents, top } of collected.events) {
    // One more than a paste may give is enough for withIncidentCap to tell where it cut (an export of
    // 60,000 bounces on one line took five minutes, each value looked up through the whole line).
    if (incidents.length > MAX_INCIDENTS) break;
    const span = spans.length === values.length ? (spans[top] ?? whole) : whole;
    const refFor: RefFor = (needle, raw = false) => {
      if (!needle) return null;
      const piece = raw ? needle : jsonPiece(needle);
      const line = source.find(piece, span.from, span.to) ?? source.find(piece);
      return line === null ? null : source.ref(line);
    };
    for (const f of factsOf(obj, parents)) {
      if (f.notSent) {
        const notSent = notSentNote(f.notSent);
        if (!warnings.some((w) => w.code === notSent.code)) warnings.push(notSent);
        continue;
      }
      // A batch's events repeat their values (Stalwart's: each event its stamp, sender, MX): each is
      // cited from the lines nearest its reply, its own object's first (MailBaby's `mxHostname` comes
      // after its `response`: the previous record's, above, was cited instead).
      const replyLine = f.citeNearReply && f.replyWritten ? (refFor(f.replyWritten)?.line ?? null) : null;
      if (replyLine !== null) objects ??= objectSpansByDepth(source.text);
      const own =
        replyLine === null || !objects ? null : objectSpanAt(objects, replyLine, parents.length + 1);
      const nearInSpan = replyLine === null ? refFor : nearReply(source, span, replyLine, refFor);
      const cited: RefFor = own ? nearReply(source, own, replyLine, nearInSpan) : nearInSpan;
      const incident = eventIncident(f, cited);
      if (incident) incidents.push(incident);
    }
  }
  // Also beside other events' incidents: a batch's failed event without a reply is said, not dropped
  // (Postmark's bounce list: a `HardBounce` whose Details hold no reply beside a Yahoo refusal).
  if (warnings.length === 0 && collected.failureWithoutReply)
    warnings.push(noReplyNote(collected.failureWithoutReply));
  incidents.forEach((incident, i) => {
    warnings.push(...finishIncident(incident, i + 1));
  });
  return { incidents, warnings };
}

/** How far from its reply an event's other values are looked for first. */
const NEAR_LINES = 40;

/**
 * `refFor`, looking first at the lines of the event's value (`span`) around `replyLine`, above it first
 * (an event's stamp opens it).
 */
function nearReply(
  source: SourceText,
  span: { from: number; to: number },
  replyLine: number | null,
  refFor: RefFor,
): RefFor {
  if (replyLine === null) return refFor;
  return (needle, raw = false) => {
    if (!needle) return null;
    const piece = raw ? needle : jsonPiece(needle);
    const last = Math.min(span.to, source.lineCount, replyLine + NEAR_LINES);
    for (let line = replyLine - 1; line >= Math.max(span.from, 1, replyLine - NEAR_LINES); line--)
      if (source.line(line).includes(piece)) return source.ref(line);
    // The reply's own line last: it may name the host its own field names.
    for (let line = replyLine; line <= last; line++)
      if (source.line(line).includes(piece)) return source.ref(line);
    return refFor(needle, raw);
  };
}

/** The line of a value (or, `raw`, of text as written: a key with its quotes). */
type RefFor = (needle: string | null, raw?: boolean) => ReturnType<SourceText['ref']> | null;

/** The incident one event describes; null for a delivered or accepted event (2xx/3xx). */
function eventIncident(f: EventFacts, refFor: RefFor): Incident | null {
  const incident = emptyIncident('json-event');
  const parsed = parseReply(f.replyText ?? '');
  // (An Orange reason kept whatever the code; Orange's server id alone does not make its greeting,
  // `220 mwinf5c27 ME ESMTP server ready` in a JSON log's session line, a refusal.)
  const orangeReason = parsed.orange?.token != null || parsed.orange?.reason != null;
  if (parsed.reply.code !== null && parsed.reply.code < 400 && !orangeReason) return null;
  applyReply(incident, parsed);
  const enhanced = /^[245]\.\d{1,3}\.\d{1,3}$/.exec(f.enhanced ?? '')?.[0] ?? null;
  if (!incident.reply.enhanced && enhanced && String(incident.reply.code ?? enhanced)[0] === enhanced[0])
    incident.reply.enhanced = enhanced;
  const replyRef = refFor(f.replyWritten ?? f.replyText);
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
  else if (f.senderDomain && isHostName(f.senderDomain.toLowerCase())) {
    incident.sendingDomain = f.senderDomain.toLowerCase();
    cite(incident, 'sendingDomain', refFor(f.senderDomain));
  }
  incident.recipientDomain = f.recipient ? domainOf(f.recipient) : null;
  if (incident.recipientDomain) cite(incident, 'recipientDomain', refFor(f.recipient));
  else if (f.recipientDomain && isHostName(f.recipientDomain.toLowerCase())) {
    incident.recipientDomain = f.recipientDomain.toLowerCase();
    // (As a value of its own: `"destination": "orange.fr"`, not the end of `"rhost": "smtp-in.orange.fr"`.)
    cite(incident, 'recipientDomain', refFor(`"${f.recipientDomain}"`, true) ?? refFor(f.recipientDomain));
  }
  const date = dateOf(f.time);
  if (date) {
    incident.occurredAt = date.iso;
    // (By its key when the event gives it: Brevo's `ts` and `ts_event` are often the same number.)
    cite(incident, 'occurredAt', (f.timeKey ? refFor(`"${f.timeKey}"`, true) : null) ?? refFor(f.time));
    // ESP APIs give UTC where they write no zone (Unisender Go's `event_time`, SMTP2GO's `time`).
    if (!date.hadZone) incident.assumptions.push(NOTES.noZone('UTC'));
  }
  if (f.timeNote) incident.assumptions.push(f.timeNote);
  // (A name may end with the root's dot, as maddy writes `gmail-smtp-in.l.google.com.`.)
  const remoteHost = f.remoteHost ? stripType(f.remoteHost).toLowerCase().replace(/\.$/, '') : null;
  if (remoteHost && isHostName(remoteHost)) {
    incident.remoteHost = remoteHost;
    cite(incident, 'remoteHost', refFor(f.remoteHost));
  }
  // A loopback address is a placeholder (Mandrill's and Mailomat's samples), not the remote's.
  const remoteIp = f.remoteIp ? normalizeIp(f.remoteIp) : null;
  if (remoteIp && !isLoopbackIp(remoteIp)) {
    incident.remoteIp = remoteIp;
    cite(incident, 'remoteIp', refFor(f.remoteIp));
  }
  return incident;
}
