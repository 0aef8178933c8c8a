/**
 * The recipient domain of a bounce's incident: the DSN's recipient fields, the recipient the notice
 * names, Exim's X-Failed-Recipients, the returned message's To, Yahoo's X-Apparently-To.
 */

import type { Incident } from '../../types';
import { apparentRecipient } from '../apparently-to';
import type { FoundReply } from '../body-replies';
import { isWithin } from '../exit-hop';
import { domainOf, type Field, fieldValue, isIcannName, stripType } from '../header-block';
import { isOwnLocalMailbox } from '../local-delivery';
import { messageDetails } from '../message-details';
import { noticeRecipient } from '../notice-recipient';
import type { ReturnedHeaders } from '../returned-headers';
import { sameAddress, soleAddress } from './message-addresses';
import type { RefOf } from './message-sender';

/**
 * An abuse report's (ARF, RFC 5965) `Original-Rcpt-To:`, the envelope recipient of the reported message,
 * as the fields fillRecipient reads: whom the complaint came from, where the returned copy's To may name
 * another (a list, a blind copy). Only in a report (Feedback-Type): a DSN has its own recipient fields.
 * A report may list several (Return Path's lists seven): only when they all name one domain.
 */
export function reportedRecipient(perMessage: Field[]): Field[] | null {
  if (fieldValue(perMessage, 'feedback-type') === null) return null;
  const rcpts = perMessage.filter((f) => f.name === 'original-rcpt-to');
  const domains = new Set(rcpts.map((f) => domainOf(stripType(f.value))?.toLowerCase() ?? ''));
  const first = rcpts[0];
  return first && domains.size === 1 && !domains.has('') ? [first] : null;
}

/**
 * A DSN's recipient field, as the notice's list of recipients would find it: read for a DSN recipient
 * block that names no one, it is another block's (Mautic issue #2480 pastes two DSNs, the second
 * without its Final-Recipient), not this one's.
 */
const OTHER_BLOCK_RECIPIENT = /^\s{0,12}(?:final|original)-recipient:/;

/** An address with a local part: a DSN's `Final-Recipient: rfc822; @mx.example.org` names no one. */
const FULL_ADDRESS = /^<?[^\s<>@]{1,64}@[^\s<>@]{1,253}>?$/;

/**
 * Sendmail's `X-Actual-Recipient: RFC822; b@y` beside the Final-Recipient when an alias was expanded
 * (`(expanded from: <a@x>)` in its notice): the address it tried, whose server refused it (Sisimai's
 * lhost-sendmail-03, -34, -59: the alias at example.org, the refusal from example.co.jp's or Google's
 * MX). Only an RFC 822 address: `X-Unix; |/path/to/program` is a local pipe, no domain.
 */
function actualRecipient(dsn: Field[]): Field | null {
  const field = fieldValue(dsn, 'x-actual-recipient');
  if (!field || !/^\s{0,4}rfc822\s{0,4};/i.test(field.value)) return null;
  // (Not the same domain's address routed to one of its hosts, `emdis@fgm.fr` to `emdis@proxy1.fgm.fr`:
  // the domain written stays the recipient's.)
  const final = fieldValue(dsn, 'final-recipient');
  const finalDomain = final ? domainOf(stripType(final.value))?.toLowerCase() : null;
  const actual = domainOf(stripType(field.value))?.toLowerCase();
  return finalDomain && isWithin(actual, finalDomain) ? null : field;
}

/**
 * Recipient domain: Sendmail's actual recipient, the DSN's recipient fields (the Original-Recipient
 * before a Final-Recipient that is a mailbox of the reporting host's own, local-delivery.ts), then the recipient the bounce text names (unless
 * Exim's X-Failed-Recipients header lists others: the text's address is then the sender's, quoted in a
 * reply), then Exim's header itself, then Apache James's `RCPT TO:` line, then the recipient the notice
 * lists, then the returned message's To, then Yahoo's X-Apparently-To in it.
 */
export function fillRecipient(
  incident: Incident,
  dsn: Field[] | null,
  body: FoundReply | null,
  returned: ReturnedHeaders,
  failed: Field | null,
  bodyLines: readonly string[],
  refOf: RefOf,
  reportingMta: Field | null = null,
): void {
  // (The original recipient first when the final one is a mailbox of the reporting host's own.)
  const local = dsn !== null && isOwnLocalMailbox(dsn, reportingMta);
  const final = dsn ? fieldValue(dsn, 'final-recipient') : null;
  const original = dsn ? fieldValue(dsn, 'original-recipient') : null;
  const candidates: (Field | null)[] = dsn
    ? [
        actualRecipient(dsn),
        local ? original : final,
        local ? final : original,
        fieldValue(dsn, 'original-rcpt-to'),
      ]
    : [];
  // A final recipient under an internal domain (`user@mailcluster.local`, after the remote's own alias
  // expansion) is not the address the sender wrote: the original recipient is, when the DSN gives it.
  // So is one under a bare host name (`userx@sims-ms-daemon`, Sun's messaging server; Mailman's dsn_01),
  // kept only when the DSN gives no other.
  let internal: { domain: string; field: Field } | null = null;
  for (const c of candidates) {
    const address = c ? stripType(c.value) : '';
    const domain = FULL_ADDRESS.test(address) ? domainOf(address) : null;
    if (!c || !domain) continue;
    if (!domain.includes('.') || !isIcannName(domain)) {
      internal ??= { domain, field: c };
      continue;
    }
    incident.recipientDomain = domain;
    refOf(incident, 'recipientDomain', c.firstLine);
    return;
  }
  if (internal) {
    incident.recipientDomain = internal.domain;
    refOf(incident, 'recipientDomain', internal.field.firstLine);
    return;
  }
  const listed = failed ? failed.value.split(/[\s,]+/).filter((a) => domainOf(a) !== null) : [];
  const named = body?.recipient ?? null;
  const fromBody = named ? domainOf(named) : null;
  if (
    fromBody &&
    named &&
    (listed.length === 0 || listed.some((a) => a.toLowerCase() === named.toLowerCase()))
  ) {
    incident.recipientDomain = fromBody;
    refOf(incident, 'recipientDomain', named);
    return;
  }
  const first = listed[0];
  if (failed && first) {
    incident.recipientDomain = domainOf(first);
    refOf(incident, 'recipientDomain', failed.firstLine);
    return;
  }
  // No reply named the recipient: the notice's own list of failed recipients comes before the returned
  // message's To, which is whom the sender wrote to, not necessarily the address that failed.
  const detailed = named === null ? (messageDetails(bodyLines)?.recipient ?? null) : null;
  if (detailed) {
    incident.recipientDomain = detailed.domain;
    refOf(incident, 'recipientDomain', detailed.line);
    return;
  }
  const listedInNotice = named === null ? noticeRecipient(bodyLines) : null;
  // Not the sender the error refused, alone on its line under the reply (Odoo's `SMTPSenderRefused:
  // 550` / `5.1.0 ...` / `sender@example.com`): no recipient is named.
  const refusedSender = body?.sender?.toLowerCase();
  const listedLine = listedInNotice ? (bodyLines[listedInNotice.lineIndex] ?? '').toLowerCase() : '';
  if (
    listedInNotice &&
    !(refusedSender && listedLine.includes(refusedSender)) &&
    !(dsn && OTHER_BLOCK_RECIPIENT.test(listedLine))
  ) {
    incident.recipientDomain = listedInNotice.domain;
    refOf(incident, 'recipientDomain', bodyLines[listedInNotice.lineIndex]);
    return;
  }
  // A copy addressed to its own sender went to its real recipients in blind copy: its To is not one.
  const toSelf =
    !!returned.to &&
    !!returned.from &&
    sameAddress(soleAddress(returned.to.value), soleAddress(returned.from.value));
  const to = returned.to && !toSelf ? domainOf(returned.to.value) : null;
  if (to && returned.to) {
    incident.recipientDomain = to;
    refOf(incident, 'recipientDomain', returned.to.firstLine);
    return;
  }
  // Else the envelope recipient Yahoo wrote into the copy it took in (apparently-to.ts).
  const apparent = apparentRecipient(returned.fields);
  if (apparent) {
    incident.recipientDomain = apparent.domain;
    refOf(incident, 'recipientDomain', apparent.field.firstLine);
  }
}
