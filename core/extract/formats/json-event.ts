/**
 * ESP webhook/event JSON (which providers and fields: esp-facts.ts). A JSON array, one object, or one
 * object per line (NDJSON); an event wrapped as a JSON string in another (an SNS notification's
 * `Message`) is read too.
 */
import JSON5 from 'json5';
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
import { concatenatedValues, jsonPiece, topLevelSpans } from './json-spans';
import { isObj, type Json, type Obj } from './json-value';
import { jsonFromPythonRepr } from './python-repr';
import { jsonFromRubyInspect } from './ruby-inspect';
import { rememberStalwartBatch, repeatsStalwartRefusal } from './stalwart-webhook';

/**
 * Parses the text as JSON or NDJSON; null when it is neither. A piece of an object copied without its
 * braces (`"delivery-status": { ... },`, as users copy it from an ESP's event log) is read as the object
 * those members make. Text nested deeper than any event (MAX_DEPTH) is none.
 */
export function parseJsonInput(text: string): Json[] | null {
  const t = text.trim().replace(/,$/, '');
  if (nestedDeeperThan(t, MAX_DEPTH)) return null;
  // The event as a string's escaped text (SNS's `Message` value, a string literal in code):
  // `{\"notificationType\":\"Bounce\", ...}`, maybe with the string's own quotes around it.
  const inString = escapedJson(t);
  if (inString !== null) return parseJsonInput(inString);
  if (t.startsWith('"')) {
    // Members copied without their braces, or from the first member to the object's closing brace, or
    // cut before the closing braces of the objects they opened (a handbook quoting Mailgun's
    // `"delivery-status": {` up to its `"message"` line).
    const candidates = [`{${t}}`, `{${t}`, `{${t}${'}'.repeat(unclosedBraces(t) + 1)}`];
    // One member per line without the commas between them (a KumoMTA record's keys picked out of it,
    // as a user pasted them in KumoMTA issue 431).
    const lines = t.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    if (lines.length > 1 && lines.every((line) => MEMBER_LINE.test(line)))
      candidates.push(`{${lines.map((line) => line.trim().replace(/,$/, '')).join(',')}}`);
    for (const candidate of candidates) {
      try {
        return [JSON.parse(candidate) as Json];
      } catch {
        // the next candidate
      }
    }
    // The same members with a comma after the last one, as JavaScript allows (a KumoMTA record in its
    // k6 load script, `const content = { ..., "nodeid": "...", }`): read as JSON5, as a whole object is.
    for (const candidate of candidates) {
      const relaxed = json5Value(candidate);
      if (relaxed !== undefined && !Array.isArray(relaxed)) return [relaxed];
    }
    // Members written in Python source (`"DumpAvailable": True,` in django-anymail's Postmark test).
    for (const candidate of candidates) {
      const fromPython = jsonFromPythonRepr(candidate);
      const values = fromPython ? valuesOf([fromPython]) : null;
      if (values) return values;
    }
    return null;
  }
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    const v = JSON.parse(t) as Json;
    return Array.isArray(v) ? v : [v];
  } catch {
    // JSON as documentation and people write it: a comma after the last member (SparkPost's own sample
    // events), comments, single quotes, names without quotes (a JavaScript object printed by its program).
    const relaxed = json5Value(t);
    if (relaxed !== undefined) return Array.isArray(relaxed) ? relaxed : [relaxed];
    // A Python program's print of the event (`{'event': 'bounce', ...}`).
    const fromPython = jsonFromPythonRepr(t);
    if (fromPython) return valuesOf([fromPython]);
    // A Ruby program's (`{"event"=>"hard_bounce", ..., "template"=>nil}`), or Logstash's rubydebug
    // events one after the other.
    const fromRuby = jsonFromRubyInspect(t);
    if (fromRuby) return valuesOf([fromRuby]) ?? valuesOf(concatenatedValues(fromRuby) ?? []);
    // One value per line (NDJSON), or pretty-printed values one after the other.
    const pieces = t.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
    return valuesOf(pieces) ?? valuesOf(concatenatedValues(t) ?? []);
  }
}

const MEMBER_LINE = /^\s{0,12}"[^"\n]{1,80}"\s{0,2}:/;

/** How many `{` the text opens and does not close, outside strings (0 when it closes them all). */
function unclosedBraces(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && depth > 0) depth--;
  }
  return depth;
}

const ESCAPED_OBJECT = /^"?\[?\{\\"/;

/** The JSON a string's escaped text holds, unescaped, or null when the text is no such string. */
function escapedJson(text: string): string | null {
  if (!ESCAPED_OBJECT.test(text)) return null;
  try {
    const value: unknown = JSON.parse(text.startsWith('"') ? text : `"${text}"`);
    return typeof value === 'string' && /^\s*[[{]/.test(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Nesting no event comes near: providers nest theirs a few levels deep, and `collect` reads 20. Text
 * nested deeper is no event, and is refused before any parser reads it: the json5 package keeps a frame
 * for each level it opens (a line of a million `[`: 300 MB and three seconds; 4 MB: 1 GB, fifteen
 * seconds), and JSON.parse slows down past a million levels (1 MB: 150 ms, 2 MB: 530 ms).
 */
const MAX_DEPTH = 64;

/** True when the text opens more than `limit` arrays or objects inside one another, strings aside. */
function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let quote = 0; // the quote of the string the scan is in (JSON5 has both), or 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \\ */) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** The value of JSON5 text (json5 package), or undefined when it is none. */
function json5Value(text: string): Json | undefined {
  try {
    return JSON5.parse<Json>(text);
  } catch {
    return undefined;
  }
}

/** Each piece parsed, or null when one is not JSON (or there is none). */
function valuesOf(pieces: readonly string[]): Json[] | null {
  const out: Json[] = [];
  for (const piece of pieces) {
    try {
      out.push(JSON.parse(piece) as Json);
    } catch {
      return null;
    }
  }
  return out.length > 0 ? out : null;
}

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
    // An event sent on as a JSON string: SES notifications through SNS (`"Message": "{\"notificationType\"...`).
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
function notSentNote({ esp, reason, suppressed }: NonNullable<EventFacts['notSent']>): Note {
  return suppressed
    ? note(
        'input.esp-suppressed',
        `${esp} n’a pas tenté la livraison : l’adresse est sur sa liste de suppression (${reason}). Aucun serveur ne l’a refusée ; il n’y a rien à signaler au service abuse d’Orange pour cet événement.`,
        `${esp} did not attempt delivery: the address is on its suppression list (${reason}). No server refused it; there is nothing to report to Orange's abuse desk for this event.`,
      )
    : note(
        'input.esp-not-sent',
        `${esp} n’a remis le message à aucun serveur (${reason.slice(0, 200)}) : c’est une erreur de l’ESP lui-même, aucun serveur ne l’a refusé ; il n’y a rien à signaler au service abuse d’Orange pour cet événement.`,
        `${esp} handed the message to no server (${reason.slice(0, 200)}): the ESP failed on its own side and no server refused it; there is nothing to report to Orange's abuse desk for this event.`,
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
      // cited from the lines nearest its reply.
      const cited: RefFor =
        f.citeNearReply && f.replyWritten
          ? nearReply(source, span, refFor(f.replyWritten)?.line ?? null, refFor)
          : refFor;
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
  if (parsed.reply.code !== null && parsed.reply.code < 400 && !parsed.isOrangeReply) return null;
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
