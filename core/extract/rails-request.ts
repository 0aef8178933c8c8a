/**
 * A Rails application's request log around Ruby's Net::SMTP refusal (one-click-orgs issue 150):
 *
 *     Started POST "/password_resets" for 93.97.176.250 at Sat Jan 08 15:37:07 +0000 2011
 *     ...
 *     Sent mail to charles@circus-foundation.org (729ms)
 *     Completed   in 817ms
 *
 *     Net::SMTPFatalError (555 5.5.2 Syntax error. nb15sm15097998qcb.26
 *     ):
 *
 * Rails writes `Started` when a request comes in, with its time and zone (Ruby 1.8's `Sat Jan 08 15:37:07
 * +0000 2011`, later `2023-05-10 00:02:51 +0200`), and the exception the request ended with after its
 * `Completed` line: the refusal came within that request, so its time is the request's, to the second or
 * so. ActionMailer's `Sent mail to <recipients> (729ms)` in the same request names whom the mail was
 * for. The address after `for` is the web client's, never a sending IP: it is not read.
 */

import type { SourceRef } from '../types';
import type { SourceText } from './source-text';

const STARTED =
  /\bStarted [A-Z]{3,7} "[^"\n]{0,2000}" for \S{1,45} at ([A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4})\s*$/;
const SENT_MAIL = /\bSent mail to ([^()\n]{3,2000}?) \([\d.]{1,12}ms\)\s*$/;
const ADDRESS = /^[^\s@,<>]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})$/;
/** Ruby's Net::SMTP error on the reply's line: only then is the request's the refusal. */
const NET_SMTP = /\bNet::SMTP[A-Za-z]{0,20}(?:Error|Busy)\b/;
/** A background job's error: no request's. */
const JOB_ERROR = /\[ActiveJob\]|\bError performing\b/;
/** Lines above the refusal its request's `Started` line may be on. */
const MAX_REQUEST_LINES = 200;
const MAX_LINE = 4000;

export interface RailsRequest {
  /** The request's `Started ... at <time>` text, and its line. */
  started: { time: string; ref: SourceRef };
  /** The domain ActionMailer sent to in the request, when it names one only, and its line. */
  recipientDomain?: { domain: string; ref: SourceRef };
}

/** The request a Net::SMTP refusal on line `replyLine` (1-based) was logged in, or null. */
export function railsRequestOf(source: SourceText, replyLine: number): RailsRequest | null {
  const reply = source.line(replyLine).slice(0, MAX_LINE);
  if (!NET_SMTP.test(reply) || JOB_ERROR.test(reply)) return null;
  let sent: RailsRequest['recipientDomain'] | null | undefined;
  for (let line = replyLine - 1; line >= 1 && line >= replyLine - MAX_REQUEST_LINES; line--) {
    const text = source.line(line).slice(0, MAX_LINE);
    if (!text.includes('Started ') && !text.includes('Sent mail to ')) continue;
    const mail = SENT_MAIL.exec(text);
    // The mail sent nearest to the refusal; several domains in it say nothing of which one refused.
    if (mail && sent === undefined) sent = sentDomain(mail[1] as string, source.ref(line));
    const time = STARTED.exec(text)?.[1];
    if (!time) continue;
    // Only a request that sent the mail itself (ActionMailer's `Sent mail to` in it): a job's error
    // (`[ActiveJob] ... Error performing ActionMailer::MailDeliveryJob`) comes after any request, hours
    // later.
    if (sent === undefined) return null;
    const request: RailsRequest = { started: { time, ref: source.ref(line) } };
    if (sent) request.recipientDomain = sent;
    return request;
  }
  return null;
}

function sentDomain(recipients: string, ref: SourceRef): RailsRequest['recipientDomain'] | null {
  const domains = new Set<string>();
  for (const recipient of recipients.split(',')) {
    const domain = ADDRESS.exec(recipient.trim())?.[1]?.toLowerCase();
    if (!domain) return null;
    domains.add(domain);
  }
  const [domain] = domains;
  return domains.size === 1 && domain ? { domain, ref } : null;
}
