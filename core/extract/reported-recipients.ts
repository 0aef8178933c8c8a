/**
 * An abuse report (ARF, RFC 5965) whose `Original-Rcpt-To:` lines name recipients under several domains
 * (a feedback loop listing every envelope recipient of the reported message, Return Path's seven; RFC
 * 5965 §3.2 allows the field more than once): it does not say which of them complained. No domain is
 * taken then, not even Orange's among them (the report may come from another provider's loop), nor the
 * reported copy's To (a list's address, a blind copy's other recipients): the field stays empty and a
 * note names the domains listed.
 */
import { domainOf, type Field, fieldValue, stripType } from './header-block';

/** The domains a report's `Original-Rcpt-To:` lines name, in order, when there are several; else null. */
export function severalReportedDomains(perMessage: readonly Field[]): string[] | null {
  if (fieldValue(perMessage, 'feedback-type') === null) return null;
  const domains: string[] = [];
  for (const f of perMessage) {
    if (f.name !== 'original-rcpt-to') continue;
    const domain = domainOf(stripType(f.value))?.toLowerCase();
    if (domain && !domains.includes(domain)) domains.push(domain);
  }
  return domains.length > 1 ? domains : null;
}
