/**
 * Values a user's redaction leaves in a paste, which name nothing: a domain or host with a name of x's
 * (`XXXX.de`, `xxx.xxxx.fr`, `yyyy.fr`, `xxxxxxx.kasserver.com`: `X-Postfix-Sender: XXXX; XXX@XXXX.de`, "mail
 * system at host xxx.xxxx.fr"), and the address `1.2.3.4` written in place of a real one. A masked address
 * (`188.xxx.xxx.xxx`) never reads as one in the first place.
 */

import { parse } from 'tldts';
import { remembered } from './remembered';

/**
 * A label made of three x's, y's or z's or more (`xxxx@yyyy.fr`, `mxd.relay.zzzz.fr`: the letters of
 * algebra's unknowns, which redactions reach for), or of two x's before the last label (`xx.de`), or
 * the word itself (`robinson@REDACTED.com`, a SendGrid event pasted in sendgrid/docs issue #3675); never
 * the last label (`.xxx` is one).
 */
const MASKED_DOMAIN = /(?:^|\.)(?:x{3,63}|y{3,63}|z{3,63}|redacted|x{2}(?=\.[a-z]{2,63}\.?$))\./i;

/**
 * A host name that is one such label alone (`Mar 30 07:32:54 XXXXX postfix/smtp[...]`), maybe after a
 * word and a dash (`mx=smtp-xxxxxx[...]`).
 */
const MASKED_LABEL = /^(?:[a-z0-9]{1,20}-)?(?:x{3,63}|y{3,63}|z{3,63})$/i;

/**
 * A name people type for "some domain": `mail.mydomain.com`, `yourdomain.com`, `sender-domain.com`,
 * `sending-domain.com` (Haraka issue #568's notice), `somehost.tld`, anything under `.tld`. (Not a bare
 * `domain.com`, `domain.de`: real names too.)
 */
const PLACEHOLDER_DOMAIN =
  /(?:^|\.)(?:my|your|some|sender|sending|recipient)-?(?:domain|host)\.[a-z]{2,63}\.?$|\.tld\.?$/i;

/** A word in angle or square brackets written where a name was (`<server>`, `[hostname]`, `{host}`). */
const PLACEHOLDER_NAME = /^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\})$/;

/**
 * Words a poster writes in place of a machine's name (`Dec 21 21:54:51 hostname postfix/smtp[...]`); not
 * `server` or `mailserver`, which some machines are really called.
 */
const PLACEHOLDER_WORDS = new Set([
  'hostname',
  'yourhostname',
  'myhostname',
  'servername',
  'myhost',
  'myserver',
  'yourhost',
  'yourserver',
  'redacted',
]);

/**
 * A machine's name that is only a word for "a machine" under a top-level name (`This is the mail system
 * at host host.com.`, PHP-Bounce-Handler's samples; `Reporting-MTA: dns; MAILSERVER.COM`, osTicket issue
 * #6599): a poster's stand-in, since a mail server's own name is a host under its domain, not the bare
 * `.com` of the word. A single label (`mailserver`) stays a name, as above.
 */
const PLACEHOLDER_MACHINE = /^(?:mail|smtp)?(?:host|server|hostname|servername)\.[a-z]{2,63}\.?$/i;

/** Top-level names kept for examples (RFC 2606): a fixture's or a tutorial's, read as written. */
const EXAMPLE_TLDS = new Set(['example', 'test', 'invalid']);

/**
 * A name under no suffix of the Public Suffix List (tldts): `mydomain`, `mail.mydomain`, `mail.my.smtp`,
 * what a redaction writes for a name (`X-Postfix-Sender: rfc822; xxxxx@mydomain`), or a private
 * network's name (`.local`, `.internal`, `.lan`) that the Internet, and Orange, never saw. An IP literal
 * is no name.
 */
const isUnlistedName = remembered((name) => {
  const parsed = parse(name, { allowPrivateDomains: true });
  return (
    !(parsed.isIp || parsed.isIcann || parsed.isPrivate) &&
    !EXAMPLE_TLDS.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase())
  );
});

/**
 * A label where a run of capital X's stands in for some of a name's letters and the rest are kept in
 * lower case (`from=tXXX@XXXt.com`, OpenSMTPD issue #195): written with no other capital, which a brand
 * spelled in capitals (`XXXLutz`) has. Read before the name is put in lower case.
 */
const PARTLY_MASKED_LABEL = /(?:^|\.)(?=[a-z0-9X-]*X{3})(?=[0-9X-]*[a-z])[a-z0-9X-]{1,63}(?:\.|$)/;

/** True when `name`, as written, has a label a redaction masked in part (PARTLY_MASKED_LABEL). */
export const isPartlyMasked = (name: string): boolean => PARTLY_MASKED_LABEL.test(name);

// The verdicts below are remembered by name (remembered.ts): every incident asks them of its hosts,
// domains and addresses, and a log names the same few on all of them (measured on an Orange block day's
// log, 50,000 refusals: the regular expressions took a tenth of each refusal's time, the lookups a
// quarter of that).

/** A sending domain that names nothing a ticket can use. */
export const isMaskedDomain = remembered(
  (domain) => MASKED_DOMAIN.test(domain) || PLACEHOLDER_DOMAIN.test(domain) || isUnlistedName(domain),
);

/**
 * A host name (sending or remote) that names nothing: as above, except a name of one label, which a
 * syslog line gives its host (`mta1`) and a log its relay (`localhost`).
 */
export const isMaskedHost = remembered(
  (host) =>
    MASKED_DOMAIN.test(host) ||
    MASKED_LABEL.test(host) ||
    PLACEHOLDER_DOMAIN.test(host) ||
    PLACEHOLDER_NAME.test(host) ||
    PLACEHOLDER_WORDS.has(host.toLowerCase()) ||
    PLACEHOLDER_MACHINE.test(host) ||
    (host.includes('.') && isUnlistedName(host)),
);

/**
 * A recipient domain that names nothing: masked, or of one label (`xxxxx@mydomain`). A mistyped domain
 * (`gmail.ocm`) is what failed, and stays.
 */
export const isMaskedRecipientDomain = remembered(
  (domain) => MASKED_DOMAIN.test(domain) || PLACEHOLDER_DOMAIN.test(domain) || !domain.includes('.'),
);

/**
 * Addresses people type in place of a real one: `1.2.3.4`, `12.34.56.78`, `123.45.67.89`, Google's public
 * DNS resolvers (which send no mail), four equal numbers of two digits or more (`123.123.123.123`,
 * `111.111.111.111`; not `1.1.1.1`, `2.2.2.2`, which a test log may use as its addresses), a real first
 * number then `123.123.123` (`71.123.123.123`), or a first number then zeros (`52.0.0.0`, written
 * `52.000.000.000` in the paste).
 */
const PLACEHOLDER_IPS = new Set(['1.2.3.4', '12.34.56.78', '123.45.67.89', '8.8.8.8', '8.8.4.4']);

/**
 * The patterns above as one test, without splitting the address (every incident asks, for each of its
 * addresses): four equal parts of two characters or more, or any first part then `123.123.123` or
 * `0.0.0`.
 */
const PLACEHOLDER_SHAPE = /^(?:([^.]{2,})\.\1\.\1\.\1|[^.]*\.123\.123\.123|[^.]*\.0\.0\.0)$/;

/**
 * One digit typed over and over, parts of unequal lengths among them a three-digit one (`111.11.111.11`,
 * `222.22.222.22`: an issue's `where 111.11.111.11 = my IP`, omega8cc/boa #532).
 */
const ONE_DIGIT_TYPED = /^(\d)\1{0,2}\.\1{1,3}\.\1{1,3}\.\1{1,3}$/;

export const isPlaceholderIp = remembered(
  (ip) =>
    PLACEHOLDER_IPS.has(ip) ||
    PLACEHOLDER_SHAPE.test(ip) ||
    (ONE_DIGIT_TYPED.test(ip) && /(?:^|\.)\d{3}(?:\.|$)/.test(ip)),
);
