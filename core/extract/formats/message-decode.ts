/**
 * A bounce's readable parts (text, delivery-status, returned headers), decoded without postal-mime
 * when no part needs it (most bounces), HTML parts that only repeat the text left out.
 */

import type { Note } from '../../types';
import { decodeReadParts } from '../decode-parts';
import {
  type DeliveryStatus,
  isDeliveryStatusBlock,
  looksLikeDeliveryStatusLines,
  parseDeliveryStatusLines,
  withFirstBlock,
} from '../delivery-status';
import type { Field } from '../header-block';
import { htmlText } from '../html-source';
import { NOTES } from '../notes';
import { needsDecoding, type PlainPart, type SplitMessage } from '../plain-mime';
import { recoded8bitPart } from '../recode-8bit';
import { headersOfReturnedLines } from '../returned-headers';

const DSN_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'text/delivery-status',
  // ARF abuse reports (RFC 5965): Arrival-Date, Source-IP, Reported-Domain, read like DSN fields.
  'message/feedback-report',
]);

const RETURNED_TYPES = new Set([
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
  'message/partial',
]);

export interface Decoded {
  top: Field[];
  /** The readable parts' lines, one blank line between parts (never split twice). */
  bodyLines: string[];
  dsn: DeliveryStatus;
  returned: Field[];
  decodeNote: Note | null;
}

function isReadPart(type: string): boolean {
  return DSN_TYPES.has(type) || RETURNED_TYPES.has(type) || type.startsWith('text/');
}

/** The lines of a part as text would split them (an empty part is one empty line). */
function linesOf(part: PlainPart): string[] {
  return part.lines.length === 0 ? [''] : part.lines;
}

/** `lines.join('\n').slice(0, size)`, joining only the lines it needs. */
export function headOf(lines: readonly string[], size: number): string {
  let length = -1;
  let count = 0;
  while (count < lines.length && length < size) length += (lines[count++] as string).length + 1;
  return lines.slice(0, count).join('\n').slice(0, size);
}

/** Bounce parts read without postal-mime (see plain-mime.ts), same result shape. */
function decodePlain(top: Field[], parts: readonly PlainPart[]): Decoded {
  const dsn: DeliveryStatus = { perMessage: [], recipients: [] };
  let returned: Field[] = [];
  const bodyLines: string[] = [];
  let bodies = 0;
  for (const part of parts) {
    if (DSN_TYPES.has(part.type)) {
      const parsed = parseDeliveryStatusLines(linesOf(part));
      appendAll(dsn.perMessage, parsed.perMessage);
      appendAll(dsn.recipients, parsed.recipients);
    } else if (RETURNED_TYPES.has(part.type)) {
      if (returned.length === 0) returned = headersOfReturnedLines(linesOf(part));
    } else if (part.type.startsWith('text/') || part.type === 'message/partial') {
      // Joined with a blank line between parts, as `bodies.join('\n\n')` would be once split again.
      if (bodies++ > 0) bodyLines.push('');
      const lines =
        part.type === 'text/html' ? htmlText(part.lines.join('\n')).text.split('\n') : linesOf(part);
      for (const line of lines) bodyLines.push(line);
    }
  }
  if (bodies === 0) bodyLines.push('');
  if (dsn.recipients.length === 0 && looksLikeDeliveryStatusLines(bodyLines)) {
    const parsed = parseDeliveryStatusLines(bodyLines);
    appendAll(dsn.perMessage, parsed.perMessage);
    appendAll(dsn.recipients, parsed.recipients);
  }
  // A delivery-status part pasted alone: its first block was read as the header.
  if (isDeliveryStatusBlock(top))
    return { top, bodyLines, dsn: withFirstBlock(dsn, top), returned, decodeNote: null };
  return { top, bodyLines, dsn, returned, decodeNote: null };
}

const DIAGNOSTIC_LINE = /^diagnostic-code:/i;

/**
 * True for an HTML part that only repeats what the message says elsewhere: a text/plain part of the
 * same multipart/alternative (RFC 2046: the same content), or a delivery-status part giving the
 * remote server's reply (Diagnostic-Code). Such parts are not decoded (postal-mime costs about 4 ms
 * on the 60 kB HTML notices of AOL); an HTML-only bounce is still read.
 */
function isRepeatedHtml(part: PlainPart, parts: readonly PlainPart[]): boolean {
  if (part.type !== 'text/html') return false;
  for (const p of parts) {
    if (p.type === 'text/plain' && p.alternative !== undefined && p.alternative === part.alternative)
      return true;
    if (DSN_TYPES.has(p.type) && p.lines.some((l) => DIAGNOSTIC_LINE.test(l))) return true;
  }
  return false;
}

/** The message without its repeated HTML parts (the very same object when it has none). */
function withoutRepeatedHtml(message: SplitMessage): SplitMessage {
  let kept: PlainPart[] | null = null;
  for (let i = 0; i < message.parts.length; i++) {
    const part = message.parts[i] as PlainPart;
    if (!isRepeatedHtml(part, message.parts)) kept?.push(part);
    else kept ??= message.parts.slice(0, i);
  }
  return kept ? { ...message, parts: kept } : message;
}

/** The message's readable content; synchronous when no part needs postal-mime (most bounces). */
export function decode(message: SplitMessage): Decoded | Promise<Decoded> {
  const html = withoutRepeatedHtml(message);
  const plain = { ...html, parts: html.parts.map(recoded8bitPart) };
  if (!needsDecoding(plain, isReadPart)) return decodePlain(plain.top, plain.parts);
  return decodeEncoded(plain);
}

async function decodeEncoded(plain: SplitMessage): Promise<Decoded> {
  const empty: DeliveryStatus = { perMessage: [], recipients: [] };
  try {
    const decoded = await decodeReadParts(plain, isReadPart);
    const read = decodePlain(decoded.top, decoded.parts);
    return decoded.notes[0] ? { ...read, decodeNote: decoded.notes[0] } : read;
  } catch (error) {
    const rest = plain.lines.slice(plain.bodyStart);
    const bodyLines = rest.length === 0 ? [''] : rest;
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'MIME';
    return {
      top: plain.top,
      bodyLines,
      dsn: looksLikeDeliveryStatusLines(bodyLines) ? parseDeliveryStatusLines(bodyLines) : empty,
      returned: [],
      decodeNote: NOTES.mimeError(detail),
    };
  }
}

/** `target.push(...items)` without spreading: a DSN of 150,000 fields would overflow the call stack. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
