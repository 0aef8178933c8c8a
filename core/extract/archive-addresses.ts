/**
 * Mail addresses as mailing-list archives show them, to keep them from harvesters: Mailman 2's pipermail
 * writes `newsletter at example.com`, Mailman 3's HyperKitty `newsletter(a)example.com`, MARC
 * (marc.info) `newsletter () example ! com`. A bounce or a log posted to a list and copied from its archive
 * (`from=<newsletter at example.com>`, `Final-Recipient: rfc822; jean at orange.fr`) lost its sending and
 * recipient domains to that. Such an address is put back where its shape leaves no doubt: between angle
 * brackets, after `rfc822;`, or written with `(a)`, which prose never is; and without brackets only
 * where a known bounce or log shape puts an address alone: the recipient's line Exim's notice indents
 * under its `The following address(es) failed:` (`  jean at orange.fr`), and the address after the
 * delivery flag of an Exim log line (`<= infos at example.org H=...`, `** jean at orange.fr R=...`). A bare
 * `x at y.com` in a sentence stays as written. Line for line.
 */

import { includesAfter } from './rare-search';

const LOCAL = "[A-Za-z0-9._%+=&'/-]{1,64}";
/** A domain of at least two labels, ending in letters, its dots written as dots or as MARC's ` ! `. */
const DOMAIN = '(?:[A-Za-z0-9-]{1,63}(?:\\.| ! )){1,8}[A-Za-z]{2,63}';
const AT = '(?: at |\\(a\\)| \\(\\) )';

/** Between angle brackets, or after `rfc822;`, with any of the three separators. */
const BRACKETED = new RegExp(`<(${LOCAL})${AT}(${DOMAIN})>`, 'g');
const RFC822 = new RegExp(`(rfc822;[ \\t]*)(${LOCAL})${AT}(${DOMAIN})(?![A-Za-z0-9.-])`, 'gi');
/** HyperKitty's `(a)` anywhere: no sentence writes it. */
const HYPERKITTY = new RegExp(`(^|[\\s"'=:;,(\\[])(${LOCAL})\\(a\\)(${DOMAIN})(?![A-Za-z0-9.-])`, 'gm');

/**
 * Exim's notice (its bounce and its delay warning), above the recipients it lists one to a line, indented
 * by two spaces, each with its details indented further.
 */
const EXIM_NOTICE =
  /This message was created automatically by mail delivery software|The following address\(es\) (?:failed|have yet to be delivered|have not yet been delivered)\s?:/;
/** Whether EXIM_NOTICE may match: its two wordings' first words, found without trying the expression at every `T`. */
function mayHoldEximNotice(text: string): boolean {
  return text.includes('This message was created') || text.includes('The following address(es) ');
}

/** A line holding an address alone, indented (a `> ` quote's marks too), maybe with a colon after it. */
const ADDRESS_LINE = new RegExp(`^([>\\t ]{0,8}[\\t ])(${LOCAL})${AT}(${DOMAIN})(:?[\\t ]*)$`, 'gm');
/**
 * An Exim log line's delivery flag (`<=` arrival, `=>` `->` delivery, `**` failure, `==` deferral) and its
 * address, followed by a field (`H=`, `R=`), a parent address (`<...>`) or the end of the line.
 */
const EXIM_FLAG = new RegExp(
  `(^|[\\t ])(<=|=>|->|\\*\\*|==) (${LOCAL})${AT}(${DOMAIN})(?= [A-Z]{1,2}=| <|[\\t ]*$)`,
  'gm',
);
/** The flags EXIM_FLAG reads, each with the space after it. */
const EXIM_FLAGS = ['<= ', '=> ', '-> ', '** ', '== '];

function address(local: string, domain: string): string {
  return `${local}@${domain.replaceAll(' ! ', '.')}`;
}

/** `text` with the archives' masked addresses written as addresses again. */
export function withPlainArchiveAddresses(text: string): string {
  const hyperKitty = text.includes('(a)');
  // (Searched from the rarer characters after the space: rare-search.ts.)
  if (!hyperKitty && !includesAfter(text, ' ', 'at ') && !includesAfter(text, ' ', '() ')) return text;
  const notice = mayHoldEximNotice(text) ? EXIM_NOTICE.exec(text) : null;
  const unbracketed = notice
    ? text.slice(0, notice.index) +
      text
        .slice(notice.index)
        .replace(
          ADDRESS_LINE,
          (_, indent: string, local: string, domain: string, end: string) =>
            indent + address(local, domain) + end,
        )
    : text;
  // (Each pattern only where its marks are: most texts hold ` at ` in a sentence and nothing else.)
  const flagged = EXIM_FLAGS.some((flag) => unbracketed.includes(flag))
    ? unbracketed.replace(
        EXIM_FLAG,
        (_, before: string, flag: string, local: string, domain: string) =>
          `${before}${flag} ${address(local, domain)}`,
      )
    : unbracketed;
  const plain = flagged
    .replace(BRACKETED, (_, local: string, domain: string) => `<${address(local, domain)}>`)
    .replace(RFC822, (_, open: string, local: string, domain: string) => open + address(local, domain));
  return hyperKitty
    ? plain.replace(
        HYPERKITTY,
        (_, before: string, local: string, domain: string) => before + address(local, domain),
      )
    : plain;
}
