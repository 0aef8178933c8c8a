/**
 * A remote's refusal quoted beside log lines without being one: mailcow issue #2532 pastes `***@***
 * (host mx02.t-online.de[194.25.134.9] refused to talk to me: 554 IP=... (BL))` from the UI's summary
 * above a `postfix-mailcow_1 | Apr 14 19:44:46 mail postfix/smtp[819]: ... mx01.t-online.de ...` line.
 * The log reader reads log records only, so such a line would vanish: it is found here, to be read as a
 * reply of its own. Also what tells a reply read beside a log (or a post's words around its log lines)
 * from the log's own refusals again, and the merge of the two.
 */
import type { ExtractionResult, Incident, Note } from '../types';
import { splitLines } from './header-block';
import { type DispatchState, dispatch, plainSpaces } from './logs/dispatch';
import { createRecordAssembler } from './logs/records';

/** A remote's words as Postfix, Exim or a mail client quote them (log-paste.ts's REMOTE_SAID). */
const REMOTE_REFUSAL =
  /\bhost\s{1,4}\S{1,300}\s{1,4}(?:said|refused to talk to me):\s{0,4}[245]\d\d\b|SMTP error from remote mail server/i;

/**
 * A log line the reader chose not to read, before the remote's words: a program's tag
 * (`postfix/smtp[25122]: B60EA42D4: host ... said: 451 ...`, an attempt line without its stamp that the
 * status line below repeats) or a queue id.
 */
const LOG_LINE_START = /\[\d{1,10}\]: |^\s*[0-9A-Za-z]{5,24}: $/;

/** Pastes larger than this are logs, read by the log reader alone. */
const MAX_PASTE = 256 * 1024;
/** At most this many such lines are read. */
const MAX_RECORDS = 20;

export interface RecordBesideLog {
  text: string;
  /** Its first line in the paste, 1-based. */
  line: number;
}

/**
 * The records of a log paste (lines, with the continuation lines the log reader joins) that quote a
 * remote's refusal, are no log record any reader takes, and gave no incident.
 */
export function refusalsBesideLog(paste: string, incidents: readonly Incident[]): RecordBesideLog[] {
  if (paste.length > MAX_PASTE) return [];
  const read = new Set<number>();
  for (const incident of incidents) for (const ref of Object.values(incident.sources)) read.add(ref.line);
  const found: RecordBesideLog[] = [];
  const state: DispatchState = { powermta: false, exchange: false };
  const assembler = createRecordAssembler((text, line) => {
    if (found.length >= MAX_RECORDS || read.has(line)) return;
    const refusal = REMOTE_REFUSAL.exec(text);
    if (!refusal || LOG_LINE_START.test(text.slice(0, refusal.index))) return;
    const plain = plainSpaces(text.trim());
    if (dispatch(plain, state) === null) found.push({ text: plain, line });
  });
  splitLines(paste).forEach((line, i) => {
    assembler.push(line, i + 1);
  });
  assembler.flush();
  return found;
}

/** Said once such lines were read: they carry none of the log's date, host or sender. */
const REPLY_BESIDE_LOG: Note = {
  code: 'log-reply-beside-log',
  text: {
    fr: 'Une réponse d’un serveur distant citée hors d’une ligne de journal a été lue seule\u00a0: sans la date, l’hôte émetteur ni l’expéditeur que donnerait sa ligne de journal. Complétez-les à la main.',
    en: 'A remote server’s reply quoted outside a log line was read on its own: without the date, host or sender its log line would give. Please fill them in.',
  },
};

/**
 * True when a refusal record read beside a log is the same refusal as a log line's (a bounce's `<rcpt>:
 * host X[IP] said: 451 ...` pasted below the line that logged it): the same text, and the same remote or
 * recipient.
 */
export function sameAsLogged(logged: readonly Incident[], i: Incident): boolean {
  return logged.some(
    (l) =>
      l.reply.text === i.reply.text &&
      (l.remoteIp === i.remoteIp || l.remoteHost === i.remoteHost || l.recipientDomain === i.recipientDomain),
  );
}

/**
 * True when one reply's text holds the other's (the same reply, whole or in part, with or without its code).
 */
export function sameReply(a: string, b: string): boolean {
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/**
 * True when a reply read from a post's words around its log lines is one of the `logged` refusals again:
 * the post often quotes the line's reply in part (`Orange replies "421 mwinf5c18 ME Service refuse.
 * Veuillez essayer plus tard." to every connection:`, adversarial check b1 of round 25, its derived-28):
 * its text holds a logged reply's or is part of it, and it names no other remote than that line's.
 */
export function repeatsLogged(logged: readonly Incident[], i: Incident): boolean {
  return logged.some(
    (l) =>
      sameReply(l.reply.text, i.reply.text) &&
      (i.remoteIp === null || i.remoteIp === l.remoteIp) &&
      (i.remoteHost === null || i.remoteHost === l.remoteHost),
  );
}

/**
 * True when a reply read from words names what a remote's reply does: its server (host or IP), its
 * recipient or Orange's token. A sentence about codes (`We keep getting 550 5.7.1 errors when sending to
 * Orange, for example:`, `550 happens for about 30% of recipients`: derived-31) names none of them; a
 * refusal quoted beside the log (mailcow issue 2532's `host mx02.t-online.de[...] refused to talk to me:
 * 554 ...`, the `"response": "smtp;550 ... OFR006_102 ..."` of ActiveCampaign/smtp-field-manual PR 60) does.
 */
export function namesItsRefusal(i: Incident): boolean {
  return (
    i.remoteHost !== null || i.remoteIp !== null || i.recipientDomain !== null || Boolean(i.orange?.token)
  );
}

/**
 * The log's result with the refusals read beside it, in the order of the paste, saying so; as it was without
 * any.
 */
export function withBesideLog(log: ExtractionResult, beside: readonly Incident[]): ExtractionResult {
  if (beside.length === 0) return log;
  const incidents = [...log.incidents, ...beside];
  incidents.sort((a, b) => (a.sources.reply?.line ?? 0) - (b.sources.reply?.line ?? 0));
  return { incidents, warnings: [...log.warnings, REPLY_BESIDE_LOG] };
}
