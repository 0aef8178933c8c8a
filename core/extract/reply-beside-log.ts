/**
 * Whether a reply read from a post's words beside its log lines is an incident of its own. The post
 * around a log line often quotes the line's reply in part (`Orange replies "421 mwinf5c18 ME Service
 * refuse. Veuillez essayer plus tard." to every connection:`) or speaks of codes in sentences (`We keep
 * getting 550 5.7.1 errors when sending to Orange, for example:`, `550 happens for about 30% of
 * recipients`): neither is another refusal (adversarial check b1 of round 25, its derived-28 and -31).
 */
import type { Incident } from '../types';

/** True when one reply's text holds the other's (the same reply, whole or in part, with or without its code). */
export function sameReply(a: string, b: string): boolean {
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/**
 * True when `i` is one of the `logged` refusals again: its text holds a logged reply's or is part of
 * it, and it names no other remote than that line's.
 */
export function repeatsLogged(logged: readonly Incident[], i: Incident): boolean {
  return logged.some(
    (l) =>
      sameReply(l.reply.text, i.reply.text) &&
      (i.remoteIp === null || i.remoteIp === l.remoteIp) &&
      (i.remoteHost === null || i.remoteHost === l.remoteHost),
  );
}

/**
 * True when a reply read from words names what a remote's reply does: its server (host or IP), its
 * recipient or Orange's token. A sentence about codes names none of them; a refusal quoted beside the
 * log (mailcow issue 2532's `host mx02.t-online.de[...] refused to talk to me: 554 ...`, the
 * `"response": "smtp;550 ... OFR006_102 ..."` of ActiveCampaign/smtp-field-manual PR 60) does.
 */
export function namesItsRefusal(i: Incident): boolean {
  return (
    i.remoteHost !== null || i.remoteIp !== null || i.recipientDomain !== null || Boolean(i.orange?.token)
  );
}
