/**
 * A bounce forwarded to the support desk from a `postmaster@` mailbox (test/fixtures/extract/
 * postmaster-forwards/SOURCES.md): the From names a mail system's address, but the subject a person's
 * forward (`Fwd:`, `TR:`, encoded or not). The forward's Date and To (the support desk) are not the
 * bounce's: the attached or quoted bounce is read as when a customer forwards it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { isForwardSubject } from '../../core/extract/forward-subject';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url));
const read = (name: string) =>
  extractBytes(new Uint8Array(readFileSync(path(name))), { now: new Date('2026-12-05T12:00:00Z') });

describe('a postmaster’s forward is read as a person’s', () => {
  it('reads the base64 attachment as the customer’s own forward of it', async () => {
    const got = await read('postmaster-forwards/postmaster-gmail-forward-as-attachment-b64.eml');
    const want = await read('audit27/gmail-forward-as-attachment-b64-postfix.eml');
    expect(got.incidents).toHaveLength(1);
    expect(got.incidents[0]?.occurredAt).toBe('2019-12-17T10:00:01+01:00');
    expect(got.incidents).toEqual(want.incidents);
    expect(got.warnings.map((w) => w.code)).toEqual(want.warnings.map((w) => w.code));
  });

  it('reads the unencoded attachment alone, under an RFC 2047 B-encoded TR: subject', async () => {
    const { incidents } = await read(
      'postmaster-forwards/postmaster-exchange-forward-as-attachment-b-subject.eml',
    );
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.format).toBe('postfix');
    expect(incident?.occurredAt).toBe('2026-12-04T10:12:01+01:00');
    // The bounce's own Date (10:12:03) is the notice's, not the forward's (5 December, 08:31 UTC).
    expect(incident?.assumptions.map((a) => a.code)).not.toContain('date.queued-until-bounce');
    expect(incident?.sendingDomain).toBe('boutique-durand.example');
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
  });

  it('an inline forward: neither its Date nor the support desk it is sent to is the bounce’s', async () => {
    const { incidents } = await read('postmaster-forwards/postmaster-outlook-mac-inline.eml');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T10:12:00+01:00');
    // The forwarded notice's `À :`, the refused message's sender (forward-notice-to.ts), not the desk's domain.
    expect(incidents[0]?.sendingDomain).toBe('boutique-durand.example');
    expect(incidents[0]?.sources.sendingDomain?.text).toBe('À : contact@boutique-durand.example');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.forwarded-notice');
  });
});

describe('isForwardSubject', () => {
  it.each([
    ['Fwd: Undelivered Mail Returned to Sender', true],
    ['TR: Non remis : Votre devis', true],
    ['=?UTF-8?Q?Fwd=3A_Undelivered_Mail_Returned_to_Sender?=', true],
    ['=?utf-8?B?VFI6IE5vbiByZW1pcyA6IFZvdHJlIGRldmlz?=', true],
    ['=?ISO-8859-1?Q?TR_:_Non_d=E9livr=E9_:_devis?=', true],
    ['Undelivered Mail Returned to Sender', false],
    ['Undeliverable: Fwd: devis', false],
    ['=?utf-8?B?Tm9uIHJlbWlzIDogVm90cmUgZGV2aXM=?=', false],
  ])('%s', (subject, forward) => {
    expect(isForwardSubject(subject)).toBe(forward);
  });
});
