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

/** Whether a paragraph may hold REJECTED_BY_HOST (tested before it). */
export const REJECTED_BY_HINT = /rejected\s{1,4}by\s/i;
