/**
 * Log lines a container runtime wrote in pieces, joined back before they are read:
 * - Kubernetes' CRI log files (containerd, CRI-O): `<RFC 3339 time> <stream> <P|F> <content>`, where `P`
 *   marks a piece whose line goes on in the next record of the same stream and `F` its last piece (the
 *   kubelet cuts lines longer than its 16 KiB limit, and output a program flushed before its newline).
 * - Docker's json-file driver: `{"log":"...","stream":"stdout","time":"..."}`, whose `log` ends with `\n`
 *   when the line is whole; a longer line is written as several objects, the last ending with it.
 * A piece read alone would be a reply cut short (its Orange token in the next record), and the next record
 * would be no log line at all. The joined line keeps the first piece's prefix or object (its time) and
 * its line number; the pieces of another stream in between are read as they come.
 */

const CRI = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) (stdout|stderr) ([PF])(?: |$)/;
/** The longest line rebuilt: past it, the pieces are read as they are. */
const MAX_JOINED = 1 << 20;

type Emit = (line: string, lineNo: number) => void;

interface Head {
  text: string;
  line: number;
  /** Docker: the first object, whose `log` is `text`. */
  object?: Record<string, unknown>;
}

/** True when text[s, e) is a CRI record marked partial (`... stdout P ...`), checked cheaply. */
export function isCriPartialAt(text: string, s: number, e: number): boolean {
  if (e - s < 30 || text.charCodeAt(s + 4) !== 45 /* - */ || text.charCodeAt(s + 10) !== 84 /* T */)
    return false;
  const space = text.indexOf(' ', s + 19);
  return (
    space > 0 &&
    space < s + 40 &&
    space < e &&
    (text.startsWith(' stdout P', space) || text.startsWith(' stderr P', space))
  );
}

function parsed(line: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Docker's json-file object on a line, when its `log` does not end the line (a piece), else null. */
function dockerPiece(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{"log":"') || line.includes('\\n","stream"')) return null;
  const o = parsed(line);
  return o && typeof o.log === 'string' && typeof o.stream === 'string' && !o.log.endsWith('\n') ? o : null;
}

export class PartialLines {
  private readonly heads = new Map<string, Head>();

  /** True while a piece waits for the rest of its line. */
  get pending(): boolean {
    return this.heads.size > 0;
  }

  /** A raw line of the paste: passed on to `emit` whole, or kept until its line is complete. */
  push(line: string, lineNo: number, emit: Emit): void {
    const cri = line.charCodeAt(0) === 123 ? null : CRI.exec(line);
    if (cri) {
      const key = `cri:${cri[1]}`;
      const head = this.heads.get(key);
      const content = line.slice(cri[0].length);
      if (head) {
        head.text += content;
        if (cri[2] === 'F' || head.text.length > MAX_JOINED) this.release(key, emit);
      } else if (cri[2] === 'P') this.heads.set(key, { text: line, line: lineNo });
      else emit(line, lineNo);
      return;
    }
    if (line.charCodeAt(0) === 123 /* { */ && line.startsWith('{"log":"')) {
      const piece = dockerPiece(line);
      // A whole line, no piece waiting (nearly every line of such a file): read at once.
      if (!piece && this.heads.size === 0) {
        emit(line, lineNo);
        return;
      }
      const stream = piece ? String(piece.stream) : /"stream":"(std(?:out|err))"/.exec(line)?.[1];
      const key = `docker:${stream}`;
      const head = this.heads.get(key);
      if (head?.object) {
        const whole = piece ?? parsed(line);
        head.text += typeof whole?.log === 'string' ? whole.log : '';
        if (!piece || head.text.length > MAX_JOINED) this.release(key, emit);
        return;
      }
      if (piece) {
        this.heads.set(key, { text: piece.log as string, line: lineNo, object: piece });
        return;
      }
    }
    emit(line, lineNo);
  }

  /** The end of the input: pieces still waiting are read as they are. */
  end(emit: Emit): void {
    for (const key of [...this.heads.keys()]) this.release(key, emit);
  }

  private release(key: string, emit: Emit): void {
    const head = this.heads.get(key);
    if (!head) return;
    this.heads.delete(key);
    emit(head.object ? JSON.stringify({ ...head.object, log: head.text }) : head.text, head.line);
  }
}

/**
 * Docker's json-file objects with the pieces of a line joined (see PartialLines), each with the index of
 * its first piece: for a paste read as JSON values at once.
 */
export function joinedDockerPieces<T>(values: readonly T[]): { value: T; index: number }[] {
  const out: { value: T; index: number }[] = [];
  const open = new Map<string, { value: Record<string, unknown>; index: number }>();
  values.forEach((value, index) => {
    const o = value as unknown as Record<string, unknown> | null;
    const docker = o && typeof o === 'object' && typeof o.log === 'string' && typeof o.stream === 'string';
    if (!docker) {
      out.push({ value, index });
      return;
    }
    const key = o.stream as string;
    const head = open.get(key);
    const log = o.log as string;
    if (head) {
      head.value.log = `${head.value.log as string}${log}`;
      if (log.endsWith('\n')) open.delete(key);
      return;
    }
    if (log.endsWith('\n')) out.push({ value, index });
    else {
      const copy = { ...o };
      open.set(key, { value: copy, index });
      out.push({ value: copy as unknown as T, index });
    }
  });
  return out;
}
