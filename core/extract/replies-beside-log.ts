/**
 * A remote's refusal quoted beside log lines without being one: mailcow issue #2532 pastes `***@***
 * (host mx02.t-online.de[194.25.134.9] refused to talk to me: 554 IP=... (BL))` from the UI's summary
 * above a `postfix-mailcow_1 | Apr 14 19:44:46 mail postfix/smtp[819]: ... mx01.t-online.de ...` line.
 * The log reader reads log records only, so such a line would vanish: it is found here, to be read as a
 * reply of its own.
 */
import type { Incident, Note } from '../types';
import { splitLines } from './header-block';
import { type DispatchState, dispatch, plainSpaces } from './logs/dispatch';
import { createRecordAssembler } from './logs/records';

/** A remote's words as Postfix, Exim or a mail client quote them (index.ts's REMOTE_SAID). */
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
export const REPLY_BESIDE_LOG: Note = {
  code: 'log-reply-beside-log',
  text: {
    fr: 'Une réponse d’un serveur distant citée hors d’une ligne de journal a été lue seule\u00a0: sans la date, l’hôte émetteur ni l’expéditeur que donnerait sa ligne de journal. Complétez-les à la main.',
    en: 'A remote server’s reply quoted outside a log line was read on its own: without the date, host or sender its log line would give. Please fill them in.',
  },
};
