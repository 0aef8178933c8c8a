/** A CLI's input and output held in memory for tests: what it printed, and standard input when given. */
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
