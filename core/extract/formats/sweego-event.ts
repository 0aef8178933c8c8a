/**
 * Sweego's webhook events (a French ESP; its payload reference, learn.sweego.io/docs/webhooks/payload, and
 * django-anymail's Sweego webhook tests): `event_type` (`soft-bounce`, `hard_bounce`), `timestamp`,
 * `recipient`, `domain_from` (the From domain), `response_code` and `details`, the line Sweego's ZoneMTA
 * logged for the delivery:
 *
 *     Aug 20 08:48:35 prod-mta-01 zone-mta: Aug 20 08:48:35 info Sender/orange/1279[18] id=… 1916ee73….001
 *     REJECTED[other] from=<VERP>@swg.example.com to=… src=198.51.100.28 mx=smtp-in.orange.fr[80.12.242.9]
 *     id=<…> (550 … OFR006_102 … [102])
 *
 * The reply is the line's closing parenthesis, `src=` the address Sweego sent from, `mx=` the server that
 * refused. Neither `headers.x-originating-ip` (the address that called Sweego's API) nor the envelope's
 * `from=` (Sweego's bounce address) is the sender's. A `DROP[suppressed]` line (`Recipient … was found
 * from suppression list`) is Sweego's own suppression, and a `REJECTED[network]` without a reply (`Network
 * error when connecting to MX server ...`) a server never reached: no server refused either.
 */
import type { EventFacts } from './event-facts';
import { child, type Obj, str } from './json-value';

/** The reply ZoneMTA ends its verdict line with, in parentheses. */
const TRAILING_REPLY = /\(([245]\d\d[ -][^\n]{0,4000}?)\)?\s*$/;
const FIELD = (name: string) => new RegExp(`(?:^|\\s)${name}=(\\S{1,400})`);
const SRC = FIELD('src');
/** `mx=smtp-in.orange.fr[193.252.22.65]`, or the bare name. */
const MX = /(?:^|\s)mx=([^\s[\]]{1,253})(?:\[([^\]\s]{2,64})\])?/;
/** ZoneMTA's verdict when no server answered: its network or DNS stage failed. */
const UNREACHED = /\b(?:DEFERRED|REJECTED|BOUNCED)\[(?:network|dns)\]/;
const SUPPRESSED = /\bDROP\[suppressed\]|\bfound (?:from|in) suppression list\b/i;

/** Whether the object is one of Sweego's events: its `swg_uid`, or the `x-mailer` it sends with. */
function isSweegoEvent(o: Obj): boolean {
  if (!str(o, 'event_type')) return false;
  return str(o, 'swg_uid') !== null || /^sweego$/i.test(str(child(o, 'headers'), 'x-mailer') ?? '');
}

/** What a Sweego event says, over its base facts; null for another object or a `details` without a reply. */
export function sweegoFacts(o: Obj, base: EventFacts): EventFacts | null {
  if (!isSweegoEvent(o)) return null;
  const details = str(o, 'details');
  if (!details) return null;
  if (SUPPRESSED.test(details)) {
    // (The verdict onwards, without the syslog prefix and queue id before it.)
    const at = details.search(/\bDROP\[/);
    const reason = (at >= 0 ? details.slice(at) : details).trim().slice(0, 160);
    return { ...base, notSent: { esp: 'Sweego', reason, suppressed: true } };
  }
  const reply = TRAILING_REPLY.exec(details)?.[1];
  if (!reply) {
    // ZoneMTA reached no server (`REJECTED[network] Network error when connecting to MX server ...:
    // Connection timed out`, `DEFERRED[dns]`): no one refused the message.
    const unreached = UNREACHED.exec(details);
    if (!unreached) return null;
    // (Its verdict and the error it gives, in parentheses at the line's end or after the verdict.)
    const error =
      /\(([^()]{4,300})\)\s*$/.exec(details)?.[1] ?? details.slice(unreached.index + unreached[0].length);
    const reason = `${unreached[0]} ${error.trim()}`.slice(0, 160);
    return { ...base, notSent: { esp: 'Sweego', reason, suppressed: false, unreached: true } };
  }
  const mx = MX.exec(details);
  return {
    ...base,
    replyText: reply,
    replyWritten: details,
    sendingIp: SRC.exec(details)?.[1]?.replace(/\[.*$/, '') ?? null,
    remoteHost: mx?.[1] ?? null,
    remoteIp: mx?.[2] ?? null,
    senderDomain: str(o, 'domain_from'),
  };
}
