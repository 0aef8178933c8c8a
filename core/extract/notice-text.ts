/**
 * Text that is no log, message or JSON: a bounce notice's body pasted without its headers, read as
 * a message, or replies among words, read by the readers of replies.
 */

import type { ExtractionResult, ExtractOptions } from '../types';
import { isCopiedTable } from './csv-export-row';
import { looksLikeDeliveryStatus } from './delivery-status';
import { holdsExchangeStatusLine } from './exchange-wrapper';
import { extractMessage } from './formats/message';
import { extractSmtpReplies } from './formats/smtp-reply';
import { hasInputNote } from './input-note';
import type { SourceText } from './source-text';

/** A bounce body pasted without its headers: read as a message whose whole text is the body. */
const BODY_ONLY_HEADER = 'Content-Type: text/plain; charset=utf-8\n\n';

// A bounce's body pasted without its headers, in English or French: Exchange and Outlook.com add
// `Diagnostic information for administrators` / `Diagnostic pour les administrateurs` and list
// `Original message headers:` below (Office 365 in French: `Détails du message d’origine`, in German
// `Diagnoseinformationen für Administratoren`, `Ursprüngliche Nachrichtenkopfzeilen`; in Italian, Spanish and
// Norwegian as Sisimai's Exchange2007 sample, Microsoft's Exchange 2013 NDR documentation and a forum post
// have them); Yahoo's
// notice ends with `--- Below this line is a copy of the message.` and the returned headers; Gmail's
// is a `Delivery Status Notification` saying `Message not delivered`.
const BOUNCE_WORDS =
  /This is the mail system at host|SMTP error from remote mail server|Transcript of session follows|qmail-send program|could not be delivered|couldn['’]t be delivered|Delivery has failed|Undelivered Mail|Undeliverable:|Mail delivery failed|Original message headers|Diagnostic (?:information for administrators|pour les administrateurs)|Diagnoseinformationen f(?:ü|ue|u)r Administratoren|En-t[êe]tes (?:du|de) message d['’]origine|unable to deliver your message|Below this line is a copy of the message|Delivery Status Notification|Message not delivered|D[ée]tails du message d['’]origine|informations pour les administrateurs de messagerie|Informazioni di diagnostica per gli amministratori|Intestazioni originali del messaggio|Informaci[óo]n de diagn[óo]stico para administradores|Encabezados del mensaje original|Urspr(?:ü|ue)ngliche Nachrichtenkopfzeilen|Genererende server:|Opprinnelige meldingshoder/i;

/**
 * True when the text reads as a notice's body (its delivery status, a bounce's words, Exchange's status
 * line in any language), not as replies.
 */
export function isNoticeText(input: string): boolean {
  const head = input.slice(0, 256 * 1024);
  return looksLikeDeliveryStatus(head) || BOUNCE_WORDS.test(head) || holdsExchangeStatusLine(head);
}

/**
 * Text that is no log, message or JSON: a notice's body pasted without its headers, or replies among words.
 * `noticeText` is isNoticeText(input), when the caller already knows it.
 */
export async function extractNoticeText(
  input: string,
  source: SourceText,
  options: ExtractOptions,
  lines?: readonly string[],
  noticeText = isNoticeText(input),
): Promise<ExtractionResult> {
  const notice = noticeText && !isCopiedTable(source);
  const result = notice
    ? await extractMessage(`${BODY_ONLY_HEADER}${input}`, { source, from: 1, to: source.lineCount }, options)
    : extractSmtpReplies(source, options, lines);
  // A notice's words around a reply no notice reader knows (a reply forwarded under a notice's
  // subject): the reply readers' fallbacks still find it.
  if (notice && result.incidents.length === 0 && !hasInputNote(result.warnings))
    return extractSmtpReplies(source, options, lines);
  return result;
}
