/**
 * Orange's refusals as real pastes show them, round 34 (test/fixtures/extract/audit34orange/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit34orange/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('the DragonFly Mail Agent’s syslog lines', () => {
  it('reads Debian’s dma: the MX and its address from the refusal line, the envelope of the queue id', async () => {
    const { incidents } = await extract(fixture('dma-syslog-debian-connect-102.log'), options);
    expect(incidents).toHaveLength(2);
    const [blocked, suspended] = incidents;
    expect(blocked?.format).toBe('dma');
    expect(blocked?.occurredAt).toBe('2026-12-05T10:11:59+00:00');
    expect(blocked?.sendingHosts).toEqual(['web1']);
    expect(blocked?.sendingIps).toEqual(['203.0.113.25']);
    expect(blocked?.sendingDomain).toBe('example.com');
    expect(blocked?.recipientDomain).toBe('orange.fr');
    expect(blocked?.remoteHost).toBe('smtp-in.orange.fr');
    expect(blocked?.remoteIp).toBe('193.252.22.65');
    expect(blocked?.reply?.code).toBe(550);
    expect(blocked?.orange?.token).toBe('OFR006_102');
    expect(blocked?.orange?.server).toBe('mwinf5c21');
    expect(suspended?.recipientDomain).toBe('wanadoo.fr');
    expect(suspended?.remoteIp).toBe('80.12.242.10');
    expect(suspended?.reply?.code).toBe(421);
    expect(suspended?.orange?.reason).toBe(999);
  });

  it('reads the older lines: the MX from the `trying remote delivery` line before the refusal', async () => {
    const { incidents } = await extract(fixture('dma-syslog-old-rcpt-416.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('dma');
    expect(incident?.occurredAt).toBe('2026-12-05T10:12:01+00:00');
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.reply?.enhanced).toBe('5.1.1');
    expect(incident?.orange?.reason).toBe(416);
  });
});

describe('a connection opened by hand with netcat', () => {
  it('takes the MX and its address from netcat’s `-v` line, the sending IP from the Cloudmark link', async () => {
    const { incidents } = await extract(fixture('netcat-v-greeting-102-forum-fr.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
    expect(incident?.reply?.code).toBe(554);
    expect(incident?.orange?.token).toBe('OFR006_102');
  });
});

describe('`sendmail -v` delivering in the foreground', () => {
  it('takes the MX from `... Connecting to HOST. via esmtp...` written without `050 `', async () => {
    const { incidents } = await extract(fixture('sendmail-v-foreground-416.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBeNull();
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.reply?.code).toBe(550);
    expect(incident?.orange?.reason).toBe(416);
  });
});

describe('Courier’s delivery status notification', () => {
  it('takes the address of the Remote-MTA written in brackets after the name', async () => {
    const { incidents } = await extract(fixture('courier-dsn-connect-102.eml'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.orange?.token).toBe('OFR006_102');
  });

  it('reads its text part pasted alone: one refusal, the server and address above the transcript', async () => {
    const { incidents } = await extract(fixture('courier-notice-text-rcpt-416.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.10');
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.reply?.text).toBe(
      '550 5.1.1 kQz8tPq0Xs1fG Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(incident?.orange?.reason).toBe(416);
  });
});

describe('Courier’s mail log', () => {
  it('reads courieresmtp’s reply line as the log’s refusal: the machine that logged it, its envelope', async () => {
    const { incidents } = await extract(fixture('courier-mta-log-two-messages.log'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('courier');
    expect(incident?.occurredAt).toBe('2026-12-05T10:12:01+00:00');
    expect(incident?.sendingHosts).toEqual(['mail']);
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.remoteHost).toBeNull();
    expect(incident?.reply?.code).toBe(421);
    expect(incident?.orange?.reason).toBe(999);
  });
});

describe('the Courier mail server’s notice', () => {
  it('reads its text part as one refusal by the server its peer line names', async () => {
    const { incidents } = await extract(fixture('courier-notice-text-greeting-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [refusal] = incidents;
    expect(refusal?.reply.text).toMatch(/^550 mwinf5c10 ME Adresse IP source bloquee .* \[102\]$/);
    expect(refusal?.orange).toMatchObject({ token: 'OFR006_102', reason: 102, server: 'mwinf5c10' });
    expect(refusal?.remoteHost).toBe('smtp-in.orange.fr');
    expect(refusal?.remoteIp).toBe('193.252.22.65');
    expect(refusal?.recipientDomain).toBe('orange.fr');
    expect(refusal?.sendingIps).toEqual(['192.0.2.44']);
    // The server that wrote the notice is the one Orange refused.
    expect(refusal?.sendingHosts).toEqual(['mail.example.com']);
    // `The original message was received on ...`: the only date of the text, with its zone.
    expect(refusal?.occurredAt).toBe('2025-06-10T10:11:57+02:00');
    // (Courier's time of taking the message in, said in a note: the refusal came then or later.)
    expect(refusal?.assumptions.map((a) => a.code)).toEqual(['date.received-at-only']);
  });

  it('gives each recipient block its own recipient and server', async () => {
    const { incidents } = await extract(fixture('courier-notice-text-416-and-506.txt'), options);
    expect(incidents).toHaveLength(2);
    const [rcpt, data] = incidents;
    expect(rcpt?.orange?.reason).toBe(416);
    expect(rcpt?.recipientDomain).toBe('wanadoo.fr');
    expect(rcpt?.remoteHost).toBe('smtp-in.orange.fr');
    expect(rcpt?.remoteIp).toBe('80.12.242.10');
    expect(rcpt?.sources.remoteIp?.line).toBe(14);
    expect(data?.orange?.reason).toBe(506);
    expect(data?.recipientDomain).toBe('orange.fr');
    expect(data?.remoteIp).toBe('80.12.242.10');
    expect(data?.sendingHosts).toEqual(['relais.example.com']);
  });

  it('takes the address its Remote-MTA field writes in brackets after the name', async () => {
    const { incidents } = await extract(fixture('courier-dsn-greeting-102.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incidents[0]?.remoteIp).toBe('193.252.22.65');
    expect(incidents[0]?.sendingIps).toEqual(['192.0.2.44']);
  });
});

describe('links a mail gateway rewrote in Orange’s reply', () => {
  it('reads the sending IP in a Cloudmark link behind Microsoft’s Safe Links, and gives the reply its own link back', async () => {
    const { incidents } = await extract(fixture('outlook-safelinks-postfix-notice-102.txt'), options);
    expect(incidents).toHaveLength(1);
    const [refusal] = incidents;
    expect(refusal?.sendingIps).toEqual(['192.0.2.44']);
    expect(refusal?.reply.text).toBe(
      '550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.44 [102]',
    );
    expect(refusal?.remoteIp).toBe('193.252.22.65');
  });

  it('reads an Abusix link behind Proofpoint’s URL Defense (version 2)', async () => {
    const { incidents } = await extract(fixture('list-reply-urldefense-v2-abusix-100.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['203.0.113.25']);
    expect(incidents[0]?.orange?.reason).toBe(100);
    expect(incidents[0]?.reply.text).toContain(
      'please visit https://lookup.abusix.com/search?q=203.0.113.25 [100]',
    );
  });

  it('reads a Cloudmark link behind Proofpoint’s URL Defense (version 3)', async () => {
    const { incidents } = await extract(fixture('exim-bounce-urldefense-v3-102.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.sendingIps).toEqual(['198.51.100.61']);
    expect(incidents[0]?.reply.text).toContain(
      'Ref http://csi.cloudmark.com/reset-request/?ip=198.51.100.61 [102]',
    );
  });
});

describe('a log quoted under a mail client’s attribution line', () => {
  it('takes the log line’s year from the attribution’s date, seconds and zone written', async () => {
    const { incidents } = await extract(fixture('list-reply-urldefense-v2-abusix-100.txt'), options);
    expect(incidents[0]?.occurredAt).toBe('2025-06-11T09:31:07+00:00');
  });

  it('reads the year of KMail’s French attribution (weekday and month in full, seconds, zone)', async () => {
    const { incidents } = await extract(fixture('kmail-fr-quoted-postfix-999.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(999);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T15:58:12+00:00');
  });

  it('reads the year of Evolution’s attribution (an ISO date after the weekday)', async () => {
    const { incidents } = await extract(fixture('evolution-quoted-postfix-104.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(104);
    expect(incidents[0]?.occurredAt).toBe('2025-06-11T09:12:44+00:00');
  });
});

describe('a log line in a forum post', () => {
  it('takes its year from phpBB’s post header, not from the day of reading', async () => {
    const { incidents } = await extract(fixture('phpbb-post-dated-postfix-999.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(999);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T13:58:12+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-from-message');
  });

  it('takes its year from GitHub’s comment header copied from the issue page', async () => {
    const { incidents } = await extract(fixture('github-issue-page-postfix-999.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T13:58:12+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-from-message');
    // GitHub writes the day alone: the note names no time it did not write.
    const note = incidents[0]?.assumptions.find((a) => a.code === 'assumed-year-from-message');
    expect(note?.text.en).toContain('dated 2025-12-03 (line');
    expect(note?.text.fr).toContain('daté du 2025-12-03 (ligne');
    expect(note?.text.en).not.toContain('23:59');
  });
});

describe('a log line in a message pasted with its header lines', () => {
  it('takes its year from the date Outlook writes (`Envoyé :`) above the message', async () => {
    const { incidents } = await extract(fixture('outlook-fr-forwarded-log-postfix-999.txt'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2025-12-03T13:58:12+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('assumed-year-from-message');
  });
});

describe('a person’s mail pasted with its header fields, quoting the sender’s log', () => {
  it('reads the log it quotes: each refusal dated by its line, with the log’s host, sender and trigger', async () => {
    const { incidents } = await extract(fixture('person-mail-quoting-postfix-log-102-999.eml'), options);
    expect(incidents).toHaveLength(2);
    const [blocked, suspended] = incidents;
    // Not the mail's Date (15:20:11 +01:00, when the customer wrote): the log line's own time.
    expect(blocked?.occurredAt).toBe('2026-12-04T10:12:03+00:00');
    expect(blocked?.sources.occurredAt?.line).toBe(15);
    expect(blocked?.assumptions.map((a) => a.code)).toContain('assumed-year-from-message');
    expect(blocked?.sendingHosts).toEqual(['mta2']);
    expect(blocked?.sendingIps).toEqual(['203.0.113.25']);
    expect(blocked?.sendingDomain).toBe('lettres-ventes.example');
    expect(blocked?.remoteIp).toBe('193.252.22.65');
    expect(blocked?.orange?.reason).toBe(102);
    expect(suspended?.occurredAt).toBe('2026-12-04T11:40:18+00:00');
    expect(suspended?.orange?.reason).toBe(999);
    expect(suspended?.trigger?.occurredAt).toBe('2026-12-04T10:12:03+00:00');
  });
});
