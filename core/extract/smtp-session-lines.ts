/**
 * The lines of a pasted SMTP session: which are the server's replies and which the client's commands,
 * by the prefixes transcripts, tools and logs write before them (smtp-session.ts reads the session).
 */

/**
 * What a log writes before each line of a session: OpenSMTPD's `-dv` trace (`mta: 0xea6710: `), Haraka's
 * protocol log (`[PROTOCOL] [uuid] [outbound] `, `[queue/smtp_forward] `), Android's logcat for K-9 Mail
 * (`D/SmtpTransport(30906): SMTP `, then `<<<` or `>>>`), Roundcube's smtp_log (`[15-Aug-2018 04:28:19
 * -0500]: <n6lkis24> `, then `Recv:` or `Send:`), PHPMailer's debug output (`2025-04-05 17:38:02 `, then
 * `SERVER -> CLIENT:` or `CLIENT -> SERVER:`; at its first level only the client's lines, and
 * `SMTP ERROR: RCPT TO command failed: 451 ...` for the server's refusal), MDaemon's session log
 * (` Tue 2022-08-09 07:47:32: `, its log files' `Tue 2022-08-09 07:47:32.120: `, then `<--` or `-->`);
 * DokuWiki's SMTP plugin writes `Got:` and `Sent:` alone; Exim's debug output (`exim -d`) its process id
 * (` 308   SMTP<< 220 ...`, tianon/dockerfiles issue 96), after the time with `+timestamp`
 * (`20:13:06  7773 `, Exim/exim PR 76); nodemailer's logger its UTC time, level and connection id
 * (`[2020-01-28 07:00:48] DEBUG [rbPhiu81f6c] `, nodemailer issue 1099), then `S:` or `C:`; SmarterMail's
 * delivery log its date, time and session id (`[2016.10.28] 09:16:28 [06435] `), then `RSP:` or `CMD:`.
 */
const LOG_PREFIX = String.raw`050 |\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) {1,2}\[[\w-]{1,40}\] |(?:\d\d:\d\d:\d\d(?:\.\d{1,6})? {1,4})?\d{1,10} {1,8}(?=SMTP[<>]{2})|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?:?\s{1,8}|(?:debug: )?mta: 0x[0-9a-f]{1,16}: |\[PROTOCOL\] \[[^\]\n]{1,80}\] \[[a-z_/]{1,40}\] |[VDIWE]\/[\w.]{1,60}\(\s{0,8}\d{1,10}\):\s{1,4}SMTP |\[[^\]\n]{1,40}\]:\s<[^>\s]{1,40}>\s|\[\d{4}\.\d\d\.\d\d\] \d\d:\d\d:\d\d(?:\.\d{1,3})? \[\d{1,12}\]\s{1,4}|\[\d{1,12}\]\s{1,4}`;
/**
 * The head of a Rust log record of lettre's or async-smtp's SMTP client, which logs each line it sends
 * after `>> ` and each it receives after `<< `, its CR LF written out (`<CRLF>`): env_logger's
 * `[2021-03-22T18:44:29Z DEBUG async_smtp::smtp::client::inner] ` (check-if-email-exists's issue 891, behind
 * Heroku's `2021-03-22T18:44:29.346170+00:00 app[web.1]: `), Vaultwarden's
 * `[2026-12-03 14:02:11.204][lettre::transport::smtp::client::connection][DEBUG] `. (Anchored on its
 * bracket: a looser head, any words before the module's path, made every line of a log 14 times slower
 * to test.)
 */
const RUST_SMTP_LOG = String.raw`(?:\S{10,40} \w[\w-]{0,40}\[[\w.-]{1,40}\]: )?\[[^\]\n]{10,40}(?: |\]\[)(?:lettre|async_smtp)::[\w:]{1,120}\](?:\[(?:TRACE|DEBUG)\])? {1,4}`;
// The server's side (MDaemon's session log: `[434849] <-- 550-5.1.1 ...`): Sendmail's `<<<`, Trend Micro's
// `Received >>>`, swaks's `<-`, `<**` (an error) and `<~`, `<~*` (the same inside TLS), RFC 5321's and
// protocol logs' `S:`, the email-verify tool's `SERVER:`, Roundcube's `Recv:` (a bounce's recipient block
// writes `send: RCPT TO:<...>` then `recv: 550 ...`, in PHP-Bounce-Handler's eml/5.1.1.eml), a Node.js
// client's `recv gmail.com>` (its `send gmail.com>` for the client), mailx's and Exim's `-v` output `SMTP<<`
// (`SMTP>>` for the client), ZMailer's report `->>` (`<<-` for the client), PHP's smtp class (Manuel Lemos's,
// HESK's debug output) `S ` (`C ` for the client), with no colon.
const SERVER_PREFIX = String.raw`^\s{0,12}(?:(?:${LOG_PREFIX})?(?:${RUST_SMTP_LOG}<<(?= )|<<<|SMTP<<|->>|Received\s{1,4}>>>|<--|<~?\*{0,2}|<-|[Ss]:|S (?=[245]\d\d[ -])|SERVER:|SERVER -> CLIENT:|SMTP ERROR: [A-Z ]{2,12} command failed:|[Rr]ecv:|RSP:|Got:|reply: b'|recv [^\s>]{1,253}>)|050 (?=[245]\d\d[ -]))\s{0,12}`;
export const SERVER_REPLY = new RegExp(`${SERVER_PREFIX}([245]\\d\\d)([\\s-]|$)`);
export const SERVER_LINE_PREFIX = new RegExp(SERVER_PREFIX);
// The client's side: Sendmail's `>>>`, swaks's `->` and `~>`, `C:`, `CLIENT:`, Roundcube's `Send:`, curl's
// `-v` output `> ` (its server lines are `< `).
const CLIENT_PREFIX = String.raw`^\s{0,12}(?:${LOG_PREFIX})?(?:${RUST_SMTP_LOG}>>(?= )|>>>|SMTP>>|<<-|-->|~?->(?!>)|~>|>(?= )|C:|C (?=[A-Z])|CLIENT:|CLIENT -> SERVER:|[Ss]end:|CMD:|Sent:|send: '|send [^\s>]{1,253}>)\s{0,12}`;
export const CLIENT_COMMAND = new RegExp(
  `${CLIENT_PREFIX}(MAIL\\s{1,4}FROM|RCPT\\s{1,4}TO|EHLO|HELO|LHLO|DATA|QUIT|RSET)\\b:?\\s{0,4}(.*)$`,
  'i',
);
/** A client's command that sends no mail, prefixed or typed: `> VRFY b@x`, `EXPN list`, `HELP`, `NOOP`. */
export const PROBE_COMMAND = new RegExp(`^(?:${CLIENT_PREFIX}|\\s{0,4})(?:VRFY|EXPN|HELP|NOOP)\\b`, 'i');
// Typed by hand: the command alone at the start of its line.
export const TYPED_COMMAND =
  /^\s{0,4}(MAIL\s{1,4}FROM|RCPT\s{1,4}TO|EHLO|HELO|DATA|QUIT|RSET|EXIT)\b:?\s{0,4}(.*)$/i;
export const TYPED_REPLY = /^\s{0,4}([245]\d\d)([\s-]|$)/;
/** swaks's own prefixes: every line of the server's has one, so a line without is a terminal's wrap. */
export const SWAKS_REPLY = /^\s{0,4}(?:<-|<~?\*\*|<~)\s/;
export const NOT_A_WRAP = /^\s{0,4}(?:<|-|~|=|\*|[245]\d\d[\s-])|^\s*$/;
export const SMTPLIB_DEBUG_REPLY = /^\s{0,12}reply: b'/;
/** A protocol log's written line end (Haraka's `...\r\n`, async-smtp's `<CRLF>`). */
export const WRITTEN_LINE_END = /(?:\\r\\n|<CRLF>)'?\s*$/;

/**
 * A reply code anywhere in a line, as SERVER_REPLY ends: a line without one is no server's reply, told
 * by a plain scan rather than by SERVER_REPLY's dozens of prefixes (four times faster over the lines of
 * Sisimai's set, where few lines hold a code).
 */
const CODE_SOMEWHERE = /[245]\d\d(?:[\s-]|$)/;

/** A transcript's reply line (its prefix included), for readers that must not take it as their own. */
export function isTranscriptReply(line: string): boolean {
  return CODE_SOMEWHERE.test(line) && SERVER_REPLY.test(line);
}

/** A line with a prefixed reply: the paste holds a transcript (`<<<`, swaks's `<-`/`<**`). */
export function hasTranscript(lines: readonly string[]): boolean {
  return lines.some(isTranscriptReply);
}

/** A server line's text, without its prefix and a protocol log's written line end. */
export const serverText = (line: string) =>
  line.replace(SERVER_LINE_PREFIX, '').replace(WRITTEN_LINE_END, '').trim();
