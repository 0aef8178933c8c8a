/** What a command needs from the outside world, so tests can run commands without a process. */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads FILE, or standard input for '-'. */
  read(path: string): Promise<Uint8Array>;
  isDirectory(path: string): Promise<boolean>;
  /**
   * Every file under a directory, recursively, sorted (see listFiles); a folder that cannot be read is
   * told to `onError` and the walk goes on.
   */
  listFiles(dir: string, onError?: (path: string, error: unknown) => void): Promise<string[]>;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Folders of version control, never mail: skipped. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn']);

/**
 * Every file under `dir`, recursively, sorted by name. Hidden folders are walked (a Maildir++ keeps its
 * folders as `.Junk`, `.Bounces`), but not version control's; hidden files (`.DS_Store`) are skipped.
 * A folder that cannot be read is told to `onError` (when given) and the walk goes on; without
 * `onError` its error is thrown.
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
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) out.push(...(await listFiles(path, onError)));
    } else if (e.isFile() && !e.name.startsWith('.')) out.push(path);
  }
  return out;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  read: (path) => (path === '-' ? readStdin() : readFile(path)),
  isDirectory: async (path) => path !== '-' && (await stat(path)).isDirectory(),
  listFiles,
};
