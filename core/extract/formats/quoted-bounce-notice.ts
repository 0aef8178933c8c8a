/**
 * A bounce notice an event quotes whole, read as the notice it is. Cold-outreach tools send from the user's
 * own mailbox (Google Workspace, Microsoft 365), find the bounce in it and post its text: PlusVibe's
 * `BOUNCED_EMAIL` event (developer.plusvibe.ai, "Sample payload: Bounced Email": `msg`, "Full bounce message
 * received from the remote mail server", `lead_email`, `sender_email`, `date`) and Smartlead's
 * `EMAIL_BOUNCE` (help.smartlead.ai, "Email Bounce": `bounce_message.text`, formerly
 * `bounce_reply_email_preview`, `to_email`, `from_email`, `bounce_message.time`, `event_timestamp`).
 * Hyvor Relay's `send.recipient.bounced` for a bounce that came back after the message was accepted quotes
 * the delivery report's readable part in `payload.bounce.text` (its worker's `Dsn.ReadableText`), beside
 * `payload.recipient.address` and `payload.send.from_address` (hyvor/relay, `IncomingMailService.php`).
 *
 * The notice gives the reply, and the remote and the date when it has them; what it leaves empty the event
 * gives: the recipient's address, the sender's, a time that names its zone. Read as JSON text, PlusVibe's
 * notice's `Received-From-MTA: dns; <sender>` gave the sender's domain as the recipient's, and its reply
 * twice, once without its code; Hyvor Relay's was said to carry no reply.
 */
import type { ExtractionResult, FieldName, Incident } from '../../types';
import { parseDate } from '../dates';
import { domainOf } from '../header-block';
import { inPaste } from '../in-paste';
import { renumbered, withoutAnsweredMissing } from '../notes';
import { isOrangeMailDomain } from '../orange-network';
import { SourceText } from '../source-text';
import { jsonPiece, topLevelSpans } from './json-spans';
import { child, isObj, type Json, type Obj, str } from './json-value';

/** One quoted notice, with what its event says beside it. */
export interface QuotedNotice {
  text: string;
  /** The paste's line the notice is written on (a JSON string: one line). */
  line: number;
  /** The lines of the event's value in the paste. */
  span: { from: number; to: number };
  recipient: string | null;
  sender: string | null;
  time: string | null;
}

/** The notice and the facts of one PlusVibe, Smartlead or Hyvor Relay bounce event; null for another value. */
function noticeOf(o: Obj): Omit<QuotedNotice, 'line' | 'span'> | null {
  if (str(o, 'webhook_event') === 'BOUNCED_EMAIL') {
    const text = str(o, 'msg');
    if (!text) return null;
    return { text, recipient: str(o, 'lead_email'), sender: str(o, 'sender_email'), time: str(o, 'date') };
  }
  const payload = child(o, 'payload');
  if (str(o, 'event') === 'send.recipient.bounced' && payload) {
    const text = str(child(payload, 'bounce'), 'text');
    if (!text) return null;
    const recipient = str(child(payload, 'recipient'), 'address');
    return { text, recipient, sender: str(child(payload, 'send'), 'from_address'), time: null };
  }
  if (str(o, 'event_type') === 'EMAIL_BOUNCE') {
    const bounce = child(o, 'bounce_message');
    const text = str(bounce, 'text') ?? str(o, 'bounce_reply_email_preview');
    if (!text) return null;
    const time = str(bounce, 'time') ?? str(o, 'event_timestamp', 'time_sent');
    return { text, recipient: str(o, 'to_email'), sender: str(o, 'from_email'), time };
  }
  return null;
}

/** The notices the events quote, each at its line in the paste; null when none does. */
export function quotedBounceNotices(values: readonly Json[], paste: string): QuotedNotice[] | null {
  const found = values.map((v) => (isObj(v) ? noticeOf(v) : null));
  // (Nothing more for the many pastes of other events: no line index of a large batch.)
  if (!found.some((f) => f && /\n/.test(f.text))) return null;
  const source = new SourceText(paste);
  const spans = topLevelSpans(paste);
  const notices: QuotedNotice[] = [];
  found.forEach((event, i) => {
    if (!event || !/\n/.test(event.text)) return;
    const span = (spans.length === values.length ? spans[i] : undefined) ?? { from: 1, to: source.lineCount };
    const first = event.text.split('\n').find((l) => l.trim() !== '') ?? '';
    const line = source.find(jsonPiece(first), span.from, span.to) ?? span.from;
    notices.push({ ...event, line, span });
  });
  return notices.length > 0 ? notices : null;
}

/** `address`'s domain set in `field` when the notice gave none, cited at the event's line for it. */
function fill(
  incident: Incident,
  field: 'recipientDomain' | 'sendingDomain',
  address: string | null,
  at: Ref,
) {
  const domain = address ? domainOf(address) : null;
  if (incident[field] || !domain) return false;
  incident[field] = domain;
  incident.sources[field] = at(address);
  if (field === 'recipientDomain' && isOrangeMailDomain(domain)) incident.isOrange = true;
  return true;
}

type Ref = (value: string | null) => ReturnType<SourceText['ref']> | undefined;

/**
 * The incidents `read` gave of one notice's text, cited at the notice's line of `paste`, the fields the
 * notice left empty taken from its event (`source`: the paste's text).
 */
export function noticeWithEventFacts(
  notice: QuotedNotice,
  read: ExtractionResult,
  paste: string,
  source: SourceText,
): ExtractionResult {
  const lines = notice.text.split(/\r\n|\r|\n/).length;
  const result = inPaste(read, paste, new Array<number>(lines).fill(notice.line));
  // (Each value from its own event's lines: a batch repeats the sender.)
  const at: Ref = (value) => {
    const line = value ? source.find(jsonPiece(value), notice.span.from, notice.span.to) : null;
    return line === null ? undefined : source.ref(line);
  };
  const filled = new Map<number, FieldName[]>();
  result.incidents.forEach((incident, i) => {
    const fields: FieldName[] = [];
    if (fill(incident, 'recipientDomain', notice.recipient, at)) fields.push('recipientDomain');
    if (fill(incident, 'sendingDomain', notice.sender, at)) fields.push('sendingDomain');
    const date = !incident.occurredAt && notice.time ? parseDate(notice.time) : null;
    // (Only a time that names its zone: these tools write ISO 8601 with one.)
    if (date?.hadZone) {
      incident.occurredAt = date.iso;
      incident.sources.occurredAt = at(notice.time);
      fields.push('occurredAt');
    }
    if (fields.length > 0) filled.set(i + 1, fields);
  });
  return { incidents: result.incidents, warnings: withoutAnsweredMissing(result.warnings, filled) };
}

/**
 * The incidents of each notice read by `read`, cited at its line, the fields it left empty taken from its
 * event; each notice's "Incident N" notes renumbered after those before it.
 */
export async function readQuotedNotices(
  notices: readonly QuotedNotice[],
  paste: string,
  read: (text: string) => Promise<ExtractionResult>,
): Promise<ExtractionResult> {
  const source = new SourceText(paste);
  const out: ExtractionResult = { incidents: [], warnings: [] };
  for (const notice of notices) {
    const result = noticeWithEventFacts(notice, await read(notice.text), paste, source);
    const offset = out.incidents.length;
    out.incidents.push(...result.incidents);
    for (const w of result.warnings) out.warnings.push(offset === 0 ? w : renumbered(w, offset));
  }
  return out;
}
