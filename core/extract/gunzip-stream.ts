/**
 * Gzip data read as it comes (the app's Large logs tab), member after member. Chromium's
 * DecompressionStream fails at the end of a gzip member with `Junk found after end of compressed data.`,
 * having enqueued what it decoded from the bytes it was last given, and the failure empties the stream's
 * queue: what no read was waiting for is lost (checked on Debian's chromium 150). A log of members run
 * together (`cat a.gz b.gz`, `gzip -c >>`) was summarised up to about its first member and said cut, and
 * one with other bytes after its last member (a tool's tail) lost its last lines and was said cut. So:
 * many reads are kept waiting, and the bytes are given a few KB at a time, so that none of a write's
 * output waits in the queue; and they are split before each `1f 8b 08` (a member's start) and before
 * the zeros a chunk ends with, so that a member ends with the bytes given before such a start, the
 * decoder fails on the next piece having given nothing of it, and that piece starts a new member with a
 * decoder of its own. Zeros after the last member are ignored, as gzip(1) does; other bytes after a
 * member that start none are ignored too, and said ("decompression OK, trailing garbage ignored", says
 * gzip(1)). Node's decoder reads every member itself. For data held whole, see gunzip.ts.
 */
import { allZeros, gzipEndedEarly, memberStarts, memberStartsAt } from './gunzip';

/** Compressed bytes given to the decoder at a time: 1032:1 at most (deflate's), 65 chunks of 64 KiB. */
const WRITE = 4096;

/** Reads kept waiting on a decoder: more than one write fills (also in 16 KiB chunks, as Node gives them). */
const READS = 260;

/** True for Chromium's failure on bytes after a member that ended cleanly, all it decoded enqueued. */
const junkAfterEnd = (error: unknown) =>
  error instanceof Error && /junk found after end/i.test(error.message);

/** `chunk` cut before each `1f 8b 08` and before the zeros it ends with, in pieces of WRITE bytes at most. */
function pieces(chunk: Uint8Array): Uint8Array[] {
  const cuts = [...memberStarts(chunk, 1)];
  let zeros = chunk.length;
  while (zeros > 0 && chunk[zeros - 1] === 0) zeros--;
  if (zeros > 0 && zeros < chunk.length && zeros > (cuts.at(-1) ?? 0)) cuts.push(zeros);
  cuts.push(chunk.length);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts)
    for (; from < cut; from = Math.min(cut, from + WRITE))
      out.push(chunk.subarray(from, Math.min(cut, from + WRITE)));
  return out;
}

/**
 * One decoder, with READS reads waiting on it: what it decodes is in `ready` once a write settled; `ended`
 * once its output closed or failed (`failure`).
 */
class Decoder {
  readonly ready: Uint8Array[] = [];
  failure: { error: unknown } | null = null;
  private closed = false;
  private wake: () => void = () => undefined;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;

  constructor() {
    // The DOM and Node typings disagree on DecompressionStream's chunk types; both take bytes.
    const inflate = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
    this.writer = inflate.writable.getWriter();
    const reader = inflate.readable.getReader();
    const request = () => {
      reader.read().then(
        (next) => {
          if (next.done) this.closed = true;
          else {
            this.ready.push(next.value);
            request();
          }
          this.wake();
        },
        (error: unknown) => {
          this.failure ??= { error };
          this.wake();
        },
      );
    };
    for (let n = 0; n < READS; n++) request();
  }

  get ended(): boolean {
    return this.closed || this.failure !== null;
  }

  /** Gives `piece` to the decoder: false when it failed on it. */
  async write(piece: Uint8Array): Promise<boolean> {
    try {
      await this.writer.write(piece);
      return true;
    } catch {
      await this.settled();
      return false;
    }
  }

  /** Ends the decoder's input, once its output closed or failed. */
  async close(): Promise<void> {
    await this.writer.close().catch(() => undefined);
    await this.settled();
  }

  abort(error: unknown): Promise<void> {
    return this.writer.abort(error).catch(() => undefined);
  }

  private settled(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      if (this.ended) resolve();
    });
  }
}

/**
 * The bytes the gzip data of `chunks` stands for, as they are inflated. Data that ends early or is
 * damaged ends the output there and `onCut` hears of it (what it gave so far stays read; also when it
 * was cut before it gave any); damaged data that gives nothing throws, and so does a failing read.
 * Bytes after a member that start none are ignored, and `onTrailing` hears of them (zeros are not said).
 */
export async function* gunzipChunks(
  chunks: AsyncIterable<Uint8Array>,
  onCut: () => void,
  onTrailing: () => void = () => undefined,
): AsyncGenerator<Uint8Array> {
  const source = chunks[Symbol.asyncIterator]();
  let given = 0;
  /** The pieces not yet given to a decoder: what a failed piece and the rest of its chunk leave. */
  let waiting: Uint8Array[] = [];
  let sourceDone = false;
  for (;;) {
    const decoder = new Decoder();
    /** Pieces this decoder took: a member's start it fails on must not be its first. */
    let written = 0;
    let failedOnPiece = false;
    const queue = waiting;
    waiting = [];
    while (!decoder.ended || decoder.ready.length > 0) {
      const ready = decoder.ready.shift();
      if (ready !== undefined) {
        given += ready.length;
        yield ready;
        continue;
      }
      if (queue.length === 0) {
        if (sourceDone) {
          await decoder.close();
          continue;
        }
        let next: IteratorResult<Uint8Array>;
        try {
          next = await source.next();
        } catch (error) {
          await decoder.abort(error);
          throw error;
        }
        if (next.done) sourceDone = true;
        else queue.push(...pieces(next.value));
        continue;
      }
      const piece = queue.shift() as Uint8Array;
      if (await decoder.write(piece)) written += 1;
      else {
        // The decoder failed on this piece: kept, with the rest, for the next member's decoder.
        failedOnPiece = true;
        waiting = [piece, ...queue];
      }
    }
    if (decoder.failure === null) return;
    const { error } = decoder.failure;
    const piece = waiting[0];
    if (failedOnPiece && written > 0 && piece !== undefined && memberStartsAt(piece, 0)) continue;
    if (failedOnPiece && written > 0 && waiting.every(allZeros)) {
      // Zeros after the last member: the rest of the data is looked at, and ignored if it is zeros.
      let zeros = true;
      while (zeros && !sourceDone) {
        const next = await source.next();
        if (next.done) sourceDone = true;
        else zeros = allZeros(next.value);
      }
      if (!zeros) onTrailing();
      return;
    }
    // A member ended cleanly, all it gave read, then bytes that start none (Chromium's failure).
    if (junkAfterEnd(error)) {
      onTrailing();
      return;
    }
    if (given === 0 && !gzipEndedEarly(error)) throw error;
    onCut();
    return;
  }
}
