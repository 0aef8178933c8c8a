/**
 * The reply of a bounce's incident: the Diagnostic-Code (or Exchange's X-Supplementary-Info), else
 * the body's reply, the whole of it when the notice's text has more lines than the field kept; the
 * sending IPs and hosts the reply names; the DSN's Status when it agrees with the reply.
 */

import type { Incident } from '../../types';
import type { FoundReply } from '../body-replies';
import { findClientHosts } from '../client-ip';
import { exchangeInnerReply } from '../exchange-wrapper';
import { fullerReply, startsWithWhole } from '../fuller-reply';
import { gmailConnectReply } from '../gmail-connect-reply';
import { type Field, fieldValue, stripType } from '../header-block';
import { addUnique, applyReply } from '../incident';
import { parseReply } from '../reply';
import type { Plan } from './message-plans';
import type { RefOf } from './message-sender';

const X_UNIX = /^\s{0,8}x-unix\s{0,8};/i;

/**
 * Exchange 2003-2010 (and Hotmail) write the remote's reply in `X-Supplementary-Info` instead of a
 * Diagnostic-Code: `<mx.example.net #5.1.1 smtp;550-5.1.1 The email account ...>`, `< #5.5.0 smtp;550
 * Requested action not taken ...>`. The reply after `smtp;` is read as the Diagnostic-Code would be.
 */
const SUPPLEMENTARY_REPLY =
  /^<\s{0,4}(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}\s{1,4})?#[245]\.\d{1,3}\.\d{1,3}\s{1,4}(smtp;\s{0,4}[245]\d\d[\s-][\s\S]{0,4000}?)>?\s*$/i;

function supplementaryInfo(dsn: readonly Field[]): Field | null {
  const field = fieldValue(dsn, 'x-supplementary-info');
  const reply = field ? SUPPLEMENTARY_REPLY.exec(field.value)?.[1] : undefined;
  return field && reply ? { ...field, value: reply } : null;
}

/** A reply's first line that announces more lines (`550-5.1.1 ...`). */
const ANNOUNCES_MORE = /^\s{0,8}[245]\d\d-/;

export function fillReply(
  incident: Incident,
  { dsn, body }: Plan,
  replies: readonly FoundReply[],
  bodyLines: string[],
  refOf: RefOf,
): void {
  const diag = dsn ? (fieldValue(dsn, 'diagnostic-code') ?? supplementaryInfo(dsn)) : null;
  // `X-Unix; 255` is the exit status of a local program Sendmail piped the message to (RFC 3464's
  // diagnostic-type names the kind of code), not an SMTP reply: 255 is no reply code.
  // Gmail's words about a connection refused hold the remote's reply in brackets (gmail-connect-reply.ts).
  const typed = diag ? stripType(diag.value) : '';
  const diagText = gmailConnectReply(typed) ?? typed;
  const fromDiag = diag && !X_UNIX.test(diag.value) ? parseReply(diagText) : null;
  // The body's reply counts only when the Diagnostic-Code has no code: parsed only then.
  const fromBody = body && fromDiag?.reply.code == null ? parseReply(body.text) : null;
  let chosen = fromDiag?.reply.code != null || !fromBody?.reply.code ? (fromDiag ?? fromBody) : fromBody;
  const rcpt = dsn ? stripType(fieldValue(dsn, 'final-recipient')?.value ?? '') : (body?.recipient ?? '');
  // Sendmail cuts a multi-line reply to its first line (`550-5.1.1 ... Please try`) in the
  // Diagnostic-Code; its transcript (`<<< 550-...` to `<<< 550 ...`) has it whole.
  // A Diagnostic-Code whose folded lines lost their indent when pasted is cut after its first line,
  // while the notice's text (`host X said: ...`) has the reply whole: the longer one that starts with
  // all of it.
  const fuller = chosen === fromDiag && diagText !== '' ? fullerReply(diagText, replies, rcpt || null) : null;
  const whole =
    fuller &&
    (ANNOUNCES_MORE.test(diagText) ||
      (diag !== null && lostIndent(bodyLines, diag.firstLine) && startsWithWhole(fuller.text, diagText)))
      ? fuller
      : null;
  const wholeReply = whole ? parseReply(whole.text) : null;
  if (whole && wholeReply?.reply.code === fromDiag?.reply.code) chosen = wholeReply;
  if (chosen) {
    applyReply(incident, chosen);
    if (chosen === wholeReply && whole) refOf(incident, 'reply', bodyLines[whole.lineIndex]);
    else if (chosen === fromDiag && diag) refOf(incident, 'reply', diag.firstLine);
    else if (body) refOf(incident, 'reply', bodyLines[body.lineIndex]);
    for (const ip of chosen.linkIps) addUnique(incident.sendingIps, ip);
    if (chosen.linkIps.length > 0) incident.sources.sendingIps = incident.sources.reply;
    if (chosen.orange) incident.sources.orange = incident.sources.reply;
    const text =
      chosen === wholeReply && whole
        ? whole.text
        : chosen === fromDiag && diag
          ? diagText
          : (body?.text ?? '');
    // The client's name, where the reply writes it beside the client's address.
    for (const host of findClientHosts(text)) {
      addUnique(incident.sendingHosts, host);
      incident.sources.sendingHosts ??= incident.sources.reply;
    }
    if (chosen.linkIps.length === 0) {
      const fuller = fullerReply(text, replies, rcpt || null);
      for (const ip of fuller ? parseReply(fuller.text).linkIps : []) {
        addUnique(incident.sendingIps, ip);
        refOf(incident, 'sendingIps', bodyLines[fuller?.lineIndex ?? 0]);
      }
      for (const host of fuller ? findClientHosts(fuller.text) : []) {
        addUnique(incident.sendingHosts, host);
        refOf(incident, 'sendingHosts', bodyLines[fuller?.lineIndex ?? 0]);
      }
    }
  }
  const status = dsn ? fieldValue(dsn, 'status') : null;
  const statusCode = /^([245])\.\d{1,3}\.\d{1,3}/.exec(status?.value ?? '')?.[0] ?? null;
  // The DSN's Status: counts only when it agrees with the reply's class: Postfix writes 4.0.0 for a
  // 550 greeting refusal, a code the remote server never sent (../shared/notes/orange.md, Postfix trap).
  // Nor, for Orange's reply, the bare class (X.0.0, "undefined status") that Postfix writes for a reply
  // without an enhanced code: Orange's connection-level refusals carry none (`421 ... OFR_999 [999]`,
  // ../shared/notes/orange.md), and a ticket must quote what Orange said. Stalwart spells such a reply's
  // code digit by digit instead (550 -> 5.5.0, crates/smtp/src/queue/dsn.rs): no more Orange's.
  const bareClass =
    statusCode !== null &&
    incident.orange !== null &&
    (/^\d\.0\.0$/.test(statusCode) || statusCode === [...String(incident.reply.code)].join('.'));
  // Nor when Exchange's own status wraps the remote's reply (`550 5.1.351 Remote server returned unknown
  // recipient or mailbox unavailable -> 550 : User unknown`): its Status: is that summing-up of Exchange's,
  // 5.1.351, a code the remote never sent (Sisimai's lhost-office365-04, found by audit60).
  const exchangeOwn = exchangeInnerReply(diagText) !== null;
  if (!incident.reply.enhanced && statusCode && !bareClass && !exchangeOwn) {
    const code = incident.reply.code;
    if (code === null || String(code)[0] === statusCode[0]) incident.reply.enhanced = statusCode;
  }
}

/** A field, or a MIME boundary: the line after a field that is no part of it. */
const NOT_CONTINUED = /^(?:[A-Za-z][A-Za-z0-9_-]{0,76}:|--|\s*$)/;

/**
 * True when the line after the field's first line in the body goes on with its value without the
 * indent that folds it (`Diagnostic-Code: smtp; 550 ... Client host` / `[192.0.2.1] blocked using ...`).
 */
function lostIndent(bodyLines: readonly string[], firstLine: string): boolean {
  const at = bodyLines.indexOf(firstLine);
  const next = at >= 0 ? bodyLines[at + 1] : undefined;
  return next !== undefined && !/^[ \t]/.test(next) && !NOT_CONTINUED.test(next);
}
