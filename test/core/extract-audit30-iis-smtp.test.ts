/**
 * The log of Windows' SMTP service (IIS SMTPSVC), the relay of many Windows web servers: its outgoing
 * rows `OutboundConnectionCommand` / `OutboundConnectionResponse`, `+` for spaces, times in UTC
 * (test/fixtures/extract/audit30mtalogs/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit30mtalogs/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-05T12:00:00Z') };

describe('IIS SMTP refused by Orange at RCPT TO, then at the greeting of a later session', () => {
  it('reads each refusal with its UTC time, the MX address from c-ip and the command it answers', async () => {
    const { incidents } = await extract(fixture('iis-smtpsvc-orange-416-then-102.log'), options);
    expect(incidents).toHaveLength(2);
    const [rcpt, greeting] = incidents;
    expect(rcpt?.format).toBe('iis-smtp');
    expect(rcpt?.occurredAt).toBe('2024-03-12T09:14:58+00:00');
    expect(rcpt?.reply.text).toBe(
      '550 5.1.1 <h.roux@wanadoo.fr>: Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]',
    );
    expect(rcpt?.reply.enhanced).toBe('5.1.1');
    expect(rcpt?.recipientDomain).toBe('wanadoo.fr');
    expect(rcpt?.sendingDomain).toBe('mairie-exemple.fr');
    expect(rcpt?.sendingHosts).toEqual(['web01.mairie-exemple.fr']);
    // Orange's EHLO reply names the address it saw; c-ip is Orange's MX, never the sender's.
    expect(rcpt?.sendingIps).toEqual(['198.51.100.34']);
    expect(rcpt?.remoteIp).toBe('193.252.22.65');
    expect(greeting?.occurredAt).toBe('2024-03-12T16:02:31+00:00');
    expect(greeting?.orange?.reason).toBe(102);
    expect(greeting?.remoteIp).toBe('80.12.242.15');
    expect(greeting?.sendingIps).toEqual(['198.51.100.34']);
    // The earlier session's sender and EHLO are not this one's.
    expect(greeting?.sendingDomain).toBeNull();
    expect(greeting?.sendingHosts).toEqual([]);
    expect(greeting?.recipientDomain).toBeNull();
  });
});

describe('IIS SMTP sessions without ids: the next one to the same address', () => {
  it('is told by its greeting even when the QUIT before it had no reply logged', async () => {
    const sameMx = fixture('iis-smtpsvc-orange-416-then-102.log')
      .replace(/^.*221\+2\.0\.0.*\n/m, '')
      .replaceAll('80.12.242.15', '193.252.22.65');
    const { incidents } = await extract(sameMx, options);
    expect(incidents).toHaveLength(2);
    expect(incidents[1]?.orange?.reason).toBe(102);
    expect(incidents[1]?.sendingDomain).toBeNull();
    expect(incidents[1]?.recipientDomain).toBeNull();
    expect(incidents[1]?.sendingHosts).toEqual([]);
  });
});

describe('an Orange suspension in the IIS log, refused at the greeting', () => {
  it('is linked to the earlier Orange error of the same server (s-computername), whose address it takes', async () => {
    const suspended = fixture('iis-smtpsvc-orange-416-then-102.log').replace(
      /550\+mwinf5c79\S+/,
      '421+mwinf5c79+ME+Service+refuse.+Veuillez+essayer+plus+tard.+Service+refused,+please+try+later.+OFR004_999+[999]',
    );
    const { incidents } = await extract(suspended, options);
    expect(incidents[1]?.orange?.reason).toBe(999);
    expect(incidents[1]?.trigger?.reason).toBe(416);
    expect(incidents[1]?.sendingIps).toEqual(['198.51.100.34']);
  });
});

describe('IIS SMTP with fewer fields and no date, pasted in a question with the web application’s rows', () => {
  it('reads the refusal by the row’s shape, leaves the date to the user and takes no inbound row as sender', async () => {
    const { incidents, warnings } = await extract(fixture('iis-smtpsvc-short-fields-104.txt'), options);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.format).toBe('iis-smtp');
    expect(incident?.reply.code).toBe(421);
    expect(incident?.reply.text).toBe(
      '421 mwinf5c22 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]',
    );
    expect(incident?.orange?.reason).toBe(104);
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.occurredAt).toBeNull();
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.sendingDomain).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('log-no-sending-ip');
  });
});
