/**
 * A reply's text on one line: wraps, folds, table cells, escaped line breaks and glued log traces
 * undone, and replies a paste ran together split apart.
 */

import { withCutPhraseWordsJoined } from './cut-phrase-word';
import { splitLines } from './header-block';
import { breaksAsSpaces } from './joined-lines';
import { EXIM_RECORD_START } from './logs/exim-stamp';
import { withoutStrayClosingQuote, withPlainAmpersands } from './reply-end';
import { JAVA_FRAME_ANYWHERE, POWERSHELL_POSITION } from './stack-frame';

const ESP_PREFIX = /^\s*(?:smtp|x-smtp|x-postfix|x-unix|x-local|mta|x-exim|x-qmail)\s*;\s*/i;

/** The codes joined by a semicolon (`550;5.7.711 Access denied`, Microsoft's French documentation). */
const CODES_BY_SEMICOLON = /^([245]\d\d);(?=[245]\.\d{1,3}\.\d{1,3}\s)/;

/**
 * The basic code written twice (Mailgun's log: `Server response: 550 550 5.7.1 [IP 11] Our system has
 * detected ...`, a Gmail refusal quoted in a GitHub issue): once is the reply's.
 */
const DOUBLED_CODE = /^([245]\d\d) \1(?=[ -])/;

const LINE_CODE = /^([245]\d\d)([ -])\s*/;

const ENHANCED_AT_START = /^#?([245]\.\d{1,3}\.\d{1,3})(?![0-9]|\.[0-9])/;

/** The end of a Google reply: its session id, then `- gsmtp`. */
const GOOGLE_SIGNATURE = /\s-\s{0,4}gsmtp\W{0,4}$/;

const JOINED_HEAD = /^\s*([245]\d\d)([ -])(?:([245]\.\d{1,3}\.\d{1,3}) )?/;

/** A reply's enhanced code where its basic code should be. */
const ENHANCED_HEAD = /^\s*([245]\.\d{1,3}\.\d{1,3}) /;

/** An enhanced code a redaction hid in the continuation prefixes (`421-x.x.xx users from spam`). */
const REDACTED_ENHANCED = String.raw`[xX](?:\.[xX]{1,3}){2}`;

const REDACTED_AT_START = new RegExp(`^${REDACTED_ENHANCED}\\s`);

/**
 * A multi-line reply joined on one line, as logs write it and as a folded DSN field reads once unfolded
 * (`550-5.1.1 The email account ... Please try 550-5.1.1 double-checking ... Learn more at 550 5.1.1
 * https://support.google.com/...`): the continuation prefixes are put back at line starts, so that
 * unwrapReply removes them. With an enhanced code, a reply is split when its prefix with a dash occurs
 * again; without one (`550-mwinf5c04 ... spam. 550 Client host blocked ...`), only when the first line
 * announces more and the code comes back followed by a word. A reply that lost its basic code keeps only
 * its enhanced one before each line (withEnhancedOnlyBreaks).
 */
export function splitJoinedReply(text: string): string {
  const head = JOINED_HEAD.exec(text);
  if (!head) {
    // No basic code at all, only the enhanced one on each line (Google Workspace's relay refusal as Ombi
    // shows it: `5.7.0 Mail relay denied [IP]. Invalid credentials for relay for 5.7.0 one of ...`).
    const bare = ENHANCED_HEAD.exec(text);
    return bare?.[1] && bare[1][0] !== '2' ? withEnhancedOnlyBreaks(text, bare[1], bare[0].length - 1) : text;
  }
  const code = head[1] ?? '';
  // Still on its own lines, each prefix at a line start: nothing to split (Exim's notice).
  if (head[2] === '-' && new RegExp(`\\n[ \\t]{0,12}${code} `).test(text)) return text;
  const enhanced = head[3];
  const rest = head[0].length - 1;
  if (enhanced) {
    // A dash proves the continuation; so does Google's signature, as relays rewrite its dashes
    // (`550 5.2.1 ... Learn more at 550 5.2.1 https://support.google.com/... - gsmtp`, via SES).
    const google = GOOGLE_SIGNATURE.test(text) && text.includes(` ${code} ${enhanced} `, rest);
    // A first line that announces more (`554-5.7.0 Bounce, ... BANNED:`) makes its last line's prefix,
    // written with a space (`554 5.7.0 .exe,...`), a continuation too (amavisd-new's, unfolded).
    const announced = head[2] === '-' && text.includes(` ${code} ${enhanced} `, rest);
    if (!google && !announced && !text.includes(` ${code}-${enhanced}`, rest))
      return head[2] === ' ' && code[0] !== '2' ? withEnhancedOnlyBreaks(text, enhanced, rest) : text;
    // Digits and dots only go into the pattern.
    const prefix = new RegExp(
      ` (?=${code}[ -](?:${enhanced.replace(/\./g, '\\.')}|${REDACTED_ENHANCED})(?:\\s|$))`,
      'g',
    );
    return unfolded(text).replace(prefix, '\n');
  }
  if (head[2] !== '-' || !(text.includes(` ${code} `, rest) || text.includes(` ${code}-`, rest))) return text;
  // A dash is a continuation whatever follows (a line of the remote's broke a name in two:
  // `[server-9.tower-181.examplelabs 553-.com]`); a space only before a word.
  return unfolded(text).replace(new RegExp(` (?=${code}(?:-\\S| [A-Za-z]))`, 'g'), '\n');
}

/**
 * A reply whose lines lost their basic code but kept their enhanced one, then were joined on one line
 * (Go's net/smtp drops `550-`; an application shows its error on one line: gophish's `550 5.1.1 The email
 * account ... Please try 5.1.1 double-checking ... or 5.1.1 unnecessary spaces. Learn more at 5.1.1
 * https://...`): the reply's own enhanced code after a space and before a word or a link marks where a
 * line began, and is put back at a line start (unwrapReply removes it, as Mailgun's). Only when it does so
 * twice, or once in Google's reply, which is always on several lines: a reply naming its own code once in
 * a sentence keeps it. A refusal's only (a transcript's `250 2.0.0 Ok` is no reply to unwrap).
 */
function withEnhancedOnlyBreaks(text: string, enhanced: string, rest: number): string {
  const after = text.slice(rest);
  // The marker is the code between two spaces: most replies name their enhanced code once, at their
  // start, and need no expression built and run for them (most replies of a bounce come here).
  if (!after.includes(` ${enhanced} `)) return text;
  // Digits and dots only go into the pattern. Not after a basic code (`Out: 221 2.0.0 Bye` in a quoted
  // transcript; `go to?535 5.7.8 https://...`, a prefix a copy glued to the word before it).
  const marker = new RegExp(
    `(?<![245]\\d\\d) (?=${enhanced.replace(/\./g, '\\.')} (?:[A-Za-z]|https?://))`,
    'g',
  );
  const count = after.match(marker)?.length ?? 0;
  if (count < 2 && !(count === 1 && GOOGLE_SIGNATURE.test(text))) return text;
  return `${text.slice(0, rest)}${after.replace(marker, '\n')}`;
}

/**
 * The text on one line: a folded field or a wrapped notice may break a prefix in two (`... and review
 * 550` then `5.7.1 RFC 5322 ...`, in a Postfix notice quoting Gmail).
 */
function unfolded(text: string): string {
  return breaksAsSpaces(text);
}

/** A Markdown table's cell border, with spaces around it as tables are laid out. */
const CELL_BORDER = ' | ';

/**
 * The reply alone in a Markdown table's cell (`| 305 | 550 5.7.0 Code d'authentification invalide OFR 305
 * | securityerror | ok |`): it ends at the cell's border, when two borders follow it (no server writes
 * ` | ` twice in a reply; a table row holds several).
 */
function withoutTableCells(text: string): string {
  const first = text.indexOf(CELL_BORDER);
  if (first < 0) return text;
  const second = text.indexOf(CELL_BORDER, first + CELL_BORDER.length);
  return second < 0 ? text : text.slice(0, first).trimEnd();
}

/** The line end a client's debug log writes out after each line (async-smtp's `... outlook.com]<CRLF>`). */
const WRITTEN_LINE_END = /\s{0,2}(?:<CRLF>|<CR><LF>)\s*$/i;

/**
 * Exim writes a multi-line reply on one log line, its line breaks as `\n`
 * (`...authorized\n550-5.7.1 to send`).
 */
// Also at a line's end, when the log line was wrapped after it (`...authorized to\n` / `550-5.7.1 send`).
// (Also before the enhanced code alone that Gmail's lines repeat: `Please try\n5.1.1 double-checking`.)
const ESCAPED_BREAK = /(?:\\r)?\\n(?=\s{0,12}(?:[245]\d\d[ -]|[245]\.\d{1,3}\.\d{1,3}\s))/g;

/**
 * A written `\r\n` or `\r` elsewhere (Python's repr of the reply: `blocked using\r\n554-Barracuda ...\r\n`),
 * or a `\n` before a capital starting the reply's next line without a code (Exim's log of a reply whose
 * second line has none: `553 <a@x> unable to verify address\nVerify that SMTP authentication ...`).
 */
const ESCAPED_CRLF = /\\r(?:\\n)?|\\n(?=[A-Z][a-z])/g;

function escapedLineBreaks(text: string): string {
  if (!text.includes('\\n') && !text.includes('\\r')) return text;
  return text.replace(ESCAPED_BREAK, '\n').replace(ESCAPED_CRLF, '\n');
}

/**
 * Exchange 2007-2013's own marks around the status it writes for a recipient: `#550 5.1.1
 * RESOLVER.ADR.RecipNotFound; not found ##`.
 */
const EXCHANGE_HASHES = /^#\s{0,2}(?=[245]\d\d[ -])|\s{1,4}##\s*$/g;

/** Exim's stamp and message id starting a log record (`2014-09-21 16:06:05 1XUKFa-0003bb-EM `). */
const EXIM_RECORD = new RegExp(String.raw`\s${EXIM_RECORD_START}(?:\*\*|==|<=|=>|->|H=)`);

/**
 * The reply without the Java stack trace or PowerShell's position message a copy glued to its end (no
 * server writes one in a reply), nor a log's next record.
 */
function withoutGluedTrace(text: string): string {
  // The next record of an Exim log run onto the reply's line (a forum that dropped the line breaks).
  const record = text.length > 40 ? text.search(EXIM_RECORD) : -1;
  if (record > 0) return withoutGluedTrace(text.slice(0, record).trimEnd());
  const position = text.includes(' char:') ? text.search(POWERSHELL_POSITION) : -1;
  // The comment mark a script's copy of the error kept before the position (`#At C:\...`) goes too.
  const reply = position > 0 ? text.slice(0, position).replace(/\s#?$/, '') : text;
  if (!reply.includes('.java:') && !reply.includes('Native Method') && !reply.includes('Unknown Source'))
    return reply;
  const at = reply.search(JAVA_FRAME_ANYWHERE);
  return at > 0 ? reply.slice(0, at) : reply;
}

const BRACKETED_NAME_CUT = /\[[A-Za-z0-9][A-Za-z0-9.]{0,200}-$/;

/**
 * Joins a reply onto one line: removes an ESP prefix (`smtp;`), and the repeated `550-5.7.1` prefixes of
 * a multi-line reply, keeping the first line's code and enhanced code.
 */
export function unwrapReply(text: string): string {
  const lines = splitLines(
    splitJoinedReply(
      escapedLineBreaks(
        withoutGluedTrace(withoutTableCells(withCutPhraseWordsJoined(text)))
          .replace(WRITTEN_LINE_END, '')
          .replace(ESP_PREFIX, '')
          .trim()
          .replace(EXCHANGE_HASHES, '')
          .replace(CODES_BY_SEMICOLON, '$1 ')
          .replace(DOUBLED_CODE, '$1'),
      ),
    ),
  );
  const out: string[] = [];
  let code: string | null = null;
  let enhanced: string | null = null;
  for (const raw of lines) {
    let line = raw.trim();
    if (!line) continue;
    const m = LINE_CODE.exec(line);
    if (!m && code === null && out.length === 0) {
      // A reply without its basic code: its enhanced code may start the lines after it too.
      enhanced = ENHANCED_HEAD.exec(line)?.[1] ?? null;
      out.push(line);
      continue;
    }
    if (m && code === null && out.length === 0) {
      code = m[1] ?? null;
      const rest = line.slice(m[0].length);
      // As ENHANCED_AFTER_CODE on ` ${rest}` (its `[ -]?` takes the space), without the copy.
      enhanced = ENHANCED_AT_START.exec(rest)?.[1] ?? null;
      out.push(`${code} ${rest}`.trim());
      continue;
    }
    if (m && m[1] === code) {
      line = line.slice(m[0].length);
      if (enhanced && line.startsWith(enhanced)) line = line.slice(enhanced.length).trimStart();
      else if (enhanced && REDACTED_AT_START.test(line)) line = line.replace(REDACTED_AT_START, '');
    } else if (enhanced && line.startsWith(`${enhanced} `)) {
      // Mailgun keeps only the enhanced code before each continuation line (`...Please direct\n4.2.2 the
      // recipient to`); a folded field may have broken a whole prefix in two (`multiple 550` then `5.7.1
      // addresses`).
      line = line.slice(enhanced.length).trimStart();
      const previous = out[out.length - 1] ?? '';
      if (code !== null && previous.endsWith(` ${code}`)) out[out.length - 1] = previous.slice(0, -4);
    }
    // A server's name in brackets that a wrap cut after one of its hyphens (Microsoft's
    // `[HE1EUR01FT027.eop-` / `EUR01.prod.protection.outlook.com]`): one name again.
    const previous = out[out.length - 1];
    if (previous !== undefined && BRACKETED_NAME_CUT.test(previous) && /^[A-Za-z0-9]/.test(line)) {
      out[out.length - 1] = `${previous}${line}`;
      continue;
    }
    out.push(line);
  }
  return withoutStrayClosingQuote(
    withPlainAmpersands(out.join(' '))
      .replace(/\s{2,}/g, ' ')
      .replace(THUNDERBIRD_TAIL, '')
      .trim(),
  );
}

/**
 * Thunderbird's sentence after the reply it quotes, in English and in French (its fr locale's
 * `smtp-error-sending-message`), with the period it puts after the reply: `... LPN104_424. Veuillez
 * vérifier le message et essayer à nouveau.` No server ends its reply so.
 */
const THUNDERBIRD_TAIL =
  /\.?\s{1,4}(?:Please check the message and try again|Veuillez v[ée]rifier le message et essayer [àa] nouveau)\.?\s*$/i;
