/**
 * The only places the app may open in the system browser: https pages of the hosts that the advice
 * (core/orange/links.ts) and the pre-flight delisting links point to, plus Signal Spam.
 */
import { ALLOWED_LINK_HOSTS } from '../../core/orange/links';

export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  ...ALLOWED_LINK_HOSTS,
  'www.spamhaus.org',
  'www.spamcop.net',
  'www.barracudacentral.org',
  'psbl.org',
  'www.signal-spam.fr',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.port === '' || parsed.port === '443') &&
    ALLOWED_EXTERNAL_HOSTS.includes(parsed.hostname)
  );
}
