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
 * True for the decoder's error on bytes after a gzip member's end: Chromium's `Junk found after end of
 * compressed data.` (any bytes), Node's `incorrect header check` (bytes other than zeros that do not start
 * with gzip's magic: the first member's start is known to).
 */
export function junkAfterMember(error: unknown): boolean {
  return error instanceof Error && /junk found after end|incorrect header check/i.test(error.message);
}

/** True when every byte of `bytes` is zero. */
export function allZeros(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

/** True when a gzip member may start at bytes[at]: its magic and deflate's method, `1f 8b 08`. */
export function memberStartsAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b && bytes[at + 2] === 8;
}

/** Where gzip members may start in `bytes`, from `from` on. */
export function* memberStarts(bytes: Uint8Array, from: number): Generator<number> {
  for (let at = bytes.indexOf(0x1f, from); at >= 0; at = bytes.indexOf(0x1f, at + 1))
    if (memberStartsAt(bytes, at)) yield at;
}

/**
 * Where the gzip member starting at `at` may end: before each later member's start, 20 bytes on at
 * least (a member's header is 10 bytes, its trailer 8).
 */
const nextMembers = (bytes: Uint8Array, at: number) => memberStarts(bytes, at + 20);

/**
 * Reads gzip members one by one into `gathered`, each inflated alone: up to the first later member's
 * start where the decoder ends it cleanly; the last one up to the data's end, or, when other bytes
 * follow it (zeros a copy was padded with, a tool's tail), up to its end looked for by halves, what
 * follows ignored as gzip(1) does (`onTrailing` hears of bytes other than zeros). -1 once the data was
 * read (or the limit passed); else where the member that ended nowhere starts (data cut short or
 * damaged), `gathered` then holding the members before it.
 */
async function inflateMembers(
  bytes: Uint8Array,
  gathered: Gathered,
  limit: number,
  onTrailing: () => void,
): Promise<number> {
  /** Inflates bytes[at, end) after the `start` bytes gathered: null when it ended cleanly. */
  const inflatePart = async (at: number, end: number, start: number) => {
    gathered.size = start;
    return inflateInto(bytes.subarray(at, end), gathered, limit);
  };
  /**
   * Where the member at `at`, followed by other bytes, ends cleanly (read into `gathered`), looked for by
   * halves: a shorter part ends early, a longer one fails on those bytes; -1 when no part ends cleanly
   * (damaged). Node's decoder takes a byte or two after a member for a next member's start, which ends
   * early too: the parts just before where the halving stopped are tried as well.
   */
  const memberEnd = async (at: number, start: number) => {
    let low = at + 20;
    let high = bytes.length - 1;
    while (low <= high) {
      const end = Math.floor((low + high) / 2);
      const part = await inflatePart(at, end, start);
      if (part === null || gathered.size > limit) return end;
      if (gzipEndedEarly(part)) low = end + 1;
      else high = end - 1;
    }
    for (let end = low - 2; end >= Math.max(at + 20, low - 3); end--) {
      const part = await inflatePart(at, end, start);
      if (part === null || gathered.size > limit) return end;
    }
    return -1;
  };
  for (let at = 0; at < bytes.length; ) {
    const start = gathered.size;
    let next = bytes.length;
    for (const end of nextMembers(bytes, at)) {
      const error = await inflatePart(at, end, start);
      if (gathered.size > limit) return -1;
      if (error === null) {
        next = end;
        break;
      }
      // Cut before its end: a later start may be the next member's. Anything else: past its end.
      if (!gzipEndedEarly(error)) break;
    }
    if (next === bytes.length) {
      const error = await inflatePart(at, next, start);
      if (gathered.size > limit || error === null) return -1;
      if (junkAfterMember(error)) {
        const end = await memberEnd(at, start);
        if (gathered.size > limit) return -1;
        if (end > 0) {
          if (!allZeros(bytes.subarray(end))) onTrailing();
          return -1;
        }
      }
      gathered.size = start;
      return at;
    }
    at = next;
  }
  return -1;
}

/**
 * Inflates the gzip data of `bytes` into `gathered` while it holds at most `limit` bytes; the error
 * that stopped it, or null once the data ended or the limit was passed.
 */
async function inflateInto(bytes: Uint8Array, gathered: Gathered, limit: number): Promise<unknown> {
  // The DOM and Node typings disagree on DecompressionStream's chunk types; both take bytes.
  const inflate = new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = inflate.writable.getWriter();
  // Errors of the writing side surface on the reading side too; this only keeps them from going unhandled.
  const written = writer.write(bytes).catch(() => undefined);
  const closed = writer.close().catch(() => undefined);
  const reader = inflate.readable.getReader();
  try {
    while (gathered.size <= limit) {
      const next = await reader.read();
      if (next.done) break;
      gathered.add(next.value);
    }
    return null;
  } catch (error) {
    return error;
  } finally {
    reader.cancel().catch(() => undefined);
    // The stream holds the gzip data until its writes settled and a task passed (measured on Node's): 23 MB
    // for a 300 MB log, held beside the log through its whole reading.
    await Promise.all([written, closed]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The bytes gzip's data stands for, at most `limit + 1` of them. The whole lines a cut or damaged file
 * still gave are kept (its last, cut line is not: a half reply is no reply), and `onCut` hears of it, so
 * that the caller can say the rest was lost, also when a file cut short (in its header, say) gave none;
 * a damaged file that gives nothing at all throws. Members run together (`cat a.gz b.gz`, `gzip >>`)
 * give each one's bytes, and zeros after the last member (a padded copy) are ignored, as gzip(1) does;
 * so are other bytes that start no member (a tool's tail: gzip(1) says "trailing garbage ignored"), and
 * `onTrailing` hears of them. Chromium's DecompressionStream fails at a member's end with `Junk found
 * after end of compressed data.`, dropping part of what it decoded (checked on Debian's chromium), and
 * Node's on other bytes than a member or zeros (`incorrect header check`, having dropped the last of
 * what it decoded), so on such a failure the members are read one by one.
 */
export async function gunzipUpTo(
  bytes: Uint8Array,
  limit: number,
  onCut: () => void = () => undefined,
  onTrailing: () => void = () => undefined,
): Promise<Uint8Array> {
  // Copied into one buffer as they come, of the trailer's size when it says it: the chunks, then their
  // joined copy, held a log's 64 MB twice over (and a 300 MB log.gz took 316 MB to read).
  const gathered = new Gathered(trailerSize(bytes), limit + 1);
  let error = await inflateInto(bytes, gathered, limit);
  if (error === null) return gathered.bytes();
  if (junkAfterMember(error)) {
    gathered.size = 0;
    const stopped = await inflateMembers(bytes, gathered, limit, onTrailing);
    if (stopped < 0) return gathered.bytes();
    // The members before the one that ended nowhere are kept; that one is read as far as it goes.
    error = (await inflateInto(bytes.subarray(stopped), gathered, limit)) ?? error;
    if (gathered.size > limit) return gathered.bytes();
  }
  if (gathered.size === 0 && !gzipEndedEarly(error)) throw error;
  onCut();
  return gathered.bytes(gathered.all.subarray(0, gathered.size).lastIndexOf(10) + 1);
}
