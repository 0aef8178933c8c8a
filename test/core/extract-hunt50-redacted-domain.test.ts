/**
 * A domain a poster replaced by the word REDACTED (`robinson@REDACTED.com`, a SendGrid event pasted in
 * sendgrid/docs issue 3675, test/fixtures/extract/hunt50/SOURCES.md) names nothing: left empty.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { isMaskedDomain, isMaskedHost, isMaskedRecipientDomain } from '../../core/extract/redaction';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/hunt50/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe("a SendGrid event whose recipient's domain was redacted", () => {
  it('gives no recipient domain, and still the sending IP and time', async () => {
    const { incidents } = await extract(fixture('sendgrid-docs-3675-event-blocked-spamcop.json'), options);
    expect(incidents.map((i) => [i.recipientDomain, i.sendingIps, i.occurredAt, i.reply.code])).toEqual([
      [null, ['167.89.55.66'], '2018-05-21T17:23:19+00:00', 554],
    ]);
  });
});

describe('the label REDACTED', () => {
  it('masks a domain or host it is a label of, in any case', () => {
    expect(isMaskedRecipientDomain('redacted.com')).toBe(true);
    expect(isMaskedDomain('mail.Redacted.fr')).toBe(true);
    expect(isMaskedHost('mx.REDACTED.net')).toBe(true);
  });

  it('not a name that only holds the word', () => {
    expect(isMaskedHost('here-redacted.net.br')).toBe(false);
    expect(isMaskedRecipientDomain('unredacted.com')).toBe(false);
    expect(isMaskedDomain('redactedmail.com')).toBe(false);
  });
});
