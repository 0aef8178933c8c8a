/**
 * What the extraction reads in a decoded bounce: its body lines, DSN fields and replies, looked for
 * also in a quoted delivery-status part, in the raw body when the MIME structure hides the parts, and
 * Orange's replies wherever their token sits.
 */

import { type FoundReply, findReplies } from '../body-replies';
import {
  type DeliveryStatus,
  looksLikeDeliveryStatusLines,
  parseDeliveryStatusLines,
} from '../delivery-status';
import { findEmbeddedOrangeReplies, orangeRepliesBeside } from '../embedded-orange';
import type { Field } from '../header-block';
import { unquoteLines } from '../mail-quote';
import type { SplitMessage } from '../plain-mime';
import type { Decoded } from './message-decode';

const QUOTED_DSN = /^>[ \t]?(?:Final-Recipient|Remote-MTA|Diagnostic-Code|Reporting-MTA):/im;

const QUOTED_DSN_AT = /(?:Final-Recipient|Remote-MTA|Diagnostic-Code|Reporting-MTA):/iy;

/**
 * `QUOTED_DSN.test(lines.join('\n'))` without joining: only lines starting with `>` are tested (and
 * whole, for the expression's `^`, those holding U+2028 or U+2029).
 */
function quotesDeliveryStatus(lines: readonly string[]): boolean {
  for (const line of lines) {
    if (line.charCodeAt(0) === 62) {
      const next = line.length > 1 ? line.charCodeAt(1) : 0;
      // `[ \t]?`: after a space or tab the field must follow it (no field name starts with one).
      QUOTED_DSN_AT.lastIndex = next === 32 || next === 9 ? 2 : 1;
      if (QUOTED_DSN_AT.test(line)) return true;
    }
    if ((line.includes('\u2028') || line.includes('\u2029')) && QUOTED_DSN.test(line)) return true;
  }
  return false;
}

/** True when both hold the same lines (most often the very same strings). */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What the extraction reads in a decoded message. */
export interface Content {
  top: Field[];
  /** The lines replies were looked for in (unquoted, or the raw body, when that is what held them). */
  bodyLines: string[];
  dsn: DeliveryStatus;
  replies: FoundReply[];
  /** The first lines of the body's paragraphs too long to be read for replies (long-paragraph.ts). */
  tooLong: string[];
}

/** Replies and DSN fields of the decoded message: also in a quoted DSN, or in the raw body. */
export function readContent(plain: SplitMessage, decoded: Decoded): Content {
  let bodyLines = decoded.bodyLines;
  let dsn = decoded.dsn;
  if (dsn.recipients.length === 0 && quotesDeliveryStatus(bodyLines)) {
    // A bounce forwarded as a quote (`> Remote-MTA: ...`): read it without the quote marks.
    bodyLines = unquoteLines(bodyLines);
    if (looksLikeDeliveryStatusLines(bodyLines)) dsn = parseDeliveryStatusLines(bodyLines);
  }
  let tooLong: number[] = [];
  let replies = findReplies(bodyLines, tooLong);
  if (replies.length === 0 && dsn.recipients.length === 0) {
    // A broken MIME structure (a redacted boundary) hides the parts: read the raw body instead. When
    // the body read is the raw body (a one-part message), reading it again would find the same.
    const rawBody = plain.lines.slice(plain.bodyStart);
    if (!sameLines(rawBody, bodyLines)) {
      const rawTooLong: number[] = [];
      const rawReplies = findReplies(rawBody, rawTooLong);
      const rawDsn = looksLikeDeliveryStatusLines(rawBody);
      if (rawReplies.length > 0 || rawDsn) {
        bodyLines = rawBody;
        replies = rawReplies;
        tooLong = rawTooLong;
        if (rawDsn) dsn = parseDeliveryStatusLines(rawBody);
      }
    }
  }
  // No wording the readers know introduced a reply (a notice in Korean: `서버 응답 : 550 ... OFR004_104
  // [104]`): Orange's, wherever its token sits (embedded-orange.ts).
  // Nor Orange's beside replies another wording introduced (orangeRepliesBeside).
  if (replies.length === 0) replies = findEmbeddedOrangeReplies(bodyLines);
  else {
    const beside = orangeRepliesBeside(replies, bodyLines);
    if (beside.length > 0) replies = [...replies, ...beside].sort((a, b) => a.lineIndex - b.lineIndex);
  }
  return { top: decoded.top, bodyLines, dsn, replies, tooLong: tooLong.map((k) => bodyLines[k] ?? '') };
}
