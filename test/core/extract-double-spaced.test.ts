/**
 * Pastes with an empty line after every line (a webmail or web page copied line by line, or a CRLF text
 * whose line ends were converted again: `\r\r\n`) are read as the text they were copied from, each value
 * still pointing at its line in the paste.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract, extractBytes } from '../../core/extract';
import { decodeBytes } from '../../core/extract/decode-bytes';
import { singleSpaced } from '../../core/extract/double-spaced';
import type { ExtractionResult, Incident } from '../../core/types';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const read = (name: string) => readFileSync(`${fixtures}${name}`, 'latin1');

/** Every line followed by an empty one, as a web page copied paragraph by paragraph gives it. */
const webCopy = (text: string) => text.replace(/\r\n|\r|\n/g, '\n\n');
/** CRLF line ends converted once more: each reads as two breaks. */
const crCrLf = (text: string) => text.replace(/\r\n|\r|\n/g, '\r\r\n');

/** The fields of each incident, without where they were read. */
function fields(result: ExtractionResult): Omit<Incident, 'sources' | 'trigger'>[] {
  return result.incidents.map(({ sources: _s, trigger: _t, ...rest }) => rest);
}

const NAMES = [
  'extract/fr-hosts/ovh-postfix-greeting-pasted.txt',
  'extract/fr-hosts/ovh-postfix-greeting.eml',
  'extract/fr-hosts/o2switch-exim-fr.eml',
  'extract/fr-hosts/gmail-fr-dsn.eml',
  'extract/fr-hosts/o365-fr-pasted-102.txt',
  'extract/postfix-orange-greeting.eml',
  'logs/postfix-orange.log',
];

describe('a double-spaced paste reads as the text it was copied from', () => {
  for (const name of NAMES) {
    for (const [how, spaced] of [
      ['copied from a web page', webCopy],
      ['with \\r\\r\\n line ends', crCrLf],
    ] as const) {
      it(`${name}, ${how}`, async () => {
        const original = await extractBytes(new Uint8Array(Buffer.from(read(name), 'latin1')));
        expect(original.incidents.length).toBeGreaterThan(0);
        const paste = spaced(read(name));
        const result = await extractBytes(new Uint8Array(Buffer.from(paste, 'latin1')));
        expect(fields(result)).toEqual(fields(original));
        // Each value points at the line of the paste that holds it.
        const lines = (decodeBytes(Buffer.from(paste, 'latin1')).text ?? '').split(/\r\n|\r|\n/);
        for (const incident of result.incidents)
          for (const ref of Object.values(incident.sources))
            expect(lines[(ref?.line ?? 0) - 1]).toBe(ref?.text);
      });
    }
  }

  it('reads the Postfix notice copied from a webmail, which gives nothing read as it is', async () => {
    const paste = webCopy(read('extract/fr-hosts/ovh-postfix-greeting-pasted.txt'));
    const [incident] = (await extract(paste)).incidents;
    expect(incident?.sendingIps).toEqual(['198.51.100.23']);
    expect(incident?.sendingHosts).toEqual(['mo548.mail-out.ovh.net']);
    expect(incident?.remoteIp).toBe('193.252.22.65');
    expect(incident?.orange?.token).toBe('OFR006_102');
    expect(incident?.reply.text).toContain('Client host blocked for spamming issues. OFR006_102 Ref');
    expect(incident?.sources.remoteIp?.line).toBe(25);
  });
});

describe('singleSpaced', () => {
  it('keeps one empty line of a paragraph break and numbers each kept line as in the paste', () => {
    const paste = 'Subject: x\n\nFrom: a@b\n\n\n\nbody\n\n  folded\n';
    expect(singleSpaced(paste)).toEqual({
      text: 'Subject: x\nFrom: a@b\n\nbody\n  folded\n',
      pasteLine: [1, 3, 4, 7, 9, 10],
    });
  });

  it('leaves prose written as one-line paragraphs alone (nothing in it belongs together)', () => {
    const prose =
      'Bonjour,\n\nOrange refuse nos envois :\n\n550 5.7.1 Service refuse. OFR_999 [999]\n\nPouvez-vous regarder ?\n\nMerci\n';
    expect(singleSpaced(prose)).toBeNull();
  });

  it('leaves an ordinary paste alone, and a short one', () => {
    expect(singleSpaced('Subject: a\nFrom: b\n\nbody\n\n  more\n\nend')).toBeNull();
    expect(singleSpaced('Subject: a\n\n  b\n\nc')).toBeNull();
    expect(singleSpaced('')).toBeNull();
  });
});
