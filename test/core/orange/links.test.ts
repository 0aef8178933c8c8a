import {
  ALLOWED_LINK_HOSTS,
  abusixLookupLink,
  cloudmarkResetLink,
  isAllowedLink,
  orangePostmasterLink,
  spamhausLookupLink,
} from '../../../core/orange/links';

describe('links', () => {
  it('fills the IP into Cloudmark, Abusix and Spamhaus forms', () => {
    expect(cloudmarkResetLink('198.51.100.9').url).toBe(
      'https://csi.cloudmark.com/reset-request/?ip=198.51.100.9',
    );
    expect(abusixLookupLink('198.51.100.9').url).toBe('https://lookup.abusix.com/search?q=198.51.100.9');
    expect(spamhausLookupLink('198.51.100.9').url).toBe(
      'https://check.spamhaus.org/results/?query=198.51.100.9',
    );
    expect(orangePostmasterLink().url).toBe('https://postmaster.orange.fr/');
  });

  it('writes IPv6 in canonical form, encoded', () => {
    expect(cloudmarkResetLink('2001:DB8:0:0::7').url).toBe(
      'https://csi.cloudmark.com/reset-request/?ip=2001%3Adb8%3A%3A7',
    );
  });

  it.each(['203.0.113.5&ip=1.2.3.4', 'javascript:alert(1)', '<script>', '', '   '])(
    'never puts "%s" into a URL',
    (junk) => {
      expect(cloudmarkResetLink(junk).url).toBe('https://csi.cloudmark.com/reset-request/');
      expect(spamhausLookupLink(junk).url).toBe('https://check.spamhaus.org/');
    },
  );

  it('names the IP in both languages', () => {
    const link = cloudmarkResetLink('198.51.100.9');
    expect(link.label.fr).toContain('198.51.100.9');
    expect(link.label.en).toContain('198.51.100.9');
    expect(link.label.fr).not.toBe(link.label.en);
  });

  it('every link it builds is https on an allow-listed host', () => {
    const urls = [
      cloudmarkResetLink('198.51.100.9'),
      cloudmarkResetLink(null),
      abusixLookupLink('example.com'),
      abusixLookupLink(null),
      spamhausLookupLink('example.com'),
      spamhausLookupLink(null),
      orangePostmasterLink(),
    ].map((link) => new URL(link.url));
    for (const url of urls) {
      expect(url.protocol).toBe('https:');
      expect(ALLOWED_LINK_HOSTS).toContain(url.hostname);
    }
    expect(new Set(urls.map((u) => u.hostname))).toEqual(new Set(ALLOWED_LINK_HOSTS));
  });

  it.each([
    ['https://postmaster.orange.fr/', true],
    ['http://postmaster.orange.fr/', false],
    ['https://postmaster.orange.fr.example.com/', false],
    ['https://evil.example/?https://csi.cloudmark.com', false],
    ['not a url', false],
    ['https://user:pw@postmaster.orange.fr/', false],
    ['https://postmaster.orange.fr:8443/', false],
  ])('isAllowedLink(%s) = %s', (url, expected) => {
    expect(isAllowedLink(url)).toBe(expected);
  });
});
