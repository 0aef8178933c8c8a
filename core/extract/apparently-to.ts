/**
 * Yahoo Mail writes the envelope recipient of a copy it took in as `X-Apparently-To: user@example.com;
 * Fri, 30 Apr 2021 04:00:09 +0000` (one address, then the date it received the copy). In the copy a
 * Yahoo notice returns, that is the mailbox Yahoo failed to deliver to, even when the copy's To names
 * someone else (a list writing `To:` its own address; Dada Mail's permanent_error.eml, 2021).
 */
import { domainOf, type Field } from './header-block';

const APPARENTLY_TO = /^\s*<?([^\s<>;,@]{1,64}@[A-Za-z0-9.-]{1,253}[A-Za-z0-9])>?\s*;/;

/** The domain of the one address a returned copy's X-Apparently-To names, with its field; or null. */
export function apparentRecipient(fields: readonly Field[]): { domain: string; field: Field } | null {
  const found = fields.filter((f) => f.name === 'x-apparently-to');
  if (found.length !== 1) return null;
  const field = found[0] as Field;
  const address = APPARENTLY_TO.exec(field.value)?.[1];
  const domain = address ? domainOf(address) : null;
  return domain ? { domain, field } : null;
}
