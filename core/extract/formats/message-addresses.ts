/**
 * Addresses of a bounce as compared: the one address of a field, its key, two written alike.
 */

import { addressKey } from '../header-block';

/** The one address of an address field (`Name <a@b>` or `a@b`), or null when it holds several or none. */
export function soleAddress(value: string): string | null {
  const found = value.match(/[^\s<>,;"]{1,64}@[A-Za-z0-9.-]{1,253}/g);
  return found?.length === 1 ? (found[0] as string) : null;
}

/** An address as compared (header-block.ts), null for none. */
export function keyOf(address: string | null): string | null {
  return address ? addressKey(address) : null;
}

export function sameAddress(a: string | null, b: string | null): boolean {
  return !!a && !!b && addressKey(a) === addressKey(b);
}
