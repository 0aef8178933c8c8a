/**
 * Gzip data read as it comes (the app's Large logs tab), member after member. Chromium's
 * DecompressionStream fails at the end of a gzip member with `Junk found after end of compressed data.`,
 * dropping part of what it decoded from the bytes it was last given (checked on Debian's chromium): a
 * log of members run together (`cat a.gz b.gz`, `gzip -c >>`) was summarised up to about its first
 * member and said cut. The bytes are handed to the decoder split before each `1f 8b 08` (a member's
 * start) and before the zeros a chunk ends with: a member then ends with the bytes given before such a
 * start, the decoder fails on the next piece having given nothing of it, and that piece starts a new
 * member with a decoder of its own (zeros after the last member are ignored, as gzip(1) does). Node's
 * decoder reads every member itself. For data held whole, see gunzip.ts.
 */
import { gzipEndedEarly, memberStarts, memberStartsAt } from './gunzip';

/** `chunk` cut before each `1f 8b 08` and before the zeros it ends with. */
function pieces(chunk: Uint8Array): Uint8Array[] {
  const cuts = [...memberStarts(chunk, 1)];
  let zeros = chunk.length;
  while (zeros > 0 && chunk[zeros - 1] === 0) zeros--;
  if (zeros > 0 && zeros < chunk.length && zeros > (cuts.at(-1) ?? 0)) cuts.push(zeros);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    out.push(chunk.subarray(from, cut));
    from = cut;
  }
  out.push(chunk.subarray(from));
  return out;
}

/**
 * The bytes the gzip data of `chunks` stands for, as they are inflated. Data that ends early or is
 * damaged ends the output there and `onCut` hears of it (what it gave so far stays read; also when it
 * was cut before it gave any); damaged data that gives nothing throws, and so does a failing read.
 */
export async function* gunzipChunks(
  chunks: AsyncIterable<Uint8Array>,
  onCut: () => void,
): AsyncGenerator<Uint8Array> {
  const source = chunks[Symbol.asyncIterator]();
  let given = 0;
  /** The pieces not yet given to a decoder: what a failed piece and the rest of its chunk leave. */
  let waiting: Uint8Array[] = [];
  for (;;) {
    // The DOM and Node typings disagree on DecompressionStream's chunk types; both take bytes.
    const inflate = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
    const writer = inflate.writable.getWriter();
    const reader = inflate.readable.getReader();
    let stopped = false;
    let failedPiece = -1;
    /** Pieces this decoder took: a member's start it fails on must not be its first. */
    let written = 0;
    let readFailure: { error: unknown } | null = null;
    const queue = waiting;
    waiting = [];
    const pump = (async () => {
      for (;;) {
        if (queue.length === 0) {
          if (stopped) return;
          let next: IteratorResult<Uint8Array>;
          try {
            next = await source.next();
          } catch (error) {
            readFailure = { error };
            await writer.abort(error).catch(() => undefined);
            return;
          }
          if (next.done) return await writer.close().catch(() => undefined);
          queue.push(...pieces(next.value));
        }
        const piece = queue.shift() as Uint8Array;
        try {
          await writer.write(piece);
          written += 1;
        } catch {
          // The decoder failed on this piece: kept, with the rest, for the next member's decoder.
          failedPiece = piece.length;
          waiting = [piece, ...queue];
          return;
        }
      }
    })();
    let failure: { error: unknown } | null = null;
    try {
      for (;;) {
        const next = await reader.read();
        if (next.done) break;
        given += next.value.length;
        yield next.value;
      }
    } catch (error) {
      failure = { error };
    } finally {
      stopped = true;
      if (failure === null) reader.cancel().catch(() => undefined);
    }
    await pump;
    const sourceFailure = readFailure as { error: unknown } | null;
    if (sourceFailure !== null) throw sourceFailure.error;
    if (failure === null) return;
    const piece = waiting[0];
    const startsMember = piece !== undefined && memberStartsAt(piece, 0);
    if (failedPiece >= 0 && written > 0 && startsMember) continue;
    if (failedPiece >= 0 && written > 0 && piece?.every((byte) => byte === 0)) {
      const rest = waiting.slice(1);
      if (rest.every((p) => p.every((byte) => byte === 0))) {
        // Zeros after the last member: the rest of the data is looked at, and ignored if it is zeros.
        let zeros = true;
        for (let next = await source.next(); !next.done && zeros; next = await source.next())
          zeros = next.value.every((byte) => byte === 0);
        if (zeros) return;
      }
    }
    if (given === 0 && !gzipEndedEarly(failure.error)) throw failure.error;
    onCut();
    return;
  }
}
