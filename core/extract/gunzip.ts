/**
 * A rotated `mail.log.1.gz` is read as the log it holds. Gzip data (RFC 1952) is recognised by its
 * first two bytes, `1f 8b`, whatever the file's name; it is inflated with the platform's
 * DecompressionStream (a web standard: browsers, workers and Node 18+), up to a limit and one byte more
 * so the caller sees the file was longer. Used through file-bytes.ts by the CLI, the main process's open
 * dialog and the renderer's drop.
 */

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Joins chunks into one array of at most `max` bytes (unzstd.ts too). */
export function joined(chunks: Uint8Array[], size: number, max: number): Uint8Array {
  const all = new Uint8Array(Math.min(size, max));
  let at = 0;
  for (const chunk of chunks) {
    if (at >= all.length) break;
    const part = chunk.subarray(0, all.length - at);
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * The bytes gzip's data stands for, at most `limit + 1` of them. The whole lines a cut or damaged file
 * still gave are kept (its last, cut line is not: a half reply is no reply), and `onCut` hears of it, so
 * that the caller can say the rest was lost; a file that gives nothing at all throws.
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
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = inflate.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= limit) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
      size += next.value.length;
    }
  } catch (error) {
    if (size === 0) throw error;
    onCut();
    const all = joined(chunks, size, size);
    return all.subarray(0, all.lastIndexOf(10) + 1);
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return joined(chunks, size, limit + 1);
}
