/**
 * Forum BBCode around a pasted log or reply: the tags come off, line for line (core/extract/bbcode.ts).
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { withoutBbcode } from '../../core/extract/bbcode';

describe('forum BBCode', () => {
  it('puts an address or a link back to its text and drops code and quote tags', () => {
    expect(withoutBbcode('Unable to relay for [email]jean@example.net[/email]')).toBe(
      'Unable to relay for jean@example.net',
    );
    expect(withoutBbcode('[url=http://postmaster.free.fr/]http://postmaster.free.fr/[/url]')).toBe(
      'http://postmaster.free.fr/',
    );
    expect(withoutBbcode('[code]line one\nline two[/code]')).toBe('line one\nline two');
    const plain = 'host mx[192.0.2.1] said: 550 [102]';
    expect(withoutBbcode(plain)).toBe(plain);
  });

  it('lets an Exim line pasted from a forum give its recipient and reply', async () => {
    const { incidents } = await extract(
      '[code]2008-07-30 12:02:35 1KO9ob-0001vt-DK ** [email]rahmath@orange.fr[/email] R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<[email]rahmath@orange.fr[/email]>: host smtp-in.orange.fr [193.252.22.84]: 550 5.1.1 <[email]rahmath@orange.fr[/email]>: Recipient address rejected[/code]\n',
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    expect(incidents[0]?.reply.text).toBe('550 5.1.1 <rahmath@orange.fr>: Recipient address rejected');
    expect(incidents[0]?.occurredAt).toBe('2008-07-30T12:02:35+00:00');
  });
});
