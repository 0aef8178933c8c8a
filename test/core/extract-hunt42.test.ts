/**
 * Bounces in other languages than English and French found in public sources that were not yet read
 * right, round 42 (test/fixtures/extract/hunt42/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../fixtures/extract/hunt42/${name}`, import.meta.url));
const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');
const bytes = (name: string) => new Uint8Array(readFileSync(fixturePath(name)));
/** A Windows-1252 fixture as a mail client shows it: already decoded. */
const cp1252Fixture = (name: string) => new TextDecoder('windows-1252').decode(bytes(name));
const options = { now: new Date('2026-12-07T12:00:00Z') };

describe('Exchange 2003’s notice as Outlook shows it in German', () => {
  const name = 'exchange2003-outlook-view-de-cp1252-orange-102.txt';

  it('dates each refusal by its recipient line (`… am 07.12.2026 10:14`, the day first)', async () => {
    // Saved by Notepad in Windows-1252: the bytes go through the reader's decoding.
    const { incidents } = await extractBytes(bytes(name), {
      ...options,
      assumeZone: 'Europe/Berlin',
    });
    expect(incidents.map((i) => [i.occurredAt, i.orange?.reason ?? null, i.recipientDomain])).toEqual([
      ['2026-12-07T10:14:00+01:00', 102, 'orange.fr'],
      ['2026-12-07T10:14:00+01:00', null, 'example.net'],
    ]);
    expect(incidents[0]?.sources.occurredAt?.text).toBe('      jean.petit@orange.fr am 07.12.2026 10:14');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
    expect(incidents[0]?.sendingIps).toEqual(['192.0.2.41']);
  });

  it('reads a two-digit year and seconds as Outlook 98 wrote them (`21.08.98 16:32`)', async () => {
    const text = cp1252Fixture(name).replaceAll('am 07.12.2026 10:14', 'am 08.12.26 09:05:31');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-08T09:05:31+00:00');
  });

  it('takes no date from a dotted date that is none (month 13)', async () => {
    const text = cp1252Fixture(name).replaceAll('am 07.12.2026 10:14', 'am 07.13.2026 10:14');
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.occurredAt).toBeNull();
  });
});

describe('Exchange 2010’s notice body in a language whose labels the readers lack (Polish)', () => {
  const name = 'exchange2010-pl-notice-body-orange-102.txt';

  it('is known by its `host #550 ... ##` status line and read as a notice, its returned headers too', async () => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident?.format).toBe('exchange');
    expect(incident?.orange?.reason).toBe(102);
    expect(incident?.remoteHost).toBe('smtp-in.orange.fr');
    expect(incident?.recipientDomain).toBe('orange.fr');
    expect(incident?.sendingIps).toEqual(['203.0.113.58']);
    // Read as replies only, it had none of these: the returned headers were not read as a message's.
    expect(incident?.sendingDomain).toBe('biuro-example.pl');
    expect(incident?.sources.sendingDomain?.text).toBe('From: Tomasz Nowak <t.nowak@biuro-example.pl>');
    expect(incident?.sendingHosts).toEqual(['ex01.biuro-example.pl']);
    expect(incident?.occurredAt).toBe('2026-12-07T09:41:11+01:00');
    expect(incident?.assumptions.map((a) => a.code)).toContain('date.returned-message');
  });

  it('takes no `#...##` run inside a sentence for that status line', async () => {
    // A forum answer naming the form in words: no notice, read as replies.
    const text =
      'Exchange writes the status as host #550 5.7.1 text ## on one line.\n' +
      'Our log said: 550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_999 [999]\n';
    const { incidents } = await extract(text, options);
    expect(incidents[0]?.format).not.toBe('exchange');
  });
});
