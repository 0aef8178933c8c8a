/**
 * A syslog host field that is an IP address (a remote syslog server writing the address it received the
 * line from, sources in test/fixtures/extract/logsmisc/SOURCES.md): no host name, and not taken as the
 * sending IP either (a relay's, a NAT's or another interface's address may be written there); a public one
 * is said in a note.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(new URL('../../../fixtures/extract/logsmisc/exim-syslog-ng-ip-host.log', import.meta.url)),
  'utf8',
);

describe('a syslog host field that is an IP address', () => {
  const result = scanLogText(text, { now: NOW });

  it('is neither a sending host name nor a sending IP', () => {
    for (const incident of result.incidents) {
      expect(incident.sendingHosts).toEqual([]);
      expect(incident.sendingIps).toEqual([]);
      expect(incident.assumptions.map((a) => a.code)).not.toContain('sending-host-from-syslog');
    }
  });

  it('is said in a note when public, to be checked before it is reported', () => {
    const note = at(result, 2).assumptions.find((a) => a.code === 'syslog-host-is-ip');
    expect(note?.text.en).toContain('203.0.113.51');
    expect(note?.text.fr).toContain('203.0.113.51');
    // A private address cannot be the sending IP: nothing to check.
    expect(at(result, 6).assumptions.map((a) => a.code)).not.toContain('syslog-host-is-ip');
  });

  it("still links the 999 to the earlier Orange error logged by the same machine's address", () => {
    expect(at(result, 5).trigger).toMatchObject({ line: 2, token: 'OFR_506' });
    expect(at(result, 6).trigger).toBeNull();
  });

  it('keeps a host name written there as the sending host', () => {
    const named = scanLogText(text.replaceAll('203.0.113.51', 'mx1.example.net'), { now: NOW });
    expect(at(named, 2).sendingHosts).toEqual(['mx1.example.net']);
    expect(at(named, 5).trigger).toMatchObject({ line: 2 });
  });
});
