/**
 * The few file operations the store needs, as an injectable interface (tests replace single methods to
 * simulate a full disk or a read-only folder), and the atomic replace built on them.
 */
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WritableFile {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface HistoryFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  /** `length` bytes of `path` from byte `offset`, as UTF-8 text. */
  readSlice(path: string, offset: number, length: number): Promise<string>;
  /** `length` bytes of `path` from byte `offset` (fewer at the end of the file). */
  readBytes(path: string, offset: number, length: number): Promise<Buffer>;
  open(path: string, flags: 'wx' | 'r'): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ mtimeMs: number }>;
}

async function readBytes(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await fsp.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const nodeFs: HistoryFs = {
  readFile: (path, encoding) => fsp.readFile(path, encoding),
  readSlice: async (path, offset, length) => (await readBytes(path, offset, length)).toString('utf8'),
  readBytes,
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  link: (existing, newPath) => fsp.link(existing, newPath),
  copyFile: (from, to) => fsp.copyFile(from, to),
  mkdir: (path, options) => fsp.mkdir(path, options),
  readdir: (path) => fsp.readdir(path),
  stat: (path) => fsp.stat(path),
};

export const errnoCode = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | undefined)?.code;

async function ignoreErrors(task: Promise<unknown>): Promise<void> {
  try {
    await task;
  } catch {
    // best effort
  }
}

/** Flushes a directory entry change (rename) to disk; not possible on every platform, so best effort. */
export async function syncDirectory(fs: HistoryFs, dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
  }
}

let tempCounter = 0;

/** Temporary files are named after their target so a later start can recognise and remove leftovers. */
export const tempPrefix = (target: string) => `.${basename(target)}.tmp-`;

/**
 * Replaces `target` with `content` so that after a crash at any moment the file holds either the old or
 * the new content, never a mix: write a temporary file in the same folder, fsync it, keep the current
 * file as `backup` (a hard link, else a copy), rename over the target, fsync the folder.
 */
export async function replaceAtomically(
  fs: HistoryFs,
  target: string,
  content: string,
  backup: string | null,
): Promise<void> {
  const dir = dirname(target);
  tempCounter += 1;
  const temp = join(dir, `${tempPrefix(target)}${process.pid}-${Date.now()}-${tempCounter}`);
  let handle: WritableFile | null = null;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = null;
    if (backup) await keepBackup(fs, target, backup);
    await fs.rename(temp, target);
  } catch (error) {
    if (handle) await ignoreErrors(handle.close());
    await ignoreErrors(fs.unlink(temp));
    throw error;
  }
  await syncDirectory(fs, dir);
}

/**
 * Makes `backup` a copy of the current `target`: a hard link (or a copy where links are unsupported) made
 * under a temporary name then renamed over the old backup, so a backup always exists once made. Nothing
 * happens when the target does not exist (then the old backup stays).
 */
async function keepBackup(fs: HistoryFs, target: string, backup: string): Promise<void> {
  tempCounter += 1;
  const temp = join(dirname(backup), `${tempPrefix(backup)}${process.pid}-${Date.now()}-${tempCounter}`);
  try {
    try {
      await fs.link(target, temp);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return;
      // File systems without hard links (FAT, some network shares): copy instead.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EOPNOTSUPP') throw error;
      await fs.copyFile(target, temp);
    }
    await fs.rename(temp, backup);
  } catch (error) {
    await ignoreErrors(fs.unlink(temp));
    throw error;
  }
}
