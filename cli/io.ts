/** What a command needs from the outside world, so tests can run commands without a process. */
import { type Dirent, fstatSync, readSync, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MAX_INPUT_BYTES } from '../core/extract/decode-bytes';
import { fileContent } from '../core/extract/file-bytes';
import { Gathered } from '../core/extract/gathered-bytes';
import { NOTES } from '../core/extract/notes';
import { NotOutlookMessageError } from '../core/extract/outlook-file/msg-text';
import type { Note } from '../core/types';
import { type FolderEntries, isMailStoreFile, isMailStoreFolder } from './mail-store-files';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Reads FILE, or standard input for '-': at most the engine's limit and one byte more; gzip data is
   * read as what it holds, an Outlook .msg as the message it holds (as UTF-8). What the reading lost is
   * told to `onNote` (gzip data that ends early: the lines before the cut are given).
   */
  read(path: string, onNote?: (note: Note) => void): Promise<Uint8Array>;
  isDirectory(path: string): Promise<boolean>;
  /**
   * Every file under a directory, recursively, sorted (see listFiles); a folder that cannot be read is
   * told to `onError` and the walk goes on.
   */
  listFiles(dir: string, onError?: (path: string, error: unknown) => void): Promise<string[]>;
}

/**
 * The first `limit` bytes of a stream (and one more, so that the engine sees the input was longer and
 * says it cut it): `/dev/zero` or a never-ending pipe is read only that far, not until memory runs out.
 */
export async function readUpTo(
  stream: AsyncIterable<Uint8Array | string>,
  limit: number,
  expectedSize = 0,
): Promise<Uint8Array> {
  // Copied as they come into one buffer (of the file's size when known, else doubled as it fills,
  // core's Gathered, as gunzip does): the chunks and their joined copy were held at once, 64 MB twice
  // over for a large log (250 MB of memory to read a 300 MB file).
  const gathered = new Gathered(Math.min(limit + 1, expectedSize), limit + 1);
  for await (const chunk of stream) {
    gathered.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (gathered.size > limit) break;
  }
  return gathered.bytes();
}

/**
 * Standard input's size when it is a file (`- < mail.log`), else 0; a folder (`extract - < folder/`) is
 * refused: Node reads a folder as no bytes, and the command said "the text is empty".
 */
export function standardInputSize(): number {
  let stats: Stats | null = null;
  try {
    stats = fstatSync(0);
  } catch {
    // Closed or not a file: reading it says what is wrong.
  }
  if (stats?.isDirectory()) throw Object.assign(new Error('standard input is a folder'), { code: 'EISDIR' });
  return stats?.isFile() ? stats.size : 0;
}

/**
 * A file's first `limit` bytes and one more, read straight into one buffer (of the file's size, doubled
 * if it grows; a device or a FIFO tells none): a read stream's chunks were as many megabytes again, left
 * to the collector (a 300 MB log took 228 MB; now 64 MB less).
 */
export async function readFileUpTo(
  readInto: (buffer: Buffer, offset: number, length: number) => Promise<number>,
  limit: number,
  sizeHint: number,
): Promise<Uint8Array> {
  // One byte more than the size: the read that finds the end needs room to try.
  let all = Buffer.allocUnsafeSlow(Math.min(limit + 1, Math.max(sizeHint + 1, 64 * 1024)));
  let size = 0;
  while (size <= limit) {
    if (size === all.length) {
      const grown = Buffer.allocUnsafeSlow(Math.min(limit + 1, all.length * 2));
      all.copy(grown, 0, 0, size);
      all = grown;
    }
    const n = await readInto(all, size, all.length - size);
    if (n === 0) break;
    size += n;
  }
  return all.subarray(0, size);
}

/**
 * Standard input's first MAX_INPUT_BYTES bytes and one more, read with reads of its descriptor straight
 * into one buffer, a pipe's too: read as a stream, a pipe came in 64 kB chunks left to the collector,
 * some 30 MB of them at once (`cat mail.log | extract -` took 25 MB more than the file). A pipe's size
 * is not known: room for the limit is reserved, which takes memory only as it fills. A descriptor left
 * non-blocking by the program that gave it has nothing to read now and then: the rest is read as a stream.
 */
async function readStandardInput(size: number): Promise<Uint8Array> {
  let wouldBlock = false;
  const head = await readFileUpTo(
    async (buffer, offset, length) => {
      try {
        return readSync(0, buffer, offset, length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // (Windows ends a pipe with an error, EOF.)
        if (code === 'EOF') return 0;
        if (code !== 'EAGAIN') throw error;
        wouldBlock = true;
        return 0;
      }
    },
    MAX_INPUT_BYTES,
    size > 0 ? size : MAX_INPUT_BYTES,
  );
  if (!wouldBlock) return head;
  const rest = await readUpTo(
    process.stdin,
    MAX_INPUT_BYTES - head.length,
    MAX_INPUT_BYTES + 1 - head.length,
  );
  const all = Buffer.allocUnsafeSlow(head.length + rest.length);
  all.set(head);
  all.set(rest, head.length);
  return all;
}

async function readCapped(path: string, onNote?: (note: Note) => void): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (path === '-') {
    bytes = await readStandardInput(standardInputSize());
  } else {
    // Opened first, so that a missing or unreadable file fails as readFile would (ENOENT, EACCES, EISDIR).
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      bytes = await readFileUpTo(
        async (buffer, offset, length) => (await handle.read(buffer, offset, length, null)).bytesRead,
        MAX_INPUT_BYTES,
        size,
      );
    } finally {
      await handle.close();
    }
  }
  // Gzip or zstd data beyond the limit is cut, not refused: the engine says it cut the input.
  const content = await fileContent(bytes, { limit: MAX_INPUT_BYTES, overLimit: 'cut' });
  if (content.kind === 'bytes' && content.compressedCut) onNote?.(NOTES.compressedCut(content.compressedCut));
  if (content.kind === 'bytes' && content.checksumMismatch) onNote?.(NOTES.checksumMismatch());
  if (content.kind === 'bytes' && content.trailingIgnored) onNote?.(NOTES.gzipTrailing());
  return content.kind === 'text' ? new TextEncoder().encode(content.text) : content.bytes;
}

/** Folders of version control, never mail: skipped. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn']);

/**
 * Every file under `dir`, recursively, sorted by name. Hidden folders are walked (a Maildir++ keeps its
 * folders as `.Junk`, `.Bounces`), but not version control's; hidden files (`.DS_Store`) are skipped.
 * A folder that cannot be read is told to `onError` (when given) and the walk goes on; without
 * `onError` its error is thrown. A mail store's own files (mail-store-files.ts: Apple Mail's and
 * Dovecot's indexes, a Maildir's `tmp/`, Thunderbird's `.msf`) are skipped as well.
 */
export async function listFiles(
  dir: string,
  onError?: (path: string, error: unknown) => void,
): Promise<string[]> {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (!onError) throw error;
    onError(dir, error);
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const held: FolderEntries = {
    folders: new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name)),
    files: new Set(entries.filter((e) => e.isFile()).map((e) => e.name)),
  };
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name) && !isMailStoreFolder(e.name, held))
        out.push(...(await listFiles(path, onError)));
    } else if (e.isFile() && !e.name.startsWith('.') && !isMailStoreFile(basename(dir), e.name, held))
      out.push(path);
  }
  return out;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  read: readCapped,
  isDirectory: async (path) => path !== '-' && (await stat(path)).isDirectory(),
  listFiles,
};

/**
 * A path as messages and the readable summary print it: as it is, unless it holds a line break or another
 * control character (a file named with a new line made its message two lines, the second one looking
 * like a message of its own); then quoted as a JSON string, `"bad\nname.txt"`.
 */
export function shownPath(path: string): string {
  if (path === '-') return 'standard input';
  if (!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path)) return path;
  // (JSON escapes the C0 controls only; the others are written as \u escapes too.)
  return JSON.stringify(path).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A file error in words (`no such file or directory`), not Node's (`ENOENT: ..., open 'x'`). */
export function fileErrorMessage(error: unknown): string {
  // The container library's own words (`Cannot read properties of undefined`) read as a crash.
  if (error instanceof NotOutlookMessageError && error.message.startsWith('a damaged Outlook message'))
    return 'a damaged Outlook message (.msg): cut short or corrupted, nothing in it could be read';
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_BUF_ERROR') return 'not valid gzip data';
  if (e?.code === 'EBINARY') return 'binary data (an image, an archive...), not a log';
  return e instanceof Error ? e.message : String(error);
}
