/**
 * Sending hosts, sending IPs and dates read wrong in the shared corpus, round 40
 * (test/fixtures/extract/audit40/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit40/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-12-06T12:00:00Z') };
const codes = (assumptions: readonly { code: string }[] | undefined) =>
  (assumptions ?? []).map((a) => a.code);

describe('Amazon SES’s receiving endpoint as the Reporting-MTA', () => {
  it('is the remote, not a sending host', async () => {
    const [incident] = (await extract(fixture('ses-inbound-reporting-mta.eml'), options)).incidents;
    expect(incident?.remoteHost).toBe('inbound-smtp.eu-west-1.amazonaws.com');
    expect(incident?.sendingHosts).toEqual(['mail.example.fr']);
    expect(incident?.sendingIps).toEqual([]);
    expect(incident?.reply).toMatchObject({ code: 552, enhanced: '5.2.3' });
  });

  it('does not take SES’s sending hosts for receiving ones', async () => {
    const text = fixture('ses-inbound-reporting-mta.eml').replace(
      'Reporting-MTA: dns; inbound-smtp.eu-west-1.amazonaws.com',
      'Reporting-MTA: dns; b12-34.smtp-out.eu-west-1.amazonses.com',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.sendingHosts).toContain('b12-34.smtp-out.eu-west-1.amazonses.com');
    expect(incident?.remoteHost).not.toBe('b12-34.smtp-out.eu-west-1.amazonses.com');
  });
});

describe('a notice whose From is empty (`From: <>`)', () => {
  it('is a mail system’s: dated by its own Date, not the returned message’s', async () => {
    const [incident] = (await extract(fixture('mfilter-null-from-notice-date.eml'), options)).incidents;
    expect(incident?.orange?.reason).toBe(506);
    expect(incident?.occurredAt).toBe('2026-11-18T09:47:30+09:00');
    expect(incident?.sources.occurredAt?.text).toBe('Date: Wed, 18 Nov 2026 09:47:30 +0900');
    expect(codes(incident?.assumptions)).not.toContain('date.returned-message');
  });

  it('leaves the date empty, saying why, when the notice is dated days before the message it returns', async () => {
    // (Sisimai's lhost-mfilter-04: notice dated 22 April, the returned message 29 April.)
    const text = fixture('mfilter-null-from-notice-date.eml').replace(
      'Date: Wed, 18 Nov 2026 09:47:30 +0900',
      'Date: Wed, 11 Nov 2026 09:47:30 +0900',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.occurredAt).toBeNull();
    expect(codes(incident?.assumptions)).toEqual(['date.notice-before-message']);
    expect(incident?.assumptions[0]?.text.fr).toContain('2026-11-18 07:05:12 (UTC+09:00)');
  });

  it('keeps the notice’s Date when its clock is only hours behind the returned message’s', async () => {
    const text = fixture('mfilter-null-from-notice-date.eml').replace(
      'Date: Wed, 18 Nov 2026 09:47:30 +0900',
      'Date: Wed, 18 Nov 2026 05:00:00 +0900',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.occurredAt).toBe('2026-11-18T05:00:00+09:00');
    expect(codes(incident?.assumptions)).not.toContain('date.notice-before-message');
  });

  it('a person’s From with a name is no mail system: the returned Date stays', async () => {
    const text = fixture('mfilter-null-from-notice-date.eml').replace(
      'From: <>',
      'From: Ken <ken@shop.example.jp>',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.occurredAt).toBe('2026-11-18T07:05:12+09:00');
    expect(codes(incident?.assumptions)).toContain('date.returned-message');
  });
});

describe('a remote that names the client it refused, not the returned copy’s exit hop', () => {
  it('gives that client only, not the hop into the forwarder', async () => {
    const { incidents, warnings } = await extract(
      fixture('office365-forward-remote-names-client.eml'),
      options,
    );
    const [incident] = incidents;
    expect(incident?.remoteHost).toBe('mx.univ.example');
    expect(incident?.sendingIps).toEqual(['198.51.100.77']);
    expect(incident?.sendingHosts).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('missing.sendingHosts');
  });

  it('keeps the exit hop when the remote named that very client', async () => {
    const text = fixture('office365-forward-remote-names-client.eml').replaceAll(
      '198.51.100.77',
      '203.0.113.2',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.sendingIps).toEqual(['203.0.113.2']);
    expect(incident?.sendingHosts).toEqual(['relay.example.net']);
  });
});

describe('a returned copy whose top hop is well after its Date', () => {
  it('is dated by that hop, the forwarder’s, with a note giving the Date', async () => {
    const [incident] = (await extract(fixture('forwarder-notice-returned-hop-later.eml'), options)).incidents;
    expect(incident?.orange?.reason).toBe(506);
    expect(incident?.occurredAt).toBe('2026-11-26T10:48:13+01:00');
    expect(incident?.sources.occurredAt?.line).toBe(22);
    expect(codes(incident?.assumptions)).toEqual(['date.returned-hop']);
    expect(incident?.assumptions[0]?.text.en).toContain('2026-11-26 08:12:00 (UTC+01:00)');
  });

  it('keeps the Date when the hop came a few minutes after it', async () => {
    const text = fixture('forwarder-notice-returned-hop-later.eml').replace(
      'Date: Thu, 26 Nov 2026 08:12:00 +0100',
      'Date: Thu, 26 Nov 2026 10:41:00 +0100',
    );
    const [incident] = (await extract(text, options)).incidents;
    expect(incident?.occurredAt).toBe('2026-11-26T10:41:00+01:00');
    expect(codes(incident?.assumptions)).toEqual(['date.returned-message']);
  });
});
