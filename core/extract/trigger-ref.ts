/**
 * An Orange error as the likely trigger of a later 999 suspension (TriggerRef, types.ts), made one way
 * for the log reader (logs/trigger.ts), the linking of a pasted text's incidents (paste-triggers.ts)
 * and the advice's own search (orange/advice.ts).
 */
import type { Incident, TriggerRef } from '../types';

/**
 * `error` as a trigger: the line of its reply, its date, OFR token and reason, and its sending IPs when
 * it gave any. `quote` says which text is kept, and differs on purpose: the reply as read (`'reply'`:
 * a pasted event's line may be a JSON key's, `"raw_reason": "421 ..."`), or the line the log wrote
 * (`'line'`: a log's trigger is quoted as its whole line, date and queue id included).
 */
export function triggerRefOf(error: Incident, quote: 'reply' | 'line'): TriggerRef {
  const ref = error.sources.reply;
  const trigger: TriggerRef = {
    line: ref?.line ?? 0,
    text: quote === 'line' && ref ? ref.text : error.reply.text,
    occurredAt: error.occurredAt,
    token: error.orange?.token ?? null,
    reason: error.orange?.reason ?? null,
  };
  if (error.sendingIps.length > 0) trigger.sendingIps = [...error.sendingIps];
  return trigger;
}
