/** What a command needs from the outside world, so tests can run commands without a process. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads FILE, or standard input for '-'. */
  read(path: string): Promise<Uint8Array>;
  isDirectory(path: string): Promise<boolean>;
  /** Every file under a directory, recursively, sorted, hidden entries skipped. */
  listFiles(dir: string): Promise<string[]>;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Every file under `dir`, recursively, sorted by name, hidden entries skipped. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else if (e.isFile()) out.push(path);
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
