/**
 * Replies inside the errors of the libraries applications send mail with, as developers paste them
 * (the shapes these libraries print; the replies are the remote server's, quoted whole):
 * - PHPMailer's debug output: `SMTP ERROR: RCPT TO command failed: 550 5.7.1 ...`, the lines of a
 *   multi-line reply following (`550-...` then `550 ...`), and its error message (`MAIL FROM command
 *   failed,<words>,550,5.1.0`);
 * - nodemailer's error: its `response: '554 5.7.1 ...'` property as Node prints it, else its message
 *   `Can't send mail - all recipients were rejected: 554 5.7.1 ...`; the recipient from `rejected: [...]`;
 * - Python's smtplib: `SMTPRecipientsRefused: {'rcpt@example.org': (554, b'5.7.1 ...')}` (Python 2
 *   without the `b`),
 *   `SMTPDataError: (554, b'5.7.1 ...')`, `SMTPSenderRefused: (550, b'...', 'sender@example.com')`.
 * - Ruby's Net::SMTP: `Net::SMTPFatalError: 550 ...`, `...: 550 ... (Net::SMTPFatalError)`, and an error
 *   tracker's report of one (`Error type: Net::SMTPFatalError`, `Error message: 550 ...`).
 * - JavaMail's `com.sun.mail.smtp.SMTPSendFailedException: 421-4.7.28 ...`, the reply's next lines
 *   under it (`SMTPAddressFailedException`, `SMTPSenderFailedException` alike); an application may name
 *   the server before it (Purelymail's `at remote mailserver mx.example.com. (192.0.2.1): SMTPSend...`).
 * - Rust's lettre: its `Response { code: Code { severity: ..., category: ..., detail: ... },
 *   message: [...] }` (lettre-response.ts).
 * - PHPMailer's `ErrorInfo` naming the reply's parts apart (`... Detail: <words> SMTP code: 550 Additional
 *   SMTP info: 5.2.0`), and its list of refused recipients (phpmailer-server-error.ts).
 * - PHP's PEAR Mail: `[SMTP: Invalid response code received from server (code: 550, response: ...)]`
 *   (pear-net-smtp.ts).
 * - Roundcube's `SMTP Error (550): Failed to add recipient "..." (...)`, in English and French
 *   (roundcube-error.ts).
 * Swift Mailer's and Symfony Mailer's `but got code "421", with message "421 ..."` is a wording of
 * client-quote.ts.
 */

import { recipientIn } from './envelope-address';
import { LETTRE_HINT, lettreReplies } from './lettre-response';
import { orangeServerLabelBefore } from './orange-server-label';
import { PEAR_HINT, pearReplies } from './pear-net-smtp';
import { PHPMAILER_SERVER_ERROR_HINT, phpmailerServerErrors } from './phpmailer-server-error';
import { ROUNDCUBE_HINT, roundcubeReplies } from './roundcube-error';
import { STACK_FRAME } from './stack-frame';

export interface LibraryReply {
  text: string;
  /** Offset in the text given of where the reply starts. */
  offset: number;
  recipient: string | null;
  /** The envelope sender the error names (smtplib's SMTPSenderRefused), if any. */
  sender?: string;
  /** The server that replied, where the error names it. */
  remote?: { host: string; ip: string | null };
  /**
   * The reply is a whole string the library quoted (smtplib's bytes, nodemailer's `response`): it ends
   * where the string does, whatever its lines look like.
   */
  quoted?: true;
}

/**
 * A cheap first test: one of the libraries' words, or smtplib's tuple of a code and bytes, is in the text.
 */
export const LIBRARY_HINT =
  /command failed[:,]|SMTP server error\s?:|Erreur du serveur SMTP\s?:|following recipients failed|destinataires suivants (?:sont en erreur|ont échoué)|recipients were rejected|response:\s{0,2}'|SMTP\w{0,20}(?:Refused|Error|Exception)|Net::SMTP|\([245]\d\d,\s{0,2}b?['"]|\bCode \{ severity: |\(code: [245]\d\d, response: |(?:SMTP Error|Erreur SMTP|Error SMTP|SMTP-Fehler|Errore SMTP)\s?(?:\(|:\s?\[)[245]/;

const JAVAMAIL = /\bSMTP(?:Send|Address|Sender)FailedException:\s{1,4}(?=[245]\d\d[\s-])/g;
const REMOTE_MAILSERVER =
  /\bat remote mailserver\s{1,4}([A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\.?\s{1,4}\(([0-9A-Fa-f:.]{2,45})\)\s{0,4}:\s{0,4}$/;
const PHPMAILER = /SMTP ERROR:\s{1,4}[A-Z][A-Z ]{1,20}command failed:\s{1,4}(?=[245]\d\d[\s-])/g;
/**
 * PHPMailer's error message, as `ErrorInfo` gives it: `MAIL FROM command failed,<the server's
 * words>,550,5.1.0` (its words first, then its code and enhanced code), after `The following From
 * address failed: x :` (`L’adresse d’expéditeur suivante a échoué : x :` in French) naming the sender.
 */
const PHPMAILER_MESSAGE =
  /\b[A-Z][A-Z ]{1,20} command failed,([\s\S]{1,2000}?)\s{0,4},([245]\d\d),([245]\.\d{1,3}\.\d{1,3})?/g;
const PHPMAILER_SENDER =
  /(?:following From address failed|adresse d.exp[ée]diteur suivante a [ée]chou[ée])\s{0,2}:\s{0,2}<?([^\s<>:]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s{0,2}:\s{0,4}$/;
const NODEMAILER_RESPONSE = /\bresponse:\s{0,2}'((?:[^'\\\n]|\\.){1,4000})'/;
const NODEMAILER_REJECTED = /\brejected:\s{0,2}\[\s{0,4}'([^'\s]{1,320}@[^'\s]{1,253})'/;
const NODEMAILER_MESSAGE = /\brecipients were rejected:\s{1,4}(?=[245]\d\d[\s-])/;
/**
 * Ruby's Net::SMTP: `Net::SMTPFatalError: 550 5.7.1 ...`, `550 5.7.1 ... (Net::SMTPFatalError)`, or an
 * error tracker's report naming the class, then `Error message: 550 ...` (Airbrake's).
 */
const RUBY_BEFORE = /\bNet::SMTP[A-Za-z]{0,20}(?:Error|Busy):?[ \t]{1,4}(?=[245]\d\d[\s-])/;
const RUBY_AFTER = /:[ \t]{0,4}([245]\d\d[ -][^\n]{1,2000}?)\s{1,4}\(Net::SMTP[A-Za-z]{0,20}\)/;
const RUBY_MESSAGE = /\bError message:[ \t*]{0,4}`{0,2}[ \t]{0,4}(?=[245]\d\d[\s-])/;
/**
 * smtplib's exception class, or its tuple of a code and the reply in bytes (Python 3) or as a string
 * (Python 2), which an application's own message may quote without the class (`SMTP sender refused,
 * unable to reconnect. (421, b'4.4.2 ...', 'me@example.com')`, `send mail error: (554, 'DT:SPM ...')`).
 */
const SMTPLIB = /(?:\b|(?<=\\n))SMTP[A-Za-z]{0,20}(?:Refused|Error|Exception)\b|\([245]\d\d,\s{0,2}b?['"]/;
/**
 * `(code, b'reply'` and, for SMTPSenderRefused, the sender it refused: `, 'sender@example.com')`, as the
 * application gave it to smtplib, so maybe with a display name and, in Python 2, as unicode
 * (`, u'Administrator <admin@example.com>')`, Frappe's error log in frappe/erpnext issue 7056), in double
 * quotes when it holds an apostrophe, as Python writes such a string (`, "Pat O'Brien <pat@example.com>")`).
 */
const SMTPLIB_REPLY =
  /\(([245]\d\d),\s{0,2}b?(?:'((?:[^'\\\n]|\\.){0,4000})'|"((?:[^"\\\n]|\\.){0,4000})")(?:,\s{0,2}[ub]?(?:'([^'\n]{1,320})'|"([^"\n]{1,320})")\))?/g;
/** The address in a sender given with its display name (`Administrator <admin@example.com>`). */
const NAMED_ADDRESS = /<([^<>\s]{1,320})>\s{0,4}$/;

/** The envelope sender SMTPSenderRefused names: its address alone, or nothing when it is no address. */
function smtplibSender(named: string): string | null {
  const address = NAMED_ADDRESS.exec(named)?.[1] ?? named.trim();
  return /\s/.test(address) ? null : address;
}
const SMTPLIB_RECIPIENT = /'([^'\s]{1,320}@[^'\s]{1,253})':\s{0,2}$/;
/**
 * Odoo's message for smtplib's exception, its arguments one per line (escaped `\n` when the message is
 * itself printed in a repr, so that the class may follow an escaped `\n`, no word boundary):
 * `SMTPSenderRefused: 550\n5.7.1 ...\nsender@example.com`.
 */
const ODOO_SMTPLIB =
  /(?:\b|(?<=\\n))SMTP[A-Za-z]{0,20}(?:Refused|Error):[ \t]{0,4}([245]\d\d)(?:\\n|\r?\n)((?:[^\n\\"]|\\(?!n)){1,2000})(?:(?:\\n|\r?\n)([^\s'"\\@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9]))?/g;
/** The server Odoo sent through, named before its error: `Mail delivery failed via SMTP server 'host'.` */
const ODOO_SERVER = /\bvia SMTP server '([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])'\.?[\s\S]{0,200}$/;

/**
 * A Python or JavaScript string's escapes undone: `\n` and `\r\n` as line breaks, `\'` as `'`; also
 * when the repr was itself printed in a repr (a list of errors: `["mx: (554, b'a\\nb')"]`).
 */
function unescaped(text: string): string {
  return text
    .replace(/\\\\(?=[rn'"])/g, '\\')
    .replace(/\\r\\n|\\n/g, '\n')
    .replace(/\\(['"\\])/g, '$1');
}

/** The reply's lines from `at`: its first line, then the lines that carry on its code (`550-...`). */
function replyLines(text: string, at: number): string {
  const code = text.slice(at, at + 3);
  let end = text.indexOf('\n', at);
  while (end >= 0 && text.startsWith(code, end + 1) && /[ -]/.test(text[end + 4] ?? '')) {
    end = text.indexOf('\n', end + 1);
  }
  return text.slice(at, end < 0 ? text.length : end);
}

/**
 * The reply inside Ruby's inspect form of the exception, up to the `>` closing it: `#<Net::SMTPFatalError:
 * 550 User not found>`, `#<Net::SMTPAuthenticationError: 454 4.7.0 Temporary authentication failure:
 * generic failure >` (Zammad's production.log and its notice, zammad/zammad issue 2133). The first `>`
 * that closes no `<` of the reply's own (`<a@example.com>`) is that one.
 */
function beforeInspectEnd(reply: string): string {
  let depth = 0;
  for (let i = 0; i < reply.length; i++) {
    if (reply[i] === '<') depth++;
    else if (reply[i] === '>' && depth > 0) depth--;
    else if (reply[i] === '>') return reply.slice(0, i).trimEnd();
  }
  return reply;
}

/**
 * The reply read from `at`, with the line after it when it stops at a colon (`Recipient address
 * rejected:` / ` User unknown ...`, a server's wrapped line), unless that line is empty or a stack frame.
 */
function withCutLine(text: string, at: number, reply: string): string {
  if (!reply.trimEnd().endsWith(':')) return reply;
  const end = at + reply.length;
  const nextEnd = text.indexOf('\n', end + 1);
  const next = text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd).trim();
  return next === '' || STACK_FRAME.test(next) ? reply : `${reply.trimEnd()} ${next}`;
}

export function libraryErrorReplies(text: string): LibraryReply[] {
  const found: LibraryReply[] = [];
  PHPMAILER.lastIndex = 0;
  for (let m = PHPMAILER.exec(text); m && found.length < 10_000; m = PHPMAILER.exec(text)) {
    const at = m.index + m[0].length;
    found.push({ text: replyLines(text, at), offset: at, recipient: null });
  }
  if (found.length > 0) return found;
  PHPMAILER_MESSAGE.lastIndex = 0;
  for (let m = PHPMAILER_MESSAGE.exec(text); m && found.length < 10_000; m = PHPMAILER_MESSAGE.exec(text)) {
    const words = (m[1] ?? '').replace(/\s+/g, ' ').trim();
    const reply: LibraryReply = {
      text: [m[2], m[3], words].filter(Boolean).join(' '),
      offset: m.index,
      recipient: null,
    };
    const sender = PHPMAILER_SENDER.exec(text.slice(Math.max(0, m.index - 200), m.index))?.[1];
    if (sender) reply.sender = sender;
    found.push(reply);
  }
  if (found.length > 0) return found;
  // The same error's parts named apart (`Detail: ... SMTP code: 550`), when it is not given whole above.
  if (PHPMAILER_SERVER_ERROR_HINT.test(text)) {
    const named = phpmailerServerErrors(text);
    if (named.length > 0) return named;
  }
  const response = NODEMAILER_RESPONSE.exec(text);
  if (response?.[1] && /^[245]\d\d[\s-]/.test(response[1])) {
    const at = response.index + response[0].indexOf("'") + 1;
    const recipient = NODEMAILER_REJECTED.exec(text)?.[1] ?? null;
    return [{ text: unescaped(response[1]), offset: at, recipient, quoted: true }];
  }
  const message = NODEMAILER_MESSAGE.exec(text);
  if (message) {
    const at = message.index + message[0].length;
    return [
      { text: replyLines(text, at), offset: at, recipient: NODEMAILER_REJECTED.exec(text)?.[1] ?? null },
    ];
  }
  if (text.includes('Net::SMTP')) {
    const before = RUBY_BEFORE.exec(text) ?? RUBY_MESSAGE.exec(text);
    if (before) {
      const at = before.index + before[0].length;
      const said = replyLines(text, at).replace(/[ \t]*`{1,2}[ \t]*$/, '');
      const inspected = text.slice(Math.max(0, before.index - 2), before.index) === '#<';
      return [{ text: inspected ? beforeInspectEnd(said) : said, offset: at, recipient: null }];
    }
    const after = RUBY_AFTER.exec(text);
    if (after?.[1])
      return [{ text: after[1], offset: after.index + after[0].indexOf(after[1]), recipient: null }];
  }
  JAVAMAIL.lastIndex = 0;
  for (let m = JAVAMAIL.exec(text); m && found.length < 10_000; m = JAVAMAIL.exec(text)) {
    const at = m.index + m[0].length;
    const said = withCutLine(text, at, replyLines(text, at));
    const reply: LibraryReply = { text: said, offset: at, recipient: recipientIn(said) };
    const before = text.slice(Math.max(0, m.index - 400), m.index).replace(/[\w.]*$/, '');
    const remote = REMOTE_MAILSERVER.exec(before);
    if (remote?.[1]) reply.remote = { host: remote[1], ip: remote[2] ?? null };
    found.push(reply);
  }
  if (found.length > 0) return found;
  if (LETTRE_HINT.test(text)) {
    const lettre = lettreReplies(text);
    if (lettre.length > 0) return lettre;
  }
  if (ROUNDCUBE_HINT.test(text)) {
    const roundcube = roundcubeReplies(text);
    if (roundcube.length > 0) return roundcube;
  }
  if (PEAR_HINT.test(text)) {
    const pear = pearReplies(text);
    if (pear.length > 0) return pear;
  }
  if (!SMTPLIB.test(text)) return found;
  SMTPLIB_REPLY.lastIndex = 0;
  for (let m = SMTPLIB_REPLY.exec(text); m && found.length < 10_000; m = SMTPLIB_REPLY.exec(text)) {
    const said = unescaped(m[2] ?? m[3] ?? '');
    const recipient = SMTPLIB_RECIPIENT.exec(text.slice(Math.max(0, m.index - 600), m.index))?.[1] ?? null;
    const reply: LibraryReply = { text: `${m[1]} ${said}`.trim(), offset: m.index, recipient, quoted: true };
    const named = m[4] ?? m[5];
    const sender = named ? smtplibSender(named) : null;
    if (sender) reply.sender = sender;
    const label = orangeServerLabelBefore(text, m.index);
    if (label) reply.remote = { host: label, ip: null };
    found.push(reply);
  }
  if (found.length > 0) return withOdooServer(text, found);
  ODOO_SMTPLIB.lastIndex = 0;
  for (let m = ODOO_SMTPLIB.exec(text); m && found.length < 10_000; m = ODOO_SMTPLIB.exec(text)) {
    // The repr's closing quote and brackets when the reply was its last argument.
    const said = (m[2] ?? '').replace(/'[)\]}]*\s*$/, '').trim();
    const reply: LibraryReply = { text: `${m[1]} ${said}`, offset: m.index, recipient: null };
    if (m[3]) reply.sender = m[3];
    found.push(reply);
  }
  return withOdooServer(text, found);
}

/** The replies with the server Odoo names before them, where it does (its name is no IP of Orange's). */
function withOdooServer(text: string, found: LibraryReply[]): LibraryReply[] {
  for (const reply of found) {
    const host = ODOO_SERVER.exec(text.slice(Math.max(0, reply.offset - 400), reply.offset))?.[1];
    if (host && !reply.remote) reply.remote = { host, ip: null };
  }
  return found;
}
