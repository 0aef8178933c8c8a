/**
 * Bounces customers forward to their support desk, dropped into the app as the .eml the desk saved
 * (test/fixtures/extract/audit27/SOURCES-mime.md): attached by the mail client in base64 or
 * quoted-printable, or as an `.eml` file, and forwarded inline under a client's header block.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { attachedMessageText } from '../../core/extract/decode-parts';
import { splitLines } from '../../core/extract/header-block';
import type { ExtractionResult, Incident } from '../../core/types';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/extract/audit27/${name}`, import.meta.url));
const bytes = (name: string) => new Uint8Array(readFileSync(path(name)));
const text = (name: string) => readFileSync(path(name), 'latin1');
const options = { now: new Date('2026-12-04T12:00:00Z') };

/** An incident without its sources (where they point differs between the forward and the bounce alone). */
function withoutSources(incident: Incident): Omit<Incident, 'sources'> {
  const { sources: _sources, ...rest } = incident;
  return rest;
}

/** The 1-based line where the attached part starts (its Content-Type line). */
function partLine(name: string, type: RegExp): number {
  return splitLines(text(name)).findIndex((l) => type.test(l)) + 1;
}

describe('a bounce forwarded as an encoded attachment is read as if pasted alone', () => {
  it.each([
    [
      'gmail-forward-as-attachment-b64-postfix.eml',
      'alone-postfix-orange-102-crlf.eml',
      /^Content-Type: message\/rfc822/,
      '2019-12-17T10:00:01+01:00',
    ],
    [
      'thunderbird-forward-as-attachment-qp-fr-latin1.eml',
      'alone-postfix-fr-template-latin1.eml',
      /^Content-Type: message\/rfc822/,
      '2019-12-17T14:32:08+01:00',
    ],
    [
      'outlook-forward-of-gmail-forward-nested.eml',
      'alone-postfix-orange-102-crlf.eml',
      /^Content-Type: application\/octet-stream/,
      '2019-12-17T10:00:01+01:00',
    ],
    [
      'outlook-forward-eml-octet-stream-crlf.eml',
      'alone-sendmail-dsn-b64-status-crlf.eml',
      /^Content-Type: application\/octet-stream/,
      '2019-12-18T18:06:12+01:00',
    ],
  ])('reads %s as %s', async (forward, alone, type, date) => {
    const got = await extractBytes(bytes(forward), options);
    const want = await extractBytes(bytes(alone), options);
    expect(got.incidents).toHaveLength(1);
    expect(got.incidents.map(withoutSources)).toEqual(want.incidents.map(withoutSources));
    // The bounce's own date, never the forward's.
    expect(got.incidents[0]?.occurredAt).toBe(date);
    // Every value points at the attachment's first line, as one read from an encoded part does.
    const line = partLine(forward, type);
    const sources = Object.values(got.incidents[0]?.sources ?? {});
    expect(sources.length).toBeGreaterThan(4);
    for (const ref of sources) expect(ref?.line).toBe(line);
    expect(sources[0]?.text).toMatch(type);
    // A note says where the bounce was read; the bounce's own notes follow, less those naming its lines.
    const codes = (r: ExtractionResult) => r.warnings.map((w) => w.code);
    expect(codes(got)).toEqual([
      'source.decoded-attachment',
      ...codes(want).filter((c) => !c.startsWith('source.decoded.')),
    ]);
    const note = got.warnings[0];
    expect(note?.text.en).toContain(`attached at line ${line}`);
    expect(note?.text.fr).toContain(`joint à partir de la ligne ${line}`);
    expect(note?.text.fr).toContain('collé seul\u00a0:');
  });

  it('reads the delivery-status part of the attached report, itself base64, as the bounce alone does', async () => {
    const got = await extractBytes(bytes('outlook-forward-eml-octet-stream-crlf.eml'), options);
    const alone = await extractBytes(bytes('alone-sendmail-dsn-b64-status-crlf.eml'), options);
    // Remote-MTA and Last-Attempt-Date are only in that part.
    expect(got.incidents[0]?.remoteHost).toBe('smtp-in.orange.fr');
    expect(got.incidents[0]?.sources.occurredAt?.text).toMatch(/^Content-Type: application\/octet-stream/);
    // Alone, the bounce says which of its lines the encoded part starts at; forwarded, that line is not
    // the paste's, so only the attachment's note is kept.
    expect(alone.warnings.some((w) => w.code.startsWith('source.decoded.'))).toBe(true);
    expect(got.warnings.some((w) => w.code.startsWith('source.decoded.'))).toBe(false);
  });

  it('decodes the attached Latin-1 French notice as a file dropped alone would be', async () => {
    const lines = splitLines(text('thunderbird-forward-as-attachment-qp-fr-latin1.eml'));
    const start = lines.findIndex((l) => l.startsWith('Content-Type: message/rfc822'));
    const blank = lines.indexOf('', start);
    const end = lines.findIndex((l, i) => i > blank && l.startsWith('--------------5B8E'));
    const decoded = await attachedMessageText(
      lines.slice(start, blank).join('\n'),
      lines.slice(blank + 1, end).join('\n'),
    );
    expect(decoded?.warnings.map((w) => w.code)).toEqual(['input.latin1']);
    expect(decoded?.text).toContain("Ceci est le système de messagerie de l'hôte smtp.cabinet-exemple.fr.");
    expect(decoded?.text).toContain('Votre rendez-vous est confirmé pour jeudi à 9 h 30.');
  });
});

describe('files that are no bounce are not read as one', () => {
  it('reads neither a PDF, nor a zip named .eml.zip, nor an attached .eml that is no bounce', async () => {
    const result = await extractBytes(bytes('outlook-forward-pdf-zip-and-plain-eml.eml'), options);
    expect(result.incidents).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['input.no-incident']);
  });

  it.each([
    ['Content-Type: application/pdf; name="f.pdf"', 'JVBERi0xLjQK'],
    ['Content-Type: application/octet-stream; name="journaux.eml.zip"', 'UEsDBBQAAAAIAA=='],
    ['Content-Type: application/octet-stream; name="f.pdf"', 'RnJvbTogYUBleGFtcGxlLmNvbQ=='],
  ])('gives no message text for %s', async (type, content) => {
    const header = `${type}\nContent-Transfer-Encoding: base64`;
    expect(await attachedMessageText(header, content)).toBeNull();
  });
});

describe('a notice forwarded inline is dated by the header lines above it, not by the forward', () => {
  const paris = { ...options, assumeZone: 'Europe/Paris' };
  const codes = (incident: Incident | undefined) => incident?.assumptions.map((a) => a.code);

  it.each([
    ['outlook-fr-inline-forward-qp-nbsp.eml', 'Content-Transfer-Encoding: quoted-printable'],
    ['outlook-en-inline-forward.eml', 'Sent: Tuesday, December 17, 2019 10:00 AM'],
  ])(
    "reads Outlook's Sent line of %s in the assumed zone, its Date being Microsoft 365's UTC",
    async (name, line) => {
      const { incidents } = await extractBytes(bytes(name), paris);
      expect(incidents).toHaveLength(1);
      const incident = incidents[0];
      expect(incident?.occurredAt).toBe('2019-12-17T10:00:00+01:00');
      // (The French lines are quoted-printable: the date points at the encoded part, as any value from one.)
      expect(incident?.sources.occurredAt?.text).toBe(line);
      expect(codes(incident)).toEqual(['date.no-zone', 'date.forwarded-notice']);
      const note = incident?.assumptions[1];
      expect(note?.text.en).toContain('dated in UTC, as Microsoft 365 dates every message');
      expect(note?.text.fr).toContain('l’avis transféré');
      expect(note?.text.fr).toContain('«\u00a0Envoyé\u00a0:\u00a0»');
    },
  );

  it("reads Outlook's forward labelled Date: (as some of its versions write) the same way", async () => {
    const labelled = text('outlook-en-inline-forward.eml').replace('\nSent: Tuesday', '\nDate: Tuesday');
    const { incidents } = await extractBytes(new TextEncoder().encode(labelled), paris);
    expect(incidents[0]?.occurredAt).toBe('2019-12-17T10:00:00+01:00');
    expect(codes(incidents[0])).toEqual(['date.no-zone', 'date.forwarded-notice']);
  });

  it("borrows the zone of Outlook's forward when its Date is the writer's own (an IMAP account)", async () => {
    const local = text('outlook-en-inline-forward.eml').replace(
      'Date: Wed, 18 Dec 2019 08:00:12 +0000',
      'Date: Wed, 18 Dec 2019 09:00:12 +0100',
    );
    const { incidents } = await extractBytes(new TextEncoder().encode(local), options);
    expect(incidents[0]?.occurredAt).toBe('2019-12-17T10:00:00+01:00');
    expect(codes(incidents[0])).toEqual(['date.forwarded-notice']);
    expect(incidents[0]?.assumptions[0]?.text.en).toContain('in the zone of that message');
  });

  it.each([
    ['apple-mail-en-begin-forwarded.eml', '2019-12-17T10:00:03+01:00'],
    ['apple-mail-fr-debut-reexpedie.eml', '2019-12-17T10:00:03+01:00'],
    ['gmail-en-forwarded-message.eml', '2019-12-17T10:00:00+01:00'],
    ['gmail-fr-message-transfere.eml', '2019-12-17T10:00:00+01:00'],
  ])('dates %s by its forwarded Date line', async (name, date) => {
    // Without an assumed zone: Apple Mail writes the notice's zone, Gmail the forward's (+0100).
    const { incidents } = await extractBytes(bytes(name), options);
    expect(incidents.map((i) => i.occurredAt)).toEqual([date]);
    expect(codes(incidents[0])).toEqual(['date.forwarded-notice']);
  });
});
