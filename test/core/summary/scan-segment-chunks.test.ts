/**
 * The worker's scan of a segment (split-scan.ts, scanSegment) reads the same whatever the size of the
 * chunks it is given: a line left open by one chunk is joined to its end in the next, on a mail.log with
 * LF and CRLF line ends and a Latin-1 line (decoded as Windows-1252).
 */
import { describe, expect, it } from 'vitest';
import { createChunkDecoder } from '../../../core/summary';
import { scanSegment } from '../../../core/summary/split-scan';
import { generatePostfixLog } from '../../fixtures/logs/generate-postfix';

let text = '';
generatePostfixLog(120_000, (chunk) => {
  text += chunk;
});
const lines = text.split('\n');
// Every fifth line ended by CRLF, as a log copied through Windows is.
const mixed = lines.map((l, i) => (i % 5 === 0 && l.length > 0 ? `${l}\r` : l)).join('\n');
const latin1Line =
  'Mar 16 00:00:09 mta2 postfix/smtpd[10009]: connect from caf\u00e9.example.com[192.0.2.9]\n';
const log = Buffer.concat([
  Buffer.from(mixed.slice(0, 50_000)),
  Buffer.from(latin1Line, 'latin1'),
  Buffer.from(mixed.slice(50_000)),
]);

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(at + size, bytes.length));
}

const scan = (size: number) =>
  scanSegment({
    bytes: inChunks(log, size),
    start: 1000,
    options: { now: new Date('2026-03-20T00:00:00Z') },
    decoder: createChunkDecoder(),
    budget: Number.POSITIVE_INFINITY,
  });

describe('scanSegment and chunk sizes', () => {
  it('finds the same events, counts and senders, and ends at the same offset, for every chunk size', async () => {
    const whole = await scan(log.length);
    expect(whole.segment.counts.lines).toBeGreaterThan(1000);
    expect(whole.segment.events.length).toBeGreaterThan(0);
    expect(whole.latin1Lines).toBe(1);
    expect(whole.stoppedAt).toBe(1000 + log.length);
    for (const size of [7, 150, 1000, 4096, 65536]) expect(await scan(size)).toEqual(whole);
  });
});
