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
