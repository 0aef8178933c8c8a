/**
 * An event's `date` when it is written with its zone: Brevo's transactional events report (`GET
 * /v3/smtp/statistics/events`, `{"events": [{"email", "date", "messageId", "event": "softBounces",
 * "reason", "from"}]}`, its OpenAPI model: "UTC date-time on which the event has been generated") writes
 * `2024-11-20T10:12:44.000+01:00`. Brevo's webhook writes its `date` without a zone, in the account's own
 * time zone (`2024-11-20 10:12:44`): that one is not read, its `ts_epoch` is.
 */
import type { Json } from './json-value';

/** ISO 8601 with seconds and a zone: `2024-11-20T10:12:44.000+01:00`, `2024-11-20T09:12:44Z`. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/;

/** The `date` of an object naming its `event`, when written with its zone; null otherwise. */
export function zonedEventDate(event: { [key: string]: Json }): string | null {
  const date = event.date;
  if (typeof event.event !== 'string' || typeof date !== 'string') return null;
  return ZONED_ISO.test(date.trim()) ? date.trim() : null;
}
