/**
 * mboxcl2 (test/fixtures/extract/mboxcl2/SOURCES.md): each message's Content-Length says where it ends,
 * and a body line starting with `From ` is left as written. The signature's `From 9:00 to 18:00, ...`
 * looks like a separator (a word, then a time): split there, the forward lost its notice and gave an
 * empty incident beside a second, zone-less reading of it.
 */
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../core/extract';
import { MBOX_FROM } from '../../core/extract/detect';
import { contentLengthEnd } from '../../core/extract/formats/mbox-content-length';
import { SourceText } from '../../core/extract/source-text';
import { fixtureBytes, fixtureText } from './extract/fixtures';

const NAME = 'mboxcl2/lei-two-notices-unescaped-from.mbox';
const endOf = (text: string, fromLine: number) => {
  const source = new SourceText(text);
  const isFrom = (line: number) => MBOX_FROM.test(source.line(line));
  return contentLengthEnd(source, fromLine, isFrom, { chars: 2 * text.length });
};

describe('an mbox delimited by Content-Length', () => {
  it('reads two notices, the first whole despite its body line starting with From', async () => {
    const { incidents } = await extractBytes(fixtureBytes(NAME), {
      now: new Date('2026-12-05T12:00:00Z'),
    });
    expect(incidents.map((i) => [i.occurredAt, i.orange?.token, i.sendingDomain])).toEqual([
      // (The first, forwarded by Gmail: its notice's `To: <jonas.becker@laden-becker.example>`.)
      ['2026-12-04T10:12:00+01:00', 'OFR006_103', 'laden-becker.example'],
      ['2026-12-04T10:12:01+01:00', 'OFR006_103', 'atelier-morel.example'],
    ]);
    expect(incidents[0]?.sources.reply?.line).toBe(47);
  });

  it('ends each message on the empty line its length lands on (counted in UTF-8)', () => {
    const text = fixtureText(NAME);
    expect(endOf(text, 1)).toBe(50);
    expect(endOf(text, 51)).toBe(text.split('\n').length);
  });

  it('leaves a length that does not land on an empty line before a From line to the From lines', () => {
    const text = fixtureText(NAME);
    expect(endOf(text.replace('Content-Length: 1006', 'Content-Length: 1005'), 1)).toBeNull();
    expect(endOf(text.replace('Content-Length: 1006', 'Content-Length: 99999999'), 1)).toBeNull();
    expect(endOf(text.replace(/^Content-Length: 1006\n/m, ''), 1)).toBeNull();
  });
});
