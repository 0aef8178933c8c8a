/**
 * A log pasted newest first (`journalctl -r`, sources in test/fixtures/extract/logsmisc/SOURCES.md): it is
 * said to be reversed, and a 999 is not linked to an error logged after it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW, scanFixture } from './fixture';

const text = readFileSync(
  fileURLToPath(
    new URL('../../../fixtures/extract/logsmisc/postfix-journalctl-reverse.log', import.meta.url),
  ),
  'utf8',
);

describe('a log read newest first (journalctl -r)', () => {
  const result = scanLogText(text, { now: NOW });

  it('is said to be in reverse order', () => {
    const note = result.warnings.find((w) => w.code === 'log-reversed');
    expect(note?.text.en).toContain('journalctl -r');
    expect(note?.text.fr).toContain('journalctl -r');
  });

  it('does not link the 999 to the refusal logged after it in time, shown above it', () => {
    expect(at(result, 3).orange?.token).toBe('OFR_506');
    expect(at(result, 7).orange?.reason).toBe(999);
    expect(at(result, 7).trigger).toBeNull();
    expect(result.counts.suspensionsLinked).toBe(0);
  });

  it('still gives each refusal the sender logged below it', () => {
    expect(at(result, 3).sendingDomain).toBe('shop.example.org');
    expect(at(result, 7).sendingDomain).toBe('news.example.com');
  });

  it('says nothing of a log in time order, across a new year, or of two hosts merged', () => {
    expect(scanFixture('postfix-orange.log').warnings.map((w) => w.code)).not.toContain('log-reversed');
    const inOrder = text.split('\n').slice(1).reverse().join('\n');
    expect(scanLogText(inOrder, { now: NOW }).warnings.map((w) => w.code)).not.toContain('log-reversed');
    const newYear = inOrder.replace(/^May 07 10:1/gm, 'Dec 31 23:5').replace(/^May 07 10:2/gm, 'Jan  1 00:0');
    expect(scanLogText(newYear, { now: NOW }).warnings.map((w) => w.code)).not.toContain('log-reversed');
  });

  it('is said so too when its second part is scanned as a segment and absorbed (large logs)', () => {
    for (let cut = text.indexOf('\n') + 1; cut > 0; cut = text.indexOf('\n', cut) + 1) {
      const first = createLogScanner({ now: NOW });
      first.pushText(text.slice(0, cut));
      const second = createLogScanner({ now: NOW, segment: true });
      second.pushText(text.slice(cut));
      if (!first.absorb(structuredClone(second.finishSegment()))) first.pushText(text.slice(cut));
      // (Senders logged below a refusal of the first part are not taken from a segment: segment.ts.)
      expect(first.finish().warnings.map((w) => w.code)).toContain('log-reversed');
    }
  });
});
