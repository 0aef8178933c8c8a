/**
 * A machine's name that is only a word for "a machine" under a top-level name (`host.com`,
 * `MAILSERVER.COM`) is a poster's stand-in (the rows of hunt48, hunt50 and hunt54 that name one); a
 * single label, or a host under such a domain, is still a name.
 */
import { describe, expect, it } from 'vitest';
import { isMaskedHost } from '../../core/extract/redaction';

describe('a stand-in for a machine name', () => {
  it('masks the bare word under a top-level name, in any case', () => {
    for (const host of ['host.com', 'MAILSERVER.COM', 'servername.net', 'smtpserver.fr', 'hostname.de.']) {
      expect(isMaskedHost(host), host).toBe(true);
    }
  });

  it('keeps a single label, a host under such a domain, and other words', () => {
    for (const host of [
      'mailserver',
      'mx1.mailserver.com',
      'mail.host.com',
      'hostinger.com',
      'myhostel.fr',
    ]) {
      expect(isMaskedHost(host), host).toBe(false);
    }
  });
});
