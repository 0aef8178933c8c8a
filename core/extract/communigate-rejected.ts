/**
 * CommuniGate Pro (the gateway of AppRiver and of many hosts) names the server that refused the
 * message's text before its reply:
 *
 *     Failed to deliver to 'someone@aol.com'
 *     SMTP module(domain aol.com) reports:
 *      message text rejected by mx-aol.mail.gm0.yahoodns.net:
 *      552 1 Requested mail action aborted, mailbox not found
 *
 * (on one line as a webmail's preview shows it). Its other wording, `host pop.apollo.lv says:`, is read
 * as Postfix's `host X said:`. The name is the remote's (group 1), or its address (group 2).
 */
export const REJECTED_BY_HOST =
  /\brejected\s{1,4}by\s{1,4}(?:(?!\[?\d{1,3}(?:\.\d{1,3}){3}\]?\s{0,4}:)([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})|\[?(\d{1,3}(?:\.\d{1,3}){3})\]?)\.?\s{0,4}:\s*(?=[245]\d\d[\s-])/i;

/**
 * Whether a paragraph is CommuniGate's (`SMTP module(domain aol.com) reports:`), the only place where
 * `rejected by HOST:` names the remote: a relay's own reply quoting another (`550 5.7.1 rejected by
 * smtp-in.orange.fr: 550 ...`) or a writer's sentence (`rejected by gmail.com: 550 ...`) is not.
 */
export const REJECTED_BY_HINT = /\bmodule\s{0,2}\(domain\s{1,4}[^()\s]{1,253}\)\s{1,4}reports:/i;
