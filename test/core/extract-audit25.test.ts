/**
 * Twenty-fifth round of real input (test/fixtures/extract/audit25/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../core/extract';
import { advise } from '../../core/orange/advice';
import type { Incident } from '../../core/types';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/extract/audit25/${name}`, import.meta.url)), 'utf8');
const options = { now: new Date('2026-11-29T12:00:00Z') };

describe('forwards in other languages', () => {
  it("dates a notice by Portuguese Outlook's `Enviada em:` line, in the assumed zone", async () => {
    const { incidents } = await extract(fixture('outlook-pt-forward-ofr505.txt'), {
      ...options,
      assumeZone: 'Europe/Lisbon',
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe('2011-04-25T10:53:00+01:00');
    expect(incidents[0]?.sources.occurredAt?.text).toContain('Enviada em:');
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('Europe/Lisbon was assumed');
    expect(incidents[0]?.orange?.token).toBe('OFR005_505');
  });
});

describe('rows copied from a dashboard in a day-first locale', () => {
  it('dates each row by its own stamp when only one reading of it is a date', async () => {
    const { incidents } = await extract(fixture('derived-dashboard-rows-fr-dates.tsv.txt'), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([
      '2021-04-21T17:16:28+00:00',
      '2021-04-21T17:20:02+00:00',
    ]);
    expect(incidents.map((i) => i.orange?.reason)).toEqual([102, 104]);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('UTC was assumed');
  });

  it('leaves the date empty when the day and the month could be either', async () => {
    const text = fixture('derived-dashboard-rows-fr-dates.tsv.txt').replaceAll('21/04/2021', '03/04/2021');
    const { incidents } = await extract(text, options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([null, null]);
  });
});

describe("a notice quoted under Gmail's or Apple Mail's attribution line", () => {
  it.each([
    ['compose-gm-en-quote-derived.txt', '2020-11-13T00:43:00+00:00', 'On Fri, Nov 13, 2020 at 12:43\u202fAM'],
    [
      'compose-apple-en-quote-nnbsp-derived.txt',
      '2024-12-02T10:12:00+00:00',
      'On Dec 2, 2024, at 10:12\u202fAM',
    ],
    [
      'compose-gm-en-quote-wrapped-derived.txt',
      '2019-07-30T14:09:00+00:00',
      'On Tue, Jul 30, 2019 at 2:09 PM',
    ],
    ['compose-gm-fr-quote-wrapped-derived.txt', '2024-12-02T10:12:00+00:00', 'Le lun. 2 déc. 2024 à 10:12'],
    ['compose-gm-engb-quote-derived.txt', '2024-12-02T10:12:00+00:00', 'On Mon, 2 Dec 2024 at 10:12'],
  ])('%s is dated by that line, in the assumed zone', async (name, iso, line) => {
    const { incidents } = await extract(fixture(name), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.occurredAt).toBe(iso);
    expect(incidents[0]?.sources.occurredAt?.text).toContain(line);
    expect(incidents[0]?.assumptions.map((a) => a.code)).toContain('date.no-zone');
  });
});

describe('dates in UTC', () => {
  it("are written with the +00:00 offset, as the CLI's contract shows, whatever reader found them", async () => {
    const { incidents } = await extract(fixture('kumomta-k6-transientfailure.json'), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2023-03-06T02:28:11+00:00']);
    const docker = await extract(
      '2022-01-23T12:43:49.123456791Z Jan 23 12:43:49 mx postfix/smtp[77]: 4F1A2B3C4D: to=<jean@orange.fr>, ' +
        'relay=smtp-in.orange.fr[193.252.22.65]:25, delay=1, dsn=5.0.0, status=bounced (host ' +
        'smtp-in.orange.fr[193.252.22.65] said: 550 mwinf5c04 ME Service refuse. OFR006_102 [102] ' +
        '(in reply to MAIL FROM command))\n',
      options,
    );
    expect(docker.incidents.map((i) => i.occurredAt)).toEqual(['2022-01-23T12:43:49+00:00']);
  });
});

describe("a person's reply that quotes a refusal's lines", () => {
  it('is dated by its own Date with a note that the refusal came before, not silently', async () => {
    const { incidents } = await extract(fixture('lkml-mutt-o365-stamp.eml'), options);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.reply.text).toMatch(/^550 5\.4\.1 Recipient address rejected: Access denied\./);
    expect(incidents[0]?.occurredAt).toBe('2024-11-15T14:00:51+00:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.quoting-message']);
  });

  it('leaves the notices Apache James writes as answers (`Re:` from post_master@) without that note', async () => {
    const james = fixture('../audit3/james-message-details-crlf.eml');
    const { incidents } = await extract(james, options);
    expect(incidents[0]?.occurredAt).not.toBeNull();
    expect(incidents[0]?.assumptions.map((a) => a.code)).not.toContain('date.quoting-message');
  });
});

describe("today's rules, where an adversarial check made them misfire", () => {
  it("reads CSV's doubled quotes inside a reply as quotes, not as the string's end", async () => {
    const { incidents } = await extract(fixture('derived-r1-csv-doubled-quotes.csv'), options);
    expect(incidents.map((i) => [i.remoteHost, i.remoteIp])).toEqual([
      ['example.com', '10.0.0.1'],
      ['mx.address.com', '183.81.162.32'],
    ]);
    expect(incidents[0]?.reply.text).toMatch(/^550 "The recipient cannot be verified\./);
    expect(incidents[1]?.reply.text).toBe('550 "Unknown User"');
  });

  it('keeps the quotes a reply holds when a sentence quotes it', async () => {
    const { incidents } = await extract(fixture('derived-r1-prose-quoted-unknown-user.txt'), options);
    expect(incidents[0]?.reply.text).toBe('550 "Unknown User"');
  });

  it("leaves a row's date empty when it could be either day, rather than taking the row above's", async () => {
    const { incidents } = await extract(fixture('derived-r6-us-dashboard-rows.tsv.txt'), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual(['2021-04-21T17:16:28+00:00', null]);
  });

  it("does not call a receiving server's '451 Temporary authentication failure' the sender's own relay", async () => {
    const { incidents } = await extract(fixture('derived-r10-postfix-recipient-451-temp-auth.log'), options);
    expect(incidents).toHaveLength(1);
    expect(advise(incidents[0] as Incident, { incidents }).nextStep).not.toBe('not-an-abuse-desk-case');
  });

  it("joins IONOS's cut piece whose end space the paste dropped", async () => {
    const { incidents } = await extract(fixture('derived-r4-ionos-outlook-s3150.eml'), options);
    expect(incidents[0]?.reply.text).toMatch(
      /network is on our block list \(S3150\)\. You can also refer your provider to http:\/\/mail\.live\.com\/mail\/troubleshooting\.aspx#errors\. \[DB5EUR03FT012\.eop-EUR03\.prod\.protection\.outlook\.com\]$/,
    );
  });
});
