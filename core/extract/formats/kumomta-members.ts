import { replyText as kumoReplyText } from '../logs/formats/kumomta';
import type { EventFacts } from './event-facts';
import { child, type Obj, str } from './json-value';

/**
 * A KumoMTA record's members pasted without the record (`"response":{"code":552,...}`, `"type":
 * "TransientFailure"`, KumoMTA issue 431): the log reader reads whole records; its response's reply here.
 */
export function kumoMembers(o: Obj, base: EventFacts): EventFacts[] {
  const response = child(o, 'response');
  const type = str(o, 'type');
  if (!response || (type !== 'Bounce' && type !== 'TransientFailure')) return [];
  const text = kumoReplyText(response);
  return text ? [{ ...base, replyText: text, replyWritten: text }] : [];
}
