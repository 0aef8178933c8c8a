/**
 * A reply pasted as a program's string: a JSON log line's (`{"error":"... response=421 4.7.0 ... -
 * gsmtp","stack":"Error: ..."}`) or a JavaScript array's (`reason: "host smtp-in.orange.fr[193.252.22.1]
 * refused to talk to me: 550 ... [103]",` then `dsn: "4.0.0",` on the next lines, a TypeScript check
 * script of the public code index). The reply ends at the string's closing quote; what follows is code.
 */

/**
 * The double-quoted string of `line` that holds offset `at` (its opening and closing quotes, escapes
 * skipped), or null when `at` is in none or the string does not close on the line.
 */
export function stringAround(line: string, at: number): { open: number; close: number } | null {
  let open = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34 /* " */) {
      if (open >= 0 && i >= at) return { open, close: i };
      open = open >= 0 ? -1 : i;
    }
    if (i >= at && open < 0) return null;
  }
  return null;
}
