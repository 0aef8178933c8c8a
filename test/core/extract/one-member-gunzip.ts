/**
 * A DecompressionStream('gzip') as Chromium's behaves (checked on Debian's chromium 150 with
 * playwright-core): it inflates one member, giving what it decodes in chunks of 64 KiB; given bytes past
 * the member's end, it enqueues all it decoded from that write, then fails with `Junk found after end of
 * compressed data.`, which drops the chunks no read was waiting for (a reader with one read pending got
 * 128 KiB of a 2 MB member; one with enough reads pending got every byte); data cut short gives what it
 * decoded, then fails with `Compressed input was truncated.` at the end. Node's reads every member and
 * fails on other bytes; the tests of the app's gzip readers stand this one in for it. Reads gzipSync's
 * members (a 10-byte header).
 */
import { constants, inflateRawSync } from 'node:zlib';

/** What inflateRawSync gives with `info`: the bytes and how many it read. */
interface Inflated {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

export class OneMemberGunzip {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor() {
    let data = Buffer.alloc(0);
    let given = 0;
    let ended = false;
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (ended) throw new TypeError('Junk found after end of compressed data.');
        data = Buffer.concat([data, chunk]);
        if (data.length <= 10) return;
        let whole: Inflated;
        try {
          whole = inflateRawSync(data.subarray(10), { info: true }) as unknown as Inflated;
        } catch {
          // Not ended yet: what it decoded so far (damaged data throws here).
          const partial = inflateRawSync(data.subarray(10), { finishFlush: constants.Z_SYNC_FLUSH });
          controller.enqueue(new Uint8Array(partial.subarray(given)));
          given = partial.length;
          return;
        }
        const end = 10 + whole.engine.bytesWritten + 8;
        for (; given < whole.buffer.length; given += 65536)
          controller.enqueue(new Uint8Array(whole.buffer.subarray(given, given + 65536)));
        given = whole.buffer.length;
        if (end < data.length) throw new TypeError('Junk found after end of compressed data.');
        ended = end === data.length;
      },
      flush() {
        if (!ended) throw new TypeError('Compressed input was truncated.');
      },
    });
    this.readable = stream.readable;
    this.writable = stream.writable;
  }
}
