/**
 * Whole bounce messages (RFC 3464 multipart/report and the non-standard bounces of Postfix, Exim,
 * Sendmail, qmail, Exchange, Gmail, 1&1...), decoded with postal-mime. One incident per failed
 * recipient of the delivery-status part, or per reply found in the body when there is none. This file
 * runs the steps per incident; each field's reading is in the message-*.ts modules beside it.
 */

import type { ExtractionResult, ExtractOptions, Incident, Note } from '../../types';
import { autoReplyMark } from '../auto-reply';
import { connectionFailure, noReplyWords, settleConnectionFailure } from '../connection-failure';
import { decodedFieldValue } from '../decoded-field';
import { isDelayedAction, isDelaySubject } from '../delay-notice';
import { isExpirySummary } from '../exchange-history';
import { publicClientIp } from '../found-reply';
import { domainOf, fieldValue, isHostName, isIcannName } from '../header-block';
import { isHotmailComplaint } from '../hotmail-complaint';
import { emptyIncident, finishIncident } from '../incident';
import { LOCAL_AGENT_NOTE } from '../local-agent-status';
import { localDeliveryWords } from '../local-delivery';
import { paragraphsTooLong } from '../long-paragraph';
import { NOTES } from '../notes';
import { type SplitMessage, splitPlainMessage } from '../plain-mime';
import { postfixNoticeOwnWords, postfixOwnWords } from '../postfix-own-words';
import { dropRemoteNetworkIps } from '../remote-network-ip';
import { replylessNotice } from '../replyless-notice';
import { severalReportedDomains } from '../reported-recipients';
import { returnedHeaderTable } from '../returned-header-table';
import { inlineReturnedHeaders, readReturnedHeaders } from '../returned-headers';
import { laterReturnedHopDate } from '../returned-hop-date';
import { applySendGridLine } from '../sendgrid-notice-line';
import { type AnnouncedSizeLimit, announcedSizeLimit, settleSizeLimit } from '../size-limit';
import type { SourceText } from '../source-text';
import { withoutUnresolvedRemote } from '../unresolved-remote';
import { isUnsubscribeRequest } from '../unsubscribe-request';
import { jsonBodyEvents } from './json-body';
import { Citations } from './message-citations';
import { readContent } from './message-content';
import { fillDate } from './message-date';
import { type Decoded, decode } from './message-decode';
import { fillExchangeRejecter } from './message-exchange-rejecter';
import { guessFormat, isChallengeNotice, looksLikeBounce, reportOfNoRefusal } from './message-kind';
import { dropLocalMailerStatus } from './message-local-mailer';
import { onlyDelivered, plansOf } from './message-plans';
import { fillRecipient, reportedRecipient } from './message-recipient';
import { fillRemote } from './message-remote';
import { fillReply } from './message-reply';
import { dateFromReplyLine, zonedNoticeDate } from './message-reply-date';
import { fillSender, type RefOf } from './message-sender';
import { nameUnreachedRemote } from './message-unreached-remote';

/** The part of the pasted text holding this message: lines [from, to] (1-based, inclusive). */
export interface MessageSpan {
  source: SourceText;
  from: number;
  to: number;
}

export async function extractMessage(
  raw: string,
  span: MessageSpan,
  options: ExtractOptions,
): Promise<ExtractionResult> {
  const plain = splitPlainMessage(raw);
  const pending = decode(plain);
  const decoded = pending instanceof Promise ? await pending : pending;
  return incidentsOf(plain, decoded, span, options);
}

/** A DSN's Diagnostic-Code line, where the reply was read. */
const DIAGNOSTIC_LINE = /^[\s>]*Diagnostic-Code\s*:/i;

function incidentsOf(
  plain: SplitMessage,
  decoded: Decoded,
  span: MessageSpan,
  options: ExtractOptions,
): ExtractionResult {
  const warnings: Note[] = decoded.decodeNote ? [decoded.decodeNote] : [];
  const content = readContent(plain, decoded);
  if (content.tooLong.length > 0) warnings.push(paragraphsTooLong(content.tooLong));
  const { bodyLines, replies } = content;
  const firstReplyLine = replies[0]?.lineIndex ?? 0;
  const inline =
    decoded.returned.length > 0 ? decoded.returned : inlineReturnedHeaders(bodyLines, firstReplyLine + 1);
  // (Or the table of them a webmail showed below the notice, copied from the browser.)
  const returned = readReturnedHeaders(
    inline.length > 0 ? inline : returnedHeaderTable(bodyLines, firstReplyLine + 1),
  );
  // An ESP event mailed as JSON (SES through SNS) says more than the mail around it.
  const events = replies.length <= 1 ? jsonBodyEvents(bodyLines, span.source) : null;
  if (events) return { incidents: events.incidents, warnings: warnings.concat(events.warnings) };
  const format = guessFormat(decoded.top, decoded.bodyLines, content.dsn);
  if (!looksLikeBounce(content)) {
    const autoReply = autoReplyMark(content.top);
    if (isUnsubscribeRequest(content.top)) warnings.push(NOTES.unsubscribeRequest());
    else if (autoReply) warnings.push(NOTES.autoReply(autoReply));
    else if (isHotmailComplaint(content.top, decoded.returned)) warnings.push(NOTES.hotmailComplaint());
    return { incidents: [], warnings };
  }
  const delivered = onlyDelivered(content);
  if (delivered) {
    const said = delivered === 'verified' ? NOTES.verifiedDeliverableReport() : NOTES.deliveredReport();
    return { incidents: [], warnings: warnings.concat(said) };
  }
  const noRefusal = reportOfNoRefusal(content);
  if (noRefusal) return { incidents: [], warnings: warnings.concat(noRefusal) };
  if (isChallengeNotice(content)) warnings.push(NOTES.challengeNotice());
  const abuseReport =
    fieldValue(content.dsn.perMessage, 'feedback-type') !== null && content.replies.length === 0;
  if (abuseReport) warnings.push(NOTES.abuseReport());
  const citations = new Citations(span, warnings);
  const refOf: RefOf = (incident, field, needle, wholeLine) =>
    citations.cite(incident, field, needle, wholeLine);
  const returnedDate = fieldValue(returned.fields, 'date');
  const returnedHop = laterReturnedHopDate(returned.fields, returnedDate);
  const noticeDate = zonedNoticeDate(fieldValue(content.top, 'date')?.value);
  let incidents: Incident[] = [];
  let noReply: string | null = null;
  let sizeLimit: AnnouncedSizeLimit | null = null;
  let ownWords: string | null = null;
  let localNote: Note | null = null;
  let ownWhere: 'x-postfix' | 'notice' | undefined;
  const delaySubject =
    content.dsn.recipients.length === 0 && isDelaySubject(decodedFieldValue(content.top, 'subject'));
  /** Incidents read from Exchange Online's closing `Message expired` history line (exchange-history.ts). */
  const summaries = new Set<Incident>();
  /** Postfix's own reason in its notice's list of recipients, looked for once ('' when none). */
  let noticeOwnWords: string | undefined;
  for (const plan of plansOf(content)) {
    const incident = emptyIncident(format);
    fillReply(incident, plan, content.replies, bodyLines, refOf);
    // What the text the reply was read in says of it (a local delivery program's words: no reply code).
    if (plan.body?.note && incident.reply.text === plan.body.text) incident.assumptions.push(plan.body.note);
    const connection = fillRemote(incident, plan.dsn, plan.body, bodyLines, refOf);
    dropRemoteNetworkIps(incident);
    if (isExpirySummary(incident)) summaries.add(incident);
    // Still an incident (its date, hosts and addresses stand), with a note that no server replied; the
    // MTA's own words go into the note, not into the reply a ticket would quote as Orange's.
    const failure = connectionFailure(incident.reply.code, incident.reply.text);
    // (Read in the Diagnostic-Code, or in the notice's text: Sendmail's `(reason: 550 Host unknown)`.)
    const where = DIAGNOSTIC_LINE.test(incident.sources.reply?.text ?? '') ? 'diagnostic' : 'notice';
    if (failure && settleConnectionFailure(incident, failure)) {
      noReply ??= failure.words;
      const unresolved = withoutUnresolvedRemote(incident, failure.words, where);
      if (unresolved) incident.assumptions.push(unresolved);
    }
    // Postfix would not send a message larger than the remote announced it takes: no reply either.
    const tooBig = !failure && incident.reply.code === null ? announcedSizeLimit(incident.reply.text) : null;
    if (tooBig) {
      settleSizeLimit(incident, tooBig);
      sizeLimit ??= tooBig;
    }
    fillRecipient(
      incident,
      plan.dsn ?? reportedRecipient(content.dsn.perMessage),
      plan.body,
      returned,
      fieldValue(content.top, 'x-failed-recipients'),
      bodyLines,
      refOf,
      fieldValue(content.dsn.perMessage, 'reporting-mta'),
    );
    // A report listing recipients of several domains says not which one complained (reported-recipients.ts).
    const reportedDomains = plan.dsn ? null : severalReportedDomains(content.dsn.perMessage);
    if (reportedDomains) {
      incident.recipientDomain = null;
      delete incident.sources.recipientDomain;
      incident.assumptions.push(NOTES.severalReportedRecipients(reportedDomains));
    }
    fillDate(incident, plan.dsn, content, returnedDate, bodyLines, options, refOf, returnedHop);
    // Rather the date the reply's own line starts with (Exchange's history: `7/7/2026 3:48:53 PM - Server
    // at ...`, the time of that very attempt).
    if (plan.body) dateFromReplyLine(incident, bodyLines, plan.body.lineIndex, options, refOf, noticeDate);
    fillSender(incident, content, returned, bodyLines, refOf, connection);
    // SendGrid's notice names the remote and the address it sent from on the recipient's line.
    applySendGridLine(incident, bodyLines, refOf);
    // Else the remote Exchange Online's lead names (`mx.example.net rejected your message to ...`).
    fillExchangeRejecter(incident, bodyLines, plan.body?.recipient ?? null, refOf);
    // Else the sender of the session transcript the notice quotes (MDaemon's `--> MAIL From:<a@x>`).
    if (!incident.sendingDomain && plan.body?.sender)
      senderOfSession(incident, plan.body.sender, bodyLines, refOf);
    // Else the name the sending server gave in the transcript (MDaemon's ` EHLO mail.example.com`).
    const client = plan.body?.clientName;
    if (incident.sendingHosts.length === 0 && client && isHostName(client.name) && isIcannName(client.name)) {
      incident.sendingHosts.push(client.name.toLowerCase());
      refOf(incident, 'sendingHosts', bodyLines[client.lineIndex]);
    }
    // And the client's address the remote's EHLO answer named in it (Exim's `-v` output: `SMTP<<
    // 250-mwinf5c27 hello [192.0.2.7], pleased to meet you`), when a public one.
    const seenAs = publicClientIp(plan.body?.clientIp);
    if (incident.sendingIps.length === 0 && seenAs) {
      incident.sendingIps.push(seenAs.ip);
      refOf(incident, 'sendingIps', bodyLines[seenAs.lineIndex]);
    }
    // Postfix's own reason (`X-Postfix; Spam message rejected`), where no hop shows the message came to
    // it from another host: the sending server's own decision (a filter refusing what was submitted
    // locally), no incident. (Else it may be the receiver's, failing a mailbox it accepted mail for.)
    const diagnostic = plan.dsn ? fieldValue(plan.dsn, 'diagnostic-code') : null;
    let own: string | null = null;
    if (!failure && !tooBig && diagnostic) own = postfixOwnWords(diagnostic.value);
    else if (!failure && plan.dsn && !incident.reply.text && format === 'postfix') {
      // No Diagnostic-Code (the paste cut before it): the reason the notice lists for the recipient.
      noticeOwnWords ??= postfixNoticeOwnWords(bodyLines.slice(0, 5000).join('\n')) ?? '';
      own = noticeOwnWords;
    }
    // Sendmail's status line for its own local mailer's exit (message-local-mailer.ts): no reply.
    const mailerStatus = dropLocalMailerStatus(incident, diagnostic);
    localNote ??= mailerStatus;
    // A local delivery program's words (`Diagnostic-Code: x-unix; Quota exceeded ...`): no SMTP reply.
    const localWords = !incident.reply.text && diagnostic ? localDeliveryWords(diagnostic.value) : null;
    if (localWords) localNote ??= NOTES.localProgramFailed(localWords);
    if (own && incident.sendingIps.length === 0) {
      ownWords ??= own;
      ownWhere ??= diagnostic ? 'x-postfix' : 'notice';
      continue;
    }
    if (delaySubject || isDelayedAction(plan.dsn)) incident.assumptions.push(NOTES.delayNotice());
    incidents.push(incident);
  }
  // A notice whose words say no server was reached, read as no reply at all (Gmail's delay notice: `The
  // recipient server did not accept our requests to connect. ... [192.0.2.1 (1): Connection timed out]`).
  // The closing line sums up the attempts above it: one failed message.
  if (summaries.size > 0 && summaries.size < incidents.length)
    incidents = incidents.filter((incident) => !summaries.has(incident));
  const replyless = incidents.length > 0 && incidents.every((i) => i.reply.text === '');
  if (!noReply && replyless) {
    noReply = noReplyWords(bodyLines.slice(0, 2000).join('\n'));
    // (A name that did not resolve: a Remote-MTA naming it names no server that refused.)
    for (const incident of noReply ? incidents : []) {
      const unresolved = withoutUnresolvedRemote(incident, noReply as string, 'notice');
      if (unresolved) incident.assumptions.push(unresolved);
      else nameUnreachedRemote(incident, noReply as string, bodyLines, refOf);
    }
  }
  // (Not when the attempt it was said of was summed up by another that quotes a reply: Exchange's `400
  // 4.4.7 Message delayed` above the remote's `451 4.7.3 ...`, in a Microsoft Q&A post of 2020.)
  if (noReply && (incidents.length === 0 || incidents.some((i) => i.reply.text === '')))
    warnings.push(NOTES.noServerReply(noReply));
  else noReply = null;
  if (sizeLimit) warnings.push(NOTES.sizeLimitAnnounced(sizeLimit));
  // Why a notice without any reply quotes none, when its own words say so (replyless-notice.ts).
  const why = !noReply && replyless ? replylessNotice(bodyLines, format === 'exim', localNote) : null;
  if (why && !why.last) warnings.push(why.note);
  if (ownWords) warnings.push(NOTES.senderOwnDiagnostic(ownWords, ownWhere));
  if (why?.last) warnings.push(why.note);
  for (let i = 0; i < incidents.length; i++) {
    // An incident without a reply, where no server replied: no reply to fill in.
    const incident = incidents[i] as Incident;
    // (Nor in a complaint report, which says itself that it holds no reply: Sisimai's arf-25.)
    const noReplyToAsk =
      ((noReply !== null || sizeLimit !== null || (why !== null && !why.askReply) || abuseReport) &&
        incident.reply.text === '') ||
      incident.assumptions.some((a) => a.code === LOCAL_AGENT_NOTE);
    for (const w of finishIncident(incident, i + 1, noReplyToAsk)) warnings.push(w);
  }
  return { incidents, warnings };
}

function senderOfSession(
  incident: Incident,
  sender: string,
  bodyLines: readonly string[],
  refOf: RefOf,
): void {
  const domain = domainOf(sender);
  if (!domain || !isHostName(domain)) return;
  incident.sendingDomain = domain.toLowerCase();
  refOf(incident, 'sendingDomain', bodyLines.find((l) => l.includes(sender)) ?? null);
}
