/**
 * The W3C log of Windows Server's SMTP service (IIS SMTPSVC), the relay many web applications send
 * through: the remote's replies on `OutboundConnectionResponse` lines, spaces written `+`
 * (test/fixtures/extract/audit30orangewild/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../fixtures/extract/audit30orangewild/${name}`, import.meta.url)),
    'utf8',
  );
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('the IIS SMTP service’s W3C log', () => {
  it('reads Orange’s refusal at end of DATA with what the outbound session sent', async () => {
    const { incidents } = await extract(fixture('iis-smtpsvc-w3c-greeting-and-data.log'), options);
    expect(incidents).toHaveLength(2);
    const data = incidents[0];
    expect(data?.format).toBe('iis-smtp');
    // W3C logs are written in UTC.
    expect(data?.occurredAt).toBe('2024-03-05T08:41:14+00:00');
    expect(data?.reply).toEqual({
      code: 550,
      enhanced: '5.2.0',
      text: '550 5.2.0 Mail rejete. Mail rejected. OFR_506 [506]',
    });
    expect(data?.orange?.reason).toBe(506);
    expect(data?.remoteIp).toBe('193.252.22.84');
    expect(data?.sendingDomain).toBe('atelier-brunet.fr');
    expect(data?.recipientDomain).toBe('orange.fr');
    expect(data?.sendingHosts).toEqual(['relais.atelier-brunet.fr']);
    // The local session's address (127.0.0.1) and Orange's are no sending IP.
    expect(data?.sendingIps).toEqual([]);
  });

  it('reads a refusal at the greeting on a new connection, nothing carried over from the last', async () => {
    const { incidents } = await extract(fixture('iis-smtpsvc-w3c-greeting-and-data.log'), options);
    const greeting = incidents[1];
    expect(greeting?.occurredAt).toBe('2024-03-05T09:12:40+00:00');
    expect(greeting?.reply.code).toBe(550);
    expect(greeting?.reply.enhanced).toBeNull();
    expect(greeting?.reply.text).toMatch(/^550 mwinf5c79 ME Adresse IP source bloquee .* \[102\]$/);
    expect(greeting?.orange).toMatchObject({ token: 'OFR006_102', server: 'mwinf5c79' });
    expect(greeting?.sendingIps).toEqual(['203.0.113.41']);
    expect(greeting?.remoteIp).toBe('80.12.242.10');
    expect(greeting?.sendingDomain).toBeNull();
    expect(greeting?.sendingHosts).toEqual([]);
  });

  it('takes no bare machine name said in EHLO for the sending host', async () => {
    const bare = fixture('iis-smtpsvc-w3c-greeting-and-data.log').replace(
      'EHLO - relais.atelier-brunet.fr',
      'EHLO - APPSRV02',
    );
    const { incidents } = await extract(bare, options);
    expect(incidents[0]?.sendingHosts).toEqual([]);
    expect(incidents[0]?.sendingDomain).toBe('atelier-brunet.fr');
  });

  it('reads a refusal logged as the first line of a multi-line reply (IIS logs one row per reply)', async () => {
    const firstLine = fixture('iis-smtpsvc-w3c-greeting-and-data.log').replace(
      '550+5.2.0+Mail+rejete',
      '550-5.2.0+Mail+rejete',
    );
    const { incidents } = await extract(firstLine, options);
    expect(incidents).toHaveLength(2);
    expect(incidents[0]?.orange?.reason).toBe(506);
    expect(incidents[0]?.recipientDomain).toBe('orange.fr');
  });
});
