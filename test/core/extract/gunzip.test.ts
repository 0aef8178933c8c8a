import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipUpTo, isGzip } from '../../../core/extract/gunzip';
import { fixtureBytes } from './fixtures';

// A real Postfix log (audit18), as logrotate leaves it: mail.log.1.gz.
const log = fixtureBytes('audit18/postfix-102-then-999-same-host.log');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('a gzip file (a rotated mail.log.1.gz)', () => {
  it('is known by its first two bytes, not by its name', () => {
    expect(isGzip(gzipSync(log))).toBe(true);
    expect(isGzip(log)).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('gives back the log it holds, byte for byte', async () => {
    expect(await gunzipUpTo(gzipSync(log), 1_000_000)).toEqual(log);
  });

  it('stops one byte past the limit, so the caller sees the file was longer', async () => {
    const big = new Uint8Array(300_000).fill(0x41);
    const out = await gunzipUpTo(gzipSync(big), 100_000);
    expect(out.length).toBe(100_001);
  });

  it('keeps the whole lines of a cut file, and refuses data that is no gzip', async () => {
    const packed = gzipSync(log);
    const cut = text(await gunzipUpTo(packed.subarray(0, Math.floor(packed.length * 0.8)), 1_000_000));
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.endsWith('\n')).toBe(true);
    expect(text(log).startsWith(cut)).toBe(true);
    expect(cut.length).toBeLessThan(log.length);
    await expect(gunzipUpTo(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4]), 1000)).rejects.toThrow();
  });

  it('grows its buffer past a trailer that says too little (a damaged file: its whole lines are kept)', async () => {
    const lines = Buffer.from('Nov 17 00:00:01 mta1 postfix/smtp[1001]: status=sent\n'.repeat(5000));
    const packed = gzipSync(lines);
    packed.writeUInt32LE(1000, packed.length - 4);
    let cut = false;
    const out = await gunzipUpTo(packed, 1_000_000, () => {
      cut = true;
    });
    expect(cut).toBe(true);
    // Past the first buffer (64 KiB), up to the last whole line the stream gave before its length check.
    expect(out.length).toBeGreaterThan(200_000);
    expect(out.length % 53).toBe(0);
    expect(Buffer.from(out).equals(lines.subarray(0, out.length))).toBe(true);
  });

  it('lets the gzip data go once it returns: the stream held a large log’s, cut at the limit, beside the log', async () => {
    // A full collection on demand (the test's own process): the data is collected once nothing holds it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const packed: { ref?: WeakRef<Uint8Array> } = {};
    const inflate = async () => {
      const bytes = gzipSync(new Uint8Array(400_000).fill(0x41));
      packed.ref = new WeakRef(bytes);
      // A weak reference holds its target until the task that made it ends.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return gunzipUpTo(bytes, 100_000);
    };
    const out = await inflate();
    // The stream's last references go as its tasks run out: a loaded machine may need a few more turns of
    // the event loop than the one gunzipUpTo waits (this failed about 1 run in 3 then). Data still held after
    // ten turns is held by the reader, and fails.
    for (let turn = 0; turn < 10 && packed.ref?.deref() !== undefined; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(packed.ref?.deref()).toBeUndefined();
    expect(out.length).toBe(100_001);
  });
});
