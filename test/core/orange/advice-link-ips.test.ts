/**
 * The per-IP links of the advice (Cloudmark's reset form for 102, Abusix for 100) are built only from a
 * sending IP the IP check accepts: a typed private, reserved, malformed address or one of Orange's own gets
 * no link, and the advice says why in both languages. Nor does a documentation address (an example or a
 * masked sample, never a real sender), which the IP check only warns about.
 */
import { advise } from '../../../core/orange/advice';
import { incidentForReason, makeIncident } from './make-incident';

const urls = (ips: string[]) => advise(makeIncident({ sendingIps: ips })).links.map((l) => l.url);

describe('advice links built from the sending IP', () => {
  it.each([
    ['a private address', '10.0.0.1'],
    ['a loopback address', '127.0.0.1'],
    ['a carrier-grade NAT address', '100.64.12.7'],
    ['three parts, which ipaddr.js reads as 203.0.0.113', '203.0.113'],
    ['a bare number, which ipaddr.js reads as 192.168.1.1', '3232235777'],
    ['an Orange MX address', '193.252.22.65'],
  ])('offers no Cloudmark link for %s (%s), only the blank form', (_what, ip) => {
    expect(urls([ip])).toEqual(['https://csi.cloudmark.com/reset-request/']);
    expect(advise(makeIncident({ sendingIps: [ip] })).links.map((l) => l.label.en)).toEqual([
      'Cloudmark reset request',
    ]);
  });

  it('says why, in French and in English', () => {
    const { summary } = advise(makeIncident({ sendingIps: ['192.168.1.20'] }));
    expect(summary.fr).toContain(
      '192.168.1.20 est une adresse privée (RFC 1918)\u00a0: Orange voit l’adresse publique de votre serveur, pas celle-ci. Aucun lien n’est donc construit avec cette adresse.',
    );
    expect(summary.en).toContain(
      "192.168.1.20 is a private (RFC 1918) address: Orange sees your server's public address, not this one. So no link is built with this address.",
    );
  });

  it('keeps the links of the valid addresses beside a rejected one', () => {
    // Google's outbound address (paste39/gmail-connect-refused-orange-102.eml): a real sender's.
    expect(urls(['10.1.2.3', '209.85.128.52'])).toEqual([
      'https://csi.cloudmark.com/reset-request/?ip=209.85.128.52',
    ]);
    const { summary } = advise(makeIncident({ sendingIps: ['10.1.2.3', '209.85.128.52'] }));
    expect(summary.en).toContain('10.1.2.3 is a private');
    expect(summary.en).not.toContain('209.85.128.52 is');
  });

  it.each([
    ['192.0.2.44', '192.0.2.44'],
    ['198.51.100.9', '198.51.100.9'],
    ['203.0.113.25', '203.0.113.25'],
    ['2001:db8::25', '2001:db8::25'],
    ['2001:DB8:0:0::7', '2001:db8::7'],
  ])(
    'offers no Cloudmark link for the documentation address %s, and says why in the check’s words',
    (ip, shown) => {
      expect(urls([ip])).toEqual(['https://csi.cloudmark.com/reset-request/']);
      const { summary } = advise(makeIncident({ sendingIps: [ip] }));
      expect(summary.fr).toContain(
        `${shown} est une adresse réservée à la documentation\u00a0: remplacez-la par l’adresse IP d’envoi réelle. Aucun lien n’est donc construit avec cette adresse.`,
      );
      expect(summary.en).toContain(
        `${shown} is a documentation address: replace it with the real sending IP address. So no link is built with this address.`,
      );
    },
  );

  it('builds no Abusix or Spamhaus look-up with a documentation address either (100, 101)', () => {
    for (const reason of [100, 101]) {
      const advice = advise(incidentForReason(reason, { sendingIps: ['203.0.113.25'] }));
      expect(advice.links.map((l) => l.url).join(' ')).not.toContain('203.0.113.25');
      expect(advice.summary.en).toContain('203.0.113.25 is a documentation address');
    }
  });

  it('builds no Abusix look-up with a private address for a 100', () => {
    const advice = advise(incidentForReason(100, { sendingIps: ['172.16.0.5'] }));
    expect(advice.links.map((l) => l.url).join(' ')).not.toContain('172.16.0.5');
    expect(advice.summary.fr).toContain('172.16.0.5 est une adresse privée');
  });

  it('says nothing about the IP for a reason whose advice has no per-IP link', () => {
    const advice = advise(incidentForReason(104, { sendingIps: ['10.0.0.1'] }));
    expect(advice.summary.en).not.toContain('10.0.0.1');
  });
});
