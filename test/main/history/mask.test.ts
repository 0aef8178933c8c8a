import { maskRecipients } from '../../../electron/services/history/mask';

describe('maskRecipients', () => {
  it('masks recipients in a DSN, keeps the sender, role accounts and every line ending', () => {
    const dsn = [
      'From: MAILER-DAEMON@mail1.example.com (Mail Delivery System)',
      'To: newsletter@news.example.com',
      '',
      '<marie.martin@wanadoo.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550',
      '',
      'Reporting-MTA: dns; mail1.example.com',
      'Final-Recipient: rfc822; marie.martin@wanadoo.fr',
      'Original-Recipient: rfc822;Marie.Martin+promo@partner.example.net',
      'X-Failed-Recipients: a@example.net, b.c@example.org',
      'Contact postmaster@orange.fr or abuse@orange.fr if needed.',
    ].join('\r\n');
    const masked = maskRecipients(dsn);
    expect(masked.split('\r\n')).toEqual([
      'From: MAILER-DAEMON@mail1.example.com (Mail Delivery System)',
      'To: newsletter@news.example.com',
      '',
      '<***@wanadoo.fr>: host smtp-in.orange.fr[193.252.22.65] said: 550',
      '',
      'Reporting-MTA: dns; mail1.example.com',
      'Final-Recipient: rfc822; ***@wanadoo.fr',
      'Original-Recipient: rfc822;***@partner.example.net',
      'X-Failed-Recipients: ***@example.net, ***@example.org',
      'Contact postmaster@orange.fr or abuse@orange.fr if needed.',
    ]);
  });

  it('masks Postfix to=/orig_to=, SMTP RCPT TO and JSON recipient fields, not the sender', () => {
    const log =
      'Nov 20 09:12:44 mail1 postfix/smtp[4242]: 4Bx1: to=<client@partner.example.net>, orig_to=<alias@example.net>, relay=smtp-in.orange.fr[80.12.242.10]:25\r' +
      '>>> RCPT TO:<someone@example.org>\r' +
      '{"sender":"bounces@news.example.com","rcpt":"paul@example.org","recipient": "anne@example.net"}';
    const masked = maskRecipients(log);
    expect(masked).toContain('to=<***@partner.example.net>, orig_to=<***@example.net>');
    expect(masked).toContain('RCPT TO:<***@example.org>');
    expect(masked).toContain(
      '"sender":"bounces@news.example.com","rcpt":"***@example.org","recipient": "***@example.net"',
    );
    expect(masked.split('\r')).toHaveLength(3);
  });

  it('leaves text without recipient addresses unchanged and is idempotent', () => {
    const reply =
      '550 mwinf5c04 ME Adresse IP source bloquee. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=203.0.113.7 [102]';
    expect(maskRecipients(reply)).toBe(reply);
    const once = maskRecipients('To: jean@orange.fr\nnot-an-address@ and @orange.fr');
    expect(once).toBe('To: ***@orange.fr\nnot-an-address@ and @orange.fr');
    expect(maskRecipients(once)).toBe(once);
  });

  it('copes with a 1 MB line full of near-addresses (a linear scan; timings are in bench/)', () => {
    const line = `${'a.'.repeat(200_000)}@@x.${'@'.repeat(300_000)}to=<${'b'.repeat(100_000)}@orange.fr>`;
    const masked = maskRecipients(line);
    expect(masked.length).toBeLessThan(line.length);
    expect(masked.endsWith('***@orange.fr>')).toBe(true);
  });
});
