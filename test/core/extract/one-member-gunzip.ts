/**
 * A DecompressionStream('gzip') as Chromium's behaves (checked on Debian's chromium): it inflates one
 * member and fails with `Junk found after end of compressed data.` on anything after it, having given
 * only the first 64 KiB of what it decoded from the bytes written at once; data cut short gives what
 * it decoded, then fails with `Compressed input was truncated.`. Node's reads every member; the tests of
 * the app's gzip reader stand this one in for it. Reads gzipSync's members (a 10-byte header).
 */
import { constants, inflateRawSync } from 'node:zlib';

export class OneMemberGunzip {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
  constructor() {
    const chunks: Uint8Array[] = [];
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk) {
        chunks.push(chunk);
      },
      flush(controller) {
        const data = Buffer.concat(chunks);
        let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
        try {
          inflated = inflateRawSync(data.subarray(10), { info: true }) as unknown as typeof inflated;
        } catch {
          const partial =
            data.length > 10
              ? inflateRawSync(data.subarray(10), { finishFlush: constants.Z_SYNC_FLUSH })
              : Buffer.alloc(0);
          if (partial.length > 0) controller.enqueue(new Uint8Array(partial));
          controller.error(new TypeError('Compressed input was truncated.'));
          return;
        }
        if (10 + inflated.engine.bytesWritten + 8 < data.length) {
          controller.enqueue(new Uint8Array(inflated.buffer.subarray(0, 65536)));
          controller.error(new TypeError('Junk found after end of compressed data.'));
        } else controller.enqueue(new Uint8Array(inflated.buffer));
      },
    });
    this.readable = stream.readable;
    this.writable = stream.writable;
  }
}
