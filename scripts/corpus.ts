/**
 * `npm run corpus -- ../shared/corpus [--list]`: runs the extraction engine over the real corpus.
 * - set-of-emails: every file must parse without an exception; reply code, enhanced code, rejecting
 *   host and date are compared with sisimai-reference.jsonl (Debian's Sisimai 4.25 output), counting
 *   agreement where Sisimai found a value, the fields we find where Sisimai has none, and the cases
 *   where Sisimai is wrong (classified, printed apart). `--list` prints every disagreement.
 * - orange/*.txt and logs/*.log: prints what was found per file.
 * Exit code 1 when a file throws or agreement (where Sisimai is right) is below 98%.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFiles } from '../cli/io';
import { parseDate } from '../core/extract/dates';
import { isLocalTargetStatus, isMailerExitStatus } from '../core/extract/formats/message-local-mailer';
import { extractBytes } from '../core/extract/index';
import { isMaskedDomain } from '../core/extract/redaction';
import type { Incident } from '../core/types';

const TARGET = 98;
/**
 * Dates agree within a minute: with no DSN date, Sisimai reads the bounce's Date or the returned
 * message's Date depending on the MTA module; both date the same event, seconds apart.
 */
const DATE_TOLERANCE = 60;
const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';
const listAll = args.includes('--list');

interface SisimaiResult {
  senderdomain: string;
  replycode: string;
  deliverystatus: string;
  rhost: string;
  timestamp: string;
  destination: string;
  recipient: string;
  reason: string;
  diagnosticcode: string;
}

type FieldKey = 'code' | 'enhanced' | 'rhost' | 'date';
interface Tally {
  withValue: number;
  agree: number;
  sisimaiWrong: number;
  weFoundSisimaiEmpty: number;
  sisimaiEmpty: number;
  convention: number;
}
const tallies: Record<FieldKey, Tally> = {
  code: { withValue: 0, agree: 0, sisimaiWrong: 0, weFoundSisimaiEmpty: 0, sisimaiEmpty: 0, convention: 0 },
  enhanced: {
    withValue: 0,
    agree: 0,
    sisimaiWrong: 0,
    weFoundSisimaiEmpty: 0,
    sisimaiEmpty: 0,
    convention: 0,
  },
  rhost: { withValue: 0, agree: 0, sisimaiWrong: 0, weFoundSisimaiEmpty: 0, sisimaiEmpty: 0, convention: 0 },
  date: { withValue: 0, agree: 0, sisimaiWrong: 0, weFoundSisimaiEmpty: 0, sisimaiEmpty: 0, convention: 0 },
};
const disagreements: string[] = [];
const sisimaiWrong: string[] = [];
const conventions: string[] = [];
/** Files where Sisimai returned nothing and we found incidents, per folder (mac/ is CR-only). */
const sisimaiNothing = new Map<string, number>();
const failures: string[] = [];

function pickIncident(incidents: Incident[], r: SisimaiResult, index: number): Incident | null {
  // Several recipients of one domain: the incident whose reply or recipient line names the address.
  const rcpt = r.recipient.toLowerCase();
  if (rcpt) {
    const named = incidents.filter(
      (i) =>
        i.reply.text.toLowerCase().includes(rcpt) ||
        (i.sources.recipientDomain?.text.toLowerCase().includes(rcpt) ?? false),
    );
    if (named.length === 1) return named[0] ?? null;
  }
  const dest = r.destination.toLowerCase();
  const same = incidents[index];
  if (same && same.recipientDomain === dest) return same;
  return incidents.find((i) => i.recipientDomain === dest) ?? same ?? incidents[0] ?? null;
}

/** Sisimai's diagnostic without Sendmail's delay warning it runs into (`... Warning: message still undelivered`). */
const withoutDelayWarning = (diagnostic: string) =>
  diagnostic.replace(/\s{1,4}Warning: message still undelivered\b[^\n]{0,200}$/, '');

/** Why Sisimai's value is wrong for this mail, or null when it may be right. */
function sisimaiWrongReason(
  field: FieldKey,
  value: string,
  raw: string,
  ours: Incident | null,
  r: SisimaiResult,
): string | null {
  // Sendmail's status line for its local mailer's exit (`554 5.3.0 unknown mailer error 255` over
  // `Diagnostic-Code: X-Unix; 255`; core/extract/formats/message-local-mailer.ts), which Sisimai itself
  // files as a mailer error: no server replied, neither the code nor the DSN's Status is a reply's.
  if (
    (field === 'code' || field === 'enhanced') &&
    r.reason === 'mailererror' &&
    /^Diagnostic-Code:\s*X-Unix;\s*\d{1,3}\s*$/im.test(raw) &&
    isMailerExitStatus(withoutDelayWarning(r.diagnosticcode)) &&
    ours?.reply.code === null
  )
    return `${value} is from Sendmail's own status for its local mailer's exit ("${withoutDelayWarning(r.diagnosticcode)}", Diagnostic-Code: X-Unix): no server replied`;
  // The same status naming the program or file itself, without a Diagnostic-Code (Sisimai's rfc3464-04).
  if (
    (field === 'code' || field === 'enhanced') &&
    r.reason === 'mailererror' &&
    isLocalTargetStatus(r.diagnosticcode) &&
    ours?.reply.code === null
  )
    return `${value} is from Sendmail's own status for its delivery to a program or file of its own machine ("${r.diagnosticcode.slice(0, 120)}"): no server replied`;
  if (field === 'enhanced') {
    if (/^\d\.0\.9\d\d$/.test(value)) return `invented x.0.9NN code ${value}`;
    if (!raw.includes(value)) return `enhanced code ${value} appears nowhere in the mail`;
    const code = ours?.reply.code;
    if (
      code &&
      value[0] !== String(code)[0] &&
      new RegExp(`^Status:\\s*${value.replace(/\./g, '\\.')}`, 'im').test(raw)
    )
      return `${value} is the MTA's Status: field, contradicted by the ${code} reply (Postfix trap)`;
  }
  if (field === 'date' && ours?.occurredAt) {
    // Sisimai sometimes reads the wall-clock time as UTC and drops the written offset; unless another
    // date of the mail says that very time in UTC (then it read that one: two dates, not an error).
    const wallClockAsUtc = Date.parse(`${ours.occurredAt.slice(0, 19)}Z`) / 1000;
    if (
      String(wallClockAsUtc) === value &&
      !ours.occurredAt.endsWith('+00:00') &&
      writtenDateNear(raw, Number(value)) === null
    )
      return `Sisimai dropped the ${ours.occurredAt.slice(19)} offset written in the mail`;
  }
  if (field === 'code' && !raw.includes(value)) return `reply code ${value} appears nowhere in the mail`;
  if (field === 'code') {
    const joined = raw.replace(/=\r?\n/g, '');
    // Amazon's `554 4.4.7 Message expired: ...<421 4.4.2 Connection timed out>`: its own note of a timeout.
    if (
      new RegExp(`Message expired[^<]{0,200}<${value} 4\\.4\\.\\d (?:Connection timed out|Unable to)`).test(
        joined,
      )
    )
      return `${value} is the sending service's own note of a timeout inside its "Message expired": no server replied`;
    // (Compared with the incident of the same rank when we have none for it: ours is another event.)
    // Exchange's own failure to connect, quoted as if a server had said it (an earlier attempt's).
    if (new RegExp(`'${value} 4\\.4\\.\\d Error (?:encountered while )?communicating with`).test(joined))
      return `${value} is Exchange's own failure to connect ("Error encountered while communicating with primary target"): no server replied`;
    // Sendmail's status for its local delivery program's failure (`maildrop: maildir over quota.` then
    // `550 5.0.0 <rcpt>... Insufficient permission`), the program's exit status in `X-Unix; 77`.
    if (
      /^Diagnostic-Code:\s*X-Unix;\s*\d{1,3}\s*$/im.test(raw) &&
      new RegExp(`^${value}(?: \\d\\.\\d{1,3}\\.\\d{1,3})? <?[^\\s<>]+>?\\.\\.\\. `).test(r.diagnosticcode)
    )
      return `${value} is Sendmail's own status for its local delivery program's failure (Diagnostic-Code: X-Unix, an exit status): no server replied`;
    // Hotmail's notice of 2014 (no Remote-MTA): its own words that it reached no server of the domain.
    if (
      new RegExp(
        `^${value} The mail could not be delivered to the recipient because the domain is not reachable`,
        'm',
      ).test(joined.replace(/^Diagnostic-Code:\s*smtp;\s*/gim, ''))
    )
      return `${value} is Hotmail's own "the domain is not reachable" (it reached no server of the domain): no server replied`;
    if (/\bHost unknown\b/.test(r.diagnosticcode) && !ours?.reply.text.includes('Host unknown'))
      return `${value} is Sendmail's own "Host unknown" (a DNS failure): no server replied`;
  }
  if (field === 'rhost') {
    // A quoted-printable soft break may cut the name (`Reporting-MTA: dsn; a27=` / `-130.smtp-out...`).
    const lower = raw.replace(/=\r?\n/g, '').toLowerCase();
    const v = value.toLowerCase();
    if (!lower.includes(v)) return `host ${value} appears nowhere in the mail`;
    // Sendmail's `550 Host unknown (Name server: x: host not found)` is its own DNS failure: its
    // Remote-MTA then names what it looked up (the recipient's domain, a relay), no server that refused.
    if (/\bHost unknown\b/.test(r.diagnosticcode) && !ours?.remoteHost && !ours?.reply.text)
      return `${value} is the name Sendmail looked up ("Host unknown": the DNS gave no such host), not a server that refused`;
    // A loopback address is the sending machine talking to itself (a local filter), never the remote.
    if (ours?.remoteHost && /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/.test(v))
      return `${value} is a loopback address (a local filter's hop); the remote that refused is ${ours.remoteHost}`;
    // MailMarshal's `Reporting-MTA: <rr1.example.com>` is itself; its `Remote-MTA: <IP>` the server that replied.
    const bracketed = new RegExp(`^Reporting-MTA:\\s*<${v.replace(/[.]/g, '\\.')}>\\s*$`, 'im');
    if (ours?.remoteIp && bracketed.test(lower) && /^Remote-MTA:/i.test(ours.sources.remoteIp?.text ?? ''))
      return `${value} is MailMarshal's own Reporting-MTA, the side that wrote the notice; the server that replied is its Remote-MTA ${ours.remoteIp}`;
    const receivedBy = new RegExp(`\\bby\\s{1,8}${v.replace(/[.]/g, '\\.')}\\b`, 'i').test(raw);
    if ((ours?.remoteHost || ours?.remoteIp) && (ours.sendingHosts.includes(v) || receivedBy))
      return `${value} is the sending side's own MTA, not the rejecting host`;
    if (
      /^feedback-type:/im.test(raw) &&
      new RegExp(`^source-ip:\\s*${v.replace(/[.]/g, '\\.')}`, 'im').test(raw)
    )
      return `ARF report: ${value} is the reported Source-IP (the sender), not a rejecting host`;
    // (The two below only where no convention of Sisimai's explains the difference: conventionDiffers.)
    if (conventionDiffers(field, value, raw, ours) !== null) return null;
    // Sendmail's own DNS failure again, when its notice says `Name server: example.co.jp.: host name lookup
    // failure`.
    if (/\bhost name lookup failure\b/i.test(raw) && !ours?.remoteHost && !ours?.reply.text)
      return `${value} is the name Sendmail looked up ("host name lookup failure"), not a server that refused`;
    // The notice's writer (its Reporting-MTA) is the side that tried, when the notice names the server it
    // tried (Gmail's `[nora.nyaan.jp 192.0.2.222: timed out]`): that server is the remote.
    const reporting = new RegExp(`^Reporting-MTA:\\s*dns;\\s*${v.replace(/[.]/g, '\\.')}\\s*$`, 'im');
    if (ours?.remoteHost && ours.remoteHost !== v && reporting.test(lower))
      return `${value} is the Reporting-MTA, the side that wrote the notice; the server it tried is ${ours.remoteHost}`;
  }
  return null;
}

/**
 * With several recipients, Sisimai sometimes gives one recipient another recipient's reply: its
 * diagnostic names a different address, while our incident's reply names the right one.
 */
function mixedRecipients(field: FieldKey, r: SisimaiResult, ours: Incident | null): string | null {
  if (field !== 'code' && field !== 'enhanced') return null;
  const rcpt = r.recipient.toLowerCase();
  const named = [...r.diagnosticcode.toLowerCase().matchAll(/<([^<>\s]{1,320}@[^<>\s]{1,253})>/g)].map(
    (m) => m[1],
  );
  if (!rcpt || named.length === 0 || named.includes(rcpt)) return null;
  if (!ours?.reply.text.toLowerCase().includes(rcpt)) return null;
  return `Sisimai gave ${r.recipient} the reply of ${named[0]}; ours is the reply naming ${r.recipient}`;
}

/**
 * Mails we give no incident for, on purpose, that Sisimai reports: notices that carry no SMTP refusal (a
 * mailing list's "you are not a member", its loop alert, an auto-reply giving a new address), which
 * Sisimai files under its own x.0.9NN classes, and Postfix's local decisions (`Diagnostic-Code: X-Postfix;
 * unknown user`).
 */
function noIncidentByDesign(r: SisimaiResult, raw: string, ours: Incident | null): string | null {
  if (ours) return null;
  // A mailing list manager's notice (fml: `X-MLServer:`) or an auto-reply (`Auto-Submitted: auto-replied`).
  const listOrAutoReply = /^(?:X-MLServer:|Auto-Submitted:\s{0,4}auto-replied)/im.test(raw);
  if (listOrAutoReply && /^\d\.0\.9\d\d$/.test(r.deliverystatus))
    return `a mailing list's notice or an auto-reply, no SMTP refusal ("${r.diagnosticcode.slice(0, 50)}"; Sisimai's own class ${r.deliverystatus}): no incident by design`;
  if (/^Subject:\s{0,4}Postfix SMTP server: errors from\b/im.test(raw))
    return "Postfix's report to its postmaster of an incoming session's errors (its own Out: replies): no incident by design";
  if (/^Diagnostic-Code:\s{0,4}X-Postfix;/im.test(raw))
    return "Postfix's own local decision (X-Postfix): no remote server refused, no incident by design";
  return null;
}

/** Sisimai also reports auto-replies and abuse reports; we extract delivery refusals only. */
function notABounce(r: SisimaiResult): string | null {
  if (r.reason === 'delivered') return 'a delivery notification (2xx), not a refusal: no incident by design';
  if (r.reason === 'vacation') return 'an auto-reply (RFC 3834), not a bounce: no incident by design';
  if (r.reason === 'feedback')
    return 'an abuse report (ARF), not a refusal: Sisimai reports it, we do not compare it';
  return null;
}

/**
 * Sisimai's conventions that are not errors but answer another question: with no remote host named in
 * the mail, it reports the bounce's origin (Reporting-MTA or the first Received host). We leave the
 * rejecting host empty then, and say so.
 */
function conventionDiffers(
  field: FieldKey,
  value: string,
  raw: string,
  ours: Incident | null,
): string | null {
  if (field === 'enhanced' && ours?.reply.enhanced && ours.reply.text.includes(ours.reply.enhanced)) {
    const status = new RegExp(`^Status:\\s*${value.replace(/\./g, '\\.')}\\b`, 'im');
    if (status.test(raw) && !ours.reply.text.includes(value))
      return `the reply itself says ${ours.reply.enhanced}; Sisimai took the DSN's Status: ${value}`;
  }
  if (field === 'enhanced' && ours?.reply.enhanced) {
    const mine = ours.reply.enhanced.replace(/\./g, '\\.');
    const onStatus = new RegExp(`^Status:\\s*${mine}\\b`, 'im').test(raw);
    // SES writes a label of its own before the remote's words (`smtp; 5.3.0 - Other mail system problem 550-...`).
    if (
      onStatus &&
      new RegExp(`Diagnostic-Code:[^\\n]{0,20}smtp;\\s{0,2}${value.replace(/\./g, '\\.')} - `, 'i').test(raw)
    )
      return `Sisimai took ${value}, the label the reporting MTA wrote before the remote's words (which have no enhanced code); we keep the DSN's Status: ${ours.reply.enhanced}`;
    if (onStatus && !new RegExp(`^Status:\\s*${value.replace(/\./g, '\\.')}\\b`, 'im').test(raw))
      return `the DSN's Status: says ${ours.reply.enhanced}; Sisimai took ${value} from another line (an earlier attempt)`;
  }
  // Exchange's own summing-up around the remote's reply (`550 5.1.351 Remote server returned unknown
  // recipient or mailbox unavailable -> 550 : User unknown`), also its DSN's Status: the remote's words,
  // after the arrow, have no enhanced code.
  if (
    field === 'enhanced' &&
    ours &&
    !ours.reply.enhanced &&
    new RegExp(`^Status:\\s*${value.replace(/\./g, '\\.')}\\b`, 'im').test(raw) &&
    new RegExp(
      `Diagnostic-Code:[^\\n]{0,20};\\s{0,2}\\d{3} ${value.replace(/\./g, '\\.')} [^\\n]{0,200} -> \\d{3}`,
      'i',
    ).test(raw)
  )
    return `${value} is Exchange's own status around the remote's reply ("... -> ${ours.reply.code ?? ''} ..."), which has no enhanced code`;
  // qmail writes its own status after the remote's reply (`. (#5.5.0)`): Sisimai takes it; we keep the
  // reply's enhanced code, which it does not have.
  if (field === 'enhanced' && ours && !ours.reply.enhanced && raw.includes(`(#${value})`))
    return `${value} is qmail's own status after the reply ("(#${value})"), not the remote's: the reply has no enhanced code`;
  if (field === 'enhanced' && ours?.orange && !ours.reply.enhanced && /^\d\.0\.0$/.test(value)) {
    const status = new RegExp(`^Status:\\s*${value.replace(/\./g, '\\.')}\\b`, 'im');
    if (status.test(raw))
      return `Orange's reply carries no enhanced code; ${value} is the MTA's Status: field (the class only)`;
  }
  if (
    field === 'code' &&
    ours &&
    ours.reply.code === null &&
    /^[45]\.4\.31\d$/.test(ours.reply.enhanced ?? '')
  )
    return `Exchange wrote ${value} ${ours.reply.enhanced} itself (it could not reach the remote): no reply to quote, said in a note`;
  // Sendmail writes `550 Host unknown` (its DNS lookup failed) and `426 connection timed out` (426 is no
  // SMTP code) itself: no server answered.
  if (
    field === 'code' &&
    ours &&
    ours.reply.code === null &&
    /^Diagnostic-Code:[^\n]{0,20};\s{0,2}(?:550 Host unknown|426 connection timed out)\s*$/im.test(raw)
  )
    return `Sendmail wrote ${value} itself (no server answered: its DNS lookup or connection failed): no reply to quote, said in a note`;
  if (field === 'rhost' && ours?.remoteHost && /^Remote-MTA:/i.test(ours.sources.remoteHost?.text ?? ''))
    if (raw.toLowerCase().includes(value.toLowerCase()))
      return `the mail names two: we read the DSN's Remote-MTA (${ours.remoteHost}), Sisimai the notice's text (${value})`;
  if (
    field === 'rhost' &&
    ours?.remoteIp &&
    raw.includes(`Giving up on ${value}`) &&
    raw.includes(`${ours.remoteIp} does not like recipient`)
  )
    return `qmail names two hosts: the one that refused (${ours.remoteIp} does not like recipient) and the last it tried (Giving up on ${value})`;
  // Exchange's own "550 5.4.316 Message expired" after failed connections: Sisimai names the Exchange
  // server that wrote it (`Server at SG2APC01HT007... returned '550 5.4.316'`), we the server it could not reach.
  if (
    field === 'rhost' &&
    ours?.remoteHost &&
    ours.reply.code === null &&
    /^[45]\.4\.31\d$/.test(ours.reply.enhanced ?? '') &&
    raw.toLowerCase().includes(`server at ${value.split('.')[0]?.toLowerCase()}.`)
  )
    return `${value} is the Exchange server that wrote its own "Message expired"; the server it could not reach is ${ours.remoteHost}`;
  if (field === 'rhost' && !ours?.remoteHost && isMaskedDomain(value))
    return `${value} is what the mail's redaction left of the host's name: we leave the field to fill in`;
  if (field === 'date') {
    // A notice dated days before the message it returns: one of the two clocks is wrong, which one the
    // mail cannot tell; we leave the date to fill in, with a note giving both (message-date.ts).
    if (ours && !ours.occurredAt && ours.assumptions.some((a) => a.code === 'date.notice-before-message'))
      return "the notice is dated more than a day before the message it returns: we leave the date to fill in and say why; Sisimai took the returned message's Date";
    if (!ours?.occurredAt) return null;
    const from = ours.sources.occurredAt?.text ?? '';
    if (/^(?:Arrival|Last-Attempt)-Date:/i.test(from))
      return `we read the DSN's own "${from.slice(0, 60)}"; Sisimai read another date of the mail`;
    // Both are dates written in the mail (the bounce's Date, the returned message's Date...).
    const theirs = writtenDateNear(raw, Number(value));
    return theirs
      ? `Sisimai read "${theirs.slice(0, 50)}", we read "${from.slice(0, 50)}": two dates written in the mail`
      : null;
  }
  if (field !== 'rhost' || ours?.remoteHost || ours?.remoteIp) return null;
  const v = value.toLowerCase();
  const head = raw.slice(0, Math.max(raw.search(/\r?\n\r?\n|\r\r/), 0)).toLowerCase();
  const reporting = new RegExp(
    `^(?:reporting-mta|received-from-mta):[^\\n]{0,20}${v.replace(/[.]/g, '\\.')}`,
    'im',
  );
  const receivedFrom = new RegExp(`^Received:\\s{1,8}from\\s{1,8}${v.replace(/[.]/g, '\\.')}\\b`, 'im').test(
    raw,
  );
  if (reporting.test(raw) || head.includes(v) || receivedFrom || ours?.sendingHosts.includes(v))
    return `no remote host is named; Sisimai reports the bounce's origin ${value}`;
  return null;
}

/** The mail's date field that says `seconds` (within the tolerance), or null. */
function writtenDateNear(raw: string, seconds: number): string | null {
  for (const m of raw.matchAll(/^(?:Date|Arrival-Date|Last-Attempt-Date):[ \t]*([^\r\n]{10,80})/gim)) {
    const parsed = parseDate(m[1] ?? '');
    if (parsed && Math.abs(Date.parse(parsed.iso) / 1000 - seconds) <= DATE_TOLERANCE) return m[0];
  }
  return null;
}

function compare(file: string, raw: string, incidents: Incident[], results: SisimaiResult[]): void {
  results.forEach((r, index) => {
    const ours = pickIncident(incidents, r, index);
    const values: Record<FieldKey, [string, string]> = {
      code: [r.replycode, ours?.reply.code != null ? String(ours.reply.code) : ''],
      enhanced: [r.deliverystatus, ours?.reply.enhanced ?? ''],
      rhost: [
        r.rhost.toLowerCase(),
        /^[\d.:a-f]+$/i.test(r.rhost) ? (ours?.remoteIp ?? ours?.remoteHost ?? '') : (ours?.remoteHost ?? ''),
      ],
      date: [r.timestamp, ours?.occurredAt ? String(Date.parse(ours.occurredAt) / 1000) : ''],
    };
    for (const key of Object.keys(values) as FieldKey[]) {
      const [theirs, mine] = values[key];
      const t = tallies[key];
      if (!theirs) {
        t.sisimaiEmpty++;
        if (mine) t.weFoundSisimaiEmpty++;
        continue;
      }
      // Dates a few seconds apart agree (DATE_TOLERANCE): checked first, so that no explanation is
      // looked for where there is no disagreement.
      const same =
        theirs === mine ||
        (key === 'date' && mine !== '' && Math.abs(Number(mine) - Number(theirs)) <= DATE_TOLERANCE);
      const wrong = same
        ? null
        : (mixedRecipients(key, r, ours) ?? sisimaiWrongReason(key, theirs, raw, ours, r));
      if (wrong) {
        t.sisimaiWrong++;
        sisimaiWrong.push(`${file} [${key}] sisimai=${theirs} ours=${mine || '-'}: ${wrong}`);
        continue;
      }
      const convention = same
        ? null
        : (notABounce(r) ?? noIncidentByDesign(r, raw, ours) ?? conventionDiffers(key, theirs, raw, ours));
      if (convention) {
        t.convention++;
        conventions.push(`${file} [${key}] sisimai=${theirs} ours=${mine || '-'}: ${convention}`);
        continue;
      }
      t.withValue++;
      if (same) t.agree++;
      else disagreements.push(`${file} #${index} [${key}] sisimai=${theirs} ours=${mine || '-'}`);
    }
  });
}

/**
 * Two more ticket fields Sisimai reports, compared for information (no target): the recipient domain
 * (its `destination`) and the sending domain (its `senderdomain`, the domain of the returned message's
 * From). Ours is the envelope sender first, as the abuse desk wants; where the mail gives the envelope
 * sender and it differs from From, the difference is that convention, not an error.
 */
const domainTallies = {
  recipient: {
    compared: 0,
    agree: 0,
    oursEmpty: 0,
    convention: 0,
    wrong: [] as string[],
    differ: [] as string[],
  },
  sender: {
    compared: 0,
    agree: 0,
    oursEmpty: 0,
    convention: 0,
    wrong: [] as string[],
    differ: [] as string[],
  },
};

/**
 * Why Sisimai's recipient domain is wrong for this mail, or null: a bare host name (Postfix's
 * `Final-Recipient: rfc822; user@mailhub0` after an alias expansion) is no domain; a domain no DSN
 * recipient field names, where one names ours, was read from the notice's text against the DSN.
 */
function recipientWrongReason(theirs: string, mine: string, raw: string): string | null {
  if (!theirs.includes('.'))
    return `${theirs} is no domain (a host name after an alias expansion); we read the address the sender wrote`;
  const dsn = [...raw.matchAll(/^(?:Final|Original)-Recipient:[^\n@]{0,40}@([^\s>]{1,253})/gim)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  if (dsn.includes(mine) && !dsn.includes(theirs))
    return `the DSN's recipient fields name ${mine}; ${theirs} is only in the notice's text`;
  return null;
}

function envelopeNames(raw: string, domain: string): boolean {
  const d = domain.replace(/[.]/g, '\\.');
  const envelope = new RegExp(
    `^(?:Return-Path|X-Postfix-Sender|X-Original-Sender|Envelope-From|Sender Address|Original Sender):?[^\\n]{0,200}@${d}\\b`,
    'im',
  );
  // A bounce is addressed to the envelope sender: the To: of its own header block.
  const head = raw.slice(0, Math.max(raw.search(/\r?\n\r?\n|\r\r/), 0));
  return envelope.test(raw) || new RegExp(`^To:[^\\n]{0,200}@${d}\\b`, 'im').test(head);
}

function compareDomains(file: string, raw: string, incidents: Incident[], results: SisimaiResult[]): void {
  results.forEach((r, index) => {
    if (notABounce(r)) return;
    const ours = pickIncident(incidents, r, index);
    const pairs: [keyof typeof domainTallies, string, string][] = [
      ['recipient', r.destination.toLowerCase(), ours?.recipientDomain ?? ''],
      ['sender', r.senderdomain.toLowerCase(), ours?.sendingDomain ?? ''],
    ];
    for (const [key, theirs, mine] of pairs) {
      if (!theirs) continue;
      const t = domainTallies[key];
      t.compared++;
      if (theirs === mine) t.agree++;
      else if (!mine) t.oursEmpty++;
      else if (key === 'sender' && envelopeNames(raw, mine)) t.convention++;
      else {
        const line = `${file} #${index} [${key}] sisimai=${theirs} ours=${mine}`;
        const wrong = key === 'recipient' ? recipientWrongReason(theirs, mine, raw) : null;
        if (wrong) t.wrong.push(`${line}: ${wrong}`);
        else t.differ.push(line);
      }
    }
  });
}

function printDomains(): void {
  console.log(
    '\nFor information, two more ticket fields (Sisimai: destination, senderdomain = From of the original):',
  );
  console.log(
    'field       compared  agree  agreement  ours-empty  ours-is-envelope-sender  sisimai-wrong  differ',
  );
  for (const [key, t] of Object.entries(domainTallies)) {
    const pct = t.compared ? ((100 * t.agree) / t.compared).toFixed(1) : '-';
    console.log(
      `${key.padEnd(10)} ${String(t.compared).padStart(9)} ${String(t.agree).padStart(6)} ${`${pct}%`.padStart(10)} ${String(t.oursEmpty).padStart(11)} ${String(t.convention).padStart(24)} ${String(t.wrong.length).padStart(14)} ${String(t.differ.length).padStart(7)}`,
    );
  }
  const wrong = [...domainTallies.recipient.wrong, ...domainTallies.sender.wrong];
  for (const line of listAll ? wrong : wrong.slice(0, 5)) console.log(`  Sisimai wrong: ${line}`);
  if (!listAll && wrong.length > 5) console.log(`  ... (${wrong.length - 5} more, --list shows all)`);
  const differ = [...domainTallies.recipient.differ, ...domainTallies.sender.differ];
  for (const line of listAll ? differ : differ.slice(0, 15)) console.log(`  ${line}`);
  if (!listAll && differ.length > 15) console.log(`  ... (${differ.length - 15} more, --list shows all)`);
}

async function runSetOfEmails(): Promise<void> {
  const base = join(root, 'set-of-emails');
  const reference = new Map<string, SisimaiResult[]>();
  for (const line of readFileSync(join(root, 'sisimai-reference.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { file: string; results: SisimaiResult[] };
    reference.set(row.file, row.results);
  }
  const files = [...(await listFiles(join(base, 'maildir'))), ...(await listFiles(join(base, 'mailbox')))];
  let incidents = 0;
  const started = performance.now();
  for (const path of files) {
    const rel = relative(base, path);
    const bytes = readFileSync(path);
    try {
      const result = await extractBytes(new Uint8Array(bytes));
      incidents += result.incidents.length;
      const theirs = reference.get(rel) ?? [];
      compare(rel, bytes.toString('latin1'), result.incidents, theirs);
      compareDomains(rel, bytes.toString('latin1'), result.incidents, theirs);
      if (theirs.length === 0 && result.incidents.length > 0) {
        const dir = rel.split('/').slice(0, -1).join('/');
        sisimaiNothing.set(dir, (sisimaiNothing.get(dir) ?? 0) + 1);
      }
    } catch (error) {
      failures.push(`${rel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `set-of-emails: ${files.length} files, ${incidents} incidents, ${failures.length} exceptions, ${seconds.toFixed(2)} s`,
  );
  console.log(
    `\n(dates agree within ${DATE_TOLERANCE} s)\nfield      sisimai-has-value  agree   agreement  sisimai-wrong  other-convention  sisimai-empty  we-found-where-empty`,
  );
  for (const key of Object.keys(tallies) as FieldKey[]) {
    const t = tallies[key];
    const pct = t.withValue ? ((100 * t.agree) / t.withValue).toFixed(1) : '-';
    console.log(
      `${key.padEnd(10)} ${String(t.withValue).padStart(17)} ${String(t.agree).padStart(6)} ${`${pct}%`.padStart(10)} ${String(t.sisimaiWrong).padStart(14)} ${String(t.convention).padStart(17)} ${String(t.sisimaiEmpty).padStart(14)} ${String(t.weFoundSisimaiEmpty).padStart(21)}`,
    );
  }
  console.log('\nFiles where Sisimai returned nothing and we found incidents:');
  for (const [dir, n] of sisimaiNothing)
    console.log(
      `  ${dir}: ${n}${dir.endsWith('/mac') ? ' (CR-only line ends: Sisimai reads none of them)' : ''}`,
    );
  console.log(`\nWhere Sisimai is wrong (${sisimaiWrong.length}):`);
  for (const line of listAll ? sisimaiWrong : sisimaiWrong.slice(0, 15)) console.log(`  ${line}`);
  if (!listAll && sisimaiWrong.length > 15)
    console.log(`  ... (${sisimaiWrong.length - 15} more, --list shows all)`);
  console.log(`\nWhere Sisimai answers another question (${conventions.length}):`);
  for (const line of listAll ? conventions : conventions.slice(0, 10)) console.log(`  ${line}`);
  if (!listAll && conventions.length > 10)
    console.log(`  ... (${conventions.length - 10} more, --list shows all)`);
  console.log(`\nDisagreements (${disagreements.length}):`);
  for (const line of listAll ? disagreements : disagreements.slice(0, 40)) console.log(`  ${line}`);
  if (!listAll && disagreements.length > 40)
    console.log(`  ... (${disagreements.length - 40} more, --list shows all)`);
  printDomains();
  for (const f of failures) console.log(`EXCEPTION ${f}`);
}

function summary(i: Incident): string {
  const orange = i.orange
    ? ` ${i.orange.token ?? 'no-token'}/${i.orange.reason ?? '-'}/${i.orange.server ?? '-'}`
    : '';
  return `${i.occurredAt ?? '-'} code=${i.reply.code ?? '-'} enh=${i.reply.enhanced ?? '-'}${orange} ips=${i.sendingIps.join(',') || '-'} hosts=${i.sendingHosts.join(',') || '-'} from=${i.sendingDomain ?? '-'} to=${i.recipientDomain ?? '-'} remote=${i.remoteHost ?? '-'}[${i.remoteIp ?? '-'}]`;
}

async function runFolder(name: string, suffix: string): Promise<void> {
  const dir = join(root, name);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(suffix))
      .sort();
  } catch {
    console.log(`\n${name}/: absent`);
    return;
  }
  console.log(`\n${name}/ (${files.length} files)`);
  for (const f of files) {
    try {
      const result = await extractBytes(new Uint8Array(readFileSync(join(dir, f))), {
        now: new Date('2026-01-01T00:00:00Z'),
      });
      const readerError = result.warnings.find((w) => w.code === 'input.log-error');
      if (readerError) throw new Error(readerError.text.en);
      console.log(`  ${f}: ${result.incidents.length} incident(s), ${result.warnings.length} warning(s)`);
      for (const i of result.incidents.slice(0, 5)) console.log(`    ${i.format} ${summary(i)}`);
      if (result.incidents.length > 5) console.log(`    ... ${result.incidents.length - 5} more`);
    } catch (error) {
      failures.push(`${name}/${f}: ${error instanceof Error ? error.message : String(error)}`);
      console.log(`  ${f}: EXCEPTION ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

await runSetOfEmails();
await runFolder('orange', '.txt');
await runFolder('logs', '.log');

const codeTally = tallies.code;
const overall = (['code', 'enhanced', 'rhost', 'date'] as FieldKey[]).map((k) =>
  tallies[k].withValue ? (100 * tallies[k].agree) / tallies[k].withValue : 100,
);
const worst = Math.min(...overall);
console.log(
  `\nAgreement where Sisimai is right: ${overall.map((p) => `${p.toFixed(1)}%`).join(' / ')} (code / enhanced / rhost / date); target ${TARGET}%; reply codes compared: ${codeTally.withValue}`,
);
if (failures.length > 0 || worst < TARGET) {
  console.log(
    failures.length > 0 ? `FAIL: ${failures.length} file(s) threw` : `FAIL: agreement below ${TARGET}%`,
  );
  process.exit(1);
}
console.log('OK');
