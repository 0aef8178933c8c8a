/**
 * RFC 3464 delivery-status fields: one per-message block (Reporting-MTA, Arrival-Date, ...) followed by
 * one block per recipient (Final-Recipient, Status, Remote-MTA, Diagnostic-Code, Last-Attempt-Date).
 */
import { type Field, readFields, splitLines } from './header-block';

export interface DeliveryStatus {
  perMessage: Field[];
  recipients: Field[][];
}

const PER_MESSAGE_FIELDS = new Set([
  'reporting-mta',
  'received-from-mta',
  'arrival-date',
  'x-postfix-sender',
  'original-envelope-id',
  'dsn-gateway',
]);
const RECIPIENT_FIELDS = new Set([
  'final-recipient',
  'original-recipient',
  'diagnostic-code',
  'action',
  'status',
]);

function hasRecipientField(fields: readonly Field[]): boolean {
  for (const f of fields) if (RECIPIENT_FIELDS.has(f.name)) return true;
  return false;
}

/**
 * A line that carries on a Diagnostic-Code holding a multi-line reply written without folding: the reply's
 * next line, starting with the same code (`550-5.7.1 ...` then `550 5.7.1 ...`, as some MTAs copy the SMTP
 * transcript into the field); or a piece a mail client's wrapping left at the line's start, between the field
 * and its folded lines (`... bloquee pour` / `incident` / `    de spam. ...`), or going on in lower case
 * (`incident de spam.`), the field's text not ended. Any other unindented line is not the field's.
 */
function continuesReply(last: Field, line: string, previous: string, next: string | undefined): boolean {
  if (last.name !== 'diagnostic-code') return false;
  // Right after the field's last piece, its text not ended.
  const open = !/[.!?)\]]$/.test(last.value) && previous.trimEnd().endsWith(last.value.slice(-24));
  const folded = next !== undefined && /^[ \t]+\S/.test(next);
  if (open && (folded || /^[a-zà-ÿ]/.test(line))) return true;
  const code = /(?:^|;\s*)([245]\d\d)-/.exec(last.value)?.[1];
  if (code === undefined || !line.startsWith(code) || !/^\d{3}[ -]/.test(line)) return false;
  // Only while the reply's last line read so far announces another (`550-`, not `550 `).
  return last.value.charCodeAt(last.value.lastIndexOf(code) + 3) === 45;
}

/**
 * The per-message block with a recipient's fields in it but no recipient (Boxbe's challenge notice:
 * `Reporting-MTA: dns; boxbe.com`, `Remote-MTA: dns; yahoo.com`, `Action: failed`, `Arrival-Date:`, then
 * the recipient's own block): not a recipient of its own.
 */
function perMessageWithStrayFields(fields: readonly Field[]): boolean {
  let reporting = false;
  for (const f of fields) {
    if (f.name === 'final-recipient' || f.name === 'original-recipient') return false;
    if (f.name === 'reporting-mta') reporting = true;
  }
  return reporting;
}

/** Whether a recipient's block so far names it and nothing more (no Action, Status, Diagnostic-Code). */
function namesOnly(fields: readonly Field[]): boolean {
  for (const f of fields)
    if (f.name === 'action' || f.name === 'status' || f.name === 'diagnostic-code') return false;
  return true;
}

/** The fields each recipient's block has once (RFC 3464 2.3), Final-Recipient apart. */
const ONCE_PER_RECIPIENT = new Set([
  'action',
  'status',
  'remote-mta',
  'diagnostic-code',
  'last-attempt-date',
]);

/** A part's fields as one string, to tell a part repeated word for word. */
function partKey(fields: readonly Field[]): string {
  return fields.map((f) => `${f.name}:${f.value}`).join('\n');
}

/**
 * A block that names no recipient but holds different Diagnostic-Codes (refusals pasted together, one
 * line each, their recipients' names left behind) cut before each field its part already has: one
 * part per refusal, as Final-Recipient would have cut them, a part repeated word for word kept once
 * (the same refusal pasted twice cannot be told from two recipients' equal refusals: one, as before);
 * null for any other block.
 */
function byRepeatedField(fields: Field[]): Field[][] | null {
  const diagnostics = new Set<string>();
  for (const f of fields) {
    if (f.name === 'final-recipient' || f.name === 'original-recipient') return null;
    if (f.name === 'diagnostic-code') diagnostics.add(f.value.trim());
  }
  if (diagnostics.size < 2) return null;
  const blocks: Field[][] = [];
  const keys = new Set<string>();
  let current: Field[] = [];
  const seen = new Set<string>();
  const endPart = () => {
    const key = partKey(current);
    if (!keys.has(key)) blocks.push(current);
    keys.add(key);
    current = [];
    seen.clear();
  };
  for (const f of fields) {
    if (ONCE_PER_RECIPIENT.has(f.name) && seen.has(f.name)) endPart();
    seen.add(f.name);
    current.push(f);
  }
  endPart();
  return blocks;
}

/**
 * The block cut before each Final-Recipient after its first: a copy that lost its blank lines (a paste
 * site's, a web mail's) runs the recipients' blocks together (byRepeatedField when it names none).
 */
function byRecipient(fields: Field[]): Field[][] {
  const unnamed = byRepeatedField(fields);
  if (unnamed) return unnamed;
  const blocks: Field[][] = [];
  let current: Field[] = [];
  let named = false;
  for (const f of fields) {
    if (f.name === 'final-recipient') {
      if (named) {
        blocks.push(current);
        current = [];
      }
      named = true;
    }
    current.push(f);
  }
  blocks.push(current);
  return blocks;
}

/** Adds one block of fields to `dsn`: a recipient's when it has a recipient field, else per-message. */
function addBlock(dsn: DeliveryStatus, fields: Field[]): void {
  const blocks = byRecipient(fields);
  if (blocks.length > 1) {
    for (const block of blocks) addBlock(dsn, block);
    return;
  }
  if (hasRecipientField(fields) && !perMessageWithStrayFields(fields)) {
    // A copy that put a blank line after each field (`Final-Recipient: ...`, blank, `Original-Recipient:
    // ...`, blank, `Action: failed` ...): the blocks after the recipient's name, up to the next
    // Final-Recipient, are still its own.
    const last = dsn.recipients.at(-1);
    if (last && namesOnly(last) && !fields.some((f) => f.name === 'final-recipient')) {
      for (const field of fields) last.push(field);
      for (const f of fields) if (PER_MESSAGE_FIELDS.has(f.name)) dsn.perMessage.push(f);
      return;
    }
    dsn.recipients.push(fields);
    // Some MTAs leave out the blank line between the per-message and the per-recipient fields.
    for (const f of fields) if (PER_MESSAGE_FIELDS.has(f.name)) dsn.perMessage.push(f);
  } else for (const f of fields) dsn.perMessage.push(f);
}

/**
 * True when a text's first block of fields is delivery-status fields, not a mail's header: a DSN
 * pasted alone (`Reporting-MTA: dns; ...` first), whose first block a mail parser takes for headers.
 */
export function isDeliveryStatusBlock(fields: readonly Field[]): boolean {
  const first = fields[0]?.name;
  return first !== undefined && (PER_MESSAGE_FIELDS.has(first) || RECIPIENT_FIELDS.has(first));
}

/** `dsn` with a first block read elsewhere (a pasted DSN's header block) put before its blocks. */
export function withFirstBlock(dsn: DeliveryStatus, fields: Field[]): DeliveryStatus {
  const first: DeliveryStatus = { perMessage: [], recipients: [] };
  addBlock(first, fields);
  return {
    perMessage: [...first.perMessage, ...dsn.perMessage],
    recipients: [...first.recipients, ...dsn.recipients],
  };
}

/** Parses a message/delivery-status body (or a plain-text copy of one). */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  return parseDeliveryStatusLines(splitLines(text));
}

/** `parseDeliveryStatus` on text already split into lines. */
export function parseDeliveryStatusLines(lines: readonly string[]): DeliveryStatus {
  const dsn: DeliveryStatus = { perMessage: [], recipients: [] };
  let i = 0;
  while (i < lines.length) {
    const { fields, end } = readFields(lines, i, true, continuesReply);
    i = end + 1;
    if (fields.length > 0) addBlock(dsn, fields);
  }
  return dsn;
}

const DSN_FIELD_LINE = /^(?:Final-Recipient|Diagnostic-Code|Reporting-MTA):/im;
const DSN_FIELD_AT = /(?:Final-Recipient|Diagnostic-Code|Reporting-MTA):/iy;

/** True when plain text carries DSN fields (some bounces paste them in the body). */
export function looksLikeDeliveryStatus(text: string): boolean {
  return DSN_FIELD_LINE.test(text);
}

/**
 * `looksLikeDeliveryStatus(lines.join('\n'))` without joining the lines (none holds CR or LF): each
 * line's start is tested in place, and only lines starting with F, D or R are tested at all. A line
 * holding U+2028 or U+2029 (which also start a line for `^`) is tested whole.
 */
export function looksLikeDeliveryStatusLines(lines: readonly string[]): boolean {
  for (const line of lines) {
    const first = line.charCodeAt(0) | 32;
    if (first === 102 || first === 100 || first === 114) {
      DSN_FIELD_AT.lastIndex = 0;
      if (DSN_FIELD_AT.test(line)) return true;
    }
    if ((line.includes('\u2028') || line.includes('\u2029')) && DSN_FIELD_LINE.test(line)) return true;
  }
  return false;
}
