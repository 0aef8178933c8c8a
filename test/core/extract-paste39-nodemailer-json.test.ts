/**
 * nodemailer's debug output logged through pino or bunyan (one JSON object per line): read as the session
 * its console logger shows, each incident dated by its reply's own record. Fixtures and sources:
 * test/fixtures/extract/paste39/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/paste39/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe("nodemailer's session logged as pino or bunyan JSON lines", () => {
  it('reads the envelope, both ends and the epoch-millisecond time of a pino session refused at RCPT', async () => {
    const { incidents, warnings } = await extract(fixture('nodemailer-pino-rcpt-416.ndjson'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe(
      '550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(incident?.orange?.reason).toBe(416);
    // `"time":1795512121371`: milliseconds since the epoch, UTC, no zone assumed.
    expect(incident?.occurredAt).toBe('2026-11-24T09:22:01+00:00');
    expect(incident?.assumptions).toEqual([]);
    expect(incident?.sources.occurredAt?.line).toBe(9);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.sendingIps).toEqual(['203.0.113.25']);
    expect(incident?.sendingHosts).toEqual(['mailer.example.com']);
    expect(incident?.sendingDomain).toBe('example.com');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sources.reply?.line).toBe(9);
    expect(incident?.sources.remoteHost?.line).toBe(1);
    expect(warnings.map((w) => w.code)).toEqual([]);
  });

  it('reads a bunyan session refused at the greeting without making up its envelope', async () => {
    const { incidents } = await extract(fixture('nodemailer-bunyan-greeting-102.ndjson'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.occurredAt).toBe('2026-11-25T16:40:12+00:00');
    expect(incident?.assumptions).toEqual([]);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('193.252.22.84');
    expect(incident?.sendingIps).toEqual(['198.51.100.44']);
    // No MAIL FROM or RCPT TO was sent: neither side's address is known.
    expect(incident?.recipientDomain).toBeNull();
    expect(incident?.sendingDomain).toBeNull();
    expect(incident?.sources.reply?.line).toBe(4);
  });

  it("reads messages that kept the console logger's prefix, CRLF line ends, a time with its offset", async () => {
    const { incidents } = await extract(fixture('nodemailer-pino-adapter-prefix-506-crlf.ndjson'));
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    expect(incident?.occurredAt).toBe('2026-11-26T08:05:45+01:00');
    expect(incident?.assumptions).toEqual([]);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.remoteIp).toBe('80.12.242.15');
    expect(incident?.sendingIps).toEqual(['192.0.2.61']);
    expect(incident?.sendingDomain).toBe('crm.example.net');
    expect(incident?.recipientDomain).toBe('wanadoo.fr');
    expect(incident?.sources.reply?.line).toBe(14);
  });

  it("leaves an application's own error record to the event reader (no session in it)", async () => {
    const line = JSON.stringify({
      level: 50,
      time: 1795512121373,
      pid: 4127,
      hostname: 'app-7f9c',
      err: {
        type: 'Error',
        message: 'Message failed: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
        code: 'EMESSAGE',
        response: '550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]',
        responseCode: 550,
        command: 'DATA',
      },
      msg: 'failed to send invoice mail',
    });
    const { incidents } = await extract(line);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toBe('550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]');
    expect(incidents[0]?.occurredAt).toBe('2026-11-24T09:22:01+00:00');
    expect(incidents[0]?.remoteHost).toBeNull();
  });
});
