/**
 * Values a user's redaction leaves in a paste, which name nothing: a domain or host with a name of x's
 * (`XXXX.de`, `xxx.xxxx.fr`, `yyyy.fr`, `xxxxxxx.kasserver.com`: `X-Postfix-Sender: XXXX; XXX@XXXX.de`, "mail system
 * at host xxx.xxxx.fr"), and the address `1.2.3.4` written in place of a real one. A masked address
 * (`188.xxx.xxx.xxx`) never reads as one in the first place.
 */

/**
 * A label made of three x's, y's or z's or more (`xxxx@yyyy.fr`, `mxd.relay.zzzz.fr`: the letters of
 * algebra's unknowns, which redactions reach for), or of two x's before the last label (`xx.de`); never
 * the last label (`.xxx` is one).
 */
const MASKED_DOMAIN = /(?:^|\.)(?:x{3,63}|y{3,63}|z{3,63}|x{2}(?=\.[a-z]{2,63}\.?$))\./i;

export function isMaskedDomain(domain: string): boolean {
  return MASKED_DOMAIN.test(domain);
}

export function isPlaceholderIp(ip: string): boolean {
  return ip === '1.2.3.4';
}
