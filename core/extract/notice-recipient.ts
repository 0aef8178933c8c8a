/**
 * The failed recipient a bounce notice names when it quotes no SMTP reply: the address its text lists
 * before the copy of the returned message, in one of the shapes mail servers use for that list.
 * - OpenSMTPD, qmail, Sendmail: the address at the start of a line, then `:` or `...` and the error
 *   (`kijitora@neko.example.jp: Domain does not exist`, `<x@y>... User unknown`);
 * - Lotus Notes, Gmail's old notice, many others: the address alone on its line;
 * - IMail and others: a label, then the address alone (`Invalid final delivery userid: x@y`);
 * - Exchange 5.5 to 2003: the address, ` on ` and the date of the attempt;
 * - GroupWise: the address and the reason in parentheses (`recipient@example.net (user not found)`), X1
 *   in square brackets (`kijitora@example.co.jp [User unknown]`).
 * Lines labelled as someone else's (From:, Sender:, Return-Path:, Expéditeur : ...) never count, and
 * prose never does: an address in a sentence may be anyone's. (Shapes seen in the Sisimai corpus:
 * lhost-opensmtpd-03, lhost-notes-01, lhost-imailserver-03.)
 *
 * Exchange's summary of the message (`Your Message`, then its `To:`, `Subject:`, `Date:` lines, at the
 * left margin in some versions, blank lines between them) is no copy of the returned message: the list
 * of failed recipients follows it (`Did not reach the following recipient: x@y`, Sisimai's
 * rfc3464-39).
 */
import { domainOf } from './header-block';

/**
 * A whole address, maybe in angle brackets, captured without them (a regular expression's source, for
 * building line patterns): bounded local part, dot-separated labels. Shared with message-details.ts.
 */
export const ADDRESS = String.raw`<?([A-Za-z0-9._%+=/'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})>?`;
/**
 * An address opening the line, followed by `:` or `...` and the error, or by nothing; or, as Exchange
 * 5.5 to 2003 list them under `did not reach the following recipient(s):`, by ` on ` and the date
 * (`userx@example.edu on Fri, 20 Jul 2001 11:08:59 -0700`, `x@y on 7/20/2001 11:08 AM`); or by a
 * reason in lower-case words between parentheses, GroupWise's (`x@y (user not found)`), or in square
 * brackets, as the mail server Sisimai calls X1 lists it under `---The following addresses had delivery
 * errors---` (`kijitora@example.co.jp [User unknown]`, lhost-x1-01).
 */
const LEADING = new RegExp(
  String.raw`^\s{0,12}${ADDRESS}\s{0,4}(?::(?:\s|$)|\.\.\.|$|(?<=\s)on (?:[A-Z][a-z]{2}, |\d{1,4}[/.-])|(?<=\s)\([a-z][a-z ]{2,60}\)\s*$|(?<=\s)\[[A-Za-z][A-Za-z ]{2,60}\]\s*$)`,
);
/** A label (no address in it), then the address alone. */
const LABELLED = new RegExp(String.raw`^\s{0,12}([^:@<>]{2,60}):\s{0,4}${ADDRESS}\s{0,4}\.?$`);
/** Labels whose address is not the failed recipient. */
const OTHER_LABEL =
  /^(?:From|Sender|Sender Address|MAIL FROM|Reply-To|Return-Path|To|Cc|Message-I[Dd]|Exp[ée]diteur|Emetteur|Émetteur|Adresse de l.exp[ée]diteur|De|À|A)$/i;
/** A header line at the left margin: the copy of the returned message starts there. */
const RETURNED_HEADER =
  /^(?:Received|Return-Path|From|To|Subject|Date|Message-I[Dd]|MIME-Version|Content-Type|DKIM-Signature):\s/i;
/** The line that opens Exchange's summary of the message the notice is about. */
const SUMMARY_HEAD = /^\s{0,12}Your message\s{0,4}$/i;
/** A line of that summary: blank, or one of its header-like fields. */
const SUMMARY_LINE = /^\s{0,12}(?:(?:To|Cc|Subject|Date|Sent):\s.{0,300})?$/i;

export interface NoticeRecipient {
  address: string;
  domain: string;
  /** 0-based index of the line in the lines given. */
  lineIndex: number;
}

/**
 * The lines' answers, by their array: a notice's body is asked once per incident, and a notice of
 * thousands of refusals naming no recipient had each of them read every line again (quadratic time).
 */
const answers = new WeakMap<readonly string[], NoticeRecipient | null>();

export function noticeRecipient(lines: readonly string[]): NoticeRecipient | null {
  let answer = answers.get(lines);
  if (answer === undefined) {
    answer = firstListed(lines);
    answers.set(lines, answer);
  }
  return answer;
}

function firstListed(lines: readonly string[]): NoticeRecipient | null {
  let inSummary = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (SUMMARY_HEAD.test(line)) {
      inSummary = true;
      continue;
    }
    if (inSummary && SUMMARY_LINE.test(line)) continue;
    inSummary = false;
    if (RETURNED_HEADER.test(line)) return null;
    if (line.length > 400 || !line.includes('@')) continue;
    const labelled = LABELLED.exec(line);
    const address = labelled
      ? OTHER_LABEL.test((labelled[1] ?? '').trim())
        ? null
        : labelled[2]
      : LEADING.exec(line)?.[1];
    const domain = address ? domainOf(address) : null;
    if (address && domain) return { address, domain, lineIndex: i };
  }
  return null;
}
