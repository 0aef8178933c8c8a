/**
 * The address Amazon SES sent from, as its event publishing tags it: `mail.tags["ses:outgoing-ip"]`
 * (AWS's SES developer guide: delivery events carry the tag, and "if an email was bounced due to the
 * reputation of a dedicated IP address", the bounce event's `ses:outgoing-ip` tag names it). Beside it
 * `ses:source-ip`, like `mail.sourceIp`, is the address that called SES's API or SMTP interface: the
 * customer's own server, never the sending IP.
 */
import type { Json } from './json-value';

const member = (value: Json | undefined, key: string): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value[key] : undefined;

/** The first `ses:outgoing-ip` of the event's `mail.tags`, or null. */
export function sesOutgoingIp(event: { [key: string]: Json }): string | null {
  const listed = member(member(event.mail, 'tags'), 'ses:outgoing-ip');
  const first = Array.isArray(listed) ? listed[0] : listed;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}
