/**
 * A rotated `mail.log.1.gz` is read as the log it holds. Gzip data (RFC 1952) is recognised by its
 * first two bytes, `1f 8b`, whatever the file's name; it is inflated with the platform's
 * DecompressionStream (a web standard: browsers, workers and Node 18+), up to a limit and one byte more
 * so the caller sees the file was longer. Used through file-bytes.ts by the CLI, the main process's open
 * dialog and the renderer's drop.
 */
import { Gathered } from './gathered-bytes';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * True for the error of gzip data that ends before its end (zlib's `Z_BUF_ERROR`, `unexpected end of
 * file`, in Node; `Compressed input was truncated.` in Chromium's DecompressionStream): a file cut short,
 * also in its header, before it gave anything. Other errors are damage.
 */
export function gzipEndedEarly(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error as Error & { code?: unknown }).code === 'Z_BUF_ERROR' ||
    /unexpected end of file|input was truncated/i.test(error.message)
  );
}

/**
 * The size gzip's trailer gives (ISIZE, RFC 1952: the last member's size modulo 2^32): a hint for one
 * buffer, right for a rotated log (one member under 4 GB), grown when wrong (several members). A file
 * cut short ends in other bytes: deflate's limit (1032 bytes for one) bounds what they may claim.
 */
function trailerSize(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n < 18) return 0;
  const size =
    ((bytes[n - 4] as number) | ((bytes[n - 3] as number) << 8) | ((bytes[n - 2] as number) << 16)) +
    (bytes[n - 1] as number) * 0x1000000;
  return Math.min(size, n * 1032);
}

/**
 * The bytes gzip's data stands for, at most `limit + 1` of them. The whole lines a cut or damaged file
 * still gave are kept (its last, cut line is not: a half reply is no reply), and `onCut` hears of it, so
 * that the caller can say the rest was lost, also when a file cut short (in its header, say) gave none;
 * a damaged file that gives nothing at all throws.
 */
export async function gunzipUpTo(
  bytes: Uint8Array,
  limit: number,
  onCut: () => void = () => undefined,
): Promise<Uint8Array> {
  // The DOM and Node typings disagree on DecompressionStream's chunk types; both take bytes.
  const inflate = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = inflate.writable.getWriter();
  // Errors of the writing side surface on the reading side too; this only keeps them from going unhandled.
  const written = writer.write(bytes).catch(() => undefined);
  const closed = writer.close().catch(() => undefined);
  const reader = inflate.readable.getReader();
  // Copied into one buffer as they come, of the trailer's size when it says it: the chunks, then their
  // joined copy, held a log's 64 MB twice over (and a 300 MB log.gz took 316 MB to read).
  const gathered = new Gathered(trailerSize(bytes), limit + 1);
  let size = 0;
  try {
    while (size <= limit) {
      const next = await reader.read();
      if (next.done) break;
      gathered.add(next.value);
      size += next.value.length;
    }
  } catch (error) {
    if (size === 0 && !gzipEndedEarly(error)) throw error;
    onCut();
    return gathered.bytes(gathered.all.subarray(0, gathered.size).lastIndexOf(10) + 1);
  } finally {
    reader.cancel().catch(() => undefined);
    // The stream holds the gzip data until its writes settled and a task passed (measured on Node's): 23 MB
    // for a 300 MB log, held beside the log through its whole reading.
    await Promise.all([written, closed]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return gathered.bytes();
}
