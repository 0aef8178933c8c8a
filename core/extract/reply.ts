/**
 * Reading one SMTP reply: basic code, enhanced code, the text on one line, and Orange's parts
 * (token, reason number, server id, the sending IP written in its links). Sync and pure.
 *
 * Facts used (../shared/notes/orange.md, section 2):
 * - Orange replies look like `550 mwinf5c04 ME <fr>. <en>. OFR006_102 Ref http://...?ip=<IP> [102]`
 *   or `550 opmta1mti07aub smtp.orange.fr <session> ... OFR006_100 please visit ...?q=<IP> [100]`.
 * - Tokens come as OFR_NNN, OFRppp_NNN, OFR004-104, OFR 305, ofr_506; the last three digits carry the
 *   meaning and are echoed as [NNN].
 * - The SPF refusal carries no token: it is recognised by its wording, see `isOrangeSpfRefusal`. Its
 *   `orange` part has token and reason null (the knowledge code tests the text with that function).
 */
import type { OrangeReply, SmtpReply } from '../types';
import { findClientIps } from './client-ip';
import { exchangeInnerReply } from './exchange-wrapper';
import { reasonAfterGluedPrefix } from './glued-orange-prefix';
import { splitLines } from './header-block';
import { extractIps, isNonPublicIp, normalizeIp } from './ip';
import { ironPortInnerReply } from './ironport-status';
import { breaksAsSpaces } from './joined-lines';
import { EXIM_RECORD_START } from './logs/exim-stamp';
import { allMatches } from './matches';
import { ORANGE_MAIL_DOMAINS, ORANGE_MX_NAMES } from './orange-network';
import { isSpacedToken, spacedTokenContradicted } from './spaced-orange-token';
import { JAVA_FRAME_ANYWHERE, POWERSHELL_POSITION } from './stack-frame';

export interface ParsedReply {
  reply: SmtpReply;
  orange: OrangeReply | null;
  /** Sending IPs the reply names: in links, after Orange's token, in wordings naming the client. */
  linkIps: string[];
  isOrangeReply: boolean;
}

const ESP_PREFIX = /^\s*(?:smtp|x-smtp|x-postfix|x-unix|x-local|mta|x-exim|x-qmail)\s*;\s*/i;
/** The codes joined by a semicolon (`550;5.7.711 Access denied`, Microsoft's French documentation). */
const CODES_BY_SEMICOLON = /^([245]\d\d);(?=[245]\.\d{1,3}\.\d{1,3}\s)/;
/**
 * The basic code written twice (Mailgun's log: `Server response: 550 550 5.7.1 [IP 11] Our system has
 * detected ...`, a Gmail refusal quoted in a GitHub issue): once is the reply's.
 */
const DOUBLED_CODE = /^([245]\d\d) \1(?=[ -])/;
const LINE_CODE = /^([245]\d\d)([ -])\s*/;
const CODE_ANYWHERE = /(?<![\w.\-/#:=[\]@])([245]\d\d)(?=[ -]|:\s|$)/g;
const LABELLED_CODE = /(?:ERROR[_ ]CODE\s{0,2}:\s{0,2}|ResponseCode\s{1,2}|Reply-Code:\s{0,2})([245]\d\d)\b/i;
const ENHANCED_AFTER_CODE = /^:?[ -]?#?([245]\.\d{1,3}\.\d{1,3})(?![0-9]|\.[0-9])/;
const ENHANCED_AT_START = /^#?([245]\.\d{1,3}\.\d{1,3})(?![0-9]|\.[0-9])/;
// Away from the code, only a subject RFC 3463 defines (0 to 7): Yahoo's `... deferred - 4.16.50` is its
// own reference, not an enhanced code.
const ENHANCED_ANYWHERE = /(?<![0-9.])#?([245]\.[0-7]\.\d{1,3})(?![0-9]|\.[0-9])/;
// The prefix may be followed by a space instead of `_` (spaced-orange-token.ts), when the reason after it
// starts no IP address (`OFR006 203.0.113.7` is not a token).
export const ORANGE_TOKEN = /\bOFR(?:(\d{3})(?:[_-]| (?=\d{3}(?!\d|\.\d)))|[ _-]?)(\d{3})(?!\d)/i;
const BRACKET_REASON = /\[(\d{3})\]/g;
const ORANGE_SERVER = /\b(mwinf\d[a-z]\d{1,3}|opmta\d{1,2}[a-z]{2,4}\d{1,3}[a-z]{1,4}\d{0,3})\b/i;
// Newer replies put the server id right before `smtp.orange.fr` (`421 opmtad4k4345ydf smtp.orange.fr
// 9d0fgdhg9n Trop de connexions`, a Postfix notice in crisp-oss/email-bounce-parser's fixtures): an
// `opmta` id of another pattern is read from that place.
const ORANGE_SERVER_BEFORE_HOST = /\b(opmta[a-z0-9]{3,16})\s{1,4}smtp\.orange\.fr\b/i;
// (Or without its scheme, at the start of a word: pflogsumm's report cuts a reply at `http:`.)
const URL = /(?:\bhttps?:|(?<!\S))\/\/[^\s"'<>]{1,2048}/gi;
// `&amp;ip=`: the link as an HTML notice writes it, copied with its entity (a real Orange reply).
const GMX_IP_CASE = /[?&]i=ip(?:&|$)/i;
const GMX_IP_VALUE = /[?&]v=([^&#\s"'<>]{1,128})/gi;
const LINK_PARAM = /[?&;](?:ip|q|search|searchString|value)=([^&#\s"'<>]{1,128})/gi;
// SpamCop's lookup names the address as the whole query: `spamcop.net/bl.shtml?192.0.2.95`.
const BARE_QUERY = /\?([0-9A-Fa-f:.]{2,45})(?=[^0-9A-Fa-f:.]|$)/g;
// So does Proofpoint's older lookup: `https://support.proofpoint.com/dnsbl-lookup.cgi?192.0.2.1`.
const BARE_QUERY_PAGE = /\/dnsbl-lookup\.cgi\?[0-9A-Fa-f:.]/i;
const URL_HOST = /^(?:https?:)?\/\/([^/?#:]{1,253})/i;
const IP_AFTER_TOKEN = /^\s{0,3}(?:ip\s{0,2}[:=]?\s{0,2})?(\S{3,45})/i;
const TRAILING_PUNCTUATION = /[.,;)]$/;
// Sites whose `?ip=` links name the connecting client, as seen in real replies (Orange's own and its
// blocklists; GMX's rDNS page, Proofpoint's DNSBL lookup, Facebook's response codes; Cisco's
// `senderbase.org/search?searchBy=ipaddress&searchString=IP` and Talos's `lookup?search=IP`; Barracuda's
// `barracudanetworks.com/reputation/?r=1&ip=IP` and `barracudacentral.org/lookups/lookup-reputation`;
// IONOS's `554 For explanation visit https://www.ionos.com/help/index.php?id=2425&ip=IP&c=hd`, and web.de's,
// on the same platform as GMX: `554 For explanation visit https://web.de/email/senderguidelines?ip=IP&c=rdns`;
// the SPF project's `openspf.org/Why?id=sender&ip=IP&receiver=...`, SpamCop's `spamcop.net/bl.shtml?IP`).
const LINK_HOSTS = [
  'openspf',
  'spamcop',
  'cloudmark',
  'abusix',
  'orange',
  'wanadoo',
  'spamhaus',
  'gmx',
  'proofpoint',
  'facebook',
  'senderbase',
  'talosintelligence',
  'barracuda',
  'ionos',
  'web.de',
  // NiX Spam's lookup: `http://www.dnsbl.manitu.net/lookup.php?value=192.0.2.1`.
  'manitu',
  // NetEase's help page: `http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=smtp10&time=...`.
  'mail.163.com',
  'mail.126.com',
];

/**
 * French wordings only Orange uses (accents and case removed before matching). Not `Service refuse.
 * Veuillez essayer plus tard`, which La Poste writes too (`550 5.5.0 Service refuse. ... LPN007_510`).
 */
const ORANGE_WORDINGS = [
  'adresse ip source bloquee',
  'emetteur invalide',
  'trop de connexions',
  'adresse d au moins un destinataire invalide',
  'boite du destinataire pleine',
  'spf/dns de votre nom de domaine',
];

const NON_ASCII = /[^\x00-\x7f]/;

/** True when `text` holds one of the words (a loop: no closure per call). */
function includesAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** Lower case, accents removed: `Émetteur refusé` → `emetteur refuse`. */
export function foldText(text: string): string {
  // ASCII text has no accents to remove and is its own NFD form.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Orange's token-less SPF refusal (`Emetteur invalide ... SPF check failed`). */
export function isOrangeSpfRefusal(text: string): boolean {
  const t = foldText(text);
  return (
    t.includes('emetteur invalide') && (t.includes('spf check failed') || t.includes('configuration spf'))
  );
}

/** True for Orange's MX/relay names and any host under orange.fr or wanadoo.fr. */
export function isOrangeHost(name: string): boolean {
  const host = name.trim().toLowerCase().replace(/\.$/, '');
  if (ORANGE_MX_NAMES.includes(host)) return true;
  return ORANGE_MAIL_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

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
  // Digits and dots only go into the pattern. Not after a basic code (`Out: 221 2.0.0 Bye` in a quoted
  // transcript; `go to?535 5.7.8 https://...`, a prefix a copy glued to the word before it).
  const marker = new RegExp(
    `(?<![245]\\d\\d) (?=${enhanced.replace(/\./g, '\\.')} (?:[A-Za-z]|https?://))`,
    'g',
  );
  const after = text.slice(rest);
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

/** Exim writes a multi-line reply on one log line, its line breaks as `\n` (`...authorized\n550-5.7.1 to send`). */
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
        withoutGluedTrace(withoutTableCells(text))
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
 * A link of the reply as HTML source writes it (`...?ec=OFR006_101&amp;ip=192.0.2.1`, a reply copied from
 * a page's source into a test script): the `&` the server sent.
 */
function withPlainAmpersands(reply: string): string {
  return reply.includes('&amp;')
    ? reply.replace(/\bhttps?:\/\/\S{1,2000}/g, (url) => url.replaceAll('&amp;', '&'))
    : reply;
}

/**
 * Thunderbird's sentence after the reply it quotes, in English and in French (its fr locale's
 * `smtp-error-sending-message`), with the period it puts after the reply: `... LPN104_424. Veuillez
 * vérifier le message et essayer à nouveau.` No server ends its reply so.
 */
const THUNDERBIRD_TAIL =
  /\.?\s{1,4}(?:Please check the message and try again|Veuillez v[ée]rifier le message et essayer [àa] nouveau)\.?\s*$/i;

const OPENER_OF: Record<string, string> = { '"': '"', '”': '“', '»': '«' };

/**
 * The reply without a closing quote it never opened: the writer's own, around the whole message the
 * reply ends (`The error message is: "A message that you sent ... reason: 550 ... bare LF found"`),
 * nor the backslash left of an escaped one.
 */
function withoutStrayClosingQuote(reply: string): string {
  // A backslash at the end is what was left of an escaped quote (`with message \"550 ... denied\".`).
  const unescaped = reply.endsWith('\\') ? reply.replace(/\\+$/, '').trimEnd() : reply;
  const whole = withoutProseAfterQuote(withoutCodeStringEnd(unescaped));
  // The writer's period after the quote goes with it (`... expéditeur sortant incorrect».`, Microsoft's
  // French documentation quoting a reply).
  const text = /[»”"]\.$/.test(whole) ? whole.slice(0, -1) : whole;
  const opener = OPENER_OF[text.charAt(text.length - 1)];
  if (!opener) return whole;
  let opened = 0;
  for (const c of text) if (c === opener) opened++;
  // A `"` closes one of the `"` before it only when they are an odd number (itself included).
  const stray = opener === '"' ? opened % 2 === 1 : opened === 0;
  return stray ? text.slice(0, -1).trimEnd() : whole;
}

/** The one `"` of the reply, closing a sentence, then the writer's next sentence (`... later." However, I ...`). */
const QUOTE_THEN_PROSE = /^([^"]*[.!?])"\s+[A-Z][^"]*$/;

/**
 * The reply without what its writer went on with after the quote around it closed: a post quoting an
 * error in a sentence (`an error message appears stating, "Can’t send mail - ...: 550 ... Try again
 * later." However, I have observed that ...`). Only when that quote is the one `"` of the reply.
 */
function withoutProseAfterQuote(text: string): string {
  const m = QUOTE_THEN_PROSE.exec(text);
  return m?.[1] ?? text;
}

/** A string's closing quote then the brackets of the object or call around it (`... deviation' }`). */
const CODE_STRING_END = /\s{0,2}['"`]\s{0,2}([)}\]]{1,3})[,;]?$/;
const BRACKET_OPENER: Record<string, string> = { ')': '(', '}': '{', ']': '[' };

/**
 * The reply without the end of the string a program's output quoted it in, when the brackets after
 * that string's closing quote open nowhere in the reply (Node's `{ message: 'Server responded with 550
 * ...\r\n' }`): they close the program's object around it, not anything the server wrote.
 */
function withoutCodeStringEnd(text: string): string {
  const m = CODE_STRING_END.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index);
  for (const closer of m[1] ?? '') if (before.includes(BRACKET_OPENER[closer] ?? closer)) return text;
  return before.trimEnd();
}

/**
 * The reply's basic code: the first 4xx/5xx code (a greeting banner `220-` before a refusal is not
 * the answer), else a labelled one (`ERROR_CODE :550`), else the first 2xx.
 */
function findCode(text: string): { code: number | null; after: number } {
  const head = text.slice(0, 4096);
  let first2xx: RegExpExecArray | null = null;
  CODE_ANYWHERE.lastIndex = 0;
  for (let m = CODE_ANYWHERE.exec(head), n = 0; m && n < 50; m = CODE_ANYWHERE.exec(head), n++) {
    if (m[1]?.[0] !== '2') return { code: Number(m[1]), after: m.index + m[0].length };
    first2xx ??= m;
  }
  const labelled = LABELLED_CODE.exec(head);
  if (labelled) return { code: Number(labelled[1]), after: -1 };
  if (first2xx) return { code: Number(first2xx[1]), after: first2xx.index + first2xx[0].length };
  return { code: null, after: -1 };
}

function findEnhanced(text: string, code: number | null, after: number): string | null {
  if (after >= 0) {
    const direct = ENHANCED_AFTER_CODE.exec(text.slice(after, after + 40));
    if (direct?.[1]) return direct[1];
  }
  const any = ENHANCED_ANYWHERE.exec(text.slice(0, 4096));
  const enhanced = any?.[1] ?? null;
  if (enhanced && code !== null && enhanced[0] !== String(code)[0]) return null;
  return enhanced;
}

function findLinkIps(text: string, tokenEnd: number): string[] {
  const ips: string[] = [];
  for (const url of allMatches(URL, text)) {
    const host = URL_HOST.exec(url[0])?.[1]?.toLowerCase() ?? '';
    if (!includesAny(host, LINK_HOSTS)) continue;
    // GMX's case links name the client as `i=ip&v=192.0.2.85` (`postmaster.gmx.net/de/case?c=r0735&i=ip&v=...`).
    const params = GMX_IP_CASE.test(url[0])
      ? allMatches(GMX_IP_VALUE, url[0])
      : host.includes('spamcop') || BARE_QUERY_PAGE.test(url[0])
        ? allMatches(BARE_QUERY, url[0])
        : allMatches(LINK_PARAM, url[0]);
    for (const p of params) {
      let value = p[1] ?? '';
      // Without '%' there is nothing to decode (and nothing to throw on).
      if (value.includes('%')) {
        try {
          value = decodeURIComponent(value);
        } catch {
          // keep the raw value; a broken escape cannot hide a valid IP anyway
        }
      }
      // A link ending a sentence keeps its punctuation (`...lookup.cgi?ip=192.0.2.165:`).
      const ip = normalizeIp(value) ?? normalizeIp(value.replace(/[.,;:)\]]+$/, ''));
      if (ip && !ips.includes(ip)) ips.push(ip);
    }
  }
  if (tokenEnd >= 0) {
    // `OFR006_103 203.0.113.7 [103]`: an IP written right after the token.
    const after = text.slice(tokenEnd, tokenEnd + 80);
    const bracket = after.indexOf('[');
    const tail = bracket >= 0 ? after.slice(0, bracket) : after;
    const first = IP_AFTER_TOKEN.exec(tail)?.[1]?.replace(TRAILING_PUNCTUATION, '');
    const ip = first ? normalizeIp(first) : null;
    if (ip && !ips.includes(ip)) ips.push(ip);
    for (const other of extractIps(tail)) if (!ips.includes(other)) ips.push(other);
  }
  // Wordings naming the connecting client (`Client host [IP] blocked`, `banned sending IP [IP]`...).
  for (const ip of findClientIps(text)) if (!ips.includes(ip)) ips.push(ip);
  // A private address in a link was put there by whoever redacted the bounce: never the sending IP.
  const publicIps: string[] = [];
  for (const ip of ips) if (!isNonPublicIp(ip)) publicIps.push(ip);
  return publicIps;
}

/**
 * La Poste's own token (`LPN007_510`, also `LPN416` and `LPN 104-105`): a reply in French wording that is
 * La Poste's, not Orange's.
 */
const LA_POSTE_TOKEN = /\bLPN ?\d{3}(?!\d)/;

function hasOrangeWording(text: string): boolean {
  const folded = foldText(text);
  return includesAny(folded, ORANGE_WORDINGS) && !LA_POSTE_TOKEN.test(text);
}

function parseOrange(text: string, code: number | null): { orange: OrangeReply | null; tokenEnd: number } {
  const tokenMatch = ORANGE_TOKEN.exec(text);
  const head = text.slice(0, 400);
  const serverMatch = ORANGE_SERVER.exec(head) ?? ORANGE_SERVER_BEFORE_HOST.exec(head);
  const server = serverMatch?.[1]?.toLowerCase() ?? null;
  let token: string | null = null;
  let reason: number | null = null;
  // A spaced token its `[NNN]` contradicts names no reason, nor does the bracket (one of the two is wrong).
  const contradicted =
    tokenMatch !== null && isSpacedToken(tokenMatch) && spacedTokenContradicted(tokenMatch, text);
  if (tokenMatch && !contradicted) {
    const prefix = tokenMatch[1] ?? '';
    // `OFR006 203.0.113.7 [103]`: the prefix alone, the reason in the bracket (glued-orange-prefix.ts).
    const bracketReason = reasonAfterGluedPrefix(tokenMatch, text);
    token = bracketReason ? `OFR${tokenMatch[2]}` : `OFR${prefix}_${tokenMatch[2]}`;
    reason = bracketReason ?? Number(tokenMatch[2]);
  }
  // The wordings are looked for only when neither a token nor a server id says it is Orange.
  const isOrange = token !== null || server !== null || hasOrangeWording(text);
  if (!isOrange) return { orange: null, tokenEnd: -1 };
  if (reason === null && code !== null && !contradicted) {
    // The last `[NNN]` of the reply, when it is a reason number.
    const brackets = allMatches(BRACKET_REASON, text);
    const last = brackets.length > 0 ? Number(brackets[brackets.length - 1]?.[1]) : -1;
    if (last >= 100) reason = last;
  }
  const tokenEnd = tokenMatch && !contradicted ? tokenMatch.index + tokenMatch[0].length : -1;
  return { orange: { token, reason, server }, tokenEnd };
}

// Its `)` may be missing: a post or a table cut it off, or a wrap left only `(in reply to` on the line.
const IN_REPLY_TO = /\s*\(in reply to(?: [^()]{1,80}(?:\)\s*)?)?\s*$/i;

/**
 * The reply itself out of a longer line: from its code on (drops `host X[ip] said:` and recipient
 * prefixes), without Postfix's `(in reply to ... command)` and without a closing parenthesis that
 * belongs to the wrapper.
 */
function trimToReply(text: string, codeAt: number): string {
  let reply = codeAt > 0 ? text.slice(codeAt) : text;
  // The wrapper's closing parenthesis first: Postfix's note may sit before it (`... (in reply to end of
  // DATA command))`, a status line's text pasted from its `(host X said: ...`).
  if (reply.endsWith(')')) {
    let depth = 0;
    for (const ch of reply) depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) reply = reply.slice(0, -1).trimEnd();
  }
  return reply.replace(IN_REPLY_TO, '').replace(EXIM_GAVE_UP, '').replace(PHP_LOCATION, '');
}

/**
 * Where a PHP exception's message says it was thrown, after the reply it quotes (MailSo, the mail
 * library of RainLoop and SnappyMail: `... Domain not found in /var/www/.../SmtpClient.php:596`, or
 * `... header From" @ /home/.../SmtpClient.php#568`).
 */
const PHP_LOCATION = /\s(?:in|@)\s\/\S{1,400}\.php(?::|#)\d{1,6}$/;

/** Exim's own words after the reply when it gave up retrying (`...: 451 ...: retry timeout exceeded`). */
const EXIM_GAVE_UP = /:\s{0,4}retry timeout exceeded\b[\s\S]{0,2000}$/;

/**
 * The reply up to Orange's reason in brackets when more lines or words follow it: Orange ends its
 * replies with `OFR004_104 [104]`, so lines after it are another reply (two example replies one under
 * the other) or a reader's words, not this one's; so are words after it on its line (a sign-off a
 * paste's unwrapping joined to a reply wrapped at 72 columns: `... OFR_999 [999] Cordialement`).
 * Postfix's `(in reply to ...)` after it stays for trimToReply.
 */
function endedAtOrangeReason(text: string): string {
  const token = ORANGE_TOKEN.exec(text);
  if (!token?.[2]) return text;
  const from = token.index + token[0].length;
  const bracket = text.indexOf(`[${token[2]}]`, from);
  if (bracket < 0 || bracket - from > 300) return text;
  const end = bracket + 5;
  return /^\.?[ \t]*(?:\r?\n\s*\S|\p{L})/u.test(text.slice(end, end + 400)) ? text.slice(0, end) : text;
}

/** Parses one SMTP reply text (see the module comment). Never throws. */
export function parseReply(text: string): ParsedReply {
  // Exchange's own status quoting the remote's reply: the remote's is the reply (each wrapper is shorter).
  const inner = exchangeInnerReply(text);
  if (inner !== null && inner.length < text.length) return parseReply(inner);
  // IronPort's status around the remote's reply (`5.3.0 - Other mail system problem 550-'...'`): the same.
  const quoted = ironPortInnerReply(text);
  if (quoted !== null && quoted.length < text.length) return parseReply(quoted);
  const joined = unwrapReply(endedAtOrangeReason(text));
  const found = findCode(joined);
  const codeAt = found.after < 0 ? 0 : found.after - 3;
  let unwrapped = trimToReply(joined, codeAt);
  // A reply joined on one line after words of its own (`host X said: 550-5.7.1 ... 550 5.7.1 ...`).
  const split = splitJoinedReply(unwrapped);
  if (split !== unwrapped) unwrapped = unwrapReply(split);
  const { code, after } = findCode(unwrapped);
  const enhanced = findEnhanced(unwrapped, code, after);
  const { orange, tokenEnd } = parseOrange(unwrapped, code);
  const linkIps = findLinkIps(unwrapped, tokenEnd);
  return {
    reply: { code, enhanced, text: unwrapped },
    orange,
    linkIps,
    isOrangeReply: orange !== null,
  };
}

/**
 * A reply a program gave as its code and its lines apart (Cisco's `('550', ['5.1.1 ...', ...])`, Rust
 * lettre's `Response`), as the server sent it: `550-` before each line, `550 ` before the last.
 */
export function replyFromLines(code: string, lines: readonly string[]): string {
  return lines.map((line, k) => `${code}${k < lines.length - 1 ? '-' : ' '}${line}`).join('\n');
}
