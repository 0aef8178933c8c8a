/**
 * A refusal copied out of a hosting control panel or a self-hosted mailing tool, where the reply is one
 * field of a record whose other fields name the date, the addresses and the remote server:
 *
 * - a detail view copied as `Label<TAB>value` lines (cPanel's Track Delivery and WHM's Mail Delivery
 *   Reports: `Sender`, `Sent Time`, `Recipient`, `Router`, `Transport`, `Out Time`, `Delivery Host`,
 *   `Delivery IP`, `Result`), read here;
 * - a table copied with its header row, its cells separated by tabs (the same reports' table: `Event`,
 *   `Sender`, `Sent Time`, `Recipient`, `Result`; Webmin's Postfix queue: `Mail ID`, `Sent`, `From`, `To`,
 *   `Size`, `Status`; MailWizz's bounce log: `Subscriber`, `Message`, `Bounce type`, `Date added`;
 *   SEPPmail's queue details: `Queue ID`, `Time Stamp`, `Message size`, `Sender`, `Recipient`, `Delay
 *   reason`), whose row is read by the reader of every table's rows (csv-export-row.ts), here for the
 *   refusals any reader found in it.
 *
 * The readers found the reply in such a record but took its recipient from the first address of the
 * line or block (the sender's, in these layouts) and left the rest empty. The record's own fields win
 * for the recipient; the others fill only what is empty. Not read: cPanel's `Sender Host` and `Sender
 * IP Address`, the client that handed the message to the panel's server (often 127.0.0.1, or the user's
 * own line), never the address the server sent from; and a date without its year or with its day and
 * month in numbers only (either order), which stays empty.
 */
import type { ExtractionResult, ExtractOptions, FieldName, Incident, SourceRef } from '../types';
import { clientDateIn } from './client-date';
import { fillFromTableRow } from './csv-export-row';
import { parseDateIn } from './dates';
import { domainOf, isHostName } from './header-block';
import { normalizeIp } from './ip';
import { NOTES, withoutAnsweredMissing } from './notes';
import { SourceText } from './source-text';

type Role =
  | 'reply'
  | 'date'
  | 'attempt'
  | 'recipient'
  | 'sender'
  | 'senderDomain'
  | 'remoteHost'
  | 'remoteIp';

/** Field and column names, by what they hold. */
const ROLES: ReadonlyArray<[Role, RegExp]> = [
  // (`Delay reason`: SEPPmail's queue details.)
  ['reply', /^(?:result|status|message|error|reason|bounce reason|delay reason)$/i],
  // When the delivery was tried (cPanel's `Out Time`), before when the message was sent.
  ['attempt', /^out time$/i],
  ['date', /^(?:sent time|sent|date added|date|time|time stamp|created|created at)$/i],
  ['recipient', /^(?:recipient|delivered to|to|subscriber|email)$/i],
  ['sender', /^(?:sender|from|from address)$/i],
  // cPanel's `Domain` column: the sender's domain.
  ['senderDomain', /^domain$/i],
  ['remoteHost', /^delivery host$/i],
  ['remoteIp', /^delivery ip$/i],
];

/** Names only a delivery record's view writes: a `Result` line among them is the panel's, not prose. */
const RECORD_NAME =
  /^(?:delivery host|delivery ip|router|transport|out time|sent time|mail id|bounce type)$/i;
/** A detail view's line: a name of a few words, a tab, its value. */
const LABELLED = /^\s{0,4}([A-Za-z][A-Za-z ]{0,28}[A-Za-z])\t(.*)$/;
/** Lines looked at around a reply: a record's fields. */
const MAX_DETAIL_LINES = 40;
const MAX_LINE = 20_000;

interface Field {
  role: Role;
  value: string;
  line: number;
}

function roleOf(name: string): Role | null {
  const trimmed = name.trim();
  for (const [role, re] of ROLES) if (re.test(trimmed)) return role;
  return null;
}

/** The detail view's fields around the reply's line (itself `Result<TAB>...`), or null. */
function detailFields(source: SourceText, replyLine: number): Field[] | null {
  const labelled = (line: number) => {
    const text = source.line(line);
    return text.length < MAX_LINE ? LABELLED.exec(text) : null;
  };
  const own = labelled(replyLine);
  if (!own || roleOf(own[1] as string) !== 'reply') return null;
  let first = replyLine;
  while (first > 1 && replyLine - first < MAX_DETAIL_LINES && labelled(first - 1)) first--;
  let last = replyLine;
  while (last < source.lineCount && last - replyLine < MAX_DETAIL_LINES && labelled(last + 1)) last++;
  const fields: Field[] = [];
  let record = false;
  for (let line = first; line <= last; line++) {
    const m = labelled(line) as RegExpExecArray;
    const name = (m[1] as string).trim();
    if (RECORD_NAME.test(name)) record = true;
    const role = roleOf(name);
    if (role && role !== 'reply') fields.push({ role, value: (m[2] as string).trim(), line });
  }
  return record ? fields : null;
}

/** A date the record writes with its year and its month by name or year first; null otherwise. */
function recordDate(value: string, options: ExtractOptions) {
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value))
    return parseDateIn(value.replace(' ', 'T'), options.assumeZone);
  return /^[A-Za-z]/.test(value) && /\b\d{4}\b/.test(value) ? clientDateIn(value, options.assumeZone) : null;
}

/** Fills `incident` (a copy) from its record's fields; returns the fields it filled. */
function fill(incident: Incident, fields: Field[], source: SourceText, options: ExtractOptions): FieldName[] {
  const filled: FieldName[] = [];
  const value = (role: Role) => fields.find((f) => f.role === role && f.value !== '' && f.value !== '-');
  const set = (name: FieldName, ref: SourceRef) => {
    incident.sources = { ...incident.sources, [name]: ref };
    filled.push(name);
  };
  const recipient = value('recipient');
  const recipientDomain = recipient ? domainOf(recipient.value) : null;
  if (recipient && recipientDomain && recipientDomain !== incident.recipientDomain) {
    incident.recipientDomain = recipientDomain;
    set('recipientDomain', source.ref(recipient.line));
  }
  const sender = value('sender');
  const senderDomain = value('senderDomain');
  const sending =
    (sender && domainOf(sender.value)) ||
    (senderDomain && isHostName(senderDomain.value) ? senderDomain.value.toLowerCase() : null);
  if (!incident.sendingDomain && sending) {
    incident.sendingDomain = sending;
    set('sendingDomain', source.ref((sender && domainOf(sender.value) ? sender : senderDomain)?.line ?? 1));
  }
  const host = value('remoteHost');
  if (!incident.remoteHost && host && isHostName(host.value)) {
    incident.remoteHost = host.value.toLowerCase().replace(/\.$/, '');
    set('remoteHost', source.ref(host.line));
  }
  const ip = value('remoteIp');
  const remoteIp = ip ? normalizeIp(ip.value) : null;
  if (!incident.remoteIp && ip && remoteIp) {
    incident.remoteIp = remoteIp;
    set('remoteIp', source.ref(ip.line));
  }
  const date = value('attempt') ?? value('date');
  const parsed = date && !incident.occurredAt ? recordDate(date.value, options) : null;
  if (date && parsed) {
    incident.occurredAt = parsed.iso;
    set('occurredAt', source.ref(date.line));
    if (!parsed.hadZone)
      incident.assumptions = [...incident.assumptions, NOTES.noZone(options.assumeZone?.trim() || 'UTC')];
  }
  return filled;
}

/**
 * A tab after a line's first characters. A detail view's line has one after its label; a copied table's
 * header has one after each named column but the last, and names two at least (its reply's and its
 * recipient's or a record's). A message's folded header lines start with tabs and have no other: 633 of
 * the 839 mails of Sisimai's set had their whole text split into lines here for nothing.
 */
function hasTabAfterText(text: string): boolean {
  // (Tab by tab, not by a pattern starting with a class of almost every character: that tried each one.)
  for (let at = text.indexOf('\t', 1); at >= 0; at = text.indexOf('\t', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before !== 9 && before !== 10 && before !== 13) return true;
  }
  return false;
}

/** `result` with each refusal copied from a panel's record completed from that record's fields. */
export function withPanelFields(
  result: ExtractionResult,
  text: string,
  options: ExtractOptions,
): ExtractionResult {
  if (result.incidents.length === 0 || !hasTabAfterText(text)) return result;
  const source = new SourceText(text);
  const filled = new Map<number, FieldName[]>();
  const incidents = result.incidents.map((incident, k) => {
    const line = incident.sources.reply?.line;
    if (!line || line > source.lineCount) return incident;
    const fields = detailFields(source, line);
    const copy = { ...incident };
    const names = fields ? fill(copy, fields, source, options) : fillFromTableRow(copy, source, options);
    if (names.length === 0) return incident;
    filled.set(k + 1, names);
    return copy;
  });
  if (filled.size === 0) return result;
  // The notes that asked for these fields no longer apply.
  return { ...result, incidents, warnings: withoutAnsweredMissing(result.warnings, filled) };
}
