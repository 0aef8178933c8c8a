import { isAllowedExternalUrl } from '../../electron/main/external-links';

describe('external link allow-list', () => {
  it.each([
    'https://postmaster.orange.fr/',
    'https://csi.cloudmark.com/reset-request/?ip=203.0.113.7',
    'https://lookup.abusix.com/search?q=203.0.113.7',
    'https://check.spamhaus.org/results/?query=203.0.113.7',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://postmaster.orange.fr/',
    'https://postmaster.orange.fr.evil.example/',
    'https://user:pass@postmaster.orange.fr/',
    'https://postmaster.orange.fr:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker/share',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('links the app itself produces', () => {
  it('every advice link and every pre-flight delisting link is allowed', async () => {
    const { ALLOWED_LINK_HOSTS } = await import('../../core/orange/links');
    const { DNSBL_LISTS } = await import('../../core/preflight/dnsbl-lists');
    for (const host of ALLOWED_LINK_HOSTS) expect(isAllowedExternalUrl(`https://${host}/`)).toBe(true);
    for (const list of DNSBL_LISTS) expect(isAllowedExternalUrl(list.link('203.0.113.7').url)).toBe(true);
  });
});
