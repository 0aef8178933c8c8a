/**
 * A log line that ends with a JSON object after its logger's own prefix (../../stamped-json.ts): Go's log
 * package (`2025/09/02 01:52:10 {"level":"INFO","msg":{...}}`, an ESP's webhook logged by the application),
 * an AWS Lambda's console (`... RAW NOTIFICATION: {"notificationType":"Bounce",...}`), maddy's records
 * (`May 18 05:04:03 mx1 maddy[1207]: queue: delivery attempt failed {"msg_id":...}`). Extract reads a paste
 * of such lines as their objects; the log scanner read none of them when `summarize` read the file, no
 * format claiming the line. Read here when ESP events are (LogScanOptions.espEvents): the object as an
 * event record is (esp-event.ts), each incident dated by the prefix's stamp when the object gives no time,
 * as extract dates it (../../stamped-json-date.ts).
 *
 * maddy's failure takes the sender and the addresses of its message's records above it, as extract's
 * (maddy-message-records.ts).
 */
import type { ExtractOptions } from '../../../types';
import { cite } from '../../incident';
import { type StampedJson, stampedJson } from '../../stamped-json';
import { prefixStamp } from '../../stamped-json-date';
import type { FormatReader, ScanContext } from '../model';
import { refOf } from '../model';
import { espEventReader } from './esp-event';
import { maddyRecordFiller } from './maddy-message-records';

export function createStampedJsonReader(options: ExtractOptions): FormatReader {
  // The line the dispatcher last asked about and its object: read() takes that parse, not a second one.
  let claimed: { text: string; object: StampedJson | null } = { text: '', object: null };
  const objectOf = (text: string): StampedJson | null => {
    if (claimed.text !== text) claimed = { text, object: text.includes('{"') ? stampedJson([text]) : null };
    return claimed.object;
  };
  return {
    format: 'json-event',
    /** Whether the line is a logged object after its logger's prefix (a cheap test first: `{"`). */
    claimsBare: (text) => objectOf(text) !== null,
    read(record, _syslog, ctx) {
      const object = objectOf(record.text);
      if (!object) return;
      const maddy = maddyRecordFiller(record, ctx);
      const dated: ScanContext = {
        ...ctx,
        emitIncident(incident) {
          maddy?.(incident);
          if (!incident.occurredAt) {
            const resolved = prefixStamp(record.text, options);
            if (resolved?.iso) {
              incident.occurredAt = resolved.iso;
              cite(incident, 'occurredAt', refOf(record));
              if (resolved.assumption) incident.assumptions.push(resolved.assumption);
            }
          }
          ctx.emitIncident(incident);
        },
      };
      espEventReader.read({ text: object.text, line: record.line }, null, dated);
    },
  };
}
