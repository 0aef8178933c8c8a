/**
 * The refusing server's own name, written right after a reply's code as a greeting or a banner does:
 * GoDaddy's `554 p3plibsmtp02-03.prod.phx3.secureserver.net bizsmtp IB103. Connection refused...`,
 * Comcast's `554 resimta-po-01v.sys.comcast.net comcast 192.0.2.1 Comcast requires...`, Postfix's own
 * `421 4.7.0 mx.example.net Error: too many errors`, a greeting's `554 mx.example.net ESMTP not accepting
 * messages`; or at its end, as Yahoo's older replies do. Read only when nothing else named the remote (a
 * bare reply).
 */
import { isHostName, isIcannName } from './header-block';
import { normalizeIp } from './ip';

/**
 * The code, an optional enhanced code, then a name of three labels or more (one label is Orange's server
 * id, two a domain) followed by a word: not a colon or `...` (a sender's name or address the reply is
 * about), nor a verb saying something of that name (`mail.example.com is listed`).
 */
const NAME_AFTER_CODE =
  /^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}[ -])?([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){2,8}[A-Za-z]{2,63})\.? +(?!(?:is|has|was|does|did|not|blocked|rejected|listed)\b)[A-Za-z]/;

/** Yahoo's older replies end with the server's name: `... [-5] - mta123.mail.mud.yahoo.com`. */
const YAHOO_NAME_AT_END = /\s-\s(mta\d{1,5}\.mail\.[a-z0-9]{2,10}\.yahoo\.com)\s*$/i;

/** The name (lower case) a reply gives its server right after its code (or at its end, Yahoo's), or null. */
export function serverNameInReply(reply: string): string | null {
  const name = (NAME_AFTER_CODE.exec(reply) ?? YAHOO_NAME_AT_END.exec(reply))?.[1]?.toLowerCase();
  return name && isHostName(name) && isIcannName(name) ? name : null;
}

/**
 * A relay's reply that quotes the next hop's refusal after its own code: `550 5.1.1 host
 * gmail-smtp-in.l.google.com [66.102.1.27] said: The email account that you tried to reach does not
 * exist...` (Zammad's production.log, zammad/zammad issue 4645). The code comes first, so the readers of
 * Postfix's `host X[ip] said: 550 ...` do not see it.
 */
const NEXT_HOP_AFTER_CODE =
  /^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}[ -])?\s{0,4}host\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252})\s{0,4}\[([0-9A-Fa-f:.]{2,45})\](?::\d{1,5})?\s{1,4}said\s{0,4}:/i;

/** The server (lower-case name, address) a relay's reply says refused after it, or null. */
export function nextHopInReply(reply: string): { host: string; ip: string } | null {
  const m = NEXT_HOP_AFTER_CODE.exec(reply);
  const host = m?.[1]?.replace(/\.$/, '').toLowerCase();
  const ip = m?.[2] ? normalizeIp(m[2]) : null;
  return host && ip && isHostName(host) ? { host, ip } : null;
}
