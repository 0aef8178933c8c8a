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
