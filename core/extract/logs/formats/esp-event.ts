/**
 * An ESP's event as a record of a large export (SparkPost's, Mailgun's, SendGrid's, Postmark's, Amazon
 * SES's... one JSON object a line, an element of a JSON array, an Elasticsearch hit's `_source`: every
 * provider formats/esp-facts.ts knows), read by the log scanner when `summarize` reads such a file
 * (LogScanOptions.espEvents). Each record is read by extract's own reader of pasted events
 * (formats/json-event.ts), so that its incidents are the ones extract gives on the same event, their
 * lines moved to the record's place in the file. Notes on the input (an event the ESP never sent, one
 * without the remote's reply) are said once; the notes on fields left empty are the scan's own
 * (incident-tally.ts). A JSON record that holds no event is left to the KumoMTA reader when it has
 * KumoMTA's `type`, as before; any other is read for the replies its strings quote, as extract reads a
 * pasted JSON that holds no event (read-paste.ts readJson): an application's record of an error
 * (PocketBase's `errorMessage`, Magento's Monolog context, a .NET exception in a `responseText`).
 */
import type { FieldName, Incident, SourceRef } from '../../../types';
import { extractJsonEvents } from '../../formats/json-event';
import { parseJsonInput } from '../../formats/json-input';
import { isObj, type Json } from '../../formats/json-value';
import { noticeWithEventFacts, quotedBounceNotices } from '../../formats/quoted-bounce-notice';
import { extractSmtpReplies } from '../../formats/smtp-reply';
import { hasInputNote } from '../../input-note';
import { SourceText } from '../../source-text';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { kumomtaReader } from './kumomta';
import { readPrefixedNodemailerRecord } from './nodemailer-prefixed-record';

/** The incident with each line it cites moved by `offset` (the record's first line is the text's 1). */
function shifted(incident: Incident, offset: number): Incident {
  // (Fields read from one line share its reference: each is given its own, moved once.)
  for (const [field, ref] of Object.entries(incident.sources) as [FieldName, SourceRef][])
    incident.sources[field] = { ...ref, line: ref.line + offset };
  if (incident.trigger) incident.trigger = { ...incident.trigger, line: incident.trigger.line + offset };
  return incident;
}

/**
 * The refusals of a bounce notice an event quotes whole (Smartlead's `bounce_message.text`, PlusVibe's
 * `msg`: quoted-bounce-notice.ts), as extract gives them; the notice's replies read as the words that
 * introduce them show them (extract reads the notice as a message, which the scanner cannot wait for).
 * Null when the record quotes none, or no refusal.
 */
function quotedNoticeIncidents(values: Json[], text: string): Incident[] | null {
  const notices = quotedBounceNotices(values, text);
  if (!notices) return null;
  const source = new SourceText(text);
  const incidents = notices.flatMap(
    (notice) =>
      noticeWithEventFacts(notice, extractSmtpReplies(new SourceText(notice.text)), text, source).incidents,
  );
  return incidents.length > 0 ? incidents : null;
}

/** KumoMTA's record type, which its reader reads (or says it could not read). */
const KUMO_TYPE = /"type"\s?:/;

/**
 * A line of nodemailer's session logged by pino or bunyan (`"tnx":"server","msg":"550 ..."`): its reply is
 * the one nodemailer's error record quotes, which gives the refusal (nodemailer-prefixed-record.ts).
 */
const isNodemailerSessionLine = (values: Json[] | null) =>
  values?.length === 1 &&
  isObj(values[0] ?? null) &&
  typeof (values[0] as { tnx?: unknown }).tnx === 'string';

/**
 * A record that holds no event: KumoMTA's reader's when it has KumoMTA's `type`, else the replies its
 * text quotes, as extract reads JSON that holds no event (its strings may be an application's error);
 * `values`: the record read as JSON, null when it is none.
 */
function readNoEvent(record: LogRecord, values: Json[] | null, ctx: ScanContext): void {
  if (KUMO_TYPE.test(record.text)) {
    kumomtaReader.read(record, null, ctx);
    return;
  }
  if (isNodemailerSessionLine(values)) return;
  const { incidents } = extractSmtpReplies(new SourceText(record.text));
  for (const incident of incidents) ctx.emitIncident(shifted(incident, record.line - 1));
}

function read(record: LogRecord, ctx: ScanContext): void {
  // (Read leniently, as a paste is: SparkPost's own samples end their members with a comma.)
  const values = parseJsonInput(record.text);
  if (!values) {
    readNoEvent(record, null, ctx);
    return;
  }
  // A line of nodemailer's session, its console prefix kept (nodemailer-prefixed-record.ts).
  if (values.length === 1 && readPrefixedNodemailerRecord(values[0] ?? null, record, ctx)) return;
  const quoted = quotedNoticeIncidents(values, record.text);
  if (quoted) {
    for (const incident of quoted) ctx.emitIncident(shifted(incident, record.line - 1));
    return;
  }
  const { incidents, warnings } = extractJsonEvents(values, new SourceText(record.text));
  if (incidents.length === 0 && !hasInputNote(warnings)) {
    readNoEvent(record, values, ctx);
    return;
  }
  for (const note of warnings) if (note.code.startsWith('input.')) ctx.warnOnce(note);
  for (const incident of incidents) ctx.emitIncident(shifted(incident, record.line - 1));
}

export const espEventReader: FormatReader = {
  format: 'json-event',
  read: (record, _syslog, ctx) => read(record, ctx),
};
