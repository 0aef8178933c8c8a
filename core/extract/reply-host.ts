/**
 * The refusing server's own name, written right after a reply's code as a greeting or a banner does:
 * GoDaddy's `554 p3plibsmtp02-03.prod.phx3.secureserver.net bizsmtp IB103. Connection refused...`,
 * Comcast's `554 resimta-po-01v.sys.comcast.net comcast 192.0.2.1 Comcast requires...`, Postfix's own
 * `421 4.7.0 mx.example.net Error: too many errors`, a greeting's `554 mx.example.net ESMTP not accepting
 * messages`; or at its end, as Yahoo's older replies do. Read only when nothing else named the remote (a
 * bare reply).
 */
import { isHostName, isIcannName } from './header-block';

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
