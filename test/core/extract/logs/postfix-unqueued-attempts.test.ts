/**
 * Postfix before 2.3 wrote the MX it could not reach, or that refused it at the greeting, on a line without
 * queue id (`connect to X[IP]: Connection refused (port 25)`), before the status line of the message that
 * repeats the last one (sources in test/fixtures/extract/logsmisc/SOURCES.md): one failure is one event.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createLogScanner, scanLogText } from '../../../../core/extract/logs/index';
import { at, NOW } from './fixture';

const text = readFileSync(
  fileURLToPath(
    new URL('../../../fixtures/extract/logsmisc/postfix-2.2-connect-refused.log', import.meta.url),
  ),
  'utf8',
);

describe("Postfix 2.2's attempt lines without queue id", () => {
  const result = scanLogText(text, { now: NOW });

  it('count a connection refused or timed out once, by its status line', () => {
    // Lines 8 and 12; the attempt lines before them are no event of their own.
    expect(result.counts.failuresWithoutReply).toBe(2);
  });

  it("make one incident of Orange's greeting refusal the status line repeats, at every MX tried", () => {
    expect(result.incidents.map((i) => i.sources.reply?.line)).toEqual([6, 10]);
    expect(result.counts.orangeRejections).toBe(2);
    expect(at(result, 6)).toMatchObject({
      remoteIp: '80.12.242.10',
      sendingDomain: 'example.com',
      recipientDomain: 'wanadoo.fr',
      orange: { token: 'OFR005_104', reason: 104 },
    });
  });

  it('give a refusal the status line does not repeat the recipient and sender of its message', () => {
    expect(at(result, 10)).toMatchObject({
      remoteIp: '193.252.22.65',
      sendingDomain: 'example.com',
      recipientDomain: 'orange.fr',
      sources: { recipientDomain: { line: 12 } },
      orange: { token: 'OFR004_999', reason: 999 },
      trigger: { line: 6, token: 'OFR005_104' },
    });
  });

  it('still make an incident of an attempt line no status line follows', () => {
    const attempt = text.split('\n')[3] ?? '';
    expect(scanLogText(attempt, { now: NOW }).incidents.map((i) => i.orange?.token)).toEqual(['OFR005_104']);
  });

  // A part holding such lines is not absorbed (model.ts, UNQUEUED): the second part is pushed again.
  it('gives the same when the log is scanned in two parts, the second as a segment', () => {
    const whole = result.incidents.map((i) => [
      i.sources.reply?.line,
      i.sendingDomain,
      i.sources.sendingDomain?.line,
      i.recipientDomain,
    ]);
    for (let cut = text.indexOf('\n') + 1; cut > 0; cut = text.indexOf('\n', cut) + 1) {
      const first = createLogScanner({ now: NOW });
      first.pushText(text.slice(0, cut));
      const second = createLogScanner({ now: NOW, segment: true });
      second.pushText(text.slice(cut));
      if (!first.absorb(structuredClone(second.finishSegment()))) first.pushText(text.slice(cut));
      const split = first.finish();
      expect(
        split.incidents.map((i) => [
          i.sources.reply?.line,
          i.sendingDomain,
          i.sources.sendingDomain?.line,
          i.recipientDomain,
        ]),
      ).toEqual(whole);
      expect(split.counts.failuresWithoutReply).toBe(2);
    }
  });

  it('has a segment not absorbed when either part holds an attempt line without queue id', () => {
    const cut = text.split('\n').slice(0, 4).join('\n').length + 1;
    const first = createLogScanner({ now: NOW });
    first.pushText(text.slice(0, cut));
    const second = createLogScanner({ now: NOW, segment: true });
    second.pushText(text.slice(cut));
    const segment = second.finishSegment();
    expect(segment.unqueuedAttempts).toBe(true);
    expect(first.absorb(segment)).toBe(false);
  });
});
