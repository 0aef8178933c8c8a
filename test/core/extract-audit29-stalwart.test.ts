/**
 * Stalwart's own text log (0.9 and later), as its users paste it: the refusal's event line, the DSN line
 * repeating it with the enhanced code, the connection's line naming the MX address and the local one
 * (test/fixtures/extract/audit29logwild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit29logwild/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('Stalwart refused at the end of DATA, pasted in an issue with its submission lines', () => {
  it('is one incident: the rejection line, the DSN’s enhanced code, the MX of the connection', async () => {
    const { incidents, warnings } = await extract(fixture('stalwart-orange-506-data.md'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('stalwart');
    expect(incident?.occurredAt).toBe('2025-02-11T09:14:04+00:00');
    expect(incident?.sources.reply?.line).toBe(12);
    expect(incident?.reply.code).toBe(550);
    expect(incident?.reply.enhanced).toBe('5.2.0');
    expect(incident?.orange?.token).toBe('OFR_506');
    expect(incident?.sendingDomain).toBe('atelier-exemple.fr');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.15');
    // localIp = 0.0.0.0: Stalwart let the system choose; the submitting client's address is no sender's.
    expect(incident?.sendingIps).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('log-no-sending-ip');
  });
});

describe('Stalwart deferred twice by Orange, from `docker compose logs` without stamps', () => {
  it('keeps each attempt, with its MX address and the bound local address, and no date', async () => {
    const { incidents } = await extract(fixture('stalwart-compose-rcpt-retry.log'), options);
    expect(incidents.map((i) => [i.remoteIp, i.orange?.server, i.reply.code])).toEqual([
      ['193.252.22.65', 'mwinf5c77', 421],
      ['80.12.242.15', 'mwinf5c79', 421],
    ]);
    for (const incident of incidents) {
      expect(incident.sendingIps).toEqual(['198.51.100.25']);
      expect(incident.sendingDomain).toBe('lettres-exemple.fr');
      expect(incident.recipientDomain).toBe('orange.fr');
      expect(incident.occurredAt).toBeNull();
    }
  });

  it('reads the lines behind journald’s prefix, its host the sending host and the event’s stamp the date', async () => {
    const journald = fixture('stalwart-compose-rcpt-retry.log').replace(
      /^stalwart {2}\| /gm,
      'Mar 14 09:02:12 mail.lettres-exemple.fr stalwart[1895]: 2025-03-14T08:02:12Z ',
    );
    const { incidents } = await extract(journald, options);
    expect(incidents).toHaveLength(2);
    expect(incidents[0]?.sendingHosts).toEqual(['mail.lettres-exemple.fr']);
    expect(incidents[0]?.occurredAt).toBe('2025-03-14T08:02:12+00:00');
  });

  it('reads the DSN line alone as the refusal when the excerpt starts there', async () => {
    const line =
      '2025-03-14T08:02:12Z INFO DSN permanent failure notification (delivery.dsn-perm-fail) queueId = 3188, queueName = "remote", from = "info@lettres-exemple.fr", to = ["a@orange.fr"], size = 1, total = 1, to = "a@orange.fr", hostname = "smtp-in.orange.fr", details = "Unexpected response for RCPT TO:<a@orange.fr>: Code: 550, Enhanced code: 5.1.1, Message: g1aPogOQcUQ7x Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]", total = 0';
    const { incidents } = await extract(line, options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply).toMatchObject({ code: 550, enhanced: '5.1.1' });
    expect(incidents[0]?.orange?.token).toBe('OFR_416');
    expect(incidents[0]?.occurredAt).toBe('2025-03-14T08:02:12+00:00');
  });

  it('makes no incident of deliveries, DSN successes and inbound session lines', async () => {
    const text = [
      '2025-03-14T08:02:11Z INFO SMTP RCPT TO command (smtp.rcpt-to) listenerId = "smtp", localPort = 25, remoteIp = 192.0.2.9, remotePort = 40112, to = "b@example.org"',
      // Stalwart's own reply to a client (#1999's TRACE shape): its refusal of inbound mail, not ours.
      '2025-03-14T08:02:11Z TRACE Raw SMTP output sent (smtp.raw-output) listenerId = "smtp", localPort = 25, remoteIp = 192.0.2.9, remotePort = 40112, size = 36, contents = "550 5.1.2 Mailbox does not exist.\\r\\n"',
      '2025-03-14T08:02:12Z INFO Message delivered (delivery.delivered) queueId = 3189, queueName = "remote", from = "info@lettres-exemple.fr", to = ["b@orange.fr"], size = 1, total = 1, hostname = "smtp-in.orange.fr", to = "b@orange.fr", code = 250, details = "2.0.0 mwinf5c77 ME message accepted", elapsed = 800ms',
      '2025-03-14T08:02:12Z INFO DSN success notification (delivery.dsn-success) queueId = 3190, queueName = "local", from = "<>", to = ["info@lettres-exemple.fr"], size = 1, total = 1, to = "info@lettres-exemple.fr", hostname = "localhost", code = 250, details = "OK"',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents).toEqual([]);
  });
});

describe('Stalwart refused at the greeting: the failure logged as its status text', () => {
  it('reads the reply from `Code: N, Enhanced code: 0.0.0, Message: ...`, once with its DSN line', async () => {
    const { incidents } = await extract(fixture('derived-stalwart-greeting-102-then-999.log'), options);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([102, 999]);
    const [block, suspension] = incidents;
    expect(block?.reply).toMatchObject({ code: 550, enhanced: null });
    expect(block?.reply.text).toMatch(/^550 mwinf5c10 ME Adresse IP source bloquee .* \[102\]$/);
    expect(block?.sources.reply?.line).toBe(3);
    expect(block?.sendingIps).toEqual(['198.51.100.25']);
    expect(block?.remoteIp).toBe('193.252.22.65');
    expect(suspension?.reply.code).toBe(421);
    expect(suspension?.recipientDomain).toBe('wanadoo.fr');
    expect(suspension?.remoteIp).toBe('80.12.242.15');
    expect(suspension?.occurredAt).toBe('2025-03-14T08:40:03+00:00');
  });
});
