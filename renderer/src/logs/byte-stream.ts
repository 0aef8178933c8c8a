/**
 * The byte side of a log scan: counts the bytes read from the file (compressed bytes for a .gz, so the
 * progress matches the file's size), and inflates gzip when the name ends in .gz or the first two
 * bytes are gzip's magic number (RFC 1952: 0x1f 0x8b).
 */
import { looksGzipped } from '../../../core/summary/text-decoder';

export interface CountedStream {
  stream: ReadableStream<Uint8Array>;
  gzip: boolean;
}

/**
 * Wraps `input` so that `onBytes` hears of every raw chunk, and inflates it when it is gzip. Reads the
 * first chunk to look at the magic bytes, then hands it on unchanged.
 */
export async function openLogBytes(
  input: ReadableStream<Uint8Array>,
  name: string | undefined,
  onBytes: (n: number) => void,
): Promise<CountedStream> {
  const reader = input.getReader();
  const first = await reader.read();
  const head = first.done ? undefined : first.value;
  const counted = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head) {
        onBytes(head.byteLength);
        controller.enqueue(head);
      }
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else {
        onBytes(next.value.byteLength);
        controller.enqueue(next.value);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const gzip = looksGzipped(name, head);
  if (!gzip) return { stream: counted, gzip };
  // The DOM and Node typings disagree on DecompressionStream's chunk types; both take bytes.
  const inflate = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  return { stream: counted.pipeThrough(inflate), gzip };
}

/** The bytes of blob[start, end), as they are read; no more once `stopped` says so. */
export async function* blobChunks(
  blob: Blob,
  start: number,
  end: number,
  stopped: () => boolean = () => false,
): AsyncGenerator<Uint8Array> {
  const reader = (blob.slice(start, end).stream() as ReadableStream<Uint8Array>).getReader();
  let done = false;
  try {
    while (!done && !stopped()) {
      const next = await reader.read();
      done = next.done;
      if (!next.done) yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}
