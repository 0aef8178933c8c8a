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
