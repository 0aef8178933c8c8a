/**
 * A reply found in a text (the one shape every wording's reader gives), and where it ends: before
 * the fields, headers or scissors line that follow it, or after a line longer than any wrap.
 */

import type { Note } from '../types';
import type { DotnetStatus } from './dotnet-status';
import { MAX_WRAP_WIDTH } from './hard-wrap';
import { isNonPublicIp, normalizeIp } from './ip';
import { beforeScissors } from './scissors';

export interface FoundReply {
  /** The reply as written (may span lines). */
  text: string;
  /** 0-based index, in the lines given, of the line where the reply starts. */
  lineIndex: number;
  remoteHost: string | null;
  remoteIp: string | null;
  /** 0-based index of the line naming the rejecting host, when seen. */
  remoteLineIndex: number | null;
  /**
   * 0-based index of the line naming the rejecting host's address, where another line than the host's
   * (a session's `Trying 192.0.2.1...` above its `Connected to mx.example.net.`).
   */
  remoteIpLineIndex?: number;
  recipient: string | null;
  /** How explicit the wording was: 1 names the host or quotes the reply, 2 is a transcript, 3 a bare code. */
  strength: 1 | 2 | 3;
  /** The envelope sender, where the text labels it beside the reply (a tracking log's `Sender :`). */
  sender?: string;
  /** When, where the text labels it beside the reply: `YYYY-MM-DDTHH:MM:SS` without a zone, and its line. */
  time?: { text: string; lineIndex: number };
  /**
   * A pasted session's greeting that writes a date with its zone (`220 mx.example.net ESMTP ... Thu, 26 Sep
   * 2019 10:51:20 +0000`), and its line.
   */
  greetedAt?: { text: string; lineIndex: number };
  /** The name the sending client gave in EHLO/HELO in a pasted session, and that line's index. */
  clientName?: { name: string; lineIndex: number };
  /**
   * The sending client's address, as the remote's answer to EHLO gave it in a pasted session, and that line's
   * index.
   */
  clientIp?: { ip: string; lineIndex: number };
  /** The basic code a client's words give for a reply it quoted without it (dotnet-status.ts). */
  statedCode?: DotnetStatus;
  /**
   * A mail client's error quotes the reply without its code (Thunderbird's `The mail server responded:
   * ...`, which it says only of a refusal): a refusal even with no code at all.
   */
  refusalWithoutCode?: true;
  /** What the text the reply was read in did to it (a report that shortened it), said beside it. */
  note?: Note;
}

/**
 * A delivery-status field on a line of its own after the reply: the notice went on without a blank
 * line (a Postfix notice pasted with its report, Oracle Messaging Server's `Remote system:` line), or
 * the returned copy's headers, or the line announcing them (1&1's `--- The header of the original
 * message is following. ---`), or Postal's `Time:` and `Support Ref:` lines, or a Chinese notice's next
 * label (Coremail's `建议:`, its advice).
 */
const FIELD_AFTER_REPLY =
  /\n[ \t]{0,12}(?:(?:Reporting-MTA|X-Postfix-Queue-ID|X-Postfix-Sender|Arrival-Date|Final-Recipient|Original-Recipient|Action|Status|Remote-MTA|Diagnostic-Code|Last-Attempt-Date|Received-From-MTA|Remote system|Received|Return-Path|Content-Type|MIME-Version|Time|Support Ref)[ \t]{0,4}:|[\u3400-\u9fff]{2,10}[ \t]{0,2}[:：]|-{3,}[ \t]?[A-Za-z][^\n]{0,100}-{3,}[ \t]*(?:\n|$))/i;

/** A found reply (one object shape for every wording), without the fields that follow it. */
export function reply(
  text: string,
  lineIndex: number,
  remoteHost: string | null,
  remoteIp: string | null,
  remoteLineIndex: number | null,
  recipient: string | null,
  strength: 1 | 2 | 3,
): FoundReply {
  const field = text.includes('\n') ? FIELD_AFTER_REPLY.exec(text) : null;
  // A writer's scissors line under the pasted notice closes it (scissors.ts).
  let own = beforeScissors(field ? text.slice(0, field.index) : text);
  const after = own.includes('\n') ? endAfterLongLine(own) : -1;
  if (after >= 0) own = own.slice(0, after);
  return { text: own, lineIndex, remoteHost, remoteIp, remoteLineIndex, recipient, strength };
}

/**
 * Where the reply ends when a line at the margin follows one longer than any wrap: a reply goes on
 * over indented lines (a notice's) or over the lines a wrap cut, never after a line nothing cut (the
 * lines a user pasted below a one-line reply: a blocklist's explanation, the next command's output).
 */
function endAfterLongLine(text: string): number {
  // A line going on with the reply's own code (`550-5.7.25 ...`: its lines joined as a wrap left them).
  const code = /^[245]\d\d[ -]/.test(text) ? text.slice(0, 3) : null;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    const next = text.charCodeAt(nl + 1);
    const goesOn = code !== null && text.startsWith(code, nl + 1);
    if (nl - start > MAX_WRAP_WIDTH && next !== 32 && next !== 9 && !Number.isNaN(next) && !goesOn) return nl;
    start = nl + 1;
  }
  return -1;
}

/**
 * The client's address a session's EHLO answer gave (FoundReply.clientIp), normalised, when it is a
 * public one and so may be the sending IP; else null.
 */
export function publicClientIp(clientIp: FoundReply['clientIp']): { ip: string; lineIndex: number } | null {
  const ip = clientIp ? normalizeIp(clientIp.ip) : null;
  return clientIp && ip && !isNonPublicIp(ip) ? { ip, lineIndex: clientIp.lineIndex } : null;
}
