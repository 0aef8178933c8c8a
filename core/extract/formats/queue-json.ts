/**
 * Postfix's queue as `postqueue -j` prints it (Postfix 3.1 and later): one JSON object per queued
 * message, `{"queue_name": "deferred", "queue_id": ..., "arrival_time": <Unix seconds>, "sender": ...,
 * "recipients": [{"address": ..., "delay_reason": "host X[IP] said: 421 ... (in reply to ...)"}]}`
 * (postqueue(1)). Read as the text listing is (queue-listing.ts): one incident per reason and recipient
 * domain, the date left empty as the queue gives only the arrival time.
 */
import type { ExtractionResult, Incident, Note } from '../../types';
import { fromUnixSeconds } from '../dates';
import { domainOf } from '../header-block';
import { cite, finishIncident } from '../incident';
import type { SourceText } from '../source-text';
import { jsonPiece } from './json-spans';
import { isObj, type Json, type Obj, str } from './json-value';
import { type Entry, incidentOf, replyOf } from './queue-listing';

const isQueueEntry = (v: Json): v is Obj =>
  isObj(v) && typeof v.queue_id === 'string' && Array.isArray(v.recipients);

/** The incidents of a `postqueue -j` listing, or null when the values are not one. */
export function extractQueueJson(values: readonly Json[], source: SourceText): ExtractionResult | null {
  if (!values.some(isQueueEntry)) return null;
  const incidents: Incident[] = [];
  for (const value of values) {
    if (!isQueueEntry(value)) continue;
    const sender = str(value, 'sender') ?? '';
    const queueLine = source.find(`"${value.queue_id as string}"`) ?? 1;
    const arrival = Number(str(value, 'arrival_time'));
    const entry: Entry = {
      sender,
      senderLine: (sender && source.find(JSON.stringify(sender), queueLine)) || queueLine,
      arrival: fromUnixSeconds(arrival) ?? String(value.arrival_time ?? ''),
      format: 'postfix',
    };
    const byKey = new Set<string>();
    for (const r of value.recipients as Json[]) {
      if (!isObj(r)) continue;
      const reason = str(r, 'delay_reason');
      const domain = domainOf(str(r, 'address') ?? '');
      const reply = reason ? replyOf(reason) : null;
      if (!reason || !reply || !domain || byKey.has(`${reason}\n${domain}`)) continue;
      const reasonLine = source.find(jsonPiece(reason), queueLine) ?? queueLine;
      const incident = incidentOf(source, entry, reply, reasonLine);
      if (!incident) continue;
      byKey.add(`${reason}\n${domain}`);
      incident.recipientDomain = domain;
      cite(
        incident,
        'recipientDomain',
        source.ref(source.find(str(r, 'address') ?? '', queueLine) ?? reasonLine),
      );
      incidents.push(incident);
    }
  }
  const warnings: Note[] = [];
  incidents.forEach((incident, i) => {
    warnings.push(...finishIncident(incident, i + 1));
  });
  return { incidents, warnings };
}
