/**
 * The only places the app may open in the system browser: https pages of these hosts (Orange's
 * postmaster site and the blocklists Orange's replies point to).
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [
  'postmaster.orange.fr',
  'assistance.orange.fr',
  'csi.cloudmark.com',
  'lookup.abusix.com',
  'check.spamhaus.org',
  'www.spamhaus.org',
  'www.signal-spam.fr',
  'www.barracudacentral.org',
  'www.spamcop.net',
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
