/**
 * Mailgun's events with their nested keys flattened to one level, as a script loading them into a table
 * writes them (GitLab's runbook "Mailgun Events", docs/mailgun/mailgunevents.md: each `-` made `_`, each
 * nested key joined to its parent's with `_`, one event a line for BigQuery): `delivery_status_code`,
 * `delivery_status_message`, `delivery_status_mx_host`, `delivery_status_enhanced_code`,
 * `envelope_sender`, `envelope_sending_ip`, `recipient`, `timestamp`. Given back their nesting, they are
 * read as Mailgun's own events are (mailgun-delivery-status.ts).
 */
import type { Obj } from './json-value';
import { str } from './json-value';

const STATUS = 'delivery_status_';
const ENVELOPE = 'envelope_';

/** The members of `o` whose key starts with `prefix`, under their own names again (`mx_host` -> `mx-host`). */
function nested(o: Obj, prefix: string): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(o))
    if (key.startsWith(prefix)) out[key.slice(prefix.length).replace(/_/g, '-')] = value;
  return out;
}

/**
 * The event with its `delivery-status` and `envelope` nested again, and its status; null for an object
 * that is no flattened Mailgun event.
 */
export function unflattenedMailgun(o: Obj): { event: Obj; status: Obj } | null {
  if (str(o, `${STATUS}code`, `${STATUS}message`) === null || o['delivery-status'] !== undefined) return null;
  const status = nested(o, STATUS);
  const envelope = nested(o, ENVELOPE);
  const domain = str(o, 'domain_name');
  return {
    event: { ...o, envelope, ...(domain ? { domain: { name: domain } } : {}) },
    status,
  };
}
