/**
 * The customer's sender in a SparkPost event whose envelope sender is SparkPost's own. SparkPost writes
 * the envelope sender in `msg_from` ("Sender address used on this message's SMTP envelope", its event
 * documentation) and the From header's address in `friendly_from`; an account without a bounce domain of
 * its own sends with SparkPost's return path (`msprvs1=17827RA6TC8Pz=bounces-12345@sparkpostmail1.com`,
 * as a webhook model's comments keep a real event), whose domain is SparkPost's, not the sender's.
 * A custom bounce domain (`...@bounces.example.com`) is the customer's and stays the sender. An event
 * without its envelope sender (a `msg_from` left out or empty, as a pasted extract of the event may be)
 * still names the customer's sender in `friendly_from`.
 */
import type { Json } from './json-value';

/** SparkPost's shared return-path domains: sparkpostmail.com, sparkpostmail1.com, eu.sparkpostmail.com. */
const SPARKPOST_RETURN_PATH = /@(?:[a-z0-9-]{1,63}\.){0,3}sparkpostmail\d{0,2}\.com\s*>?\s*$/i;

/** The `friendly_from` of an event whose `msg_from` is SparkPost's return path or missing; null otherwise. */
export function sparkPostSender(event: { [key: string]: Json }): string | null {
  const envelope = event.msg_from;
  const friendly = event.friendly_from;
  if (typeof friendly !== 'string' || !friendly.includes('@')) return null;
  if (envelope === undefined || envelope === null || (typeof envelope === 'string' && !envelope.trim()))
    return friendly;
  return typeof envelope === 'string' && SPARKPOST_RETURN_PATH.test(envelope) ? friendly : null;
}
