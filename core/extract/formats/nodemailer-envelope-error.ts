/**
 * An application's record of nodemailer's failure with the message's envelope beside it, as one logs it
 * through pino (`logger.error({ err, envelope }, 'mail not sent')`): nodemailer's error carries the
 * remote's reply and the command it answered (lib/smtp-connection's `_formatError`: `response`,
 * `responseCode`, `command`: `RCPT TO`, `DATA`...), its envelope (`{from, to: [...]}`, what `sendMail`
 * gives back) the sender and the recipients. The record is read as the session lines they stand for, the
 * recipient of the `RCPT TO` with the reply; no session's start being there, the sending domain is taken
 * from the envelope's `from` (withRecordTimes). Without an envelope, or a command the reply answers, there
 * is nothing to rebuild.
 */
import { isObj, type Json, type Obj } from './json-value';

/** The commands a nodemailer error names, as the session's client line writes them. */
const COMMANDS: Record<string, (to: string) => string> = {
  'MAIL FROM': () => '',
  'RCPT TO': (to) => `RCPT TO:<${to}>`,
  DATA: () => 'DATA',
};

const ADDRESS = /^[^\s<>@]{1,64}@[^\s<>@]{1,255}$/;

function addresses(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((a): a is string => typeof a === 'string' && ADDRESS.test(a));
}

/** The envelope's sender of a record envelopeErrorLines reads, else null. */
export function envelopeSender(o: Obj): string | null {
  return envelopeErrorLines(o) && isObj(o.envelope) ? (addresses(o.envelope.from)[0] ?? null) : null;
}

/** The session's lines (`C: ...`, `S: ...`) a record's error and envelope stand for; null for another record. */
export function envelopeErrorLines(o: Obj): string[] | null {
  const err = isObj(o.err) ? o.err : isObj(o.error) ? o.error : null;
  if (!err || !isObj(o.envelope)) return null;
  const response = typeof err.response === 'string' ? err.response.trim() : '';
  const command = typeof err.command === 'string' ? err.command.toUpperCase() : '';
  const line = COMMANDS[command];
  if (!/^[45]\d\d[ -]/.test(response) || !line) return null;
  const from = addresses(o.envelope.from)[0];
  const to = addresses(o.envelope.to);
  if (!from) return null;
  const lines = [`C: MAIL FROM:<${from}>`];
  if (command !== 'MAIL FROM') for (const rcpt of to) lines.push(`C: ${COMMANDS['RCPT TO']?.(rcpt)}`);
  if (command === 'DATA') lines.push('C: DATA');
  // (One reply for the command it answered: nodemailer's error keeps the last one.)
  lines.push(...response.split(/\r?\n/).map((l) => `S: ${l}`));
  return lines;
}
