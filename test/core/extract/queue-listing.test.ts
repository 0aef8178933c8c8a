/**
 * A pasted mail queue listing (Postfix's postqueue -p / mailq, Sendmail's mailq): one incident per
 * remote reason and recipient domain, the envelope sender's domain, and no date (the listing gives only
 * when the message arrived), said in a note.
 */
import { describe, expect, it } from 'vitest';
import { detectInput, extract } from '../../../core/extract';
import { fixtureText } from './fixtures';

describe('mail queue listings', () => {
  it('are recognised as such, and a log or a reply is not', () => {
    expect(detectInput(fixtureText('queue/postqueue-orange.txt'))).toBe('queue');
    expect(detectInput(fixtureText('queue/sendmail-mailq-crlf.txt'))).toBe('queue');
    expect(
      detectInput(
        'Mar 16 10:02:18 mta1 postfix/smtp[1002]: 4QXk3F0nTbz9vC: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] said: 421 mwinf5c10 ME Trop de connexions. OFR005_104 [104])',
      ),
    ).toBe('log');
    expect(
      detectInput('421 mwinf5c10 ME Trop de connexions. Too many connections, slow down. OFR005_104 [104]'),
    ).toBe('text');
  });

  it("reads Postfix's listing: one incident per remote reason and recipient domain, never this machine's own", async () => {
    const { incidents } = await extract(fixtureText('queue/postqueue-orange.txt'));
    // The active entry has no reason, the timeout is local, the content filter on 127.0.0.1 is this machine's.
    expect(
      incidents.map((i) => [i.format, i.orange?.token, i.recipientDomain, i.sendingDomain, i.remoteIp]),
    ).toEqual([
      ['postfix', 'OFR005_104', 'orange.fr', 'example.com', '193.252.22.65'],
      ['postfix', 'OFR005_104', 'wanadoo.fr', 'example.com', '193.252.22.65'],
      ['postfix', 'OFR006_102', 'orange.fr', 'example.org', '80.12.242.15'],
    ]);
    const [first, , cloudmark] = incidents;
    expect(first?.reply).toEqual({
      code: 421,
      enhanced: null,
      text: '421 mwinf5c10 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    });
    expect(first?.remoteHost).toBe('smtp-in.orange.fr');
    expect(first?.isOrange).toBe(true);
    expect(first?.sources.sendingDomain?.line).toBe(5);
    expect(first?.sources.reply?.line).toBe(6);
    expect(first?.sources.recipientDomain?.line).toBe(7);
    // The reply's Cloudmark link names the sending IP.
    expect(cloudmark?.sendingIps).toEqual(['203.0.113.7']);
    expect(cloudmark?.reply.code).toBe(550);
  });

  it('leaves the date empty and gives the arrival time in a note, in French and English', async () => {
    const { incidents, warnings } = await extract(fixtureText('queue/postqueue-orange.txt'));
    const first = incidents[0];
    expect(first?.occurredAt).toBeNull();
    expect(first?.assumptions.map((a) => a.code)).toEqual(['queue.arrival-only']);
    expect(first?.assumptions[0]?.text.fr).toContain('l’heure d’arrivée du message (Mon Mar 16 10:02:17)');
    expect(first?.assumptions[0]?.text.en).toContain('when the message arrived (Mon Mar 16 10:02:17)');
    expect(warnings.map((w) => w.code)).toContain('missing.occurredAt');
  });

  it("reads Sendmail's listing with CRLF line ends as Sendmail's", async () => {
    const { incidents } = await extract(fixtureText('queue/sendmail-mailq-crlf.txt'));
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i?.format).toBe('sendmail');
    expect(i?.orange).toEqual({ token: 'OFR_999', reason: 999, server: 'mwinf5c77' });
    expect(i?.reply.code).toBe(421);
    expect(i?.recipientDomain).toBe('orange.fr');
    expect(i?.sendingDomain).toBe('example.com');
    expect(i?.remoteHost).toBeNull();
  });
});

describe('a queue listing whose long reason a terminal or a document wrapped', () => {
  const listing = [
    '91AB41A0E02!    1902 Wed Aug 26 11:20:31  cron@mta1.example.com',
    '(host smtp-in.orange.fr[193.252.22.84] refused to talk to me:',
    ' 550 mwinf5c41 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 [102])',
    '                                         jean@orange.fr',
    '',
  ];

  it('joins the reason up to its closing parenthesis, with or without the header', async () => {
    for (const text of [
      listing.join('\n'),
      ['-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------', ...listing].join('\n'),
    ]) {
      expect(detectInput(text)).toBe('queue');
      const { incidents } = await extract(text);
      expect(incidents).toHaveLength(1);
      expect(incidents[0]?.reply.code).toBe(550);
      expect(incidents[0]?.orange?.token).toBe('OFR006_102');
      expect(incidents[0]?.remoteIp).toBe('193.252.22.84');
      expect(incidents[0]?.recipientDomain).toBe('orange.fr');
    }
  });
});
