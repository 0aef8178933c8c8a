/**
 * A DSN's Remote-MTA when no server was reached because a name did not resolve: Sendmail writes
 * `Remote-MTA: DNS; example.gov` with `Diagnostic-Code: SMTP; 550 Host unknown` (its own words, not a
 * reply: connection-failure.ts), the name being the destination it looked up (the recipient's domain or
 * its MX), no server that refused. Shown as the rejecting host, it would send the user to a server that
 * never answered; the field stays empty, with a note saying why. Also when the DSN has no Diagnostic-Code and
 * its notice says so (Sendmail's `Deferred: Name server: example.co.jp.: host name lookup failure` beside
 * `Remote-MTA: DNS; example.co.jp`, Sisimai's set-of-emails lhost-sendmail-11).
 */
import type { Incident, Note } from '../types';
import { note } from './notes';

/**
 * The MTA's words for a name that did not resolve (Sendmail, Postfix, Exim, Gmail, 1&1, RFC 7505's null MX).
 */
const NAME_NOT_RESOLVED =
  /\b(?:host unknown|host not found|host or domain name not found|name service error|domain (?:name )?not found|no (?:valid )?MX (?:hosts? )?(?:found|or A)|unrouteable (?:address|domain)|NXDOMAIN|name or service not known|all relevant MX records point to non-existent hosts|\(nullMX\)|host name lookup failure)/i;

/** A Remote-MTA field's line, maybe indented or quoted. */
const REMOTE_MTA_LINE = /^[\s>]*Remote-MTA\s*:/i;

/**
 * Empties the rejecting host (and address) an incident read from its Remote-MTA field when the MTA's own
 * words (`failureWords`, its Diagnostic-Code's, or its notice's when it has none: `where`) say the name
 * did not resolve; returns the note to add, or null.
 */
export function withoutUnresolvedRemote(
  incident: Incident,
  failureWords: string,
  where: 'diagnostic' | 'notice' = 'diagnostic',
): Note | null {
  if (!NAME_NOT_RESOLVED.test(failureWords)) return null;
  const hostRef = incident.sources.remoteHost;
  if (!incident.remoteHost || !hostRef || !REMOTE_MTA_LINE.test(hostRef.text)) return null;
  const name = incident.remoteHost;
  incident.remoteHost = null;
  delete incident.sources.remoteHost;
  if (incident.remoteIp && incident.sources.remoteIp?.line === hostRef.line) {
    incident.remoteIp = null;
    delete incident.sources.remoteIp;
  }
  return note(
    'remote.not-reached',
    `Le champ Remote-MTA du rebond nomme ${name}, mais ${where === 'diagnostic' ? 'son Diagnostic-Code' : 'son avis'} dit qu’aucun serveur n’a été joint (le nom n’a pas pu être résolu) : c’est le nom recherché dans le DNS, pas un serveur qui a refusé. Le serveur qui a refusé reste vide.`,
    `The bounce's Remote-MTA field names ${name}, but ${where === 'diagnostic' ? 'its Diagnostic-Code' : 'its notice'} says no server was reached (the name did not resolve): that is the name looked up in the DNS, not a server that refused. The rejecting host is left empty.`,
  );
}
