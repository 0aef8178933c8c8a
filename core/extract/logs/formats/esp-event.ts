/**
 * An ESP's event as a record of a large export (SparkPost's, Mailgun's, SendGrid's, Postmark's, Amazon
 * SES's... one JSON object a line, an element of a JSON array, an Elasticsearch hit's `_source`: every
 * provider formats/esp-facts.ts knows), read by the log scanner when `summarize` reads such a file
 * (LogScanOptions.espEvents). Each record is read by extract's own reader of pasted events
 * (formats/json-event.ts), so that its incidents are the ones extract gives on the same event, their
 * lines moved to the record's place in the file. Notes on the input (an event the ESP never sent, one
 * without the remote's reply) are said once; the notes on fields left empty are the scan's own
 * (incident-tally.ts). A JSON record that holds no event is left to the KumoMTA reader, as before.
 */
import type { FieldName, Incident, SourceRef } from '../../../types';
import { extractJsonEvents } from '../../formats/json-event';
import { parseJsonInput } from '../../formats/json-input';
import { hasInputNote } from '../../input-note';
import { SourceText } from '../../source-text';
import type { FormatReader, LogRecord, ScanContext } from '../model';
import { kumomtaReader } from './kumomta';

/** The incident with each line it cites moved by `offset` (the record's first line is the text's 1). */
function shifted(incident: Incident, offset: number): Incident {
  // (Fields read from one line share its reference: each is given its own, moved once.)
  for (const [field, ref] of Object.entries(incident.sources) as [FieldName, SourceRef][])
    incident.sources[field] = { ...ref, line: ref.line + offset };
  if (incident.trigger) incident.trigger = { ...incident.trigger, line: incident.trigger.line + offset };
  return incident;
}

function read(record: LogRecord, ctx: ScanContext): void {
  // (Read leniently, as a paste is: SparkPost's own samples end their members with a comma.)
  const values = parseJsonInput(record.text);
  if (!values) {
    kumomtaReader.read(record, null, ctx);
    return;
  }
  const { incidents, warnings } = extractJsonEvents(values, new SourceText(record.text));
  if (incidents.length === 0 && !hasInputNote(warnings)) {
    kumomtaReader.read(record, null, ctx);
    return;
  }
  for (const note of warnings) if (note.code.startsWith('input.')) ctx.warnOnce(note);
  for (const incident of incidents) ctx.emitIncident(shifted(incident, record.line - 1));
}

export const espEventReader: FormatReader = {
  format: 'json-event',
  read: (record, _syslog, ctx) => read(record, ctx),
};
