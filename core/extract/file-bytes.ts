/**
 * What a dropped or opened file's bytes are read as, decided in one place for the renderer's drop, the
 * main process's open dialog and the CLI: an Outlook `.msg` (a Compound File, whatever its name) as the
 * message it holds (outlook-file/msg-text.ts), gzip data (a rotated `mail.log.1.gz`: gunzip.ts) and
 * zstd data (a KumoMTA log segment: unzstd.ts) as what they hold, an RTF document (a bounce saved from
 * Outlook or WordPad as `.rtf`: outlook-file/rtf-text.ts) as its text, or as the HTML it wraps, any other
 * file as its own bytes. Each
 * caller keeps its own size caps and says errors its own way; a `.msg` that is no message, or damaged
 * compressed data that gives nothing, throws. Pure: runs in the renderer as in Node.
 */
import { gunzipUpTo, isGzip } from './gunzip';
import { isCompoundFile, outlookMessageText } from './outlook-file/msg-text';
import { rtfText } from './outlook-file/rtf-text';
import { isZstd, unzstdUpTo } from './unzstd';

/**
 * The file's content to read: a text (an Outlook message's) or bytes (the file's, or what its gzip or
 * zstd data holds; `compressedCut` names the format when that data ended early and only the lines
 * before that point are given, `checksumMismatch` when its content does not match its checksum).
 */
export type FileContent =
  | { kind: 'text'; text: string }
  | {
      kind: 'bytes';
      bytes: Uint8Array;
      compressedCut?: CompressionFormat;
      checksumMismatch?: 'zstd';
      /** Bytes after the gzip data that start no member, ignored (as gzip(1) does). */
      trailingIgnored?: 'gzip';
    };

export type CompressionFormat = 'gzip' | 'zstd';

/** Compressed data that holds more than the caller's limit, when the caller refuses it rather than cut it. */
export interface FileRefused {
  kind: 'refused';
  reason: 'too-large-uncompressed';
}

/**
 * The content of a file's bytes. Gzip or zstd data is inflated to at most `limit` bytes and one more;
 * with `overLimit: 'cut'` those bytes are given (the engine then says it cut the input), with `'refuse'`
 * the file is refused, with its reason. Compressed data that ends early gives the whole lines before the
 * cut, marked `compressedCut` for the caller to say so; zstd data whose content does not match its
 * checksum is given as decoded, marked `checksumMismatch`; gzip data followed by bytes that start no
 * member is given whole, marked `trailingIgnored`.
 */
export async function fileContent(
  bytes: Uint8Array,
  options: { limit: number; overLimit: 'cut' },
): Promise<FileContent>;
export async function fileContent(
  bytes: Uint8Array,
  options: { limit: number; overLimit: 'refuse' },
): Promise<FileContent | FileRefused>;
export async function fileContent(
  bytes: Uint8Array,
  { limit, overLimit }: { limit: number; overLimit: 'cut' | 'refuse' },
): Promise<FileContent | FileRefused> {
  if (isCompoundFile(bytes)) return { kind: 'text', text: outlookMessageText(bytes) };
  if (isRtf(bytes)) return { kind: 'text', text: rtfText(bytes).text };
  const format = isGzip(bytes) ? 'gzip' : isZstd(bytes) ? 'zstd' : null;
  if (format === null) return { kind: 'bytes', bytes };
  let cut = false;
  let mismatch = false;
  let trailing = false;
  const onCut = () => {
    cut = true;
  };
  const inflated =
    format === 'gzip'
      ? await gunzipUpTo(bytes, limit, onCut, () => {
          trailing = true;
        })
      : unzstdUpTo(bytes, limit, onCut, () => {
          mismatch = true;
        });
  if (inflated.length > limit && overLimit === 'refuse')
    return { kind: 'refused', reason: 'too-large-uncompressed' };
  return {
    kind: 'bytes',
    bytes: inflated,
    ...(cut ? { compressedCut: format } : {}),
    ...(mismatch ? { checksumMismatch: 'zstd' as const } : {}),
    ...(trailing ? { trailingIgnored: 'gzip' as const } : {}),
  };
}

/** True for gzip or zstd data, by its first bytes: what a file without an extension is read for. */
export function isCompressed(bytes: Uint8Array): boolean {
  return isGzip(bytes) || isZstd(bytes);
}

/** RTF starts with `{\rtf` (RTF 1.9.1: `{\rtf1`), after a UTF-8 byte-order mark some editors write. */
export function isRtf(bytes: Uint8Array): boolean {
  const at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return (
    bytes[at] === 0x7b &&
    bytes[at + 1] === 0x5c &&
    bytes[at + 2] === 0x72 &&
    bytes[at + 3] === 0x74 &&
    bytes[at + 4] === 0x66
  );
}
