/**
 * RFC 2047 encoded words in a DOS code page (`=?ibm850?B?...?=`, `=?cp437?Q?...?=`), which postal-mime's
 * decodeWords cannot read (no TextDecoder knows those pages): decoded through dos-code-pages.ts, the others
 * as before (test/fixtures/extract/left47/SOURCES.md). Bytes written out by hand: 0x82 é, 0x90 É, 0x85 à in
 * code page 850 (and 437).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../core/extract';
import { decodeEncodedWords } from '../../../core/extract/encoded-words';
import { isForwardSubject } from '../../../core/extract/forward-subject';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/extract/left47/${name}`, import.meta.url)), 'utf8');

describe('encoded words in a DOS code page', () => {
  it('are decoded in Q and B, whatever the label names the page', () => {
    expect(decodeEncodedWords('=?ibm850?Q?R=82f_:_Refus_d=27Orange?=')).toBe("Réf : Refus d'Orange");
    expect(decodeEncodedWords('=?cp437?B?kHSCIA==?=')).toBe('Été ');
    expect(decodeEncodedWords('=?IBM850?q?D=82j=85_vu?=')).toBe('Déjà vu');
    expect(decodeEncodedWords('=?cp850?Q?=90t=82?=')).toBe('Été');
  });

  it('join the words of other charsets, the space between two words dropped, the text between kept', () => {
    expect(decodeEncodedWords('=?utf-8?Q?TR=3A_R=C3=A9f?= =?ibm850?Q?_=82t=82?=')).toBe('TR: Réf été');
    expect(decodeEncodedWords('=?ibm850?Q?=82t=82?=  =?utf-8?Q?_=C3=A9t=C3=A9?= et =?cp850?Q?=82?=')).toBe(
      'été été et é',
    );
    expect(decodeEncodedWords('Devis =?utf-8?B?w6k=?= =?utf-8?B?w6k=?=')).toBe('Devis éé');
    expect(decodeEncodedWords('no words here =? at all')).toBe('no words here =? at all');
  });

  it('keep a forward prefix written in one (TR :, as French Outlook writes it)', () => {
    expect(isForwardSubject('=?ibm850?Q?TR_:_Message_non_remis_=85_jean?=')).toBe(true);
  });

  it("make a person's reply quoting a refusal, its subject `Réf :` in code page 850, dated as a reply", async () => {
    const { incidents } = await extract(fixture('reply-subject-ibm850-quotes-dsn.eml'), {
      now: new Date('2026-12-07T12:00:00Z'),
    });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.orange?.reason).toBe(102);
    expect(incidents[0]?.occurredAt).toBe('2026-12-07T09:42:17+01:00');
    expect(incidents[0]?.assumptions.map((a) => a.code)).toEqual(['date.quoting-message']);
  });

  it('are read in linear time on a 1 MB line of word openings', () => {
    const hostile = `${'=?ibm850?Q?'.repeat(50_000)}${'=?cp437?B?'.repeat(50_000)}`;
    expect(decodeEncodedWords(hostile)).toBe(hostile);
  });
});
