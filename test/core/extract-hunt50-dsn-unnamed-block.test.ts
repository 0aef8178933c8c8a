/**
 * A DSN recipient block that names no recipient does not take another block's Final-Recipient or
 * Original-Recipient (test/fixtures/extract/hunt50/SOURCES.md, mautic/mautic issue 2480: two DSNs pasted
 * in one post, the second without its recipient's name).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt50/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('two pasted DSNs, the second naming no recipient', () => {
  it("leaves the second's recipient domain empty instead of the first's", async () => {
    const { incidents } = await extract(fixture('mautic-2480-dsn-dns-host-not-found-and-seznam.md'), options);
    expect(incidents.map((i) => [i.recipientDomain, i.remoteHost, i.reply.code, i.reply.enhanced])).toEqual([
      ['seznan.cz', null, null, '5.4.4'],
      [null, 'mx1.seznam.cz', 550, '5.1.1'],
    ]);
  });

  it('still takes a lone block its recipient from the notice around it', async () => {
    const text = [
      'This is the mail system at host mail.example.org.',
      '',
      '<anom@example.net>: host mx.example.net[192.0.2.25] said: 550 5.1.1 User unknown (in reply to RCPT TO command)',
      '',
      'Action: failed',
      'Status: 5.1.1',
      'Remote-MTA: dns; mx.example.net',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    ].join('\n');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.recipientDomain)).toEqual(['example.net']);
  });
});
