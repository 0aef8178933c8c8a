/**
 * A returned copy that kept no Received field of the hop into the remote, only the remote's SPF verdict
 * naming the client (test/fixtures/extract/left57/SOURCES.md, Sisimai's lhost-messagingserver-12): the
 * verdict's `client-ip` and `helo` are the sending IP and host, said in a note; not when the copy holds
 * several verdicts, or when the checker is of the sending domain.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/left57/messagingserver-over-quota-received-spf.eml', import.meta.url),
  ),
  'utf8',
);
const options = { now: new Date('2026-12-07T12:00:00Z') };
const SPF = 'Received-SPF: softfail (pv22p00im-spfmilter022.me.com: domain of transitioning';

describe('the client an SPF verdict of the returned copy names', () => {
  it('gives its address and HELO name as the sending IP and host, with a note', async () => {
    const { incidents } = await extract(fixture, options);
    expect(
      incidents.map((i) => [i.sendingIps, i.sendingHosts, i.sources.sendingIps?.text, i.sendingDomain]),
    ).toEqual([[['192.0.2.222'], ['mail.example.jp'], SPF, 'example.net']]);
    const said = incidents[0]?.assumptions.find((a) => a.code === 'ip.from-spf-verdict');
    expect(said?.text.en).toContain('pv22p00im-spfmilter022.me.com');
    expect(said?.text.fr).toContain('contrôle SPF');
  });

  it('gives nothing when the copy holds two verdicts (whose is the remote’s is not known)', async () => {
    const two = fixture.replace(
      SPF,
      `Received-SPF: pass (mx.example.org: 198.51.100.9 is allowed) receiver=mx.example.org; client-ip=198.51.100.9; helo=mail.example.jp;\n${SPF}`,
    );
    expect(two).not.toBe(fixture);
    const { incidents } = await extract(two, options);
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts])).toEqual([[[], []]]);
  });

  it('gives nothing when the check was made in the sending domain', async () => {
    const own = fixture.replace('receiver=pv22p00im-spfmilter022.me.com;', 'receiver=spf.example.net;');
    expect(own).not.toBe(fixture);
    const { incidents } = await extract(own, options);
    expect(incidents.map((i) => [i.sendingIps, i.sendingHosts])).toEqual([[[], []]]);
  });
});
