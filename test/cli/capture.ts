/** A CLI's input and output held in memory for tests: what it printed, and standard input when given. */
import type { SummarizeIo } from '../../cli/commands/summarize';
import { type CliIo, processIo } from '../../cli/io';

export function capture(stdin?: Uint8Array): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    ...processIo,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    read: (path, onNote) => (path === '-' && stdin ? Promise.resolve(stdin) : processIo.read(path, onNote)),
  };
  return { io, out: () => out, err: () => err };
}

/** A summarize io reading `files` (by path) in chunks of `size` bytes, and what it printed. */
export function summarizeIo(files: Record<string, Uint8Array>, size = 1000) {
  let out = '';
  let err = '';
  const io: SummarizeIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    async *open(path) {
      const data = files[path];
      if (!data) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
    },
  };
  return { io, out: () => out, err: () => err };
}

/** What `extract --json` printed: one JSON object per line. */
export function jsonLines<T>(out: string): T[] {
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);
}
