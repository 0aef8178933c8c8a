/**
 * The sending domain of a bounce's incident (split out of message-sender.ts, which reads the sending
 * hosts and IPs): the envelope sender, the sender the notice names, the address the bounce was sent to,
 * the returned copy's From, DKIM d= and SPF MAIL FROM, or the domain the remote's reply names.
 */
import type { Incident } from '../../types';
import type { DeliveryStatus } from '../delivery-status';
import { forwardedNoticeTo, severalAddresses } from '../forward-notice-to';
import { isForwardSubject } from '../forward-subject';
import { domainOf, type Field, fieldValue, stripType } from '../header-block';
import { messageDetails } from '../message-details';
import { NOTES } from '../notes';
import { replySenderDomain } from '../reply-sender-domain';
import type { ReturnedHeaders } from '../returned-headers';
import { isSystemFromLine } from './message-kind';
import type { BounceFields, RefOf } from './message-sender';

/**
 * The original sender a notice names on a labelled line of its text: Office 365's `Sender Address:`
 * (`Adresse de l’expéditeur :`) under "Original Message Details", MailMarshal's `Original Sender:`; or
 * in the command the remote refused after (REFUSED_MAIL_FROM).
 */
const NOTICE_SENDER_LINE =
  /^\s{0,12}(?:Sender\s+Address|Adresse\s+de\s+l.exp[ée]diteur|Original\s+Sender)\s{0,4}:\s{0,12}<?([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s*$/i;

/**
 * The envelope sender as the notice quotes the command the remote refused after (Exim: `SMTP error from
 * remote mail server after pipelined MAIL FROM:<alber@example.in> SIZE=1659:`).
 */
const REFUSED_MAIL_FROM =
  /\bafter\s{1,4}(?:pipelined\s{1,4})?MAIL FROM:\s{0,2}<([^\s<>@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>/i;

/** Per message (its body lines), as every recipient's incident asks again. */
const noticeSenders = new WeakMap<readonly string[], { domain: string; line: string } | null>();

function noticeSender(bodyLines: readonly string[]): { domain: string; line: string } | null {
  let found = noticeSenders.get(bodyLines);
  if (found === undefined) {
    found = findNoticeSender(bodyLines);
    noticeSenders.set(bodyLines, found);
  }
  return found;
}

function findNoticeSender(bodyLines: readonly string[]): { domain: string; line: string } | null {
  const last = Math.min(bodyLines.length, 2000);
  for (let i = 0; i < last; i++) {
    const line = bodyLines[i] as string;
    if (!line.includes('@')) continue;
    const address = NOTICE_SENDER_LINE.exec(line)?.[1] ?? REFUSED_MAIL_FROM.exec(line)?.[1];
    const domain = address ? domainOf(address) : null;
    if (domain) return { domain, line };
  }
  return null;
}

/**
 * Sending domain: envelope sender first (also Apache James's `MAIL FROM:` line), then the sender the
 * notice names, then the address the bounce was sent to (a bounce goes to the envelope sender), then
 * From, then DKIM d=, then the address a notice from the null sender was sent to, then the domain
 * the remote's reply names.
 */
export function fillSendingDomain(
  incident: Incident,
  decoded: BounceFields,
  returned: ReturnedHeaders,
  bodyLines: readonly string[],
  refOf: RefOf,
): void {
  const postfixSender = fieldValue(decoded.dsn.perMessage, 'x-postfix-sender');
  const envelope =
    withDomain(postfixSender) ?? withDomain(returned.envelopeSender) ?? reportedMailFrom(decoded);
  // Outlook's Save As text and its copied header lines name the recipient alone (`To:\tJean Dupont`,
  // `À :\tJean Dupont`): no domain there, the clues after it are read.
  // (Nor a To naming several addresses: which of them sent the refused message is not known.)
  // Sendmail's copy for its own postmaster (`Subject: Postmaster notify: see transcript for details`,
  // `Auto-Submitted: auto-generated (postmaster-notification)`) goes to that postmaster, not back to
  // the sender: its To names no sender (Sisimai's rhost-google-01, rhost-yahooinc-03).
  const postmasterCopy = isPostmasterCopy(decoded.top);
  const bounceTo = postmasterCopy ? null : withDomain(fieldValue(decoded.top, 'to'), true);
  const bounceFrom = fieldValue(decoded.top, 'from')?.value.trim() ?? '';
  // A postmaster forwarding a notice (`Subject: TR: ...`) writes to the support desk, not to the sender.
  // (Exchange 2013 and later, and Exchange Online, send theirs from their system mailbox, `Microsoft
  // Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@…>`.)
  const isBounce =
    /mailer-daemon|postmaster|mail delivery|microsoftexchange[0-9a-f]{32}@/i.test(bounceFrom) &&
    !isForwardSubject(fieldValue(decoded.top, 'subject')?.value ?? '');
  // A notice from the null sender itself (`From: <>`: Sendmail, McAfee and m-FILTER gateways) may
  // write to the header sender rather than the envelope one: its To is the last clue, after the copy's.
  const isNullSenderNotice = bounceFrom === '<>';
  // Apache James lists the envelope sender in its notice (`MAIL FROM: x@y` under `Message details:`).
  const detailed = envelope ? null : (messageDetails(bodyLines)?.sender ?? null);
  const named = envelope || detailed ? null : noticeSender(bodyLines);
  // Gmail writes its sender's address as the DSN's Received-From-MTA (`dns; k.lourd@maildistribute.com`).
  const receivedFrom = fieldValue(decoded.dsn.perMessage, 'received-from-mta');
  const gmailSender = envelope || detailed || named || !receivedFrom ? null : withDomain(receivedFrom);
  // A notice forwarded inline: the To of the forward's header lines, when they name a mail system as
  // the sender (forward-notice-to.ts).
  const forwarded =
    envelope || detailed || named || gmailSender || isBounce
      ? null
      : forwardedNoticeTo(bodyLines, isSystemFromLine);
  const wrapped =
    envelope || detailed || named || gmailSender ? null : wrappedNoticeTo(returned, decoded.dsn);
  if (envelope) {
    incident.sendingDomain = domainOf(stripType(envelope.value));
    // A field folded right after its name (`Return-Path:` then ` a@example.com`): its first line would
    // be found anywhere the name is (the bounce's own `Return-Path: <>`), so the line of the value is cited.
    const bare = BARE_FIELD_NAME.test(envelope.firstLine);
    refOf(incident, 'sendingDomain', bare ? stripType(envelope.value) : envelope.firstLine, bare);
  } else if (detailed) {
    incident.sendingDomain = detailed.domain;
    refOf(incident, 'sendingDomain', detailed.line);
  } else if (named) {
    incident.sendingDomain = named.domain;
    refOf(incident, 'sendingDomain', named.line);
  } else if (gmailSender) {
    incident.sendingDomain = domainOf(stripType(gmailSender.value));
    refOf(incident, 'sendingDomain', gmailSender.firstLine);
  } else if (bounceTo && isBounce && wrapped) {
    // A notice wrapped whole in this one: the address it went back to.
    incident.sendingDomain = domainOf(wrapped.value);
    refOf(incident, 'sendingDomain', wrapped.firstLine);
  } else if (bounceTo && isBounce) {
    // A bounce is addressed to the original envelope sender.
    incident.sendingDomain = domainOf(bounceTo.value);
    refOf(incident, 'sendingDomain', bounceTo.firstLine);
  } else if (forwarded?.kind === 'address') {
    incident.sendingDomain = forwarded.domain;
    refOf(incident, 'sendingDomain', forwarded.line);
  } else if (returned.from && dottedDomainOf(returned.from.value)) {
    incident.sendingDomain = dottedDomainOf(returned.from.value);
    refOf(incident, 'sendingDomain', returned.from.firstLine);
  } else if (returned.dkim) {
    incident.sendingDomain = returned.dkim.domain;
    refOf(incident, 'sendingDomain', returned.dkim.field.firstLine);
  } else if (returned.spfMailFrom) {
    incident.sendingDomain = returned.spfMailFrom.domain;
    refOf(incident, 'sendingDomain', returned.spfMailFrom.field.firstLine);
  } else if (bounceTo && isNullSenderNotice) {
    incident.sendingDomain = domainOf(bounceTo.value);
    refOf(incident, 'sendingDomain', bounceTo.firstLine);
  } else {
    // A notice's text pasted alone: the domain the remote's reply names (Gmail's SPF and DMARC wordings).
    const inReply = replySenderDomain(incident.reply.text);
    if (inReply) {
      incident.sendingDomain = inReply;
      refOf(incident, 'sendingDomain', incident.sources.reply?.text);
    }
  }
  // The notice's To, or its forward's, naming the sender without one address (`To: Marie Durand`).
  const toWithout =
    forwarded?.kind === 'unsure'
      ? forwarded.value
      : isBounce && !bounceTo && !postmasterCopy
        ? (fieldValue(decoded.top, 'to')?.value.trim() ?? '')
        : '';
  if (!incident.sendingDomain && toWithout !== '')
    incident.assumptions.push(NOTES.noticeToWithoutAddress(toWithout));
}

/**
 * The To of a notice wrapped whole in the one read, as its returned message (a filtering gateway's
 * notification of a bounce it held: Trend Micro's, in Sisimai's lhost-x5-01, `To: NotificationRecipients@
 * mpvss-002.int.example.co.jp` around the bounce `From: Mail Delivery Subsystem <MAILER-DAEMON@…>`, `To:
 * shironeko@cat.example.co.jp`): the address that notice went back to, the refused message's sender. Not
 * when it names a failed recipient: a double bounce returns the notice that could not be delivered, sent
 * to that recipient.
 */
function wrappedNoticeTo(returned: ReturnedHeaders, dsn: DeliveryStatus): Field | null {
  const from = returned.from?.value ?? '';
  const to = withDomain(returned.to, true);
  if (!to || !/mailer-daemon|postmaster|mail delivery/i.test(from)) return null;
  const address = (/<([^<>\s]{1,320})>/.exec(to.value)?.[1] ?? stripType(to.value).trim()).toLowerCase();
  for (const fields of dsn.recipients)
    for (const f of fields)
      if (/recipient$/.test(f.name) && f.value.toLowerCase().includes(address)) return null;
  return to;
}

/** Sendmail's notice copied to its own postmaster, as its Auto-Submitted or its Subject says. */
function isPostmasterCopy(top: Field[]): boolean {
  const auto = fieldValue(top, 'auto-submitted')?.value ?? '';
  const subject = fieldValue(top, 'subject')?.value ?? '';
  return /\(postmaster-notification\)/i.test(auto) || /^\s{0,4}Postmaster notify:/i.test(subject);
}

/** A field's first line holding its name alone, its value folded onto the next line. */
const BARE_FIELD_NAME = /^[!-9;-~]{1,76}:\s*$/;

/** The field when its value (after any `rfc822;`) is an address with a domain (`single`: one address only). */
/**
 * An abuse report's (ARF, RFC 5965 section 3.2) `Original-Mail-From:`, the MAIL FROM of the reported
 * message: its envelope sender where the report returns no copy with a Return-Path (Sisimai's arf-25,
 * Rackspace's report, the copy `REDACTED`). Only in a report (Feedback-Type).
 */
function reportedMailFrom(decoded: BounceFields): Field | null {
  const { perMessage } = decoded.dsn;
  if (fieldValue(perMessage, 'feedback-type') === null) return null;
  return withDomain(fieldValue(perMessage, 'original-mail-from'), true);
}

function withDomain(field: Field | null, single = false): Field | null {
  if (single && field && severalAddresses(field.value)) return null;
  return field && dottedDomainOf(field.value) ? field : null;
}

/**
 * The domain of a field's address when it has a dot: Lotus Notes addresses its notices to the sender's
 * Notes name, `Jean Martin/Compta/Example@Example`, whose `@Example` is a Notes domain, no DNS name.
 */
function dottedDomainOf(value: string): string | null {
  const domain = domainOf(stripType(value));
  return domain?.includes('.') ? domain : null;
}
