/**
 * An Exchange Online notice whose last delivery attempt, written without a zone in its history (`12/4/2026
 * 8:21:10 AM - Server at …`), stands at the very clock time of the notice's own Date (`Fri, 4 Dec 2026
 * 08:21:10 +0000`): the notice was written as that attempt failed, by the same clock, so the attempt is
 * read in the Date's zone, not in the zone the user assumes for zone-less times
 * (core/extract/formats/message-reply-date.ts; test/fixtures/extract/left61/SOURCES.md: Sisimai's
 * lhost-office365-06).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';

const options = { now: new Date('2026-12-08T12:00:00Z'), assumeZone: 'Europe/Paris' };
const notice = readFileSync(
  fileURLToPath(
    new URL('../fixtures/extract/left61/office365-history-at-notice-date-derived.eml', import.meta.url),
  ),
  'utf8',
);

describe("a zone-less attempt at the clock time of the notice's Date", () => {
  it('is read in the Date’s zone, with a note saying so instead of an assumed zone', async () => {
    const { incidents } = await extract(notice, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T08:21:10+00:00');
    expect(incidents[0]?.sources.occurredAt?.line).toBe(33);
    const codes = incidents[0]?.assumptions.map((a) => a.code);
    expect(codes).toContain('date.zone-of-notice-date');
    expect(codes).not.toContain('date.no-zone');
    const note = incidents[0]?.assumptions.find((a) => a.code === 'date.zone-of-notice-date');
    expect(note?.text.fr).toContain('son fuseau (+00:00) a été retenu.');
  });

  it('keeps the assumed zone when the attempt’s clock is not the Date’s (a server writing local time)', async () => {
    const local = notice.replace('12/4/2026 8:21:10 AM - Server', '12/4/2026 9:21:10 AM - Server');
    const { incidents } = await extract(local, options);
    expect(incidents[0]?.occurredAt).toBe('2026-12-04T09:21:10+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });
});
