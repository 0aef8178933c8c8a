/**
 * What an Outlook non-delivery report keeps in its recipient table rather than its body: per
 * recipient, the address, the remote server's reply, the report's text. Written as the
 * `message/delivery-status` fields of RFC 3464 that stand for them, so that the engine reads an Outlook
 * NDR as it reads any DSN. Only what Outlook stored is written: no Status is made up from MAPI's codes.
 */
import type { MapiObject } from './mapi-properties';

/** [MS-OXPROPS] property ids read from a recipient. */
const DISPLAY_NAME = 0x3001; // PidTagDisplayName
const ADDRESS_TYPE = 0x3002; // PidTagAddressType
const EMAIL_ADDRESS = 0x3003; // PidTagEmailAddress
const SMTP_ADDRESS = 0x39fe; // PidTagSmtpAddress
const SUPPLEMENTARY_INFO = 0x0c1b; // PidTagSupplementaryInfo: the remote server's reply
const REPORT_TEXT = 0x1001; // PidTagReportText
const REMOTE_MTA = 0x0c21; // PidTagRemoteMessageTransferAgent
const NDR_REASON = 0x0c04; // PidTagNonDeliveryReportReasonCode
const NDR_DIAG = 0x0c05; // PidTagNonDeliveryReportDiagCode
const NDR_STATUS = 0x0c20; // PidTagNonDeliveryReportStatusCode

/**
 * The supplementary info Exchange writes when it turns a received DSN into an NDR without an
 * `X-Supplementary-Info` field: `<{Remote-MTA} #{Status} {Diagnostic-Code}>` (its InboundMimeConverter,
 * PromoteDsnRecipientHeaders), e.g. `<smtp-in.orange.fr #5.0.0 smtp; 550 ...>`: the DSN's own fields,
 * given back as they were.
 */
const EXCHANGE_DSN = /^<([^\s<>#]*)\s*#(\d\.\d{1,3}\.\d{1,3})?(?:\s+([a-z][a-z0-9-]*;.*))?>$/i;

/** [MS-OXCMSG]: REPORT.<class>.NDR for a non-delivery report, .DR for a delivery report. */
export function reportKind(messageClass: string | null): 'failed' | 'delivered' | null {
  if (!messageClass || !/^report\./i.test(messageClass)) return null;
  if (/\.ndr$/i.test(messageClass)) return 'failed';
  if (/\.dr$/i.test(messageClass)) return 'delivered';
  return null;
}

/** One line: a value's line breaks become spaces (a header field's value). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function address(recipient: MapiObject): string | null {
  const smtp = recipient.string(SMTP_ADDRESS);
  if (smtp) return smtp;
  const email = recipient.string(EMAIL_ADDRESS);
  const type = recipient.string(ADDRESS_TYPE);
  return email && (!type || /^smtp$/i.test(type)) ? email : null;
}

/** The per-recipient fields of one recipient, or null when it holds nothing of the report. */
export function recipientFields(recipient: MapiObject, action: 'failed' | 'delivered'): string | null {
  const lines: string[] = [];
  const to = address(recipient);
  const name = recipient.string(DISPLAY_NAME);
  if (to) lines.push(`Final-Recipient: rfc822; ${oneLine(to)}`);
  else if (name) lines.push(`X-Display-Name: ${oneLine(name)}`);
  lines.push(`Action: ${action}`);
  const info = recipient.string(SUPPLEMENTARY_INFO);
  const dsn = info ? EXCHANGE_DSN.exec(oneLine(info)) : null;
  const mta = recipient.string(REMOTE_MTA) ?? dsn?.[1] ?? null;
  if (mta) lines.push(`Remote-MTA: dns; ${oneLine(mta)}`);
  if (dsn) {
    if (dsn[2]) lines.push(`Status: ${dsn[2]}`);
    if (dsn[3]) lines.push(`Diagnostic-Code: ${dsn[3]}`);
  } else if (info?.trim()) {
    const value = oneLine(info);
    lines.push(`Diagnostic-Code: ${/^[a-z-]+;/i.test(value) ? value : `smtp; ${value}`}`);
  }
  const report = recipient.string(REPORT_TEXT);
  if (report?.trim()) lines.push(`X-Report-Text: ${oneLine(report)}`);
  for (const [label, id] of [
    ['Reason-Code', NDR_REASON],
    ['Diag-Code', NDR_DIAG],
    ['Status-Code', NDR_STATUS],
  ] as const) {
    const code = recipient.long(id);
    if (code !== null) lines.push(`X-Outlook-NDR-${label}: ${code}`);
  }
  return lines.length > 1 ? lines.join('\n') : null;
}
