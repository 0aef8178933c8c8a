/**
 * Gmail's bracket after `The recipient server did not accept our requests to connect.`, one per server it
 * tried: `[nora.nyaan.jp 192.0.2.222: timed out]`, earlier `[(0) 9jo.example.jp. [192.0.2.135]:25: socket
 * error]` (Sisimai's set-of-emails, rfc3464-55 and lhost-gmail-09).
 */
const GMAIL_TRIED =
  /\[(?:\(\d{1,3}\) )?([A-Za-z0-9][A-Za-z0-9._-]{0,252}?)\.? \[?([0-9A-Fa-f:.]{2,45}?)\]?(?::\d{1,5})?: (?:timed out|socket error|Connection (?:timed out|refused)|Network is unreachable|No route to host)\]/g;

/** The server Gmail's brackets name, when they name one only (several: which refused is not said). */
export function gmailTried(oneLine: string): [string, string, string] | null {
  let found: [string, string, string] | null = null;
  let n = 0;
  for (const m of oneLine.matchAll(GMAIL_TRIED)) {
    const [whole, host, ip] = m;
    if (!host || !ip || ++n > 10) return null;
    if (found && (found[1].toLowerCase() !== host.toLowerCase() || found[2] !== ip)) return null;
    found = [whole, host, ip];
  }
  return found;
}

/** Gmail's words before its brackets, in a line of its plain-text notice. */
const CONNECT_WORDS = 'did not accept our requests to connect';
/** Its brackets below its words: one line each, at most this many. */
const MAX_BRACKETS = 10;

/**
 * The server Gmail's brackets name on the lines right below its words, in a plain-text notice that
 * wraps them apart (`The recipient server did not accept our requests to connect. Learn more at ...`
 * then `[(0) 9jo.example.jp. [192.0.2.135]:25: socket error]` on the next line: Sisimai's lhost-gmail-09
 * and -10, found by audit61), when they name one only: its name, its address, and the first bracket's
 * line index.
 */
export function gmailTriedBelow(
  lines: readonly string[],
): { host: string; ip: string; lineIndex: number } | null {
  const n = Math.min(lines.length, 2000);
  for (let at = 0; at < n; at++) {
    if (!(lines[at] as string).includes(CONNECT_WORDS)) continue;
    const brackets: string[] = [];
    for (let k = at + 1; k < n && brackets.length < MAX_BRACKETS; k++) {
      const line = (lines[k] as string).trim();
      if (!line.startsWith('[') || line.length > 400) break;
      brackets.push(line);
    }
    const tried = brackets.length > 0 ? gmailTried(brackets.join(' ')) : null;
    return tried ? { host: tried[1], ip: tried[2], lineIndex: at + 1 } : null;
  }
  return null;
}
