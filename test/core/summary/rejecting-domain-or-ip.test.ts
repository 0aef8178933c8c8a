/**
 * rejectingDomainOrIp keeps the registrable domain of each remote host it has seen: the answers must stay
 * those of a fresh lookup, host after host, in any order.
 */
import { rejectingDomainOrIp, UNKNOWN_PROVIDER } from '../../../core/summary/providers';
import { incident as makeIncident, REPLY_GMAIL } from './make-incident';

describe('rejectingDomainOrIp', () => {
  it('names the registrable domain of each remote host, seen once or again', () => {
    const cases: [string | undefined, string | undefined, string][] = [
      ['gmail-smtp-in.l.google.com', 'gmail.com', 'google.com'],
      ['mx01.mail.yahoo.co.jp', 'yahoo.co.jp', 'yahoo.co.jp'],
      ['GMAIL-SMTP-IN.L.GOOGLE.COM', 'gmail.com', 'google.com'],
      ['mx.example.org', 'example.org', 'example.org'],
      [undefined, 'Laposte.net', 'laposte.net'],
      ['mail', undefined, UNKNOWN_PROVIDER],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [remoteHost, recipientDomain, expected] of cases) {
        const incident = makeIncident({
          at: '2026-03-14T00:00:01+00:00',
          ip: null,
          reply: REPLY_GMAIL,
          line: 1,
          orange: false,
          remoteHost,
          recipientDomain,
        });
        incident.remoteHost = remoteHost ?? null;
        incident.recipientDomain = recipientDomain ?? null;
        incident.remoteIp = null;
        expect(rejectingDomainOrIp(incident)).toBe(expected);
      }
    }
  });
});
