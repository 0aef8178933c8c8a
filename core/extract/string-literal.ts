/**
 * A reply pasted as a program's string: a JSON log line's (`{"error":"... response=421 4.7.0 ... -
 * gsmtp","stack":"Error: ..."}`) or a JavaScript array's (`reason: "host smtp-in.orange.fr[193.252.22.1]
 * refused to talk to me: 550 ... [103]",` then `dsn: "4.0.0",` on the next lines, a TypeScript check
 * script of the public code index). The reply ends at the string's closing quote; what follows is code.
 */

/**
 * What may follow a string's closing quote in code, CSV, logfmt or prose: the line's end, a separator, a
 * closing bracket, an operator, or logfmt's next `key=`. A quote followed by a word opens a quote inside the
 * string (a forum post's `"host mx.address.com[183.81.162.32] said: 550 "Unknown User" (in reply to RCPT
 * TO command)"`).
 */
const AFTER_CLOSE = /^\s*(?:$|[,;:)\]}+])|^\s{1,4}[A-Za-z_][\w.-]{0,40}=/;

/**
 * The double-quoted string of `line` that holds offset `at` (its opening and closing quotes, escapes
 * skipped: a backslash's, and CSV's doubled quote `""`), or null when `at` is in none or the string
 * does not close on the line.
 */
export function stringAround(line: string, at: number): { open: number; close: number } | null {
  let open = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34 /* " */) {
      if (open < 0) open = i;
      // CSV's escaped quote (`said: 550-""The recipient cannot be verified""`), or a quote opening one
      // inside.
      else if (line.charCodeAt(i + 1) === 34) i++;
      else if (AFTER_CLOSE.test(line.slice(i + 1, i + 41))) {
        if (i >= at) return { open, close: i };
        open = -1;
      }
    }
    if (i >= at && open < 0) return null;
  }
  return null;
}
