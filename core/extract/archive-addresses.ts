/**
 * Mail addresses as mailing-list archives show them, to keep them from harvesters: Mailman 2's pipermail
 * writes `newsletter at example.com`, Mailman 3's HyperKitty `newsletter(a)example.com`, MARC
 * (marc.info) `newsletter () example ! com`. A bounce or a log posted to a list and copied from its archive
 * (`from=<newsletter at example.com>`, `Final-Recipient: rfc822; jean at orange.fr`) lost its sending and
 * recipient domains to that. Such an address is put back where its shape leaves no doubt: between angle
 * brackets, after `rfc822;`, or written with `(a)`, which prose never is; a bare `x at y.com` in a
 * sentence stays as written. Line for line.
 */

const LOCAL = "[A-Za-z0-9._%+=&'/-]{1,64}";
/** A domain of at least two labels, ending in letters, its dots written as dots or as MARC's ` ! `. */
const DOMAIN = '(?:[A-Za-z0-9-]{1,63}(?:\\.| ! )){1,8}[A-Za-z]{2,63}';
const AT = '(?: at |\\(a\\)| \\(\\) )';

/** Between angle brackets, or after `rfc822;`, with any of the three separators. */
const BRACKETED = new RegExp(`<(${LOCAL})${AT}(${DOMAIN})>`, 'g');
const RFC822 = new RegExp(`(rfc822;[ \\t]*)(${LOCAL})${AT}(${DOMAIN})(?![A-Za-z0-9.-])`, 'gi');
/** HyperKitty's `(a)` anywhere: no sentence writes it. */
const HYPERKITTY = new RegExp(`(^|[\\s"'=:;,(\\[])(${LOCAL})\\(a\\)(${DOMAIN})(?![A-Za-z0-9.-])`, 'gm');

function address(local: string, domain: string): string {
  return `${local}@${domain.replaceAll(' ! ', '.')}`;
}

/** `text` with the archives' masked addresses written as addresses again. */
export function withPlainArchiveAddresses(text: string): string {
  if (!text.includes(' at ') && !text.includes('(a)') && !text.includes(' () ')) return text;
  return text
    .replace(BRACKETED, (_, local: string, domain: string) => `<${address(local, domain)}>`)
    .replace(RFC822, (_, open: string, local: string, domain: string) => open + address(local, domain))
    .replace(
      HYPERKITTY,
      (_, before: string, local: string, domain: string) => before + address(local, domain),
    );
}
