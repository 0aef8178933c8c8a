/**
 * A log excerpt quoted with `> ` in a reply, under its author's attribution line: read as a log, each
 * value pointing at its line as pasted (quote marks included).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const paste = readFileSync(
  fileURLToPath(new URL('../fixtures/logs/real-world/postfix-quoted-in-reply.txt', import.meta.url)),
  'utf8',
);

describe('a Postfix log quoted in a reply', () => {
  it('is read as a log: date, sending host, reply, remote', async () => {
    const [i, more] = (await extract(paste, { now: new Date('2026-11-29T10:00:00Z') })).incidents;
    expect(more).toBeUndefined();
    expect(i?.format).toBe('postfix');
    // The year of the reply quoting it (`Le 14 avr. 2011 à 17:30`), not the one it is read in.
    expect(i?.occurredAt).toBe('2011-04-14T17:22:57+00:00');
    expect(i?.assumptions.map((a) => a.code)).toContain('assumed-year-from-message');
    expect(i?.sendingHosts).toEqual(['tilapia']);
    expect(i?.remoteIp).toBe('192.0.2.6');
    expect(i?.reply.text).toBe(
      '554 Format restriction violation. Email Session ID: {4DA765B1-6-6565EC3F-FFFF}',
    );
    expect(i?.sources.occurredAt).toEqual({
      line: 2,
      text: '> Apr 14 17:22:57 tilapia postfix/smtp[19383]: 8F27A27954:',
    });
  });
});

describe('a log line in code marks, quoted in a reply', () => {
  it('comes out of both the quote and the code marks', async () => {
    const { incidents } = await extract(
      '> `2021-04-21T17:16:28+02:00 server1 postfix/smtp[17514]: EEC614DD82BD4: to=<jean.dupont@orange.fr>, relay=smtp-in.orange.fr[193.252.22.65]:25, delay=3, delays=0/0/3/0, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[193.252.22.65] refused to talk to me: 550 mwinf5c14 ME Adresse IP source bloquee pour incident de spam. OFR006_102 [102])`\n',
    );
    expect(incidents[0]?.occurredAt).toBe('2021-04-21T17:16:28+02:00');
    expect(incidents[0]?.sendingHosts).toEqual(['server1']);
  });
});
