/**
 * A Postfix log's syslog host field gives the machine's short name (`serverb`) and the remote's reply names
 * the client by its full name (`<serverb.srv.monentreprise.info[94.23.42.58]>: Client host rejected`): the
 * full name alone is the sending host, with a note saying where it came from; a client name of another
 * first label is listed beside the short one (test/fixtures/extract/hunt49fr/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const dir = fileURLToPath(new URL('../fixtures/extract/hunt49fr/', import.meta.url));
const fixture = (name: string) => readFileSync(`${dir}${name}`, 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };
const NAME = 'pastebin-ktv8Gjkw-fr-postfix-client-host-rejected-masked-mx.log';

describe('a short syslog host name beside its full name in the reply', () => {
  it('keeps the full name only, cited from the reply, and says so instead of asking to complete it', async () => {
    const { incidents } = await extract(fixture(NAME), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.sendingHosts).toEqual(['serverb.srv.monentreprise.info']);
    expect(incident?.sources.sendingHosts?.text).toContain('<serverb.srv.monentreprise.info[94.23.42.58]>');
    const codes = incident?.assumptions.map((a) => a.code);
    expect(codes).toContain('sending-host-from-reply');
    expect(codes).not.toContain('sending-host-from-syslog');
    expect(incident?.assumptions.find((a) => a.code === 'sending-host-from-reply')?.text.fr).toContain(
      '«\u00a0serverb\u00a0»',
    );
  });

  it('lists both when the reply names a client of another first label', async () => {
    const text = fixture(NAME).replace('<serverb.srv.', '<relay2.srv.');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingHosts).toEqual(['serverb', 'relay2.srv.monentreprise.info']);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('sending-host-from-syslog');
  });

  it('keeps the short name when the full one is a redaction’s', async () => {
    const text = fixture(NAME).replace('<serverb.srv.monentreprise.info[', '<serverb.xxxx.fr[');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.sendingHosts).toEqual(['serverb']);
  });
});
